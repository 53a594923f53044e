import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { startApp, startAppOn, type RunningApp } from '../support/app-harness.js';
import { bo, http, type HttpClient } from '../support/http-client.js';
import { addLegacyUser } from '../support/legacy-client.js';
import { pollUntil } from '../support/poll.js';
import { NO_RATE_LIMITS, startServerProcess, type ServerProcess } from '../support/server-process.js';
import { connectUrl } from '../support/socket-client.js';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../support/test-databases.js';
import { adminToken, tokenFor } from '../support/tokens.js';
import { startReceiver, type ReceivedHook, type WebhookReceiver } from '../support/webhook-receiver.js';

type Delivery = { eventId: string; status: string; attempts: number; lastStatus: number | null; lastResponse: string | null; lastError: string | null; lastAttemptAt: string | null; nextAttemptAt: string | null };
type NewWebhook = { id: string; url: string; events: string[]; secret: string };

/** An attempt's time limit (WEBHOOKS_TIMEOUT_MS, 15 s by default): short, so that a timeout and a lapsed lease take seconds here. */
const TIMEOUT_S = 3;
const ALLOW_PRIVATE = { WEBHOOKS_ALLOW_PRIVATE: 'true', ENABLE_TEST_CLOCK: 'true', WEBHOOKS_TIMEOUT_MS: String(TIMEOUT_S * 1000) };
/** The library's verification: throws unless one of the signatures matches the secret. */
const verify = (secret: string, hook: ReceivedHook) => new StandardWebhook(secret).verify(hook.body, hook.headers as Record<string, string>) as { id: string; type: string };

