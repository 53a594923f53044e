import type { NextFunction, Request, Response } from 'express';
import type { MetricsService, Surface } from './metrics.service.js';

const surfaceOf = (path: string): Surface =>
  path.startsWith('/back-api/') ? 'backoffice' : path.startsWith('/api/') || path.startsWith('/billing/api/') ? 'legacy' : 'other';

/** Counts and times every HTTP request by its route pattern (never the raw path: no ids in labels). */
export function httpMetrics(metrics: MetricsService) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const route = (req.route as { path?: string } | undefined)?.path;
      const endpoint = route ? `${req.method} ${req.baseUrl}${route}` : 'unmatched';
      metrics.observe(surfaceOf(req.path), endpoint, res.statusCode, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  };
}
