import { Clock } from '../../src/common/clock.js';
import { Db } from '../../src/database/db.service.js';
import { AssetRegistry } from '../../src/ledger/asset-registry.js';
import { HoldsService } from '../../src/ledger/holds.service.js';
import { LedgerCheckService } from '../../src/ledger/ledger-check.service.js';
import { LedgerEvents } from '../../src/ledger/ledger-events.js';
import { LedgerService } from '../../src/ledger/ledger.service.js';
import { ledgerContext } from './ledger-context.js';
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

export async function openLedger(kind: DatabaseKind, poolSize?: number, env: Record<string, string> = {}): Promise<LedgerHarness> {
  const database = await createTestDatabase(kind, poolSize);
  const context = await ledgerContext(database.config, env);
  return {
    database,
    db: context.get(Db),
    clock: context.get(Clock),
    assets: context.get(AssetRegistry),
    events: context.get(LedgerEvents),
    ledger: context.get(LedgerService),
    holds: context.get(HoldsService),
    check: context.get(LedgerCheckService),
    close: async () => {
      await context.close();
      await database.drop();
    },
  };
}
