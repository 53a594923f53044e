import { type INestApplication, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from './config/app-config.js';
import { AppModule } from './app.module.js';
import { setupOpenApi } from './backoffice/openapi.js';
import { serveConsole } from './console/serve-console.js';
import { HttpErrorFilter } from './common/http-exception.filter.js';
import { jsonBodyPolicy } from './common/json-body-policy.js';
import { RequestValidationPipe } from './common/validation-pipe.js';
import { DrainService } from './lifecycle/drain.service.js';
import { drainMiddleware } from './lifecycle/graceful-shutdown.js';
import { httpMetrics } from './observability/http-metrics.middleware.js';
import { HTTP_LOGGER, Logger, requestLogging } from './observability/logging.js';
import { MetricsService } from './observability/metrics.service.js';
import { BalanceIoAdapter } from './realtime/balance-io.adapter.js';

/** Largest REST or form body accepted. */
export const MAX_BODY_BYTES = '100kb';

/** Builds the application (used by main.ts and by the end-to-end tests). */
export async function createApp(config: AppConfig, options: { logger?: false | LoggerService } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: options.logger !== false,
    logger: options.logger === false ? false : undefined,
    bodyParser: false,
  });
  if (options.logger !== false) app.useLogger(options.logger ?? app.get(Logger));
  // First, so that every answer, a body the parsers refuse included, has its request id and log line.
  app.use(requestLogging(app.get(HTTP_LOGGER)));
  app.use(httpMetrics(app.get(MetricsService)));
  app.use(drainMiddleware(app.get(DrainService)));
  app.useBodyParser('json', { limit: MAX_BODY_BYTES });
  app.useBodyParser('urlencoded', { limit: MAX_BODY_BYTES, extended: false });
  // Forms are for the legacy billing API; the backoffice reads JSON only.
  app.use('/back-api', jsonBodyPolicy);
  app.useGlobalPipes(new RequestValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter());
  app.useWebSocketAdapter(new BalanceIoAdapter(app, config));
  setupOpenApi(app);
  serveConsole(app, config);
  return app;
}
