import { type INestApplication, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from './config/app-config.js';
import { AppModule } from './app.module.js';
import { setupOpenApi } from './backoffice/openapi.js';
import { serveConsole } from './console/serve-console.js';
import { HttpErrorFilter } from './common/http-exception.filter.js';
import { RequestValidationPipe } from './common/validation-pipe.js';
import { httpAdapter, setUpHttpServer, type EarlyRefusals } from './http/http-server.js';
import { LEGACY_PATH, LegacyBodyErrorFilter } from './legacy-api/legacy-body-error.filter.js';
import { Logger } from './observability/logging.js';
import { BalanceIoAdapter } from './realtime/balance-io.adapter.js';
import { serveAsyncApi } from './realtime/serve-asyncapi.js';

/**
 * Builds the application (used by main.ts and by the end-to-end tests). Nest runs on Fastify:
 * on this service's requests it answers several times as many per core as Nest on Express
 * (docs/performance-and-reliability.md, Performance). The HTTP server's own rules are in http/; here, what Nest adds on top
 * of it and the surfaces that are not Nest controllers.
 */
export async function createApp(config: AppConfig, options: { logger?: false | LoggerService } = {}): Promise<INestApplication> {
  const early: EarlyRefusals = {};
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), httpAdapter(config, early), {
    bufferLogs: options.logger !== false,
    logger: options.logger === false ? false : undefined,
    bodyParser: false,
  });
  if (options.logger !== false) app.useLogger(options.logger ?? app.get(Logger));
  // The legacy API keeps the answer it has always given a method it does not route (404): its clients
  // were written against the Kolmisoft server, and 405 is not among the answers it mimics.
  await setUpHttpServer(app, config, early, [LEGACY_PATH]);
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
