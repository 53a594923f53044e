import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '../config/app-config.js';

/** Where `npm run console:build` puts the operator console (dist/console, beside dist/src). */
export const CONSOLE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'console');

/**
 * The operator console at /console: static files only, public (they hold no data; every call
 * they make goes to the backoffice API with the operator's token), plus settings.json, which
 * tells the page the socket.io path and the token and root assets (for naming them in
 * confirmations). Served by Fastify directly, outside Nest's guards. The build writes a gzip and a
 * brotli copy of each text file beside it (console/scripts/build.mjs): the browser gets the
 * smallest its Accept-Encoding takes.
 */
export function serveConsole(app: NestFastifyApplication, config: AppConfig): void {
  const fastify = app.getHttpAdapter().getInstance();
  const settings = JSON.stringify({ socketPath: config.socketPath, tokenAsset: config.tokenAsset, rootAsset: config.rootAsset });
  fastify.get('/console/settings.json', (_request, reply) => {
    void reply.type('application/json').header('Cache-Control', 'no-store').send(settings);
  });
  if (!existsSync(join(CONSOLE_DIR, 'index.html'))) {
    const notBuilt = (_request: unknown, reply: { code(status: number): { type(t: string): { send(body: string): void } } }) =>
      reply.code(404).type('text/plain').send('The console is not built: run `npm run console:build` (npm start does).');
    fastify.get('/console', notBuilt);
    fastify.get('/console/*', notBuilt);
    return;
  }
  void fastify.register(fastifyStatic, {
    root: CONSOLE_DIR,
    prefix: '/console/',
    index: ['index.html'],
    // One route per built file, listed at start-up, rather than a wildcard that reads the disk
    // for any path asked; `/console` and `/console/` both give the page (its links are absolute).
    wildcard: false,
    preCompressed: true,
    // Hashed assets never change; index.html always revalidates.
    setHeaders: (reply, path) =>
      void reply.header('Cache-Control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
}
