import 'reflect-metadata';
import { createServer } from 'node:net';
import { Logger, type INestApplication } from '@nestjs/common';
import { createApp } from './app.factory.js';
import { loadEnvFile } from './config/env-file.js';
import { ConfigError, loadConfig } from './config/load-config.js';
import { installGracefulShutdown } from './lifecycle/graceful-shutdown.js';

async function main(): Promise<void> {
  const logger = new Logger('Main');
  let config;
  try {
    // .env in the working directory, if any; the real environment wins over it.
    loadEnvFile();
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
  // Before anything starts, so a busy port is one clear line rather than a start-up log and an error.
  if (!(await portIsFree(config.port))) exitPortInUse(config.port);
  const app = await createApp(config);
  installGracefulShutdown(app, logger);
  try {
    await listenOnAllInterfaces(app, config.port);
  } catch (error) {
    if ((error as { code?: string }).code === 'EADDRINUSE') exitPortInUse(config.port);
    throw error;
  }
  const url = (await app.getUrl()).replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  const db = config.database.type === 'sqlite' ? `SQLite ${config.database.path}` : 'PostgreSQL';
  logger.log(`Listening on ${url} (${db})`);
  logger.log(`Health: ${url}/health · socket.io: ${url}${config.socketPath}`);
  logger.log(`Backoffice OpenAPI: ${url}/docs (JSON: ${url}/docs-json)`);
}

/** Every interface, IPv6 and IPv4, as Node listens by default; IPv4 alone where IPv6 is off. */
async function listenOnAllInterfaces(app: INestApplication, port: number): Promise<void> {
  try {
    await app.listen(port, '::');
  } catch (error) {
    // A busy port is busy on IPv4 too; anything else (no IPv6 on this host) is worth the retry.
    if ((error as { code?: string }).code === 'EADDRINUSE') throw error;
    await app.listen(port, '0.0.0.0');
  }
}

function portIsFree(port: number): Promise<boolean> {
  if (port === 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => resolve(error.code !== 'EADDRINUSE'));
    probe.listen(port, () => probe.close(() => resolve(true)));
  });
}

function exitPortInUse(port: number): never {
  console.error(`Port ${port} is already in use (is another server running? stop it first), or set PORT to a free port.`);
  process.exit(1);
}

main().catch((error: unknown) => {
  console.error('Failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
