import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { CheckTally } from './check-tally.js';

/**
 * Checks REST answers against the OpenAPI document the server itself serves at /docs-json, so
 * the document cannot drift from the server: every answer to a documented route must have a
 * documented status, and its body (and documented headers) must fit that status's schema.
 * test/setup/openapi-fetch.ts (a Jest setup file) calls `checkAnswer` for every answer a test's
 * fetch receives; a mismatch throws, which fails the test that made the request. Routes the document does not describe (health,
 * metrics, the legacy API, unknown paths) are left alone.
 */

// ajv-formats is CommonJS with a default export; under Node's ESM interop it arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

interface OpenApiDocument {
  paths: Record<string, Record<string, { responses: Record<string, OpenApiResponse> }>>;
  components?: { schemas?: Record<string, unknown> };
}
interface OpenApiResponse {
  description: string;
  content?: Record<string, { schema?: unknown; example?: unknown; examples?: Record<string, { value: unknown }> }>;
  headers?: Record<string, { required?: boolean; schema?: unknown }>;
}

interface Route {
  readonly template: string;
  readonly pattern: RegExp;
  readonly methods: OpenApiDocument['paths'][string];
}

export class OpenApiContract {
  private readonly ajv: Ajv;
  private readonly routes: Route[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(readonly document: OpenApiDocument) {
    this.ajv = addFormats(new Ajv({ strict: false, allErrors: true, validateFormats: true }));
    this.ajv.addSchema(document, 'openapi');
    // Literal segments first, so /holds/{holdId} never shadows a fixed path of the same shape.
    this.routes = Object.entries(document.paths)
      .map(([template, methods]) => ({
        template,
        methods,
        // As the router matches: letter case and a trailing slash ignored.
        pattern: new RegExp(`^${template.split(/(\{[^}]+\})/).map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))).join('')}/?$`, 'i'),
      }))
      .sort((a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0));
  }

  /** The methods the document lists for a path, by any template that matches it (HEAD with GET, as the server answers). */
  methodsAt(path: string): string[] {
    const listed = new Set(this.routes.filter((r) => r.pattern.test(path)).flatMap((r) => Object.keys(r.methods).map((m) => m.toUpperCase())));
    if (listed.has('GET')) listed.add('HEAD');
    return [...listed];
  }

  /** The documented operation of a request, or null when the document does not describe it. */
  operation(method: string, path: string): { template: string; responses: Record<string, OpenApiResponse> } | null {
    const route = this.routes.find((r) => r.pattern.test(path) && r.methods[method.toLowerCase()]);
    return route ? { template: route.template, responses: route.methods[method.toLowerCase()].responses } : null;
  }

  /** A schema of the document, compiled once; `pointer` is a JSON pointer into the document. */
  validator(pointer: string): ValidateFunction {
    let validate = this.validators.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `openapi#${pointer}` });
      this.validators.set(pointer, validate);
    }
    return validate;
  }

  /**
   * Throws unless the answer is what the document says this route answers with this status.
   * Returns false when the route is not documented (nothing was checked).
   */
  check(method: string, pathAndQuery: string, answer: { status: number; contentType: string | null; headers: Headers; text: string }): boolean {
    const path = pathAndQuery.split('?')[0];
    const operation = this.operation(method, path);
    if (!operation) return this.checkUnlistedMethod(method, path, answer);
    const where = `${method} ${path} (${operation.template})`;
    const status = String(answer.status);
    const response = operation.responses[status] ?? operation.responses[`${status[0]}XX`] ?? operation.responses.default;
    if (!response) {
      throw new Error(`OpenAPI mismatch: ${where} answered ${status}, which /docs-json does not document (documented: ${Object.keys(operation.responses).join(', ')})\n${answer.text.slice(0, 500)}`);
    }
    for (const [name, header] of Object.entries(response.headers ?? {})) {
      if (answer.headers.get(name) === null) throw new Error(`OpenAPI mismatch: ${where} answered ${status} without its documented ${name} header`);
      void header;
    }
    const documented = Object.keys(response.content ?? {});
    if (documented.length === 0) {
      if (answer.text !== '') throw new Error(`OpenAPI mismatch: ${where} answered ${status} with a body, but the document describes none:\n${answer.text.slice(0, 500)}`);
      return true;
    }
    const type = (answer.contentType ?? '').split(';')[0].trim().toLowerCase();
    if (!documented.includes(type)) throw new Error(`OpenAPI mismatch: ${where} answered ${status} as ${answer.contentType}, not ${documented.join(' or ')}`);
    if (!response.content![type].schema) throw new Error(`OpenAPI gap: ${where} ${status} has no ${type} schema in /docs-json`);
    const key = (template: string) => template.replace(/~/g, '~0').replace(/\//g, '~1');
    const pointer = `/paths/${key(operation.template)}/${method.toLowerCase()}/responses/${status in operation.responses ? status : 'default'}/content/${key(type)}/schema`;
    // JSON is one document; NDJSON one per line (each ends with a newline); other text is a string.
    const bodies: unknown[] = type === 'application/json' ? [JSON.parse(answer.text)] : type === 'application/x-ndjson' ? ndjsonLines(where, answer.text) : [answer.text];
    const validate = this.validator(pointer);
    for (const body of bodies) {
      if (!validate(body)) {
        const errors = (validate.errors ?? []).map((e) => `  ${e.instancePath || '(body)'} ${e.message} ${JSON.stringify(e.params)}`).join('\n');
        throw new Error(`OpenAPI mismatch: ${where} answered ${status} with a body that does not fit its schema:\n${errors}\n${JSON.stringify(body).slice(0, 1000)}`);
      }
    }
    return true;
  }

  /**
   * A documented path called with a method the document does not list for it: the answer is the
   * 405 the document's description promises, with `Allow` naming exactly the listed methods and
   * the error body, or a refusal that comes before routing (503 while draining, 415 for the body).
   * Returns false for a path the document does not describe (nothing was checked).
   */
  private checkUnlistedMethod(method: string, path: string, answer: { status: number; contentType: string | null; headers: Headers; text: string }): boolean {
    const listed = this.methodsAt(path);
    if (listed.length === 0) return false;
    const where = `${method} ${path}`;
    if (answer.status < 400) throw new Error(`OpenAPI mismatch: ${where} answered ${answer.status}, but /docs-json lists only ${listed.join(', ')} for this path`);
    if (answer.status !== 405) return false;
    const allow = answer.headers.get('allow');
    if (allow === null || methodSet(allow.split(',')) !== methodSet(listed)) {
      throw new Error(`OpenAPI mismatch: ${where} answered 405 with Allow ${JSON.stringify(allow)}; /docs-json lists ${methodSet(listed)}`);
    }
    const validate = this.validator('/components/schemas/Error');
    if (!validate(JSON.parse(answer.text))) throw new Error(`OpenAPI mismatch: ${where} answered 405 with a body that is not the Error schema:\n${answer.text.slice(0, 500)}`);
    return true;
  }
}

