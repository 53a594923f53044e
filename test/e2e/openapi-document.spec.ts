import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AssetRegistry } from '../../src/ledger/asset-registry.js';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { bo, http, type HttpClient } from '../support/http-client.js';
import { OpenApiContract } from '../support/openapi-contract.js';
import { adminToken, tokenFor } from '../support/tokens.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/* eslint-disable @typescript-eslint/no-explicit-any -- the document is walked as plain JSON */
type Doc = any;

const OPERATIONS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const operationsOf = (doc: Doc) =>
  Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
    OPERATIONS.filter((m) => item[m]).map((method) => ({ path, method, op: item[method] })),
  );

/**
 * The served OpenAPI document as third-party tools see it: Spectral with the committed
 * ruleset, every example against its schema, and the facts the document must state.
 * (Every answer the e2e suite receives is validated against it too: http-client.ts.)
 */
describe('the OpenAPI document (/docs-json)', () => {
  let app: RunningApp;
  let api: HttpClient;
  let doc: Doc;

  beforeAll(async () => {
    app = await startApp('sqlite');
    api = http(app);
    doc = (await api.get('/docs-json', { token: null })).body;
  });
  afterAll(async () => {
    await app?.close();
  });

  /** Spectral's verdict on the served document under one ruleset; the output is logged for the reader. */
  const spectral = (name: string, ruleset: string) => {
    const file = join(mkdtempSync(join(tmpdir(), 'openapi-')), 'openapi.json');
    writeFileSync(file, JSON.stringify(doc, null, 2));
    const cli = join(ROOT, 'node_modules', '@stoplight', 'spectral-cli', 'dist', 'index.js');
    const run = spawnSync(process.execPath, [cli, 'lint', file, '--ruleset', ruleset, '--fail-severity', 'warn'], { encoding: 'utf8', env: { ...process.env, SCARF_ANALYTICS: 'false', DO_NOT_TRACK: '1' } });
    console.log(`spectral lint, ${name} (${operationsOf(doc).length} operations):\n${run.stdout}${run.stderr}`);
    return run;
  };

  it('is clean under plain spectral:oas, no rule turned off, warnings included', () => {
    const ruleset = join(mkdtempSync(join(tmpdir(), 'spectral-')), '.spectral.yaml');
    writeFileSync(ruleset, 'extends: ["spectral:oas"]\n');
    const run = spectral('spectral:oas', ruleset);
    expect(run.stdout + run.stderr).toMatch(/No results with a severity of 'warn' or higher found/);
    expect(run.status).toBe(0);
  });

  it("is clean under the project's ruleset (.spectral.yaml: spectral:oas, nothing turned off, and the project's rules), warnings included", () => {
    const committed = readFileSync(join(ROOT, '.spectral.yaml'), 'utf8');
    expect(committed).not.toMatch(/:\s*off\b|overrides:/);
    const run = spectral('.spectral.yaml', join(ROOT, '.spectral.yaml'));
    expect(run.stdout + run.stderr).toMatch(/No results with a severity of 'warn' or higher found/);
    expect(run.status).toBe(0);
  });

  it('has a schema for every answer, and every example fits its schema', () => {
    const contract = new OpenApiContract(doc);
    const key = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
    const examples: Array<{ where: string; pointer: string; value: unknown }> = [];
    const missing: string[] = [];
    let responses = 0;
    for (const { path, method, op } of operationsOf(doc)) {
      const base = `/paths/${key(path)}/${method}`;
      for (const [status, response] of Object.entries(op.responses as Record<string, any>)) {
        responses++;
        for (const [type, media] of Object.entries((response.content ?? {}) as Record<string, any>)) {
          const where = `${method.toUpperCase()} ${path} ${status} ${type}`;
          if (!media.schema) missing.push(where);
          const pointer = `${base}/responses/${status}/content/${key(type)}/schema`;
          if (media.example !== undefined) examples.push({ where, pointer, value: media.example });
          for (const [name, ex] of Object.entries((media.examples ?? {}) as Record<string, any>)) examples.push({ where: `${where} (${name})`, pointer, value: ex.value });
        }
      }
      for (const [type, media] of Object.entries((op.requestBody?.content ?? {}) as Record<string, any>)) {
        const where = `${method.toUpperCase()} ${path} request ${type}`;
        if (!media.schema) missing.push(where);
        if (media.example !== undefined) examples.push({ where, pointer: `${base}/requestBody/content/${key(type)}/schema`, value: media.example });
      }
      (op.parameters ?? []).forEach((p: any, i: number) => {
        if (p.example !== undefined) examples.push({ where: `${method.toUpperCase()} ${path} ${p.in} ${p.name}`, pointer: `${base}/parameters/${i}/schema`, value: p.example });
      });
    }
    // Property examples inside the component schemas, each against its own property schema.
    for (const [name, schema] of Object.entries(doc.components.schemas as Record<string, any>)) {
      for (const [prop, propSchema] of Object.entries((schema.properties ?? {}) as Record<string, any>)) {
        if (propSchema.example !== undefined) examples.push({ where: `components.schemas.${name}.${prop}`, pointer: `/components/schemas/${name}/properties/${key(prop)}`, value: propSchema.example });
      }
    }
    const invalid = examples.flatMap(({ where, pointer, value }) => {
      const validate = contract.validator(pointer);
      return validate(value) ? [] : [`${where}: ${JSON.stringify(validate.errors)}`];
    });
    console.log(
      `examples validator: ${responses} responses, ${missing.length} bodies without a schema; ${examples.length} examples checked against their schemas, ${invalid.length} invalid` +
        (invalid.length ? `\n${invalid.join('\n')}` : ''),
    );
    expect(missing).toEqual([]);
    expect(invalid).toEqual([]);
    expect(examples.length).toBeGreaterThan(100);
  });

  it('states the limits and patterns the server enforces', () => {
    const schemas = doc.components.schemas;
    const body = (path: string, method: string) => {
      const schema = doc.paths[path][method].requestBody.content['application/json'].schema;
      return schema.$ref ? schemas[schema.$ref.split('/').pop()] : schema;
    };
    const adjustment = body('/back-api/backoffice/user/{userId}/adjustments', 'post');
    expect(adjustment.properties.asset.enum).toEqual(expect.arrayContaining(['usd', 'rents', 'eth']));
    expect(adjustment.properties.comment).toMatchObject({ minLength: 1, maxLength: 1000 });
    expect(adjustment.properties.amount.oneOf[0].pattern).toBeDefined();
    expect(body('/back-api/backoffice/user/{userId}/holds', 'post').properties.reason).toMatchObject({ minLength: 1, maxLength: 255 });
    const balances = body('/back-api/backoffice/balances', 'post');
    expect(balances.properties.userIds).toMatchObject({ maxItems: 2000, items: { maxLength: 128 } });
    expect(body('/back-api/backoffice/products/{productType}/{productId}', 'put').properties.options).toMatchObject({ maxItems: 6 });
    const parameter = (path: string, method: string, name: string) => doc.paths[path][method].parameters.find((p: any) => p.name === name);
    expect(parameter('/back-api/backoffice/users', 'get', 'search').schema).toMatchObject({ maxLength: 320 });
    expect(parameter('/back-api/backoffice/users', 'get', 'page').schema).toMatchObject({ type: 'integer', minimum: 1 });
    expect(parameter('/back-api/backoffice/users', 'get', 'per_page').schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 100 });
    expect(parameter('/back-api/backoffice/user/{userId}/adjustments', 'post', 'Idempotency-Key').schema).toMatchObject({ minLength: 1, maxLength: 255 });
    expect(parameter('/back-api/backoffice/user/{userId}/adjustments', 'post', 'userId').schema.pattern).toBe('^[A-Za-z0-9._:-]{1,128}$');
    expect(parameter('/back-api/backoffice/token-actions/{action}', 'put', 'action').schema).toMatchObject({ maxLength: 64, pattern: expect.any(String) });
    expect(schemas.Error.properties.message.oneOf).toEqual([expect.objectContaining({ type: 'string' }), expect.objectContaining({ type: 'array' })]);
  });

  it('states in schemas what the server takes: amounts to the largest scale, catalog assets, plans once (free at 0), real dates, integers', () => {
    const contract = new OpenApiContract(doc);
    const fits = (pointer: string, value: unknown) => contract.validator(pointer)(value);
    const property = (schema: string, name: string) => `/components/schemas/${schema}/properties/${name}`;
    // Amounts: any asset's scale (eth and usdt have 18 decimals), trailing zeros aside; zero and signs as the field says.
    const adjustment = property('AdjustmentDto', 'amount');
    for (const ok of ['0.000000000000000001', '-12.5', '1.50000000000000000000', 7, -0.5]) expect([ok, fits(adjustment, ok)]).toEqual([ok, true]);
    for (const bad of ['0', '0.000', '1.0000000000000000001', '1e5', '', 0]) expect([bad, fits(adjustment, bad)]).toEqual([bad, false]);
    const hold = property('PlaceHoldDto', 'amount');
    expect([fits(hold, '25.12345678'), fits(hold, '-1'), fits(hold, -1), fits(hold, '0')]).toEqual([true, false, false, false]);
    expect(fits(property('TokenActionDto', 'price'), '0')).toBe(true);
    expect(fits(property('ExchangeRateDto', 'rate'), '0.0000000000000000000001')).toBe(true); // a rate is no asset's amount
    expect(doc.components.schemas.AdjustmentDto.properties.amount.description).toMatch(/8 for rents, 18 for eth/);
    // Asset codes: exactly the catalog the server has, with each one's scale, in answers and requests.
    const catalog = app.app.get(AssetRegistry).list();
    const codes = catalog.map((a) => a.code).sort();
    expect(doc.components.schemas.Hold.properties.asset.enum).toEqual(codes);
    expect(doc.components.schemas.PlaceHoldDto.properties.asset.enum).toEqual(codes);
    expect(doc.components.schemas.Hold.properties.asset.description).toContain(catalog.map((a) => `${a.code} ${a.scale}`).find((s) => s.startsWith('eth')));
    expect(fits(property('PlaceHoldDto', 'asset'), 'doge')).toBe(false);
    // Plans: each at most once, the free one at 0, every other above 0 (requests and answers).
    const options = property('ProductDto', 'options');
    expect(fits(options, [{ plan: 'free', price: 0 }, { plan: 'subscription_month', price: '15' }])).toBe(true);
    expect(fits(options, [{ plan: 'free', price: '0' }, { plan: 'free', price: '0' }])).toBe(false);
    expect(fits(options, [{ plan: 'free', price: '1' }])).toBe(false);
    expect(fits(options, [{ plan: 'subscription_month', price: '0' }])).toBe(false);
    expect(doc.components.schemas.Product.properties.options).toMatchObject({ uniqueItems: true });
    // Instants: real days only, in each form the server takes.
    const from = doc.paths['/back-api/backoffice/transactions'].get.parameters.findIndex((p: any) => p.name === 'from');
    const instant = `/paths/${'/back-api/backoffice/transactions'.replace(/\//g, '~1')}/get/parameters/${from}/schema`;
    for (const ok of ['2024-02-29', '2025-03-01T10:00:00Z', '2025-03-01T10:00', '1767225600000']) expect([ok, fits(instant, ok)]).toEqual([ok, true]);
    for (const bad of ['2025-02-30', '2025-02-30T10:00:00Z', '2025-13-01', 'yesterday']) expect([bad, fits(instant, bad)]).toEqual([bad, false]);
    // Integers where the server means integers.
    expect(doc.components.schemas.TestClock.properties.offsetSeconds.type).toBe('integer');
    expect(doc.components.schemas.AdvanceClockDto.properties.seconds.type).toBe('integer');
  });

  it('documents every status the server answers, the servers, the spec path and the tags in reading order', () => {
    const statuses = (path: string, method: string) => Object.keys(doc.paths[`/back-api/backoffice${path}`][method].responses);
    expect(statuses('/user/{userId}/token-actions/{action}', 'post')).toEqual(expect.arrayContaining(['201', '400', '401', '403', '404', '409', '413', '415', '422', '429', '500', '503']));
    expect(statuses('/user/{userId}/holds', 'get')).toContain('400');
    expect(statuses('/test-clock/advance', 'post')).toEqual(expect.arrayContaining(['200', '400', '404']));
    for (const { op } of operationsOf(doc)) expect(op.responses['429'].headers['Retry-After']).toBeDefined();
    // The router ignores a trailing slash: the spec's `/balance/` is the same route, documented once.
    expect(Object.keys(doc.paths).filter((path) => path.endsWith('/'))).toEqual([]);
    expect(doc.paths['/back-api/backoffice/user/{userId}/balance'].get.description).toContain('/user/{userId}/balance/');
    expect(doc.servers).toEqual([{ url: '/', description: 'This server' }]);
    expect(doc.tags[0].name).toBe('balances');
    expect(doc.tags.at(-1).name).toBe('test clock');
  });

  it('the validation helper refuses an answer that does not fit, and a status the document does not list', () => {
    const contract = new OpenApiContract(doc);
    const answer = (status: number, body: unknown) => ({ status, contentType: 'application/json; charset=utf-8', headers: new Headers(), text: JSON.stringify(body) });
    expect(contract.check('GET', '/back-api/backoffice/user/u-1', answer(404, { statusCode: 404, message: 'User with id:u-1 not found.' }))).toBe(true);
    expect(() => contract.check('GET', '/back-api/backoffice/user/u-1', answer(404, { statusCode: 404, msg: 'x' }))).toThrow(/does not fit its schema/);
    expect(() => contract.check('GET', '/back-api/backoffice/ledger/check', answer(200, { ok: 'yes', counts: {}, failures: [] }))).toThrow(/does not fit its schema/);
    expect(() => contract.check('DELETE', '/back-api/backoffice/token-actions/x', answer(418, {}))).toThrow(/does not document/);
    expect(contract.check('GET', '/health', answer(200, {}))).toBe(false);
  });
});

