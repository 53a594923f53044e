import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHmac, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import jwt from 'jsonwebtoken';
import type { Socket } from 'socket.io-client';
import { MAX_BODY_BYTES, MAX_BODY_DEPTH } from '../../src/http/body-limits.js';
import { Db } from '../../src/database/db.service.js';
import { LedgerService } from '../../src/ledger/ledger.service.js';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { deeplyNested } from '../support/hostile-values.js';
import { bo, http, type HttpClient } from '../support/http-client.js';
import { pathOf, protectedRoutes } from '../support/http-routes.js';
import { addLegacyUser, fundLegacyUser, legacyCall, legacyXml, sha1Hex } from '../support/legacy-client.js';
import { rawRequest } from '../support/raw-http.js';
import { call, connect, handshakeOutcome } from '../support/socket-client.js';
import { DATABASE_KINDS } from '../support/test-databases.js';
import { tokenFor } from '../support/tokens.js';

/**
 * The probes a security review of 0a5be25 ran against a listening server and found holding (issue
 * #21), kept as a regression net: the token matrix, every route's 401/403, roles from tokens
 * only, the amount forms, the size limits and the legacy hash compare. Each refusal body is also
 * checked for internals.
 */

const LEGACY_SECRET = 'probes-legacy-secret-0123456789';
/** Many refusals come from one address here; the flood limits have specs of their own. */
const NO_FLOOD_LIMITS = {
  AUTH_FAIL_LIMIT: '1000000',
  LEGACY_HASH_FAIL_LIMIT: '1000000',
  REST_RATE_PER_SECOND: '1000000',
  REST_RATE_BURST: '1000000',
  SOCKET_RATE_PER_SECOND: '1000000',
  SOCKET_RATE_BURST: '1000000',
};
const ADMIN_ROUTE = '/back-api/backoffice/ledger/check';
/** What no refusal may show: a stack, a source file, the driver's or the database's own words. */
const INTERNALS = /"stack"|\bat .+\.[jt]s:\d+|node_modules|QueryFailed|SQLITE_|syntax error at|relation "|TypeError|RangeError|ReferenceError/;

const ADMIN = { sub: 'probe-admin', username: 'probe-admin', roles: ['admin'] };
const rsaPair = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
const provider = rsaPair();
const stranger = rsaPair();
const PROVIDER_PEM = provider.publicKey.export({ type: 'spki', format: 'pem' }).toString();

