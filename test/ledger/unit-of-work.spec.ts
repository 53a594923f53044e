import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openDatabase } from '../../src/database/open-database.js';
import type { Db } from '../../src/database/db.service.js';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../support/test-databases.js';

/** Nested reads and transactions join the one in progress, and never exhaust a small pool. */
describe.each(DATABASE_KINDS)('the unit of work on %s', (kind) => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase(kind, 3);
    db = await openDatabase(database.config);
  });
  afterAll(async () => {
    await db?.close();
    await database?.drop();
  });

  it('runs many concurrent reads that nest reads, on a pool of three', async () => {
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => db.read(async () => (await db.query<{ n: number }>('SELECT ? AS n', [i])).concat(await db.query<{ n: number }>('SELECT ? AS n', [i + 1])))),
    );
    expect(results.map((rows) => rows.map((r) => Number(r.n)))).toEqual(Array.from({ length: 60 }, (_, i) => [i, i + 1]));
  });

  it('runs many concurrent transactions that nest reads and transactions, atomically', async () => {
    await db.query(`INSERT INTO settings (name, value) VALUES ('counter', '0')`);
    await Promise.all(
      Array.from({ length: 40 }, () =>
        db.transaction(async (tx) => {
          const lock = tx.dialect === 'postgres' ? 'FOR UPDATE' : '';
          const [row] = await db.query<{ value: string }>(`SELECT value FROM settings WHERE name = 'counter' ${lock}`);
          await db.transaction((inner) => inner.query(`UPDATE settings SET value = ? WHERE name = 'counter'`, [String(Number(row.value) + 1)]));
        }),
      ),
    );
    expect(await db.query(`SELECT value FROM settings WHERE name = 'counter'`)).toEqual([{ value: '40' }]);
    await expect(
      db.transaction(async (tx) => {
        await tx.query(`UPDATE settings SET value = '999' WHERE name = 'counter'`);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await db.query(`SELECT value FROM settings WHERE name = 'counter'`)).toEqual([{ value: '40' }]);
  });
});
