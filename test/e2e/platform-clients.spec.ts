import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import ioV2 from 'socket.io-client-v2';
import { startApp, startAppOn, type RunningApp } from '../support/app-harness.js';
import { connectPlatform, nextBalance, platformCall } from '../support/platform-client.js';
import { describeWithRedis, startRedis, type RedisProcess } from '../support/redis-server.js';
import { call, connect } from '../support/socket-client.js';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-databases.js';
import { tokenFor } from '../support/tokens.js';

const OK = { status: false, code: 0, message: '' };
/** How the platform deploys the service for its own clients. */
const PLATFORM_ENV = { SOCKET_PATH: '/socket', NETWORK_ID: 'world-1' };
const admin = tokenFor('pf-admin', { roles: ['admin', 'network-admin'] });

describe.each(DATABASE_KINDS)('the platform SDK (socket.io-client 2.5.0) on %s', (kind) => {
  let app: RunningApp;
  const open: Array<{ close(): unknown }> = [];
  const platform = async (sessionId: string | null, transports?: string[]) => {
    const session = await connectPlatform(app.url, '/socket', sessionId, transports);
    open.push(session.socket);
    return session;
  };
  const modern = async (token: string): Promise<Socket> => {
    const socket = await connect(app, token);
    open.push(socket);
    return socket;
  };

  beforeAll(async () => {
    app = await startApp(kind, PLATFORM_ENV);
  });
  afterAll(async () => {
    open.forEach((s) => s.close());
    await app?.close();
  });

  it('connects websocket-only with a sessionId and learns who it is from user_info', async () => {
    const { userId, networkId } = await platform(tokenFor('pf-alice', { username: 'Alice' }));
    expect({ userId, networkId }).toEqual({ userId: 'pf-alice', networkId: 'world-1' });
    // The whole greeting: the SDK's `user` and `network` beside the original fields.
    const raw = ioV2(app.url, { path: '/socket', transports: ['websocket'], query: { sessionId: tokenFor('pf-net', { network: 'net-7', roles: ['admin'] }) }, reconnection: false, forceNew: true });
    open.push(raw);
    expect(await new Promise((resolve) => raw.once('user_info', resolve))).toEqual({
      data: {
        id: 'pf-net',
        username: 'pf-net',
        roles: ['admin'],
        user: { id: 'pf-net', username: 'pf-net', roles: ['admin'] },
        network: { id: 'net-7' },
      },
    });
  });

  it('connects through long polling and the upgrade too (Engine.IO 3 both ways)', async () => {
    const { userId } = await platform(tokenFor('pf-polling'), ['polling', 'websocket']);
    expect(userId).toBe('pf-polling');
  });

  it('is refused with "unauthorized" for a missing, expired or forged session', async () => {
    const forged = tokenFor('pf-x').slice(0, -4) + 'abcd';
    for (const sessionId of [null, 'not-a-session', tokenFor('pf-x', {}, { expiresIn: -5 }), forged]) {
      await expect(connectPlatform(app.url, '/socket', sessionId)).rejects.toThrow('unauthorized');
    }
  });

  it('calls every endpoint with { data } and no event block', async () => {
    const root = (await platform(admin)).socket;
    const { socket: bob } = await platform(tokenFor('pf-bob'));
    await platform(tokenFor('pf-carol'));

    expect(await platformCall(root, 'balance:addUserBalanceByAdmin', { targetUser: 'pf-bob', amount: 40 })).toEqual({ data: { transactionId: expect.any(String), token: 40 }, error: OK });
    expect(await platformCall(bob, 'balance:donateToken', { targetUser: 'pf-carol', token: 2.5 })).toEqual({ data: { transactionId: expect.any(String), token: 37.5 }, error: OK });
    expect(await platformCall(bob, 'balance:getTransactions')).toEqual({
      data: { transactions: { spending: { donation: 2.5 }, mining: { adminAdjustment: 40 }, buying: {} }, token: 37.5 },
      error: OK,
    });
    expect(await platformCall(bob, 'balance:getTokenAction', { action: 'dailyLogin' })).toEqual({
      data: { actionName: 'dailyLogin', actions: { action: 'dailyLogin', type: 'mining', token: 10, price: 0, category: 'event', description: 'Logged in today' } },
      error: OK,
    });
    const list = await platformCall(bob, 'balance:getTokenActionList');
    expect(list.error).toEqual(OK);
    expect(JSON.stringify(list.data)).toContain('dailyLogin');
    expect(await platformCall(bob, 'balance:getCurrencyExchangeRate', { currency: 'valu' })).toEqual({ data: { currencyExchangeRate: 0.5 }, error: OK });
    const options = await platformCall(bob, 'balance:getProductSubscriptionOptions', { productType: 'room', productId: 'demo-room' });
    expect(options.data).toMatchObject({ subscriptionOptions: expect.arrayContaining([{ plan: 'subscription_week', price: 5 }]) });
    const created = await platformCall(bob, 'balance:createRoomSubscription', { roomId: 'demo-room', subscriptionPlan: 'subscription_week' });
    expect(created.error).toEqual(OK);
    expect((await platformCall(bob, 'balance:getSubscriptions')).data).toMatchObject({ subscriptions: [expect.objectContaining({ roomId: 'demo-room', status: 'active' })] });
    const expired = await platformCall(root, 'balance:expireRoomSubscription', { roomId: 'demo-room', targetUser: 'pf-bob' });
    expect(expired).toMatchObject({ data: { subscription: { status: 'expired' } }, error: OK });
  });

  it('gets every refusal as an acknowledgement and stays connected', async () => {
    const { socket: dan } = await platform(tokenFor('pf-dan'));
    expect(await platformCall(dan, 'balance:noSuchEndpoint', {})).toEqual({ error: { status: true, code: 404, message: 'Resource not found' } });
    expect((await platformCall(dan, 'balance:donateToken', { targetUser: 7 })).error).toMatchObject({ status: true, code: 400, message: expect.stringMatching(/targetUser/) });
    expect((await platformCall(dan, 'balance:donateToken', { targetUser: 'pf-bob', token: 1 })).error).toEqual({ status: true, code: 422, message: 'Insufficient funds in rents' });
    expect((await platformCall(dan, 'balance:addUserBalanceByAdmin', { targetUser: 'pf-dan', amount: 1 })).error).toEqual({ status: true, code: 403, message: 'Requires role admin' });
    expect((await platformCall(dan, 'balance:getCurrencyExchangeRate', { currency: 'doge' })).error).toMatchObject({ code: 404 });
    expect((await platformCall(dan, 'balance:donateToken', { targetUser: 'pf-bob', token: 1, note: 'x'.repeat(200_000) })).error).toMatchObject({ code: 413 });
    expect(dan.connected).toBe(true);
    expect((await platformCall(dan, 'balance:getTransactions')).error).toEqual(OK);
  });

  it('pushes user:balance from a v4 client to a v2 client and back', async () => {
    const { socket: erin } = await platform(tokenFor('pf-erin'));
    const frank = await modern(tokenFor('pf-frank'));
    expect((await platformCall((await platform(admin)).socket, 'balance:addUserBalanceByAdmin', { targetUser: 'pf-frank', amount: 10 })).error).toEqual(OK);

    const toV2 = nextBalance(erin);
    expect((await call(frank, 'balance:donateToken', { data: { targetUser: 'pf-erin', token: 3 } })).error).toEqual(OK);
    expect(await toV2).toEqual({ data: { token: 3, transactions: { spending: {}, mining: { donation: 3 }, buying: {} }, seq: 1 }, error: OK });

    const toV4 = nextBalance(frank);
    expect((await platformCall(erin, 'balance:donateToken', { targetUser: 'pf-frank', token: 1 })).error).toEqual(OK);
    expect(await toV4).toEqual({ data: { token: 8, transactions: { spending: { donation: 3 }, mining: { adminAdjustment: 10, donation: 1 }, buying: {} }, seq: 3 }, error: OK });
  });
});


