import type { FastifyInstance } from 'fastify';
import type { MetricsService, Surface } from '../observability/metrics.service.js';

const surfaceOf = (route: string): Surface =>
  route.startsWith('/back-api/') ? 'backoffice' : route.startsWith('/api/') || route.startsWith('/billing/api/') ? 'legacy' : 'other';

/**
 * Counts and times every HTTP request by its route pattern (never the raw path: no ids in
 * labels), from Fastify's own clock of the request (`reply.elapsedTime`, milliseconds).
 */
export function requestMetrics(fastify: FastifyInstance, metrics: MetricsService): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    // A request no route matched has no pattern.
    const route = request.routeOptions.url;
    const endpoint = route ? `${request.method} ${route}` : 'unmatched';
    metrics.observe(surfaceOf(route ?? request.url.toLowerCase()), endpoint, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
}
