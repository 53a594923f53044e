import { afterAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { io } from 'socket.io-client';
import { startApp } from '../support/app-harness.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../support/test-databases.js';
import { TEST_JWT_SECRET, tokenFor } from '../support/tokens.js';

const LEGACY_SECRET = 'hygiene-legacy-secret-0123';

describe.each(DATABASE_KINDS)('hygiene on %s', (kind) => {
  let database: TestDatabase;
  let server: ServerProcess | null = null;

  afterAll(async () => {
    await server?.kill();
    await database?.drop();
  });

  it('never writes tokens, secrets or hashes to its output, and never answers with internals', async () => {
    database = await createTestDatabase(kind);
    server = await startServerProcess({ DATABASE_URL: database.url, LEGACY_API_SECRET: LEGACY_SECRET });
    const admin = tokenFor('hygiene-admin', { roles: ['admin'] });
    const expired = tokenFor('hygiene-admin', { roles: ['admin'] }, { expiresIn: -5 });
    const hash = createHash('sha1').update(`hygiene-admin${LEGACY_SECRET}`).digest('hex');
    const answers: string[] = [];

    const socket = io(server.url, { transports: ['websocket'], auth: { token: admin }, forceNew: true });
    await new Promise((resolve) => socket.once('user_info', resolve));
    answers.push(JSON.stringify(await socket.emitWithAck('balance:donateToken', { data: { targetUser: 'nobody', token: 1 } })));
    answers.push(JSON.stringify(await socket.emitWithAck('balance:donateToken', 'not an object')));
    socket.close();
    const refused = io(server.url, { transports: ['websocket'], auth: { token: expired }, forceNew: true, reconnection: false });
    await new Promise((resolve) => refused.once('connect_error', resolve));
    refused.close();

    for (const [path, init] of [
      ['/back-api/backoffice/users', { headers: { authorization: `Bearer ${admin}` } }],
      ['/back-api/backoffice/users', { headers: { authorization: `Bearer ${expired}` } }],
      ['/back-api/backoffice/user/hygiene-admin/adjustments', { method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: '{"asset":' }],
      ['/back-api/backoffice/user/hygiene-admin/adjustments', { method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: JSON.stringify({ asset: 'usd', amount: 'NaN', comment: `'; DROP TABLE users; --` }) }],
      [`/api/user_balance_get?username=hygiene-admin&hash=${hash}`, { method: 'POST' }],
      [`/api/user_balance_get?username=hygiene-admin&hash=${hash.replace(/./, '0')}`, { method: 'POST' }],
    ] as Array<[string, RequestInit]>) {
      const res = await fetch(server.url + path, init);
      expect(res.status).toBeLessThan(500);
      answers.push(await res.text());
    }

    const output = server.output();
    expect(output.length).toBeGreaterThan(0);
    for (const secret of [admin, expired, TEST_JWT_SECRET, LEGACY_SECRET, hash]) {
      expect(output.includes(secret)).toBe(false);
      expect(answers.join('\n').includes(secret)).toBe(false);
    }
    for (const answer of answers) {
      expect(answer).not.toMatch(/\bat \S+\.js:\d+|QueryFailedError|SQLITE_|node_modules|stack/);
    }
  });
});

describe('REST rate limit', () => {
  it('answers 429 past the per-user burst and leaves other users alone', async () => {
    const app = await startApp('sqlite', { REST_RATE_PER_SECOND: '1', REST_RATE_BURST: '3' });
    try {
      const get = (token: string) => fetch(`${app.url}/back-api/backoffice/exchange-rates`, { headers: { authorization: `Bearer ${token}` } });
      const hasty = tokenFor('hasty-admin', { roles: ['admin'] });
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await get(hasty)).status);
      expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
      expect(statuses).toContain(429);
      const limited = await get(hasty);
      expect(await limited.json()).toEqual({ statusCode: 429, message: 'Too many requests' });
      expect((await get(tokenFor('calm-admin', { roles: ['admin'] }))).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});
