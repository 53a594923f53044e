import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { MAX_BODY_BYTES, MAX_BODY_DEPTH } from '../http/body-limits.js';
import { AssetRegistry } from '../ledger/asset-registry.js';
import { API_SCHEMAS, ref } from './api-schemas.js';
import { BackofficeModule } from './backoffice.module.js';
import { withCatalogAssets } from './openapi-assets.js';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
type Responses = Operation['responses'];

/** The tags in the order a reader meets them; any other tag follows, the test clock last. */
const TAG_ORDER: ReadonlyArray<[string, string]> = [
  ['balances', 'The two methods of the spec: available balances of a user, and balances by assets and users'],
  ['users', 'Users as their tokens last described them'],
  ['history', "A user's ledger entries"],
  ['adjustments', 'Manual credits and withdrawals'],
  ['reversals', 'Taking a transaction back, whole or in part'],
  ['freezes', "Freezing a user's own movements"],
  ['holds', 'Reservations of funds; each ends exactly once'],
  ['token actions', 'The token-action catalog and applying an action to a user'],
  ['exchange rates', 'Quotes against the root asset'],
  ['products', 'Subscribable products and their plans'],
  ['ledger', 'The ledger invariants'],
];
const TEST_CLOCK_TAG: [string, string] = ['test clock', 'Moving the service clock (ENABLE_TEST_CLOCK=true only)'];

/**
 * OpenAPI for the REST backoffice: the UI at /docs, the document at /docs-json. SwaggerModule
 * serves both straight from the HTTP adapter, outside Nest's guards, so they need no token.
 * Swagger UI starts from a script file (/docs/swagger-ui-init.js), never an inline script, so
 * the page runs under the service's Content-Security-Policy (http/security-headers.ts).
 */
export function setupOpenApi(app: INestApplication, publicUrl: string | null): void {
  // Built on the first request, once the application has started: the asset codes come from the
  // catalog, which is loaded (and seeded into an empty database) at start.
  SwaggerModule.setup('docs', app, () => openApiDocument(app, publicUrl), {
    jsonDocumentUrl: 'docs-json',
    // No badge fetched from swagger.io: the page loads nothing from elsewhere.
    swaggerOptions: { validatorUrl: null },
  });
}

/**
 * The document's one server: PUBLIC_URL when set, else the relative `/` (wherever the document
 * was fetched from). Never the request's Host or X-Forwarded-Host, which any client writes: a
 * document served with a forged host would send "Try it out", and the admin token with it, there.
 */
const serversOf = (publicUrl: string | null) => [{ url: publicUrl ?? '/', description: 'This server' }];

/** The document itself (also written by `src/cli/openapi-document.ts` for the console's generated types). */
export function openApiDocument(app: INestApplication, publicUrl: string | null = null): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Balance service — REST backoffice')
    .setDescription(
      'Operator API under /back-api/backoffice. Every route needs `Authorization: Bearer <JWT>` with role `admin` ' +
        '(401 without a valid token, 403 without the role). Errors are `{ statusCode, message }` (`message` is an array of ' +
        'messages for validation errors). Amounts in answers are exact decimal strings; request amounts may also be JSON ' +
        'numbers. POSTs that move money take an `Idempotency-Key` header. Request bodies are JSON (415 otherwise), at most ' +
        `${MAX_BODY_BYTES / 1024} kB (413) and ${MAX_BODY_DEPTH} levels deep (400). Each user may make REST_RATE_PER_SECOND requests per second ` +
        '(REST_RATE_BURST at once); beyond that 429 with `Retry-After`. A path here called with a method it does not list is 405 ' +
        'with an `Allow` header naming the methods it takes (HEAD with GET), and the same error body. Paths are matched ignoring ' +
        'letter case and a trailing slash: `/user/{userId}/balance/`, the spelling of the original spec, is `/user/{userId}/balance`.',
    )
    .setVersion('1')
    .setLicense('MIT', 'https://opensource.org/licenses/MIT')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  // A copy: the decorators' and API_SCHEMAS' objects are shared by every document this process builds.
  const document = structuredClone(SwaggerModule.createDocument(app, config, { include: [BackofficeModule] }));
  document.servers = serversOf(publicUrl);
  completeDocument(document);
  withCatalogAssets(document, app.get(AssetRegistry).list());
  return document;
}

const errorContent = (statusCode: number, message: string | string[]) => ({ 'application/json': { schema: ref('Error'), example: { statusCode, message } } });

/** Answers every route can give, whatever it does. */
const SHARED: Record<string, { description: string; message: string | string[] }> = {
  '400': { description: 'Invalid request: malformed JSON, a body nested too deep, or a field that fails validation (the message names it)', message: ['amount must be a number or a decimal string'] },
  '401': { description: 'Missing, expired or invalid token', message: 'Unauthorized' },
  '403': { description: 'The token lacks the admin role', message: 'Requires role: admin' },
  '413': { description: 'A body over 100 kB', message: 'Request body too large' },
  '415': { description: 'A non-empty body that is not application/json', message: 'Request body must be JSON (Content-Type: application/json)' },
  '429': { description: 'Too many requests from this user; retry after the `Retry-After` seconds', message: 'Too many requests' },
  '500': { description: 'Internal error (no details)', message: 'Internal server error' },
  '503': { description: 'The instance is shutting down; retry on another', message: 'Server is shutting down' },
};

/**
 * Completes what the decorators leave out: the component schemas, the answers every route
 * shares, an error schema on every error answer, and the tags in reading order.
 */
function completeDocument(document: OpenAPIObject): void {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...API_SCHEMAS } };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method];
      if (!operation) continue;
      completeResponses(operation.responses, path.includes('{'));
    }
  }
  const used = new Set(Object.values(document.paths).flatMap((item) => Object.values(item).flatMap((op) => (op as Operation).tags ?? [])));
  const known = new Set([...TAG_ORDER, TEST_CLOCK_TAG].map(([name]) => name));
  document.tags = [
    ...TAG_ORDER.filter(([name]) => used.has(name)),
    ...[...used].filter((name) => !known.has(name)).sort().map((name): [string, string] => [name, name]),
    ...(used.has(TEST_CLOCK_TAG[0]) ? [TEST_CLOCK_TAG] : []),
  ].map(([name, description]) => ({ name, description }));
}

function completeResponses(responses: Responses, hasPathParameters: boolean): void {
  for (const [status, shared] of Object.entries(SHARED)) {
    if (!responses[status]) responses[status] = { description: shared.description, content: errorContent(Number(status), shared.message) };
  }
  if (hasPathParameters && !responses['404']) responses['404'] = { description: 'No such resource', content: errorContent(404, 'Resource not found') };
  responses['429'] = {
    ...responses['429'],
    description: (responses['429'] as { description: string }).description,
    headers: { 'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer', minimum: 1, example: 1 } } },
  };
  for (const [status, response] of Object.entries(responses)) {
    if (Number(status) < 400 || !response || !('description' in response)) continue;
    const media = response.content?.['application/json'];
    if (!media) response.content = errorContent(Number(status), response.description);
    else if (!media.schema) media.schema = ref('Error');
  }
}
