import { type INestApplication, type LoggerService } from '@nestjs/common';
import helmet from '@fastify/helmet';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from './config/app-config.js';
import { AppModule } from './app.module.js';
import { setupOpenApi } from './backoffice/openapi.js';
import { serveConsole } from './console/serve-console.js';
import { registerBodyParsers } from './common/body-parsers.js';
import { HttpErrorFilter } from './common/http-exception.filter.js';
import { httpAdapter, type EarlyRefusals } from './common/http-platform.js';
import { jsonBodyPolicy } from './common/json-body-policy.js';
import { helmetOptions } from './common/security-headers.js';
import { RequestValidationPipe } from './common/validation-pipe.js';
import { LegacyBodyErrorFilter } from './legacy-api/legacy-body-error.filter.js';
import { DrainService } from './lifecycle/drain.service.js';
import { drainHook } from './lifecycle/graceful-shutdown.js';
import { httpMetrics } from './observability/http-metrics.js';
import { HTTP_LOGGER, Logger, requestLogging } from './observability/logging.js';
import { MetricsService } from './observability/metrics.service.js';
import { BalanceIoAdapter } from './realtime/balance-io.adapter.js';
import { serveAsyncApi } from './realtime/serve-asyncapi.js';

/** Largest REST or form body accepted, in bytes (100 kB). */
export const MAX_BODY_BYTES = 100 * 1024;

/**
 * Builds the application (used by main.ts and by the end-to-end tests). Nest runs on Fastify:
 * on this service's requests it answers several times as many per core as Nest on Express
 * (README, Performance).
 */
export async function createApp(config: AppConfig, options: { logger?: false | LoggerService } = {}): Promise<INestApplication> {
  const early: EarlyRefusals = {};
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), httpAdapter(MAX_BODY_BYTES, early, config.trustProxy, config.httpTimeouts), {
    bufferLogs: options.logger !== false,
    logger: options.logger === false ? false : undefined,
    bodyParser: false,
  });
  if (options.logger !== false) app.useLogger(options.logger ?? app.get(Logger));
  const fastify = app.getHttpAdapter().getInstance();
  // First, so that every answer, a body the parsers refuse included, has its request id and log line.
  early.identify = requestLogging(fastify, app.get(HTTP_LOGGER));
  // Before any hook that may answer (draining, the body policy), so that those answers carry the headers too.
  await app.register(helmet, helmetOptions(config.publicUrl));
  httpMetrics(fastify, app.get(MetricsService));
  drainHook(fastify, app.get(DrainService));
  registerBodyParsers(fastify, MAX_BODY_BYTES);
  // Forms are for the legacy billing API; the backoffice reads JSON only.
  jsonBodyPolicy(fastify, '/back-api/');
  app.useGlobalPipes(new RequestValidationPipe());
  // The last filter is asked first: a legacy request whose body cannot be read answers XML.
  const httpErrors = new HttpErrorFilter();
  early.filter = app.get(LegacyBodyErrorFilter).answeringOthersWith(httpErrors);
  app.useGlobalFilters(httpErrors, early.filter);
  app.useWebSocketAdapter(new BalanceIoAdapter(app, config));
  setupOpenApi(app, config.publicUrl);
  serveAsyncApi(app, config);
  serveConsole(app, config);
  return app;
}