/** The methods of an Allow header, in a canonical order. */
const methodSet = (methods: Iterable<string>) => [...new Set([...methods].map((m) => m.trim().toUpperCase()).filter(Boolean))].sort().join(', ');

/** The documents of an NDJSON body: one per line, each line ended by a newline. */
function ndjsonLines(where: string, text: string): unknown[] {
  if (text !== '' && !text.endsWith('\n')) throw new Error(`OpenAPI mismatch: ${where} answered NDJSON whose last line has no newline:\n${text.slice(-500)}`);
  return text
    .split('\n')
    .slice(0, -1)
    .map((line) => JSON.parse(line) as unknown);
}

const contracts = new Map<string, Promise<OpenApiContract>>();
/**
 * Contracts by the text of their document: the servers of a test file mostly serve the same one,
 * and compiling its schemas again for each would cost more than many of the tests.
 */
const byDocument = new Map<string, OpenApiContract>();
/** The fetch of the test environment before openapi-fetch.ts wrapped it. */
const rawFetch = globalThis.fetch;

/** The contract of the server at `baseUrl`, from its own /docs-json (fetched once per server). */
export function contractOf(baseUrl: string): Promise<OpenApiContract> {
  let contract = contracts.get(baseUrl);
  if (!contract) {
    contract = rawFetch(`${baseUrl}/docs-json`).then(async (res) => {
      if (!res.ok) throw new Error(`${baseUrl}/docs-json answered ${res.status}`);
      const text = await res.text();
      let known = byDocument.get(text);
      if (!known) byDocument.set(text, (known = new OpenApiContract(JSON.parse(text) as OpenApiDocument)));
      return known;
    });
    contracts.set(baseUrl, contract);
    contract.catch(() => contracts.delete(baseUrl));
  }
  return contract;
}

// ---- the tally: how many answers the suite validated, reported at the end of `npm test` ----

const tally = new CheckTally('OPENAPI_TALLY_DIR');

/** Leaves this process's count where the global teardown finds it (after each test file, and at exit). */
export const saveTally = (): void => tally.save();

/** Checks one answer of the server at `baseUrl` (see OpenApiContract.check) and counts it. */
export async function checkAnswer(baseUrl: string, method: string, pathAndQuery: string, answer: { status: number; headers: Headers; text: string }): Promise<void> {
  let contract: OpenApiContract;
  try {
    contract = await contractOf(baseUrl);
  } catch {
    return; // a server that no longer serves its document (shutting down, killed): nothing to check against
  }
  if (!contract.check(method, pathAndQuery, { ...answer, contentType: answer.headers.get('content-type') })) return;
  const operation = contract.operation(method, pathAndQuery.split('?')[0]);
  tally.count(`${method.toUpperCase()} ${operation ? operation.template : '(a method the path does not take)'} ${answer.status}`);
}

/** Global setup: a directory where each test process leaves its tally. */
export const startOpenApiTally = (): void => tally.start();

/** Global teardown: the total, printed. */
export function reportOpenApiTally(): void {
  const total = tally.total();
  if (!total) return;
  const routes = new Set([...total.kinds].map((o) => o.replace(/ \d+$/, '')));
  console.log(`\nOpenAPI: ${total.validated} REST answers validated against /docs-json (${routes.size} operations, ${total.kinds.size} operation × status pairs)`);
}
