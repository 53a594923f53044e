import { afterAll, describe, expect, it } from '@jest/globals';
import { Db } from '../../src/database/db.service.js';
import { AssetRegistry } from '../../src/ledger/asset-registry.js';
import { startAppOn, type RunningApp } from '../support/app-harness.js';
import { createTestDatabase, type TestDatabase } from '../support/test-databases.js';

/**
 * Instances deployed together on an empty PostgreSQL database: both start (one migrates and
 * seeds while the other waits, then finds the work done), and the catalog is there once.
 */
describe('instances starting at once on an empty PostgreSQL database', () => {
  let database: TestDatabase;
  const apps: RunningApp[] = [];

  afterAll(async () => {
    for (const app of apps) await app.app.close().catch(() => undefined);
    await database?.drop();
  });

  it('both start, and migrations and the default catalog run once', async () => {
    database = await createTestDatabase('postgres');
    const started = await Promise.allSettled([startAppOn(database), startAppOn(database), startAppOn(database)]);
    for (const s of started) if (s.status === 'fulfilled') apps.push(s.value);
    expect(started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'started'))).toEqual(['started', 'started', 'started']);
    const db = apps[0].app.get(Db);
    const count = async (sql: string) => Number((await db.query<{ n: string }>(sql))[0].n);
    expect(await count('SELECT COUNT(*) AS n FROM migrations')).toBe(await count('SELECT COUNT(DISTINCT name) AS n FROM migrations'));
    expect(await count(`SELECT COUNT(*) AS n FROM exchange_rate_history WHERE asset = 'eur'`)).toBe(1);
    expect(await count(`SELECT COUNT(*) AS n FROM products WHERE product_id = 'demo-room'`)).toBe(1);
    // Every instance knows the seeded assets, including those that waited for another's seed.
    for (const app of apps) expect(app.app.get(AssetRegistry).list().map((a) => a.code)).toContain('rents');
  });
});
