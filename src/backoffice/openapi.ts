import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
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
  const document = SwaggerModule.createDocument(app, config, { include: [BackofficeModule] });
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
