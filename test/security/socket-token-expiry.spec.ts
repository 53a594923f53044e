import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { http } from '../support/http-client.js';
import { connectPlatform } from '../support/platform-client.js';
import { call, closeOf, connect, sleep, type AnyClientSocket, type Envelope } from '../support/socket-client.js';
import { DATABASE_KINDS } from '../support/test-databases.js';
import { tokenFor } from '../support/tokens.js';

const UNAUTHORIZED = { error: { status: true, code: 401, message: 'Token expired' } };
/** How long past `exp` a socket may stay open before the test calls it never closed. */
const GRACE_MS = 3000;

/** An admin token that expires in 1–2 s (`exp` is in whole seconds), and that expiry in epoch ms. */
function shortAdminToken(sub: string): { token: string; expMs: number } {
  const token = tokenFor(sub, { roles: ['admin'] }, { expiresIn: 2 });
  const { exp } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { exp: number };
  return { token, expMs: exp * 1000 };
}

interface SentCall {
  readonly sentAt: number;
  answer?: Envelope;
}

/**
 * `addUserBalanceByAdmin` crediting 1 to `target`, one call at a time, from before the token's
 * expiry until the socket is closed (or GRACE_MS past expiry), then once more after the close.
 */
async function creditAcrossExpiry(
  socket: AnyClientSocket & { emit(event: string, ...args: unknown[]): unknown },
  target: string,
  expMs: number,
): Promise<SentCall[]> {
  const calls: SentCall[] = [];
  const send = () => {
    const sent: SentCall = { sentAt: Date.now() };
    calls.push(sent);
    return new Promise<void>((resolve) => {
      const settle = () => resolve();
      socket.once('disconnect', settle);
      socket.emit('balance:addUserBalanceByAdmin', { data: { targetUser: target, amount: 1 } }, (answer: Envelope) => {
        sent.answer = answer;
        settle();
      });
    });
  };
  while (socket.connected && Date.now() < expMs + GRACE_MS) {
    await send();
    await sleep(50);
  }
  // After the close (or, on a server that never closes, well after expiry): emitted, never answered OK.
  void send();
  await sleep(300);
  return calls;
}

describe.each(DATABASE_KINDS)('an open socket ends with its token (H2) on %s', (kind) => {
  let app: RunningApp;
  const balanceOf = async (userId: string) => {
    const answer = await http(app).get(`/back-api/backoffice/user/${userId}/balance/`);
    expect(answer.status).toBe(200);
    return (answer.body as Array<{ asset: string; balance: number }>).find((b) => b.asset === 'rents')?.balance ?? 0;
  };

  beforeAll(async () => {
    app = await startApp(kind);
    for (const target of ['h2-target-v4', 'h2-target-v2']) (await connect(app, tokenFor(target))).close();
  });
  afterAll(async () => {
    await app?.close();
  });

  /** Every call sent at or after expiry went unanswered or got 401, and the balance moved only for the calls answered OK. */
  async function expectNothingAfterExpiry(calls: SentCall[], expMs: number, target: string) {
    const afterExpiry = calls.filter((c) => c.sentAt >= expMs);
    expect(afterExpiry.length).toBeGreaterThan(0);
    for (const late of afterExpiry) expect(late.answer === undefined || late.answer.error.code === 401 ? 'refused or unanswered' : late.answer).toBe('refused or unanswered');
    for (const refused of calls.filter((c) => c.answer?.error.code === 401)) expect(refused.answer).toEqual(UNAUTHORIZED);
    const ok = calls.filter((c) => c.answer?.error.code === 0).length;
    // Before expiry the token was good.
    expect(ok).toBeGreaterThan(0);
    // A call received just before expiry may commit while the socket is being closed, its answer lost.
    const inFlightAtClose = calls.filter((c) => c.answer === undefined && c.sentAt < expMs).length;
    const credited = await balanceOf(target);
    expect(credited).toBeGreaterThanOrEqual(ok);
    expect(credited).toBeLessThanOrEqual(ok + inFlightAtClose);
  }

  it('socket.io-client 4: told "unauthorized" and closed at exp; admin calls after exp change nothing', async () => {
    const { token, expMs } = shortAdminToken('h2-admin-v4');
    const socket = await connect(app, token);
    const closed = closeOf(socket, ['unauthorized'], expMs - Date.now() + GRACE_MS);

    const calls = await creditAcrossExpiry(socket, 'h2-target-v4', expMs);
    await expectNothingAfterExpiry(calls, expMs, 'h2-target-v4');
    const close = await closed;
    expect(close).toEqual({ reason: 'io server disconnect', at: expect.any(Number), told: { unauthorized: UNAUTHORIZED } });
    expect((close as { at: number }).at).toBeGreaterThanOrEqual(expMs);
    socket.close();
  });

  it('socket.io-client 2.5 (the platform SDK, sessionId in the URL): told "unauthorized" and closed at exp; admin calls after exp change nothing', async () => {
    const { token, expMs } = shortAdminToken('h2-admin-v2');
    const { socket } = await connectPlatform(app.url, app.config.socketPath, token);
    const closed = closeOf(socket, ['unauthorized'], expMs - Date.now() + GRACE_MS);

    const calls = await creditAcrossExpiry(socket, 'h2-target-v2', expMs);
    await expectNothingAfterExpiry(calls, expMs, 'h2-target-v2');
    const close = await closed;
    expect(close).toEqual({ reason: 'io server disconnect', at: expect.any(Number), told: { unauthorized: UNAUTHORIZED } });
    expect((close as { at: number }).at).toBeGreaterThanOrEqual(expMs);
    socket.close();
  });
});

describe('a token that expires beyond setTimeout’s range', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp('sqlite', { JWT_MAX_AGE_S: String(60 * 24 * 3600) });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('keeps a socket whose token is valid for 30 days open (the delay is not clamped to 1 ms)', async () => {
    const socket = await connect(app, tokenFor('h2-long', {}, { expiresIn: '30d' }));
    const closed = closeOf(socket, ['unauthorized'], 1000);
    expect(await closed).toBe('still open');
    expect((await call(socket, 'balance:getTransactions')).error.code).toBe(0);
    socket.close();
  });
});
