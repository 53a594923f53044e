import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

  it('is clean under Spectral with the committed ruleset (.spectral.yaml), warnings included', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'openapi-')), 'openapi.json');
    writeFileSync(file, JSON.stringify(doc, null, 2));
    const cli = join(ROOT, 'node_modules', '@stoplight', 'spectral-cli', 'dist', 'index.js');
    const run = spawnSync(process.execPath, [cli, 'lint', file, '--ruleset', join(ROOT, '.spectral.yaml'), '--fail-severity', 'warn'], { encoding: 'utf8', env: { ...process.env, SCARF_ANALYTICS: 'false', DO_NOT_TRACK: '1' } });
    console.log(`spectral lint (${operationsOf(doc).length} operations):\n${run.stdout}${run.stderr}`);
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
    expect(adjustment.properties.asset).toMatchObject({ maxLength: 16, pattern: expect.any(String) });
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

  it('documents every status the server answers, the servers, the spec path and the tags in reading order', () => {
    const statuses = (path: string, method: string) => Object.keys(doc.paths[`/back-api/backoffice${path}`][method].responses);
    expect(statuses('/user/{userId}/token-actions/{action}', 'post')).toEqual(expect.arrayContaining(['201', '400', '401', '403', '404', '409', '413', '415', '422', '429', '500', '503']));
    expect(statuses('/user/{userId}/holds', 'get')).toContain('400');
    expect(statuses('/test-clock/advance', 'post')).toEqual(expect.arrayContaining(['200', '400', '404']));
    for (const { op } of operationsOf(doc)) expect(op.responses['429'].headers['Retry-After']).toBeDefined();
    expect(doc.paths['/back-api/backoffice/user/{userId}/balance/'].get).toBeDefined();
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
