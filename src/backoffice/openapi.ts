import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { BackofficeModule } from './backoffice.module.js';

/**
 * OpenAPI for the REST backoffice: the UI at /docs, the document at /docs-json. SwaggerModule
 * serves both straight from the HTTP adapter, outside Nest's guards, so they need no token.
 */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, openApiDocument(app), { jsonDocumentUrl: 'docs-json' });
}

/** The document itself (also written by `src/cli/openapi-document.ts` for the console's generated types). */
export function openApiDocument(app: INestApplication): OpenAPIObject {
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
  schemasFromExamples(document);
  return document;
}

type Schema = Record<string, unknown>;

/**
 * Answers are documented by an example (kept next to each controller); an answer with an example
 * and no schema gets the schema of its example, so that clients generated from the document (the
 * console's, for one) are typed: every field the example shows is required with the example's
 * type, `null` means nullable (a field shown only as `null` is a nullable string: the API's
 * absent values are all times, amounts, ids or reasons), and in an array of objects a field missing from some items is
 * optional. The example is the contract.
 */
function schemasFromExamples(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item as Record<string, { responses?: Record<string, unknown> }>)) {
      for (const response of Object.values(operation?.responses ?? {}) as Array<{ content?: Record<string, { schema?: unknown; example?: unknown }> }>) {
        const json = response?.content?.['application/json'];
        if (json && json.schema === undefined && json.example !== undefined) json.schema = schemaOf([json.example]);
      }
    }
  }
}

/** The schema that every one of these example values fits. */
function schemaOf(values: readonly unknown[]): Schema {
  const present = values.filter((v) => v !== null && v !== undefined);
  const nullable = present.length < values.length ? { nullable: true } : {};
  if (present.length === 0) return { type: 'string', nullable: true };
  if (present.every((v) => Array.isArray(v))) return { type: 'array', items: schemaOf((present as unknown[][]).flat()), ...nullable };
  if (present.every((v) => typeof v === 'object' && !Array.isArray(v))) {
    const objects = present as Array<Record<string, unknown>>;
    const keys = [...new Set(objects.flatMap((o) => Object.keys(o)))];
    const properties = Object.fromEntries(keys.map((k) => [k, schemaOf(objects.filter((o) => k in o).map((o) => o[k]))]));
    const required = keys.filter((k) => objects.every((o) => k in o));
    return { type: 'object', properties, ...(required.length > 0 ? { required } : {}), ...nullable };
  }
  const types = [...new Set(present.map((v) => (typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : typeof v)))];
  if (types.length === 1) return { type: types[0], ...nullable };
  if (types.every((t) => t === 'integer' || t === 'number')) return { type: 'number', ...nullable };
  return { oneOf: types.map((type) => ({ type })), ...nullable };
}
