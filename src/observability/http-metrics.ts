import type { FastifyInstance } from 'fastify';
import type { MetricsService, Surface } from './metrics.service.js';

const surfaceOf = (route: string): Surface =>
  route.startsWith('/back-api/') ? 'backoffice' : route.startsWith('/api/') || route.startsWith('/billing/api/') ? 'legacy' : 'other';

const STARTED = Symbol('metrics start');

/** Counts and times every HTTP request by its route pattern (never the raw path: no ids in labels). */
export function httpMetrics(fastify: FastifyInstance, metrics: MetricsService): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    (request as unknown as Record<symbol, bigint>)[STARTED] = process.hrtime.bigint();
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const started = (request as unknown as Record<symbol, bigint>)[STARTED];
    const route = request.is404 ? undefined : request.routeOptions.url;
    const endpoint = route ? `${request.method} ${route}` : 'unmatched';
    metrics.observe(surfaceOf(route ?? request.url.toLowerCase()), endpoint, reply.statusCode, Number(process.hrtime.bigint() - started) / 1e9);
    done();
  });
}
