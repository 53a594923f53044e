import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '../config/app-config.js';
import { asyncApiDocument } from './asyncapi-document.js';

/**
 * GET /docs/asyncapi.json: the AsyncAPI document of the socket.io Balance API and the webhook
 * events. Public like /docs-json (it describes the API, never data), served by Fastify directly,
 * outside Nest's guards; made once, at start-up.
 */
export function serveAsyncApi(app: NestFastifyApplication, config: AppConfig): void {
  const body = JSON.stringify(asyncApiDocument(config));
  app.getHttpAdapter().getInstance().get('/docs/asyncapi.json', (_request, reply) => {
    void reply.type('application/json; charset=utf-8').send(body);
  });
}
