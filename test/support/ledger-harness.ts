import { seedDefaultCatalog } from '../../src/catalog/seed-default-catalog.js';
import { Clock } from '../../src/common/clock.js';
import type { Db } from '../../src/database/db.service.js';
import { openDatabase } from '../../src/database/open-database.js';
import { AssetRegistry } from '../../src/ledger/asset-registry.js';
import { HoldsService } from '../../src/ledger/holds.service.js';
import { LedgerCheckService } from '../../src/ledger/ledger-check.service.js';
import { LedgerEvents } from '../../src/ledger/ledger-events.js';
import { LedgerService } from '../../src/ledger/ledger.service.js';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './test-databases.js';

/** The ledger's services over a real, migrated and seeded database, without the web layer. */
export interface LedgerHarness {
  readonly database: TestDatabase;
  readonly db: Db;
  readonly clock: Clock;
  readonly assets: AssetRegistry;
  readonly events: LedgerEvents;
  readonly ledger: LedgerService;
  readonly holds: HoldsService;
  readonly check: LedgerCheckService;
  close(): Promise<void>;
}

export async function openLedger(kind: DatabaseKind, poolSize?: number): Promise<LedgerHarness> {
  const database = await createTestDatabase(kind, poolSize);
  const db = await openDatabase(database.config);
  const clock = new Clock();
  await seedDefaultCatalog(db, clock.now());
  const assets = new AssetRegistry(db);
  await assets.load();
  const events = new LedgerEvents();
  const ledger = new LedgerService(db, assets, events, clock);
  return {
    database,
    db,
    clock,
    assets,
    events,
    ledger,
    holds: new HoldsService(db, ledger, clock),
    check: new LedgerCheckService(db),
    close: async () => {
      await db.close();
      await database.drop();
    },
  };
}
