import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import type { AppConfig } from '../config/app-config.js';

/** Where `npm run console:build` puts the operator console (dist/console, beside dist/src). */
export const CONSOLE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'console');

/**
 * The operator console at /console: static files only, public (they hold no data; every call
 * they make goes to the backoffice API with the operator's token), plus settings.json, which
 * tells the page the socket.io path. Mounted as middleware, so it adds no route to the router.
 */
export function serveConsole(app: NestExpressApplication, config: AppConfig): void {
  const settings = JSON.stringify({ socketPath: config.socketPath });
  app.use('/console/settings.json', (_req: Request, res: Response) => {
    res.type('application/json').set('Cache-Control', 'no-store').send(settings);
  });
  if (!existsSync(join(CONSOLE_DIR, 'index.html'))) {
    app.use('/console', (_req: Request, res: Response) => {
      res.status(404).type('text/plain').send('The console is not built: run `npm run console:build` (npm start does).');
    });
    return;
  }
  app.useStaticAssets(CONSOLE_DIR, {
    prefix: '/console',
    index: 'index.html',
    // Hashed assets never change; index.html always revalidates.
    setHeaders: (res, path) => res.setHeader('Cache-Control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
}
