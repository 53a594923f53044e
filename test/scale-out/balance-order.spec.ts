import { expect, it } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import { connectPlatform, platformCall, type PlatformSocket } from '../support/platform-client.js';
import { describeWithRedis } from '../support/redis-server.js';
import { twoInstances } from '../support/scale-out.js';
import { call, collect, until, type Envelope } from '../support/socket-client.js';
import { tokenFor } from '../support/tokens.js';

const OK = { status: false, code: 0, message: '' };
const admin = tokenFor('order-admin', { roles: ['admin'] });

/**
 * Two instances on one PostgreSQL and Redis, donations committed on both at once: a push made on
 * one instance reaches the other's sockets later than that instance's own pushes, so they cross.
 * Every socket (4.x and 2.x clients, on either instance) still sees its user's seq only grow, and
 * ends on the committed balance.
 */
describeWithRedis('user:balance order across two instances', (redisBinary) => {
  const cluster = twoInstances(redisBinary);

  it('never sends a socket an older seq after a newer one, whichever instance committed', async () => {
    const { a, b } = await cluster.start({ SOCKET_RATE_PER_SECOND: '100000', SOCKET_RATE_BURST: '100000' });
    const root = await cluster.connect(a.url, admin);
    // The receiver on both instances, with both client generations; the senders split between them.
    const receivers: Array<{ name: string; pushes: Envelope[] }> = [];
    for (const [name, url] of [['4.x on A', a.url], ['4.x on B', b.url]] as const) {
      receivers.push({ name, pushes: collect<Envelope>(await cluster.connect(url, tokenFor('order-r')), 'user:balance') });
    }
    const v2: PlatformSocket[] = [];
    for (const [name, url] of [['2.x on A', a.url], ['2.x on B', b.url]] as const) {
      const { socket } = await connectPlatform(url, '/socket.io', tokenFor('order-r'));
      v2.push(socket);
      const pushes: Envelope[] = [];
      socket.on('user:balance', (e: Envelope) => pushes.push(e));
      receivers.push({ name, pushes });
    }
    const senders = ['order-s1', 'order-s2', 'order-s3', 'order-s4'];
    const senderSockets: Socket[] = [];
    for (const [i, sender] of senders.entries()) senderSockets.push(await cluster.connect(i % 2 === 0 ? a.url : b.url, tokenFor(sender)));
    for (const user of [...senders, 'order-r']) {
      expect(((await root.emitWithAck('balance:addUserBalanceByAdmin', { data: { targetUser: user, amount: 100 } })) as Envelope).error).toEqual(OK);
    }

    try {
      const donate = async (socket: Socket, target: string, count: number) => {
        for (let i = 0; i < count; i++) expect((await call(socket, 'balance:donateToken', { data: { targetUser: target, token: 0.25 } })).error).toEqual(OK);
      };
      await Promise.all([
        ...senderSockets.map((s) => donate(s, 'order-r', 25)),
        (async () => {
          for (let i = 0; i < 10; i++) expect((await platformCall(v2[i % 2], 'balance:donateToken', { targetUser: 'order-s1', token: 0.25 })).error).toEqual(OK);
        })(),
      ]);
      // 1 credit + 100 donations in + 10 out.
      const finalSeq = 111;
      const committed = (await call(senderSockets[0], 'balance:getTransactions')).data!;
      expect(committed.token).toBe(100 - 6.25 + 2.5);
      const received = (await platformCall(v2[0], 'balance:getTransactions')).data!;
      expect(received).toEqual({ token: 122.5, transactions: { spending: { donation: 2.5 }, mining: { adminAdjustment: 100, donation: 25 }, buying: {} } });
      await until(() => receivers.every((r) => r.pushes.at(-1)?.data?.seq === finalSeq));
      for (const { name, pushes } of receivers) {
        const seqs = pushes.map((p) => p.data!.seq as number);
        const backwards = seqs.filter((seq, i) => i > 0 && seq <= seqs[i - 1]);
        expect({ name, backwards }).toEqual({ name, backwards: [] });
        expect({ name, last: pushes.at(-1)!.data }).toEqual({ name, last: { ...received, seq: finalSeq } });
      }
    } finally {
      v2.forEach((s) => s.close());
    }
  });
});
