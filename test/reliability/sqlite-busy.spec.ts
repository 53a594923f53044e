import { afterAll, describe, expect, it } from '@jest/globals';
import { createRequire } from 'node:module';
import { connectUrl, type Envelope } from '../support/socket-client.js';
import { ledgerCheck, startServerProcess, type ServerProcess } from '../support/server-process.js';
import { createTestDatabase, type TestDatabase } from '../support/test-databases.js';
import { tokenFor } from '../support/tokens.js';

interface SqliteConnection {
  pragma(source: string): unknown;
  exec(sql: string): unknown;
  close(): void;
}
const Database = createRequire(import.meta.url)('better-sqlite3') as new (path: string) => SqliteConnection;

const admin = tokenFor('busy-admin', { roles: ['admin'] });
/** The server's busy timeout (SQLITE_BUSY_TIMEOUT_MS, 5 s by default): short, as every queued request waits it out in turn. */
const BUSY_TIMEOUT_MS = 1000;

/**
 * Another process holds SQLite's write lock (a long write transaction on its own connection):
 * the service waits up to its busy timeout, then answers 503 on the socket and REST surfaces,
 * never 500, and writes nothing of the refused requests. Once the lock is released it serves
 * again, and the ledger check passes.
 */
describe('SQLite held by another process', () => {
  let database: TestDatabase;
  let server: ServerProcess | null = null;

  afterAll(async () => {
    await server?.kill();
    await database?.drop();
  });

  it('answers 503 after the busy timeout, never 500, and writes nothing half', async () => {
    database = await createTestDatabase('sqlite');
    server = await startServerProcess({ DATABASE_URL: database.url, SQLITE_BUSY_TIMEOUT_MS: String(BUSY_TIMEOUT_MS) });
    const root = await connectUrl(server.url, admin);
    const alice = await connectUrl(server.url, tokenFor('busy-a'));
    const bob = await connectUrl(server.url, tokenFor('busy-b'));
    expect(((await root.emitWithAck('balance:addUserBalanceByAdmin', { data: { targetUser: 'busy-a', amount: 100 } })) as Envelope).error.code).toBe(0);
    const before = ((await alice.emitWithAck('balance:getTransactions')) as Envelope).data;

    // Another connection takes the write lock and writes, and keeps its transaction open.
    const other = new Database(database.config.type === 'sqlite' ? database.config.path : '');
    // It waits for the lock like any client: the service's own background work (the webhook
    // fan-out moving its cursor after the credit's event) may hold it for a moment.
    other.pragma('busy_timeout = 10000');
    other.exec('BEGIN IMMEDIATE');
    other.exec(`UPDATE accounts SET locked = locked WHERE 1 = 0`);
    try {
      const donations = [1, 2, 3].map((n) =>
        alice.timeout(30_000).emitWithAck('balance:donateToken', { data: { targetUser: 'busy-b', token: n }, event: { id: `busy-${n}` } }) as Promise<Envelope>,
      );
      const credit = root.timeout(30_000).emitWithAck('balance:addUserBalanceByAdmin', { data: { targetUser: 'busy-a', amount: 5 }, event: { id: 'busy-credit' } }) as Promise<Envelope>;
      const rest = fetch(`${server.url}/back-api/backoffice/ledger/check`, { headers: { authorization: `Bearer ${admin}` } });
      const answers = await Promise.all([...donations, credit]);
      expect(answers.map((a) => a.error)).toEqual(answers.map(() => ({ status: true, code: 503, message: 'Database unavailable; retry later' })));
      const refused = await rest;
      expect(refused.status).toBe(503);
      expect(await refused.json()).toEqual({ statusCode: 503, message: 'Database unavailable; retry later' });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }

    // Nothing of the refused requests was written, and a retry with the same event id runs now.
    expect(((await alice.emitWithAck('balance:getTransactions')) as Envelope).data).toEqual(before);
    const retried = (await alice.emitWithAck('balance:donateToken', { data: { targetUser: 'busy-b', token: 1 }, event: { id: 'busy-1' } })) as Envelope;
    expect(retried).toMatchObject({ data: { token: 99 }, error: { code: 0 } });
    expect(await ledgerCheck(server.url, admin)).toMatchObject({ ok: true, failures: [] });
    [root, alice, bob].forEach((s) => s.close());
    expect(server.output()).not.toMatch(/internal error/);
  });
});