describeWithRedis('the platform SDK across two instances on PostgreSQL and Redis', (redisBinary) => {
  let redis: RedisProcess | undefined;
  const apps: RunningApp[] = [];
  const open: Array<{ close(): unknown }> = [];

  afterAll(async () => {
    open.forEach((s) => s.close());
    for (const app of apps.slice(1)) await app.app.close();
    await apps[0]?.close();
    await redis?.stop();
  });

  it('delivers pushes between v2 and v4 clients on different instances', async () => {
    redis = await startRedis(redisBinary);
    const database = await createTestDatabase('postgres');
    const env = { ...PLATFORM_ENV, REDIS_URL: redis.url };
    apps.push(await startAppOn(database, env));
    apps.push(await startAppOn(database, env));
    const [a, b] = apps;

    const v2 = await connectPlatform(a.url, '/socket', tokenFor('pf-two-v2'));
    const v4 = await connect(b, tokenFor('pf-two-v4'));
    const root = await connectPlatform(b.url, '/socket', admin);
    open.push(v2.socket, v4, root.socket);
    expect((await platformCall(root.socket, 'balance:addUserBalanceByAdmin', { targetUser: 'pf-two-v4', amount: 5 })).error).toEqual(OK);

    const toV2 = nextBalance(v2.socket);
    expect((await call(v4, 'balance:donateToken', { data: { targetUser: 'pf-two-v2', token: 2 } })).error).toEqual(OK);
    expect((await toV2).data).toEqual({ token: 2, transactions: { spending: {}, mining: { donation: 2 }, buying: {} }, seq: 1 });

    const toV4 = nextBalance(v4);
    expect((await platformCall(v2.socket, 'balance:donateToken', { targetUser: 'pf-two-v4', token: 0.5 })).error).toEqual(OK);
    expect((await toV4).data).toMatchObject({ token: 3.5 });
  });
});
