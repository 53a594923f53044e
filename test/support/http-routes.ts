import type { RunningApp } from './app-harness.js';

/** Routes that are public by design: health, metrics and the legacy API (which has its own hash). */
const PUBLIC_ROUTES = new Set(['GET /health', 'GET /metrics', 'POST /api/:method', 'GET /api/:method', 'POST /billing/api/:method', 'GET /billing/api/:method']);

/**
 * Every route the HTTP server really has, as "METHOD /path", read from Fastify's own listing of
 * its router: a tree whose lines are "│   ├── <segment> (GET, HEAD)", each segment appended to
 * the path of the line above it at one less depth. HEAD rides on GET; wildcard routes (static
 * files) are not endpoints.
 */
export function registeredRoutes(app: RunningApp): string[] {
  const fastify = app.app.getHttpAdapter().getInstance() as { printRoutes(options: { commonPrefix: boolean }): string };
  const parents: string[] = [];
  const routes: string[] = [];
  for (const line of fastify.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^((?:[│ ] {3})*)[├└]── (\S+)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1].length / 4;
    const path = (parents[depth - 1] ?? '') + match[2];
    parents[depth] = path;
    parents.length = depth + 1;
    if (!match[3] || path.includes('*')) continue;
    for (const method of match[3].split(', ')) if (method !== 'HEAD') routes.push(`${method} ${path}`);
  }
  return routes;
}

/** The routes that must demand a valid admin token: all but the public ones, the API docs and the console's pages. */
export const protectedRoutes = (app: RunningApp): string[] =>
  registeredRoutes(app).filter((r) => !r.startsWith('GET /docs') && !/^GET \/console(\/|$)/.test(r) && !PUBLIC_ROUTES.has(r));

/** A concrete path for a route pattern: every `:param` filled with the same harmless value. */
export const pathOf = (pattern: string): string => pattern.replace(/:[A-Za-z]+/g, 'x1');
