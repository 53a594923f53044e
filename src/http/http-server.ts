import helmet from '@fastify/helmet';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '../config/app-config.js';
import { DrainService } from '../lifecycle/drain.service.js';
import { HTTP_LOGGER } from '../observability/logging.js';
import { MetricsService } from '../observability/metrics.service.js';
import { MAX_BODY_BYTES } from './body-limits.js';
import { registerBodyParsers } from './body-parsers.js';
import { draining } from './draining.js';
import { clientErrorHandler, frameworkErrors, type EarlyRefusals } from './early-refusals.js';
import { jsonBodyPolicy } from './json-body-policy.js';
import { methodNotAllowed } from './method-not-allowed.js';
import { requestLogging } from './request-logging.js';
import { requestMetrics } from './request-metrics.js';
import { helmetOptions, SecuredResponse } from './security-headers.js';
import { timeoutOptions } from './timeouts.js';

export type { EarlyRefusals } from './early-refusals.js';

/**
 * The HTTP server every surface shares, in two steps: `httpAdapter` (what Fastify is built with)
 * before Nest creates the application, `setUpHttpServer` (hooks and body parsers, in the order
 * they must run) once it exists. One file per concern beside this one.
 */
export function httpAdapter(config: AppConfig, early: EarlyRefusals): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: MAX_BODY_BYTES,
    // `request.ip` is the client address of every other surface (common/client-address.ts):
    // through trusted proxies only, the right-most X-Forwarded-For entry not itself a trusted proxy.
    trustProxy: (address: string) => config.trustProxy.isTrusted(address),
    // Routing ignores case and a trailing slash (`/API/x/` reaches `/api/x`), and a path segment may be long
    // (the request line is bounded by Node's header limit anyway).
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true, maxParamLength: 16 * 1024 },
    frameworkErrors: frameworkErrors(early),
    clientErrorHandler,
    ...timeoutOptions(config.httpTimeouts),
    http: { ...timeoutOptions(config.httpTimeouts).http, ServerResponse: SecuredResponse },
  });
}

/** The hooks every request passes and the body parsers, on the application's Fastify instance. */
/**
 * `keep404`: paths whose unrouted methods stay 404 rather than 405 (the edges name them: this
 * server knows no route).
 */
export async function setUpHttpServer(app: NestFastifyApplication, config: AppConfig, early: EarlyRefusals, keep404: readonly RegExp[] = []): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  // First, so that every answer, a body the parsers refuse included, has its request id and log line.
  early.identify = requestLogging(fastify, app.get(HTTP_LOGGER));
  // Before any hook that may answer (draining, the body policy), so that those answers carry the headers too.
  await app.register(helmet, helmetOptions(config.publicUrl));
  requestMetrics(fastify, app.get(MetricsService));
  draining(fastify, app.get(DrainService));
  registerBodyParsers(fastify, MAX_BODY_BYTES);
  // Forms are for the legacy billing API; the backoffice reads JSON only.
  jsonBodyPolicy(fastify, '/back-api/');
  methodNotAllowed(fastify, { keep404 });
}
