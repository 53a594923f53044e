import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { io, type Socket } from 'socket.io-client';
import { UsersService } from '../../src/auth/users.service.js';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { bo, http, type HttpClient } from '../support/http-client.js';
import { connectPlatform, platformCall } from '../support/platform-client.js';
import { call, collect, connect, greetingBalanceOf, until, type Envelope } from '../support/socket-client.js';
import { DATABASE_KINDS } from '../support/test-databases.js';
import { tokenFor } from '../support/tokens.js';

const OK = { status: false, code: 0, message: '' };
const NOTHING = { spending: {}, mining: {}, buying: {} };
/** How the platform deploys the service, so that 2.x clients connect too. */
const PLATFORM_ENV = { SOCKET_PATH: '/socket' };

/** The seqs of a socket's pushes, in arrival order, only ever grow. */
function expectGrowing(pushes: readonly Envelope[]): void {
  const seqs = pushes.map((p) => p.data!.seq as number);
  expect(seqs.every((seq, i) => i === 0 || seq > seqs[i - 1])).toBe(true);
}

/** CONTRACT §9 "Sockets converge": a client shows the committed balance, newest last, at once. */
describe.each(DATABASE_KINDS)('sockets converge on %s', (kind) => {
  let app: RunningApp;
  let api: HttpClient;
  const open: Array<{ close(): unknown }> = [];
  const modern = async (userId: string) => {
    const socket = await connect(app, tokenFor(userId));
    open.push(socket);
    return socket;
  };
  const platform = async (userId: string) => {
    const session = await connectPlatform(app.url, '/socket', tokenFor(userId));
    open.push(session.socket);
    return session;
  };
  const credit = async (userId: string, amount: string) =>
    expect((await api.post(bo(`/user/${userId}/adjustments`), { asset: 'rents', amount, comment: 'funding' })).status).toBe(201);
  const hold = async (userId: string, amount: string) => expect((await api.post(bo(`/user/${userId}/holds`), { asset: 'rents', amount, reason: 'test hold' })).status).toBe(201);

  beforeAll(async () => {
    app = await startApp(kind, PLATFORM_ENV);
    api = http(app);
    const users = app.app.get(UsersService);
    for (const id of ['cv-held', 'cv-giver', 'cv-s1', 'cv-s2', 'cv-s3', 'cv-s4', 'cv-many', 'cv-tx']) await users.upsert({ id, username: id, email: null, roles: [], currency: null });
  });
  afterAll(async () => {
    open.forEach((s) => s.close());
    await app?.close();
  });

  it('sends user:balance right after user_info, to 4.x and 2.x clients, with the committed balance and its seq', async () => {
    // The order on the wire: user_info ends the handshake, the balance comes right behind it.
    const raw = io(app.url, { path: '/socket', transports: ['websocket'], auth: { token: tokenFor('cv-new') }, reconnection: false, forceNew: true });
    open.push(raw);
    const events: string[] = [];
    raw.onAny((event: string) => events.push(event));
    const fresh = await new Promise<Envelope>((resolve) => raw.once('user:balance', resolve));
    expect(events).toEqual(['user_info', 'user:balance']);
    // No account yet: nothing, at sequence 0.
    expect(fresh).toEqual({ data: { token: 0, transactions: NOTHING, seq: 0 }, error: OK });

    await credit('cv-held', '10');
    await hold('cv-held', '2.5');
    // One entry and one hold: sequence 2; the token is what is spendable.
    const expected = { data: { token: 7.5, transactions: { spending: {}, mining: { adjustment: 10 }, buying: {} }, seq: 2 }, error: OK };
    expect(greetingBalanceOf.get(await modern('cv-held'))).toEqual(expected);
    expect((await platform('cv-held')).balance).toEqual(expected);
  });

  it('shows a client that was away what it missed, as soon as it is back', async () => {
    await credit('cv-giver', '20');
    const giver = await modern('cv-giver');
    const away = await platform('cv-away');
    expect(away.balance.data).toMatchObject({ token: 0, seq: 0 });
    away.socket.close();
    for (const token of [1, 2]) expect((await call(giver, 'balance:donateToken', { data: { targetUser: 'cv-away', token } })).error).toEqual(OK);
    const back = await platform('cv-away');
    expect(back.balance).toEqual({ data: { token: 3, transactions: { spending: {}, mining: { donation: 3 }, buying: {} }, seq: 2 }, error: OK });
    expect(greetingBalanceOf.get(await modern('cv-away'))).toEqual(back.balance);
  });

  it('never sends a socket an older seq after a newer one, under concurrent donations, and ends on the committed balance', async () => {
    const senders = ['cv-s1', 'cv-s2', 'cv-s3', 'cv-s4'];
    for (const sender of [...senders, 'cv-many']) await credit(sender, '100');
    const receiverV4 = await modern('cv-many');
    const receiverV2 = (await platform('cv-many')).socket;
    const senderSockets = await Promise.all(senders.map((s) => modern(s)));
    const pushes = {
      v4: collect<Envelope>(receiverV4, 'user:balance'),
      v2: [] as Envelope[],
      senders: senderSockets.map((s) => collect<Envelope>(s, 'user:balance')),
    };
    receiverV2.on('user:balance', (e: Envelope) => pushes.v2.push(e));
    const donations = (socket: Socket, target: string, count: number) =>
      (async () => {
        for (let i = 0; i < count; i++) expect((await call(socket, 'balance:donateToken', { data: { targetUser: target, token: 0.5 } })).error).toEqual(OK);
      })();
    // 40 donations in, 8 out (from both of its clients), all at once.
    await Promise.all([
      ...senderSockets.map((s) => donations(s, 'cv-many', 10)),
      donations(receiverV4, 'cv-s1', 4),
      (async () => {
        for (let i = 0; i < 4; i++) expect((await platformCall(receiverV2, 'balance:donateToken', { targetUser: 'cv-s2', token: 0.5 })).error).toEqual(OK);
      })(),
    ]);
    const committed = (await call(receiverV4, 'balance:getTransactions')).data!;
    expect(committed).toEqual({ token: 116, transactions: { spending: { donation: 4 }, mining: { adjustment: 100, donation: 20 }, buying: {} } });
    // Its sequence: 1 credit + 40 donations in + 8 out.
    const last = { token: committed.token, transactions: committed.transactions, seq: 49 };
    await until(() => pushes.v4.at(-1)?.data?.seq === 49 && pushes.v2.at(-1)?.data?.seq === 49);
    for (const received of [pushes.v4, pushes.v2]) {
      expectGrowing(received);
      expect(received.at(-1)!.data).toEqual(last);
    }
    pushes.senders.forEach(expectGrowing);
  });

  it('answers getTransactions with token, the spendable balance, on 4.x and 2.x clients', async () => {
    await credit('cv-tx', '10');
    await hold('cv-tx', '4');
    const expected = { data: { transactions: { spending: {}, mining: { adjustment: 10 }, buying: {} }, token: 6 }, error: OK };
    expect(await call(await modern('cv-tx'), 'balance:getTransactions')).toEqual(expected);
    expect(await platformCall((await platform('cv-tx')).socket, 'balance:getTransactions')).toEqual(expected);
    expect(await call(await modern('cv-nobody'), 'balance:getTransactions')).toEqual({ data: { transactions: NOTHING, token: 0 }, error: OK });
  });
});