describe.each(DATABASE_KINDS)('webhooks on %s', (kind) => {
  let app: RunningApp;
  let api: HttpClient;
  let receiver: WebhookReceiver;
  const path = (name: string) => (hook: ReceivedHook) => hook.path === `/${name}`;

  const register = async (name: string, events = ['transaction.committed']): Promise<NewWebhook> => {
    const answer = await api.post(bo('/webhooks'), { url: `${receiver.url}/${name}`, events, description: name });
    expect(answer.status).toBe(201);
    return answer.body as NewWebhook;
  };
  const adjust = async (userId: string, amount = '1') => expect((await api.post(bo(`/user/${userId}/adjustments`), { asset: 'usd', amount, comment: 'webhook test' })).status).toBe(201);
  const deliveries = async (id: string): Promise<Delivery[]> => (await api.get(bo(`/webhooks/${id}/deliveries?per_page=100`))).body.data as Delivery[];
  const onlyDelivery = async (id: string, done: (d: Delivery) => boolean) => (await pollUntil(() => deliveries(id), (all) => all.length === 1 && done(all[0])))[0];
  const advance = async (seconds: number) => expect((await api.post(bo('/test-clock/advance'), { seconds })).status).toBe(200);
  const webhookState = async (id: string) => ((await api.get(bo('/webhooks'))).body.data as Array<{ id: string; enabled: boolean; disabledReason: string | null }>).find((w) => w.id === id);

  beforeAll(async () => {
    app = await startApp(kind, ALLOW_PRIVATE);
    api = http(app);
    receiver = await startReceiver();
    receiver.checkAgainst(app.url);
    for (const user of ['wh-1', 'wh-2', 'wh-3']) await addLegacyUser(app, { id: user, username: user });
  });

  afterAll(async () => {
    await receiver.close();
    await app.close();
  });

  it('registers an endpoint with a whsec_ secret shown once, and lists it enabled without the secret', async () => {
    const created = await register('listed');
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(created.secret.slice(6), 'base64')).toHaveLength(32);
    const listed = (await api.get(bo('/webhooks'))).body;
    expect(JSON.stringify(listed)).not.toContain('whsec_');
    expect(listed.data).toContainEqual(expect.objectContaining({ id: created.id, url: `${receiver.url}/listed`, events: ['transaction.committed'], enabled: true, disabledReason: null }));
    expect((await api.delete(bo(`/webhooks/${created.id}`))).body).toEqual({ id: created.id, deleted: true });
    expect((await api.delete(bo(`/webhooks/${created.id}`))).status).toBe(404);
  });

  it('refuses a bad registration with a 400 naming the field', async () => {
    for (const body of [{ url: 'ftp://example.com/x', events: ['transaction.committed'] }, { url: 'not a url', events: ['transaction.committed'] }, { url: 'https://example.com/', events: [] }, { url: 'https://example.com/', events: ['nope'] }]) {
      const answer = await api.post(bo('/webhooks'), body);
      expect(answer.status).toBe(400);
    }
  });

  it('POSTs each event of a subscribed type with Standard Webhooks headers that the standardwebhooks library verifies', async () => {
    const hook = await register('signed');
    const before = Math.floor(Date.now() / 1000);
    await adjust('wh-1', '2.5');
    const [got] = await receiver.waitFor(1, path('signed'));
    const event = verify(hook.secret, got);
    expect(event).toMatchObject({ type: 'transaction.committed', schemaVersion: 1 });
    expect(got.headers['webhook-id']).toBe(event.id);
    expect(got.headers['content-type']).toBe('application/json');
    const timestamp = Number(got.headers['webhook-timestamp']);
    expect(timestamp).toBeGreaterThanOrEqual(before);
    expect(timestamp).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
    expect(() => verify(`whsec_${Buffer.alloc(32, 7).toString('base64')}`, got)).toThrow();
    expect(await onlyDelivery(hook.id, (d) => d.status === 'delivered')).toMatchObject({ eventId: event.id, attempts: 1, lastStatus: 204, lastError: null, nextAttemptAt: null });
    await api.delete(bo(`/webhooks/${hook.id}`));
  });

  it('keeps its connections to an endpoint open between attempts', async () => {
    const hook = await register('kept-open');
    const before = receiver.connections();
    // One event at a time, each delivered before the next commits: attempts one after another.
    for (let i = 1; i <= 6; i++) {
      await adjust('wh-3');
      await receiver.waitFor(i, path('kept-open'));
    }
    // Six attempts, at most one new connection (none if an earlier test's is still open).
    expect(receiver.connections() - before).toBeLessThanOrEqual(1);
    await pollUntil(() => deliveries(hook.id), (all) => all.length === 6 && all.every((d) => d.status === 'delivered'));
    await api.delete(bo(`/webhooks/${hook.id}`));
  });

  it('sends a delivered event again, byte for byte, when an operator retries it', async () => {
    const hook = await register('resent');
    await adjust('wh-3', '3.25');
    const [first] = await receiver.waitFor(1, path('resent'));
    const delivered = await onlyDelivery(hook.id, (d) => d.status === 'delivered');
    // The delivery row holds no copy of a body that was delivered first time: the retry reads it from the events.
    expect((await api.post(bo(`/webhooks/${hook.id}/deliveries/${delivered.eventId}/retry`))).status).toBe(200);
    const [, again] = await receiver.waitFor(2, path('resent'));
    expect(again.body).toBe(first.body);
    expect(verify(hook.secret, again)).toMatchObject({ id: delivered.eventId, type: 'transaction.committed' });
    expect(await onlyDelivery(hook.id, (d) => d.attempts === 2 && d.status === 'delivered')).toMatchObject({ eventId: delivered.eventId });
    await api.delete(bo(`/webhooks/${hook.id}`));
  });

  it('does not follow a redirect: the attempt fails with it and is retried', async () => {
    const hook = await register('redirect');
    receiver.answer = (h) => (h.path === '/redirect' ? { status: 302, headers: { location: `${receiver.url}/elsewhere` } } : { status: 204 });
    await adjust('wh-1');
    const delivery = await onlyDelivery(hook.id, (d) => d.attempts === 1);
    expect(delivery).toMatchObject({ status: 'pending', lastStatus: 302, lastError: 'redirect 302 not followed' });
    expect(receiver.received.filter(path('elsewhere'))).toHaveLength(0);
    await api.delete(bo(`/webhooks/${hook.id}`));
    receiver.answer = () => ({ status: 204 });
  });

  it('retries on the schedule the test clock moves, signing each attempt with the real time, then fails after 5 days and disables the endpoint', async () => {
    const hook = await register('failing');
    receiver.answer = (h) => (h.path === '/failing' ? { status: 503, body: 'x'.repeat(5000) } : { status: 204 });
    await adjust('wh-2');
    let delivery = await onlyDelivery(hook.id, (d) => d.attempts === 1);
    expect(delivery.lastResponse).toHaveLength(1024);
    expect(delivery.lastError).toBe('HTTP 503');
    const delays: number[] = [];
    while (delivery.status === 'pending') {
      const wait = Date.parse(delivery.nextAttemptAt!) - Date.parse(delivery.lastAttemptAt!);
      delays.push(wait);
      await advance(Math.ceil(wait / 1000) + 1);
      const attempts = delivery.attempts;
      delivery = await onlyDelivery(hook.id, (d) => d.attempts === attempts + 1);
    }
    const expected = [5, 300, 1800, 7200, 18000, 36000].map((s) => s * 1000);
    delays.forEach((delay, i) => {
      const base = expected[i] ?? 36000_000;
      expect(delay).toBeGreaterThanOrEqual(base * 0.9 - 1);
      expect(delay).toBeLessThanOrEqual(base * 1.1 + 1);
    });
    expect(delivery).toMatchObject({ status: 'failed', nextAttemptAt: null });
    const sent = receiver.received.filter(path('failing'));
    expect(sent).toHaveLength(delivery.attempts);
    expect(new Set(sent.map((h) => h.headers['webhook-id']))).toEqual(new Set([delivery.eventId]));
    // Days ahead on the test clock, yet every signed timestamp is the real one.
    for (const h of sent) expect(Math.abs(Number(h.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(300);
    expect(await webhookState(hook.id)).toMatchObject({ enabled: false, disabledReason: 'every delivery failed for 5 days' });

    // A manual retry enables it again and attempts at once.
    receiver.answer = () => ({ status: 204 });
    const retried = await api.post(bo(`/webhooks/${hook.id}/deliveries/${delivery.eventId}/retry`));
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ eventId: delivery.eventId, status: 'pending' });
    expect(await onlyDelivery(hook.id, (d) => d.status === 'delivered')).toMatchObject({ attempts: delivery.attempts + 1, lastStatus: 204 });
    expect(await webhookState(hook.id)).toMatchObject({ enabled: true, disabledReason: null });
    expect((await api.post(bo(`/webhooks/${hook.id}/deliveries/999999999/retry`))).status).toBe(404);
    await api.delete(bo(`/webhooks/${hook.id}`));
  });

  it('disables an endpoint that answers 410; nothing is attempted until a retry enables it', async () => {
    const hook = await register('gone');
    receiver.answer = (h) => (h.path === '/gone' ? { status: 410 } : { status: 204 });
    await adjust('wh-1');
    const delivery = await onlyDelivery(hook.id, (d) => d.attempts === 1);
    expect(await webhookState(hook.id)).toMatchObject({ enabled: false, disabledReason: 'the endpoint answered 410 Gone' });
    await adjust('wh-1');
    const waiting = await pollUntil(() => deliveries(hook.id), (all) => all.length === 2);
    await advance(60);
    await new Promise((r) => setTimeout(r, 1000));
    expect(receiver.received.filter(path('gone'))).toHaveLength(1);
    expect((await deliveries(hook.id)).map((d) => [d.status, d.attempts])).toEqual(waiting.map((d) => [d.status, d.attempts]));
    receiver.answer = () => ({ status: 204 });
    await api.post(bo(`/webhooks/${hook.id}/deliveries/${delivery.eventId}/retry`));
    await pollUntil(() => deliveries(hook.id), (all) => all.every((d) => d.status === 'delivered'));
    expect(await webhookState(hook.id)).toMatchObject({ enabled: true });
    await api.delete(bo(`/webhooks/${hook.id}`));
  });

  it('signs with both secrets for 24 hours after a rotation, then with the new one only', async () => {
    const hook = await register('rotated');
    const rotated = await api.post(bo(`/webhooks/${hook.id}/rotate-secret`));
    expect(rotated.status).toBe(200);
    const secret = rotated.body.secret as string;
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe(hook.secret);
    await adjust('wh-3');
    const [both] = await receiver.waitFor(1, path('rotated'));
    expect(String(both.headers['webhook-signature']).split(' ')).toHaveLength(2);
    verify(secret, both);
    verify(hook.secret, both);
    await advance(24 * 3600 + 60);
    await adjust('wh-3');
    const [, one] = await receiver.waitFor(2, path('rotated'));
    expect(String(one.headers['webhook-signature']).split(' ')).toHaveLength(1);
    verify(secret, one);
    expect(() => verify(hook.secret, one)).toThrow();
    await api.delete(bo(`/webhooks/${hook.id}`));
  });

  it('gives up on an answer that takes longer than WEBHOOKS_TIMEOUT_MS, and retries it', async () => {
    const hook = await register('slow');
    receiver.answer = (h) => (h.path === '/slow' ? 'hang' : { status: 204 });
    await adjust('wh-1');
    const delivery = await pollUntil(() => deliveries(hook.id), (all) => all[0]?.attempts === 1, 40_000);
    expect(delivery[0]).toMatchObject({ status: 'pending', lastStatus: null, lastResponse: null, lastError: `timed out after ${TIMEOUT_S} s` });
    receiver.answer = () => ({ status: 204 });
    await api.delete(bo(`/webhooks/${hook.id}`));
  }, 60_000);

  it('records every change in the audit trail, never the secret', async () => {
    const hook = await register('audited');
    await api.post(bo(`/webhooks/${hook.id}/rotate-secret`));
    await api.delete(bo(`/webhooks/${hook.id}`));
    const records = (await api.get(bo(`/audit?target=webhook:${hook.id}&per_page=100`))).body.data as Array<{ action: string }>;
    expect(records.map((r) => r.action).reverse()).toEqual(['webhook.create', 'webhook.rotate_secret', 'webhook.delete']);
    const all = JSON.stringify((await api.get(bo('/audit?per_page=100'))).body);
    expect(all).toContain('webhook.retry');
    expect(all).not.toContain('whsec_');
  });

  it('with two instances, attempts each delivery once at a time and delivers every event', async () => {
    const second = await startAppOn(app.database, ALLOW_PRIVATE);
    try {
      const hook = await register('shared');
      receiver.answer = (h) => (h.path === '/shared' ? { status: 204, delayMs: 100 } : { status: 204 });
      for (let i = 0; i < 20; i++) await adjust('wh-2');
      const got = await receiver.waitFor(20, path('shared'), 60_000);
      await pollUntil(() => deliveries(hook.id), (all) => all.length === 20 && all.every((d) => d.status === 'delivered'));
      expect(new Set(got.map((h) => h.headers['webhook-id'])).size).toBe(20);
      expect(receiver.mostAtOnce()).toBe(1);
      await api.delete(bo(`/webhooks/${hook.id}`));
    } finally {
      receiver.answer = () => ({ status: 204 });
      await second.app.close();
    }
  }, 90_000);

  describe('addresses', () => {
    it('refuses to register a literal private address, in any encoding, without WEBHOOKS_ALLOW_PRIVATE', async () => {
      const strict = await startAppOn(app.database, { ENABLE_TEST_CLOCK: 'true' });
      try {
        const strictApi = http(strict);
        for (const url of ['http://127.0.0.1/', 'http://2130706433/', 'http://0x7f.1/', 'http://0177.0.0.1/', 'http://[::1]/', 'http://[::ffff:127.0.0.1]/', 'http://169.254.169.254/latest', 'http://10.1.2.3/', 'http://100.64.0.1/', 'http://[fd00::1]/', 'http://localhost:8080/', 'http://0.0.0.0/']) {
          const answer = await strictApi.post(bo('/webhooks'), { url, events: ['transaction.committed'] });
          expect([url, answer.status]).toEqual([url, 400]);
          expect(answer.body.message).toMatch(/^url points to a .* address \(WEBHOOKS_ALLOW_PRIVATE is off\)$/);
        }
        expect((await strictApi.post(bo('/webhooks'), { url: 'https://example.com/hook', events: ['hold.placed'] })).status).toBe(201);
      } finally {
        await strict.app.close();
      }
    });

    it('refuses the attempt when the address is private at the time of the attempt', async () => {
      const hook = await register('private');
      // The same database served by an instance that does not allow private addresses.
      await app.app.close();
      const strict = await startAppOn(app.database, { ENABLE_TEST_CLOCK: 'true' });
      try {
        await http(strict).post(bo('/user/wh-1/adjustments'), { asset: 'usd', amount: '1', comment: 'webhook test' });
        const [delivery] = await pollUntil(() => http(strict).get(bo(`/webhooks/${hook.id}/deliveries`)), (a) => (a.body.data as Delivery[])[0]?.attempts === 1).then((a) => a.body.data as Delivery[]);
        expect(delivery).toMatchObject({ status: 'pending', lastStatus: null, lastError: `refused address 127.0.0.1 of 127.0.0.1: loopback` });
        expect(receiver.received.filter(path('private'))).toHaveLength(0);
      } finally {
        await strict.app.close();
        app = await startAppOn(app.database, ALLOW_PRIVATE);
        api = http(app);
      }
    });
  });
});

