import { afterAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { sqliteReader } from '../../src/database/sqlite-statements.js';
import { seedAdjustments } from '../support/ledger-seed.js';
import { NO_RATE_LIMITS, startServerProcess, type ServerProcess } from '../support/server-process.js';
import { connectUrl } from '../support/socket-client.js';
import { createTestDatabase, type TestDatabase } from '../support/test-databases.js';
import { adminToken, tokenFor } from '../support/tokens.js';

interface SqliteConnection {
  prepare(sql: string): { readonly reader: boolean; all(...params: unknown[]): unknown[]; run(...params: unknown[]): unknown };
  close(): void;
}
const SqliteDatabase = createRequire(import.meta.url)('better-sqlite3') as new (path: string) => SqliteConnection;

/** Entries in the ledger exported: 10^5 here, 10^6 in the soak run (`npm run soak -- --only export`). */
const ENTRIES = Number(process.env.EXPORT_MEMORY_ENTRIES ?? 100_000);
const MIB = 1024 * 1024;

/** The resident memory of a process (Linux /proc), in bytes. */
const rssOf = (pid: number) => Number(/^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;

/** Reads an export as fast as it comes, keeping only its size and its last line. */
function drain(baseUrl: string, path: string): Promise<{ status: number; bytes: number; lastLine: string }> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, baseUrl), { headers: { authorization: `Bearer ${adminToken()}` } }, (res) => {
      let bytes = 0;
      let tail = '';
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        tail = (tail + chunk.toString('utf8')).slice(-200);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, lastLine: tail.trimEnd().split('\n').at(-1)! }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * The export's memory stays flat (CONTRACT §8 "Export"): the server, a process of its own, streams
 * a ledger of ENTRIES entries with its resident memory growing by less than 64 MiB over what it
 * used before the export.
 */
describe('export memory on sqlite', () => {
  let database: TestDatabase;
  let server: ServerProcess | null = null;

  afterAll(async () => {
    await server?.kill();
    await database?.drop();
  });

  it(
    `streams ${ENTRIES} entries with the server's RSS growing by less than 64 MiB`,
    async () => {
      database = await createTestDatabase('sqlite');
      server = await startServerProcess({ DATABASE_URL: database.url, LOG_LEVEL: 'warn', ...NO_RATE_LIMITS });
      // The user appears with its first connection; one real adjustment opens its accounts.
      (await connectUrl(server.url, tokenFor('m-user'))).close();
      const first = await fetch(`${server.url}/back-api/backoffice/user/m-user/adjustments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminToken()}`, 'content-type': 'application/json' },
        body: JSON.stringify({ asset: 'rents', amount: '1', comment: 'before the seed' }),
      });
      expect(first.status).toBe(201);

      // Each seeded adjustment has two entries.
      const connection = new SqliteDatabase(database.config.type === 'sqlite' ? database.config.path : '');
      const writer = sqliteReader(connection);
      await writer.query('BEGIN IMMEDIATE');
      await seedAdjustments(writer, 'm-user', 'rents', ENTRIES / 2 - 1);
      await writer.query('COMMIT');
      connection.close();

      // A small export first, so that what is loaded once (code, prepared statements) is not counted.
      const warmUp = await drain(server.url, '/back-api/backoffice/transactions/export?format=ndjson&userId=m-user&to=2000-01-01T00:00:00Z');
      expect(warmUp.lastLine).toBe('{"end":true,"count":0}');

      const pid = server.child.pid!;
      const before = rssOf(pid);
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 20);
      try {
        const started = Date.now();
        const result = await drain(server.url, '/back-api/backoffice/transactions/export?format=ndjson');
        expect(result.status).toBe(200);
        expect(result.lastLine).toBe(JSON.stringify({ end: true, count: ENTRIES }));
        console.log(
          `export of ${ENTRIES} entries (${(result.bytes / MIB).toFixed(0)} MiB of NDJSON) in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
            `server RSS ${(before / MIB).toFixed(1)} MiB before, peak ${(peak / MIB).toFixed(1)} MiB, growth ${((peak - before) / MIB).toFixed(1)} MiB`,
        );
      } finally {
        clearInterval(sampler);
      }
      expect(peak - before).toBeLessThan(64 * MIB);
    },
    120_000 + ENTRIES,
  );
});
