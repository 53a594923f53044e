import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import { Db } from '../../src/database/db.service.js';
import { requestHash } from '../../src/idempotency/idempotency.service.js';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { bo, http, type HttpClient } from '../support/http-client.js';
import { call, socketPool } from '../support/socket-client.js';
import { DATABASE_KINDS } from '../support/test-databases.js';
import { tokenFor } from '../support/tokens.js';

const OK = { status: false, code: 0, message: '' };
const QUOTA = 3;
const NOT_FOUND = (userId: string) => ({ error: { status: true, code: 404, message: `User ${userId} not found` } });
const OVER_QUOTA = { error: { status: true, code: 429, message: 'Too many refused requests in 24 hours (STORED_REFUSALS_PER_DAY); nothing was done or stored, retry later' } };

/**
 * L3: refusals are stored like successes (CONTRACT §4), but at most STORED_REFUSALS_PER_DAY per
 * user in 24 hours; beyond that a refusal answers 429, which is not stored, and client-chosen
 * keys never make a stored row larger.
 */
describe.each(DATABASE_KINDS)('stored refusals are bounded per user on %s', (kind) => {
  let app: RunningApp;
  let api: HttpClient;
  const { open, closeAll } = socketPool(() => app);
  const donate = (from: Socket, targetUser: string, id: string) => call(from, 'balance:donateToken', { data: { targetUser, token: 1 }, event: { id } });

  beforeAll(async () => {
    app = await startApp(kind, { STORED_REFUSALS_PER_DAY: String(QUOTA), ENABLE_TEST_CLOCK: 'true' });
    api = http(app);
  });
  afterAll(async () => {
    closeAll();
    await app?.close();
  });

  it('stores a user\'s first refusals, then answers 429 and stores nothing until the day has passed', async () => {
    const sender = await open(tokenFor('sender'));
    expect((await api.post(bo('/user/sender/adjustments'), { asset: 'rents', amount: '10', comment: 'funding' })).status).toBe(201);
    for (let i = 1; i <= QUOTA; i++) expect(await donate(sender, 'late-user', `refused-${i}`)).toEqual(NOT_FOUND('late-user'));

    expect(await donate(sender, 'late-user', 'refused-4')).toEqual(OVER_QUOTA);
    // Successes are not counted: they are the work the store exists for.
    const other = await open(tokenFor('other-user'));
    expect((await donate(sender, 'other-user', 'gift-1')).error).toEqual(OK);

    // The target now exists: stored refusals still answer as they did; the 429 was not stored, so its id runs afresh.
    await open(tokenFor('late-user'));
    expect(await donate(sender, 'late-user', 'refused-1')).toEqual(NOT_FOUND('late-user'));
    expect((await donate(sender, 'late-user', 'refused-4')).error).toEqual(OK);
    expect(await donate(sender, 'late-user', 'refused-4')).toMatchObject({ error: OK });

    // The quota is the user's own: another user's refusals are stored as usual.
    expect(await donate(other, 'nobody', 'others-1')).toEqual(NOT_FOUND('nobody'));
    expect(await donate(sender, 'nobody', 'refused-5')).toEqual(OVER_QUOTA);

    expect((await api.post(bo('/test-clock/advance'), { seconds: 86_400 })).status).toBe(200);
    expect(await donate(sender, 'nobody', 'refused-6')).toEqual(NOT_FOUND('nobody'));
    await open(tokenFor('nobody'));
    expect(await donate(sender, 'nobody', 'refused-6')).toEqual(NOT_FOUND('nobody'));
  });

  it('stores a refusal under a 200-character event id with a key of 44 characters, and still replays it', async () => {
    const sender = await open(tokenFor('long-keys'));
    const id = `${'k'.repeat(199)}1`;
    expect(await donate(sender, 'missing-user', id)).toEqual(NOT_FOUND('missing-user'));
    const rows = await app.app.get(Db).query<{ key: string }>("SELECT key FROM idempotency_records WHERE scope = 'socket:long-keys'");
    expect(rows.map((r) => r.key.length)).toEqual([44]);
    await open(tokenFor('missing-user'));
    expect(await donate(sender, 'missing-user', id)).toEqual(NOT_FOUND('missing-user'));
    expect((await donate(sender, 'missing-user', `${'k'.repeat(199)}2`)).error).toMatchObject({ code: 422 });
  });

  it('still finds an answer stored under a long key as given, before keys were digested', async () => {
    const sender = await open(tokenFor('upgraded'));
    const id = 'u'.repeat(120);
    const data = { targetUser: 'someone', token: 1 };
    const stored = { data: { transactionId: '1', token: 0 }, error: OK };
    await app.app.get(Db).transaction((tx) =>
      tx.query('INSERT INTO idempotency_records (scope, key, request_hash, response, created_at) VALUES (?, ?, ?, ?, ?)', [
        'socket:upgraded', id, requestHash('donateToken', data), JSON.stringify(stored), Date.now(),
      ]),
    );
    expect(await call(sender, 'balance:donateToken', { data, event: { id } })).toEqual(stored);
  });
});
