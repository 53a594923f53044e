import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startServerProcess, type ServerProcess, logLineOf as logLineOfServer } from '../support/server-process.js';
import { createTestDatabase, type TestDatabase } from '../support/test-databases.js';
import { adminToken } from '../support/tokens.js';

/** Bodies the parsers refuse are answered, logged and identified like every other request. */
describe('request ids and log lines for refused bodies', () => {
  let database: TestDatabase;
  let server: ServerProcess;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startServerProcess({ DATABASE_URL: database.url, LOG_LEVEL: 'info' });
  });
  afterAll(async () => {
    await server?.kill();
    await database?.drop();
  });

  const post = (id: string, body: string) =>
    fetch(`${server.url}/back-api/backoffice/user/alice/adjustments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken()}`, 'content-type': 'application/json', 'x-request-id': id },
      body,
    });

  const logLineOf = (id: string) => logLineOfServer(server, id);

  it.each([
    ['malformed JSON', 'rid-malformed-1', '{"asset":', 400],
    ['a body over 100 kB', 'rid-too-large-1', JSON.stringify({ comment: 'x'.repeat(200_000) }), 413],
  ])('%s: the answer echoes the request id and its log line carries it', async (_what, id, body, status) => {
    const res = await post(id, body);
    expect(res.status).toBe(status);
    expect(res.headers.get('x-request-id')).toBe(id);
    expect(await res.json()).toEqual({ statusCode: status, message: expect.any(String) });
    const line = await logLineOf(id);
    expect(line).toMatchObject({ req: { id, method: 'POST', path: '/back-api/backoffice/user/alice/adjustments' }, res: { statusCode: status } });
  });

  it('a refused body without an x-request-id gets a generated one', async () => {
    const res = await fetch(`${server.url}/back-api/backoffice/balances`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[' });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

/** Below info no request lines are written, and the request logger is made only on use; ids still travel. */
describe('request ids with request lines off (LOG_LEVEL=warn)', () => {
  let database: TestDatabase;
  let server: ServerProcess;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startServerProcess({ DATABASE_URL: database.url, LOG_LEVEL: 'warn' });
  });
  afterAll(async () => {
    await server?.kill();
    await database?.drop();
  });

  it('echoes a given request id and makes one otherwise, for answered and refused requests alike', async () => {
    const given = await fetch(`${server.url}/back-api/backoffice/balances`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken()}`, 'content-type': 'application/json', 'x-request-id': 'rid-warn-1' },
      body: JSON.stringify({ userIds: ['nobody'] }),
    });
    expect(given.headers.get('x-request-id')).toBe('rid-warn-1');
    const refused = await fetch(`${server.url}/back-api/backoffice/balances`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[' });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(server.output()).not.toContain('rid-warn-1');
  });
});
