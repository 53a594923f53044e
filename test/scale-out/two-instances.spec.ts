import { expect, it } from '@jest/globals';
import { describeWithRedis } from '../support/redis-server.js';
import { twoInstances } from '../support/scale-out.js';
import { ledgerCheck } from '../support/server-process.js';
import { sleep, type Envelope } from '../support/socket-client.js';
import { tokenFor } from '../support/tokens.js';

const admin = tokenFor('scale-admin', { roles: ['admin'] });

describeWithRedis('two instances on one PostgreSQL and Redis', (redisBinary) => {
  const cluster = twoInstances(redisBinary);

  it('delivers events across instances, renews once, and survives losing an instance', async () => {
    const { a, b } = await cluster.start({ ENABLE_TEST_CLOCK: 'true' });
    const health = (await (await fetch(`${b.url}/health`)).json()) as { info: Record<string, unknown> };
    expect(health.info).toMatchObject({ database: { status: 'up' }, redis: { status: 'up' } });

    const x = await cluster.connect(a.url, tokenFor('scale-x'));
    const y = await cluster.connect(b.url, tokenFor('scale-y'));
    const root = await cluster.connect(b.url, admin);
    expect(((await root.emitWithAck('balance:addUserBalanceByAdmin', { data: { targetUser: 'scale-y', amount: 20 } })) as Envelope).error.code).toBe(0);

    // A donation made through B reaches the receiver connected to A, and the operators' feed there.
    const watcher = await cluster.connect(a.url, admin);
    const fed = new Promise<{ action: string }>((resolve) => watcher.on('admin:transaction', (t: { action: string }) => t.action === 'donation' && resolve(t)));
    const received = new Promise<Envelope>((resolve) => x.once('user:balance', resolve));
    expect(((await y.emitWithAck('balance:donateToken', { data: { targetUser: 'scale-x', token: 1 } })) as Envelope).error.code).toBe(0);
    expect((await received).data).toMatchObject({ token: 1, transactions: { mining: { donation: 1 } } });
    expect(await fed).toMatchObject({ action: 'donation', entries: expect.arrayContaining([{ userId: 'scale-x', asset: 'rents', amount: '1', type: 'mining' }]) });

    // A weekly subscription renews exactly once although both instances run due work.
    expect(((await y.emitWithAck('balance:createRoomSubscription', { data: { roomId: 'demo-room', subscriptionPlan: 'subscription_week' } })) as Envelope).error.code).toBe(0);
    const advance = (url: string, seconds: number) =>
      fetch(`${url}/back-api/backoffice/test-clock/advance`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({ seconds }),
      });
    const [ra, rb] = await Promise.all([advance(a.url, 7 * 86_400), advance(b.url, 0)]);
    expect([ra.status, rb.status]).toEqual([200, 200]);
    await sleep(2500); // both instances' background loops run meanwhile
    await advance(b.url, 0);
    const subscriptions = ((await y.emitWithAck('balance:getSubscriptions')) as Envelope).data!.subscriptions as Array<{ status: string }>;
    expect(subscriptions[0].status).toBe('active');
    const spent = ((await y.emitWithAck('balance:getTransactions')) as Envelope).data as { transactions: { spending: Record<string, number> } };
    expect(spent.transactions.spending).toEqual({ donation: 1, roomSubscription: 10 }); // two periods of 5

    // A dies; B keeps serving, and users reconnect to it.
    await a.kill();
    const x2 = await cluster.connect(b.url, tokenFor('scale-x'));
    const again = new Promise<Envelope>((resolve) => x2.once('user:balance', resolve));
    expect(((await y.emitWithAck('balance:donateToken', { data: { targetUser: 'scale-x', token: 2 } })) as Envelope).error.code).toBe(0);
    expect((await again).data).toMatchObject({ token: 3 });
    expect(await ledgerCheck(b.url, admin)).toMatchObject({ ok: true });
    const metrics = await (await fetch(`${b.url}/metrics`)).text();
    expect(metrics).toMatch(/ledger_transactions_total\{kind="donation"\} \d+/);
    expect(metrics).toMatch(/sockets_open \d+/);
    expect(metrics).toMatch(/db_pool_connections\{state="total"\} \d+/);
  });
});