describe.each(DATABASE_KINDS)('webhook deliveries through kill -9 on %s', (kind) => {
  let database: TestDatabase;
  let server: ServerProcess | null = null;
  let receiver: WebhookReceiver;

  afterAll(async () => {
    await server?.kill();
    await receiver?.close();
    await database?.drop();
  });

  it('delivers every event at least once after the server is killed mid-burst and restarted', async () => {
    database = await createTestDatabase(kind);
    receiver = await startReceiver();
    // The first five are answered; the rest hang until the kill, so it lands while deliveries are in flight.
    let answered = 0;
    receiver.answer = () => (answered++ < 5 ? { status: 204 } : 'hang');
    // The killed process's claims lapse 2 s after the attempt's time limit (WEBHOOKS_LEASE_MARGIN_MS, 10 s by default).
    const env = { DATABASE_URL: database.url, WEBHOOKS_ALLOW_PRIVATE: 'true', WEBHOOKS_TIMEOUT_MS: String(TIMEOUT_S * 1000), WEBHOOKS_LEASE_MARGIN_MS: '2000', ...NO_RATE_LIMITS };
    server = await startServerProcess(env);
    receiver.checkAgainst(server.url);
    const headers = { authorization: `Bearer ${adminToken()}`, 'content-type': 'application/json' };
    const post = (url: string, path: string, body: unknown) => fetch(`${url}${bo(path)}`, { method: 'POST', headers, body: JSON.stringify(body) });
    const user = await connectUrl(server.url, tokenFor('crash-1'));
    user.close();
    expect((await post(server.url, '/webhooks', { url: `${receiver.url}/crash`, events: ['transaction.committed'] })).status).toBe(201);
    const EVENTS = 60;
    const acknowledged = await Promise.all(
      Array.from({ length: EVENTS }, () => post(server!.url, '/user/crash-1/adjustments', { asset: 'usd', amount: '1', comment: 'burst' }).then((r) => r.status)),
    );
    expect(acknowledged.filter((s) => s === 201)).toHaveLength(EVENTS);
    await receiver.waitFor(5);
    await server.kill();
    const beforeRestart = new Set(receiver.received.map((h) => h.headers['webhook-id']));
    expect(beforeRestart.size).toBeLessThan(EVENTS);
    receiver.answer = () => ({ status: 204 });
    server = await startServerProcess(env);
    // Leases of the killed process lapse (the attempt timeout and a margin), then its claims are taken up.
    await pollUntil(async () => new Set(receiver.received.map((h) => h.headers['webhook-id'])).size, (n) => n >= EVENTS, 90_000);
    const ids = new Set(receiver.received.map((h) => String(h.headers['webhook-id'])));
    expect(ids.size).toBe(EVENTS);
  }, 180_000);
});
