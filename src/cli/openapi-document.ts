/**
 * Prints the backoffice's OpenAPI document (what GET /docs-json serves) without serving anything:
 * the app is built over a throw-away SQLite database. Used to generate the console's API types.
 *   node dist/src/cli/openapi-document.js > openapi.json
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../app.factory.js';
import { openApiDocument } from '../backoffice/openapi.js';
import { loadConfig } from '../config/load-config.js';

const dir = mkdtempSync(join(tmpdir(), 'openapi-'));
try {
  const config = loadConfig({ DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`, JWT_SECRET: 'x'.repeat(32), LOG_LEVEL: 'silent', ENABLE_TEST_CLOCK: 'true' });
  const app = await createApp(config, { logger: false });
  await app.init();
  process.stdout.write(`${JSON.stringify(openApiDocument(app), null, 2)}\n`);
  await app.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
