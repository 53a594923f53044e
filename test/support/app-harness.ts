import type { INestApplication } from '@nestjs/common';
import { createApp } from '../../src/app.factory.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './test-databases.js';
import { TEST_JWT_SECRET } from './tokens.js';

export interface RunningApp {
  readonly app: INestApplication;
  readonly config: AppConfig;
  readonly url: string;
  readonly database: TestDatabase;
  /** Stops the server and starts a new one on the same database (a restart). */
  restart(): Promise<RunningApp>;
  close(): Promise<void>;
}

/** The real application listening on a free port, over a fresh database of the given kind. */
export async function startApp(kind: DatabaseKind, env: Record<string, string> = {}): Promise<RunningApp> {
  return startAppOn(await createTestDatabase(kind), env);
}

/** The real application over a database that already exists (a second instance, or a restart with other settings). */
export function startAppOn(database: TestDatabase, env: Record<string, string> = {}): Promise<RunningApp> {
  const config = loadConfig({ JWT_SECRET: TEST_JWT_SECRET, DATABASE_URL: database.url, PORT: '0', LOG_LEVEL: 'silent', ...env });
  return listen(config, database);
}

async function listen(config: AppConfig, database: TestDatabase): Promise<RunningApp> {
  const app = await createApp(config, { logger: false });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    config,
    url,
    database,
    restart: async () => {
      await app.close();
      return listen(config, database);
    },
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
