import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory.js';
import { ConfigError, loadConfig } from './config/load-config.js';
import { installGracefulShutdown } from './lifecycle/graceful-shutdown.js';

async function main(): Promise<void> {
  const logger = new Logger('Main');
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  if (config.jwt.isDevelopmentSecret) {
    logger.warn('*** No JWT_SECRET set: using a generated DEVELOPMENT secret from ./data. Never use this in production. ***');
  }
  const app = await createApp(config);
  installGracefulShutdown(app, logger);
  await app.listen(config.port);
  const url = (await app.getUrl()).replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  const db = config.database.type === 'sqlite' ? `SQLite ${config.database.path}` : 'PostgreSQL';
  logger.log(`Listening on ${url} (${db})`);
  logger.log(`Health: ${url}/health · socket.io: ${url}${config.socketPath}`);
  logger.log(`Backoffice OpenAPI: ${url}/docs (JSON: ${url}/docs-json)`);
}

main().catch((error: unknown) => {
  console.error('Failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
