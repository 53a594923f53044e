import { BadRequestException, type ExceptionFilter, type INestApplication, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host.js';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from './config/app-config.js';
import { AppModule } from './app.module.js';
import { setupOpenApi } from './backoffice/openapi.js';
import { serveConsole } from './console/serve-console.js';
import { registerBodyParsers } from './common/body-parsers.js';
import { HttpErrorFilter } from './common/http-exception.filter.js';
import { jsonBodyPolicy } from './common/json-body-policy.js';
import { RequestValidationPipe } from './common/validation-pipe.js';
import { LegacyBodyErrorFilter } from './legacy-api/legacy-body-error.filter.js';
import { DrainService } from './lifecycle/drain.service.js';
import { drainHook } from './lifecycle/graceful-shutdown.js';
import { httpMetrics } from './observability/http-metrics.js';
import { HTTP_LOGGER, Logger, requestLogging } from './observability/logging.js';
import { MetricsService } from './observability/metrics.service.js';
import { BalanceIoAdapter } from './realtime/balance-io.adapter.js';

/** Largest REST or form body accepted, in bytes (100 kB). */
export const MAX_BODY_BYTES = 100 * 1024;

/**
 * Builds the application (used by main.ts and by the end-to-end tests). Nest runs on Fastify:
 * on this service's requests it answers several times as many per core as Nest on Express
 * (README, Performance).
 */
export async function createApp(config: AppConfig, options: { logger?: false | LoggerService } = {}): Promise<INestApplication> {
  // Set once the filters exist: a URL the router cannot decode is answered like any other refusal.
  const errors: { filter?: ExceptionFilter; identify?: (req: IncomingMessage, res: ServerResponse) => void } = {};
  const adapter = new FastifyAdapter({
    bodyLimit: MAX_BODY_BYTES,
    // Routing ignores case and a trailing slash (`/API/x/` reaches `/api/x`), and a path segment may be long
    // (the request line is bounded by Node's header limit anyway).
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true, maxParamLength: 16 * 1024 },
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => {
      errors.identify?.(request.raw, reply.raw);
      errors.filter?.catch(new BadRequestException(error.message), new ExecutionContextHost([request, reply]));
    },
    // Node's own limits, which Fastify would otherwise change: a request must arrive whole within
    // 5 minutes, and an idle keep-alive connection closes after 5 s.
    requestTimeout: 300_000,
    keepAliveTimeout: 5_000,
    // A request that is not HTTP at all: the same error shape as every other refusal.
    clientErrorHandler: (_error, socket) => {
      const body = JSON.stringify({ statusCode: 400, message: 'Bad Request' });
      if (socket.writable) socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`);
      else socket.destroy();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bufferLogs: options.logger !== false,
    logger: options.logger === false ? false : undefined,
    bodyParser: false,
  });
  if (options.logger !== false) app.useLogger(options.logger ?? app.get(Logger));
  const fastify = app.getHttpAdapter().getInstance();
  // First, so that every answer, a body the parsers refuse included, has its request id and log line.
  errors.identify = requestLogging(fastify, app.get(HTTP_LOGGER));
  httpMetrics(fastify, app.get(MetricsService));
  drainHook(fastify, app.get(DrainService));
  registerBodyParsers(fastify, MAX_BODY_BYTES);
  // Forms are for the legacy billing API; the backoffice reads JSON only.
  jsonBodyPolicy(fastify, '/back-api/');
  app.useGlobalPipes(new RequestValidationPipe());
  // The last filter is asked first: a legacy request whose body cannot be read answers XML.
  const httpErrors = new HttpErrorFilter();
  errors.filter = app.get(LegacyBodyErrorFilter).answeringOthersWith(httpErrors);
  app.useGlobalFilters(httpErrors, errors.filter);
  app.useWebSocketAdapter(new BalanceIoAdapter(app, config));
  setupOpenApi(app);
  serveConsole(app, config);
  return app;
}
