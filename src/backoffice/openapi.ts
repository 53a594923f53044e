import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { SchedulerModule } from '../scheduler/scheduler.module.js';
import { BackofficeModule } from './backoffice.module.js';

/**
 * OpenAPI for the REST backoffice: the UI at /docs, the document at /docs-json. SwaggerModule
 * serves both straight from the HTTP adapter, outside Nest's guards, so they need no token.
 */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Balance service — REST backoffice')
    .setDescription(
      'Operator API under /back-api/backoffice. Every route needs `Authorization: Bearer <JWT>` with role `admin` ' +
        '(401 without a valid token, 403 without the role). Errors are `{ statusCode, message }`. Amounts are exact ' +
        'decimal strings; request amounts may also be JSON numbers. POSTs that move money take an `Idempotency-Key` header.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = SwaggerModule.createDocument(app, config, { include: [BackofficeModule, SchedulerModule] });
  describeTestClock(document);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}

/**
 * The test clock lives in the scheduler and carries no OpenAPI decorators of its own; its entry
 * is completed here so the backoffice document stays in one place.
 */
function describeTestClock(document: OpenAPIObject): void {
  const operation = document.paths['/back-api/backoffice/test-clock/advance']?.post;
  if (!operation) return;
  operation.tags = ['test clock'];
  operation.summary = 'Move the service clock forward (ENABLE_TEST_CLOCK=true only; 404 otherwise) and run what became due';
  operation.security = [{ bearer: [] }];
  operation.requestBody = {
    required: true,
    content: { 'application/json': { schema: { type: 'object', required: ['seconds'], properties: { seconds: { type: 'integer', minimum: 0 } } }, example: { seconds: 86400 } } },
  };
  operation.responses = {
    '200': { description: 'The new time', content: { 'application/json': { example: { now: '2025-03-02T12:00:00.000Z', offsetSeconds: 86400 } } } },
    '401': { description: 'Missing or invalid token', content: { 'application/json': { example: { statusCode: 401, message: 'Unauthorized' } } } },
    '403': { description: 'The token lacks the admin role', content: { 'application/json': { example: { statusCode: 403, message: 'Requires role: admin' } } } },
  };
}