/** The answers the issue found missing from the document, and the smaller fixes, each checked (and validated by http()). */
describe('statuses and fixes the document now describes', () => {
  let app: RunningApp;
  let api: HttpClient;
  beforeAll(async () => {
    app = await startApp('sqlite');
    api = http(app);
    await api.get(bo('/users'), { token: tokenFor('doc-user') }); // known, no funds
  });
  afterAll(async () => {
    await app?.close();
  });

  it('422: applying a spending action to a user without funds', async () => {
    await api.put(bo('/token-actions/docSpend'), { type: 'spending', token: '5', price: '0', category: 'event', description: 'costs 5' });
    expect(await api.post(bo('/user/doc-user/token-actions/docSpend'))).toMatchObject({ status: 422, body: { statusCode: 422, message: expect.stringMatching(/Insufficient funds/) } });
  });

  it('400: a bad status filter on holds; validation errors answer an array of messages', async () => {
    const answer = await api.get(bo('/user/doc-user/holds?status=lost'));
    expect(answer).toMatchObject({ status: 400, body: { message: ['status must be one of pending, captured, released, expired'] } });
  });

  it('404: the test clock when it is off', async () => {
    expect(await api.post(bo('/test-clock/advance'), { seconds: 1 })).toMatchObject({ status: 404, body: { message: 'The test clock is disabled (ENABLE_TEST_CLOCK)' } });
  });

  it('a missing required field is reported as required first', async () => {
    const answer = await api.post(bo('/user/doc-user/adjustments'), { amount: '1', comment: 'x' });
    expect(answer.status).toBe(400);
    expect(answer.body.message[0]).toBe('asset is required');
    const nested = await api.put(bo('/products/room/doc-room'), { options: [{ plan: 'free' }] });
    expect(nested.body.message[0]).toBe('options.0.price is required');
  });

  it('a product cannot be saved with an owner who does not exist', async () => {
    expect(await api.put(bo('/products/room/doc-room'), { ownerId: 'nobody-here', options: [{ plan: 'free', price: '0' }] })).toMatchObject({
      status: 400,
      body: { message: 'ownerId must be a known user; "nobody-here" is not' },
    });
    expect(await api.put(bo('/products/room/doc-room'), { ownerId: 'doc-user', options: [{ plan: 'free', price: '0' }] })).toMatchObject({ status: 200, body: { ownerId: 'doc-user' } });
  });

  it('415 and 413 are documented answers', async () => {
    const form = await fetch(app.url + bo('/balances'), { method: 'POST', headers: { authorization: `Bearer ${adminToken()}`, 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' });
    const text = await form.text();
    expect(form.status).toBe(415); // validated by the fetch wrapper like every backoffice answer
    expect(JSON.parse(text)).toMatchObject({ statusCode: 415 });
    expect(await api.post(bo('/balances'), { userIds: ['x'.repeat(120_000)] })).toMatchObject({ status: 413 });
  });
});

describe('429 says when to retry', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp('sqlite', { REST_RATE_PER_SECOND: '1', REST_RATE_BURST: '1' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('answers Retry-After with the 429 (validated against the document, which requires the header)', async () => {
    const api = http(app, { token: adminToken('doc-rate') });
    expect((await api.get(bo('/ledger/check'))).status).toBe(200);
    const limited = await api.get(bo('/ledger/check'));
    expect(limited).toMatchObject({ status: 429, body: { statusCode: 429, message: 'Too many requests' } });
    expect(limited.headers.get('retry-after')).toBe('1');
  });
});