const rs256 = (key: KeyObject, options: jwt.SignOptions = {}) => jwt.sign(ADMIN, key, { algorithm: 'RS256', expiresIn: '1h', ...options });
const hs256 = (options: jwt.SignOptions = {}) => tokenFor(ADMIN.sub, { roles: ADMIN.roles }, options);
const unsigned = () => jwt.sign(ADMIN, '', { algorithm: 'none', expiresIn: '1h' });
/** HS256 signed by hand under any key text: the PEM of a public key, as an attacker who read it would. */
const hmacSigned = (key: string) => {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ ...ADMIN, exp: Math.floor(Date.now() / 1000) + 3600 })}`;
  return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;
};
/** An admin payload under the signature of a role-less token of the same user. */
const reSigned = () => {
  const [header, payload] = hs256().split('.');
  return `${header}.${payload}.${tokenFor(ADMIN.sub).split('.')[2]}`;
};

/** Each key setting: the token it accepts, and the review's tokens it must refuse (each otherwise an admin's, valid for an hour). */
const KEY_SETTINGS = {
  'JWT_SECRET (HS256)': {
    accepted: () => hs256(),
    refused: () => ({
      'alg none': unsigned(),
      'RS256 when HS256 is configured': rs256(provider.privateKey),
      'HS512 under the right secret': hs256({ algorithm: 'HS512' }),
      'HS256 under another secret': jwt.sign(ADMIN, 'another-secret-another-secret-another', { algorithm: 'HS256', expiresIn: '1h' }),
      'an admin payload under a plain token\'s signature': reSigned(),
      expired: hs256({ expiresIn: -30 }),
      'not yet valid (nbf in an hour)': hs256({ notBefore: '1h', expiresIn: '2h' }),
    }),
  },
  'JWT_PUBLIC_KEY (RS256)': {
    accepted: () => rs256(provider.privateKey),
    refused: () => ({
      'alg none': unsigned(),
      'HS256 with the public key PEM as the secret': hmacSigned(PROVIDER_PEM),
      'HS256 under JWT_SECRET': hs256(),
      'RS256 under another key': rs256(stranger.privateKey),
      expired: rs256(provider.privateKey, { expiresIn: -30 }),
      'not yet valid (nbf in an hour)': rs256(provider.privateKey, { notBefore: '1h', expiresIn: '2h' }),
    }),
  },
};
type KeySetting = keyof typeof KEY_SETTINGS;

/** The review's amount forms: refused wherever an amount is read (JSON turns NaN and Infinity numbers into null). */
const MALFORMED_AMOUNTS: unknown[] = ['0', 0, '-0', -0, '1e-30', 1e-30, '0x10', '1,5', '١٠', '１０', 'NaN', NaN, 'Infinity', Infinity, '-Infinity'];
/** Refused only where an amount must be positive; elsewhere a negative amount withdraws. */
const NEGATIVE_AMOUNTS: unknown[] = ['-1', -1];
const labelOf = (amount: unknown) => (typeof amount === 'number' ? `number ${Object.is(amount, -0) ? '-0' : amount}` : JSON.stringify(amount));

/** One place an amount is read: how to send it, what a refusal looks like there, and one amount too fine for its asset. */
interface AmountSurface {
  readonly positiveOnly: boolean;
  readonly tooFine: string;
  readonly refusal: string;
  send(amount: unknown): Promise<{ outcome: string; text: string }>;
}

/** Each of the setting's refused tokens is 401 on REST and `unauthorized` at the handshake; its accepted one passes both. */
async function expectTokenMatrix(target: RunningApp, setting: KeySetting): Promise<void> {
  const { accepted, refused } = KEY_SETTINGS[setting];
  for (const [label, token] of Object.entries(refused())) {
    const res = await fetch(target.url + ADMIN_ROUTE, { headers: { authorization: `Bearer ${token}` } });
    const text = await res.text();
    expect({ label, status: res.status, body: JSON.parse(text), handshake: await handshakeOutcome(target, token) }).toEqual({
      label,
      status: 401,
      body: { statusCode: 401, message: expect.any(String) },
      handshake: 'unauthorized',
    });
    expect(text).not.toMatch(INTERNALS);
  }
  const good = accepted();
  expect({ status: (await fetch(target.url + ADMIN_ROUTE, { headers: { authorization: `Bearer ${good}` } })).status, handshake: await handshakeOutcome(target, good) })
    .toEqual({ status: 200, handshake: 'connected' });
}

describe.each(DATABASE_KINDS)("the review's passing probes on %s", (kind) => {
  let app: RunningApp;
  let api: HttpClient;
  let admin: Socket;
  let giver: Socket;
  let legacyRequests = 0;

  const snapshot = async () => {
    const ledger = app.app.get(LedgerService);
    const db = app.app.get(Db);
    const count = async (table: string) => Number((await db.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
    const balances: string[] = [];
    for (const user of ['probe-giver', 'probe-taker', 'probe-funded', 'probe-legacy']) {
      for (const asset of ['rents', 'usd']) {
        const { balance, locked } = await ledger.balanceOf(user, asset);
        balances.push(`${user} ${asset} ${balance}/${locked}`);
      }
    }
    return { balances, transactions: await count('ledger_transactions'), holds: await count('holds') };
  };
  /** An update with a fresh request_id, its hash as computed or as `alter` changes it. */
  const legacyUpdate = (balance: string, alter = (hash: string) => hash) => {
    const requestId = `probe-${++legacyRequests}`;
    const form = { user_id: 'probe-legacy', balance, request_id: requestId, u: 'probe-ops', hash: alter(sha1Hex('probe-legacy', balance, requestId, LEGACY_SECRET)) };
    return legacyCall(app.url, '/billing/api/user_balance_update', { form });
  };
  const socketAnswer = async (socket: Socket, event: string, data: object) => {
    const answer = await call(socket, event, { data });
    return { outcome: `code ${answer.error.code}`, text: JSON.stringify(answer) };
  };
  const restAnswer = async (path: string, body: object) => {
    const answer = await api.post(path, body);
    return { outcome: `status ${answer.status}`, text: JSON.stringify(answer.body) };
  };

  const surfaces = (): Record<string, AmountSurface> => ({
    'socket balance:addUserBalanceByAdmin': {
      positiveOnly: false,
      tooFine: '0.000000001',
      refusal: 'code 400',
      send: (amount) => socketAnswer(admin, 'balance:addUserBalanceByAdmin', { targetUser: 'probe-taker', amount }),
    },
    'socket balance:donateToken': {
      positiveOnly: true,
      tooFine: '0.000000001',
      refusal: 'code 400',
      send: (token) => socketAnswer(giver, 'balance:donateToken', { targetUser: 'probe-taker', token }),
    },
    'REST adjustments': {
      positiveOnly: false,
      tooFine: '0.001',
      refusal: 'status 400',
      send: (amount) => restAnswer(bo('/user/probe-funded/adjustments'), { asset: 'usd', amount, comment: 'probe' }),
    },
    'REST holds': {
      positiveOnly: true,
      tooFine: '0.001',
      refusal: 'status 400',
      send: (amount) => restAnswer(bo('/user/probe-funded/holds'), { asset: 'usd', amount, reason: 'probe' }),
    },
    'legacy user_balance_update': {
      positiveOnly: false,
      tooFine: '0.001',
      refusal: legacyXml.pageError('User balance not updated'),
      send: async (amount) => {
        const { body } = await legacyUpdate(String(amount));
        return { outcome: body, text: body };
      },
    },
  });

  beforeAll(async () => {
    app = await startApp(kind, { ...NO_FLOOD_LIMITS, LEGACY_API_SECRET: LEGACY_SECRET });
    api = http(app, { token: hs256() });
    for (const id of ['probe-giver', 'probe-taker', 'probe-funded', 'probe-legacy']) await addLegacyUser(app, { id, username: id });
    await addLegacyUser(app, { id: 'probe-ops', username: 'probe-ops', roles: ['admin'] });
    await fundLegacyUser(app, 'probe-giver', 100n * 10n ** 8n, 'rents');
    await fundLegacyUser(app, 'probe-funded', 10_000n);
    await fundLegacyUser(app, 'probe-legacy', 10_000n);
    admin = await connect(app, hs256());
    giver = await connect(app, tokenFor('probe-giver'));
  });
  afterAll(async () => {
    admin?.close();
    giver?.close();
    await app?.close();
  });

  it('refuses alg none, algorithm confusion, wrong keys, expired and not-yet-valid tokens on REST and at the socket handshake, with JWT_SECRET (HS256)', () =>
    expectTokenMatrix(app, 'JWT_SECRET (HS256)'));

  it('answers every protected REST route 401 without a token and 403 to a token without the admin role, whatever roles the body claims', async () => {
    const routes = protectedRoutes(app);
    expect(routes.length).toBeGreaterThanOrEqual(20);
    const before = await snapshot();
    for (const route of routes) {
      const [method, pattern] = route.split(' ');
      const body = method === 'GET' || method === 'DELETE' ? undefined : { roles: ['admin'], user: { roles: ['admin'] }, asset: 'usd', amount: '1' };
      for (const [token, expected] of [[null, 401], [tokenFor('probe-plain', { role: 'admin', scope: 'admin' }), 403]] as const) {
        const answer = await api.send(method, pathOf(pattern), body, { token });
        expect({ route, status: answer.status, body: answer.body }).toEqual({ route, status: expected, body: { statusCode: expected, message: expect.any(String) } });
        expect(JSON.stringify(answer.body)).not.toMatch(INTERNALS);
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it('takes roles from the token only: a roles field in a socket payload grants nothing and moves nothing', async () => {
    const before = await snapshot();
    const plain = await connect(app, tokenFor('probe-plain'));
    try {
      const claimed = { data: { targetUser: 'probe-taker', amount: 5, roles: ['admin'] }, roles: ['admin'], user: { roles: ['admin'] } };
      const answer = await call(plain, 'balance:addUserBalanceByAdmin', claimed);
      expect(answer.error).toEqual({ status: true, code: 403, message: 'Requires role admin' });
    } finally {
      plain.close();
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses 0, -0, 1e-30, 0x10, 1,5, other scripts\' digits, NaN, Infinity, too many decimals and (where amounts are positive) negatives with 400 on every surface, and nothing changes', async () => {
    const before = await snapshot();
    for (const [name, surface] of Object.entries(surfaces())) {
      const amounts = [...MALFORMED_AMOUNTS, surface.tooFine, ...(surface.positiveOnly ? NEGATIVE_AMOUNTS : [])];
      for (const amount of amounts) {
        const { outcome, text } = await surface.send(amount);
        expect({ name, amount: labelOf(amount), outcome }).toEqual({ name, amount: labelOf(amount), outcome: surface.refusal });
        expect(text).not.toMatch(INTERNALS);
      }
    }
    expect(await snapshot()).toEqual(before);
    // The same surfaces take a plain amount, so each refusal above was the amount's.
    for (const [name, surface] of Object.entries(surfaces())) {
      expect({ name, refused: (await surface.send('1')).outcome === surface.refusal }).toEqual({ name, refused: false });
    }
    expect((await snapshot()).transactions).toBe(before.transactions + 4);
  });

  it('refuses a REST body over 100 kB with 413 and JSON nested too deep with 400', async () => {
    const path = bo('/user/probe-funded/adjustments');
    const exactly = (bytes: number) => {
      const json = JSON.stringify({ asset: 'usd', amount: '1', comment: 'size probe' });
      return json + ' '.repeat(bytes - json.length);
    };
    const headers = { authorization: `Bearer ${hs256()}`, 'content-type': 'application/json' };
    const over = await rawRequest(app.url, 'POST', path, headers, exactly(MAX_BODY_BYTES + 1));
    expect({ status: over.status, body: JSON.parse(over.body) }).toEqual({ status: 413, body: { statusCode: 413, message: 'Request body too large' } });
    expect((await rawRequest(app.url, 'POST', path, headers, exactly(MAX_BODY_BYTES))).status).toBe(201);

    const depthRefusal = { statusCode: 400, message: `Request body must nest at most ${MAX_BODY_DEPTH} levels` };
    expect(await api.post(path, deeplyNested(MAX_BODY_DEPTH + 1))).toMatchObject({ status: 400, body: depthRefusal });
    const deepText = `${'['.repeat(40_000)}${']'.repeat(40_000)}`;
    const deep = await rawRequest(app.url, 'POST', path, headers, deepText);
    expect({ status: deep.status, body: JSON.parse(deep.body) }).toEqual({ status: 400, body: depthRefusal });
  });

  it('refuses a gzip body that inflates past the limit with 413 and keeps serving', async () => {
    const before = await snapshot();
    const bomb = gzipSync(Buffer.alloc(20_000_000, 0x20));
    expect(bomb.length).toBeLessThan(MAX_BODY_BYTES);
    const headers = { authorization: `Bearer ${hs256()}`, 'content-type': 'application/json', 'content-encoding': 'gzip' };
    const refused = await rawRequest(app.url, 'POST', bo('/user/probe-funded/adjustments'), headers, bomb);
    expect({ status: refused.status, body: JSON.parse(refused.body) }).toEqual({ status: 413, body: { statusCode: 413, message: 'Request body too large' } });
    expect(await snapshot()).toEqual(before);
    expect((await fetch(`${app.url}/health`)).status).toBe(200);
    expect((await api.get(ADMIN_ROUTE)).body).toMatchObject({ ok: true });
  });

  it('answers a socket frame between the request limit and 1 MB with 413 in the ack and keeps the connection open; a deep payload is 400', async () => {
    const before = await snapshot();
    const large = await call(admin, 'balance:addUserBalanceByAdmin', { data: { targetUser: 'probe-taker', amount: 1, note: 'x'.repeat(500_000) } });
    expect(large.error).toEqual({ status: true, code: 413, message: expect.stringMatching(/at most \d+ characters/) });
    const deep = await call(admin, 'balance:addUserBalanceByAdmin', { data: { targetUser: 'probe-taker', amount: 1, note: deeplyNested(20) } });
    expect(deep.error).toEqual({ status: true, code: 400, message: expect.stringMatching(/nest at most/) });
    expect(admin.connected).toBe(true);
    expect((await call(admin, 'balance:getTransactions')).error.code).toBe(0);
    expect(await snapshot()).toEqual(before);
  });

  it('compares the legacy hash without regard to case and refuses a near miss', async () => {
    const nextHex = (c: string) => ((parseInt(c, 16) + 1) % 16).toString(16);
    const nearMisses: Record<string, (hash: string) => string> = {
      'last digit off by one': (hash) => hash.slice(0, -1) + nextHex(hash.at(-1)!),
      'first digit off by one': (hash) => nextHex(hash[0]) + hash.slice(1),
      'one digit short': (hash) => hash.slice(0, -1),
      'one digit long': (hash) => `${hash}0`,
    };
    const hash = sha1Hex('probe-legacy', LEGACY_SECRET);
    const get = async (candidate: string) => (await legacyCall(app.url, '/api/user_balance_get', { form: { username: 'probe-legacy', hash: candidate } })).body;
    const balance = await get(hash);
    expect(balance).toMatch(/<balance>[\d.]+<\/balance>/);
    expect(await get(hash.toUpperCase())).toBe(balance);
    const before = await snapshot();
    for (const [label, alter] of Object.entries(nearMisses)) {
      expect({ label, get: await get(alter(hash)), update: (await legacyUpdate('1.25', alter)).body })
        .toEqual({ label, get: legacyXml.statusError('Incorrect hash'), update: legacyXml.statusError('Incorrect hash') });
    }
    expect(await snapshot()).toEqual(before);
    expect((await legacyUpdate('1.25', (h) => h.toUpperCase())).body).toMatch(/<status>User balance updated<\/status>/);
  });

  /**
   * Last, on a server of its own: passport keeps one strategy per name for the whole process, so
   * a second server's JwtStrategy would verify the first one's REST requests too.
   */
  describe('with JWT_PUBLIC_KEY', () => {
    let rsApp: RunningApp;
    beforeAll(async () => {
      rsApp = await startApp(kind, { ...NO_FLOOD_LIMITS, JWT_PUBLIC_KEY: PROVIDER_PEM });
    });
    afterAll(async () => {
      await rsApp?.close();
    });

    it('refuses alg none, algorithm confusion, wrong keys, expired and not-yet-valid tokens on REST and at the socket handshake, with JWT_PUBLIC_KEY (RS256)', () =>
      expectTokenMatrix(rsApp, 'JWT_PUBLIC_KEY (RS256)'));
  });
});
