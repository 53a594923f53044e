import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createRequire } from 'node:module';
import { UsersService } from '../../src/auth/users.service.js';
import { Db } from '../../src/database/db.service.js';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { parseCsv } from '../support/csv.js';
import { startDownload } from '../support/export-download.js';
import { bo, http, type HttpClient } from '../support/http-client.js';
import { seedAdjustments } from '../support/ledger-seed.js';
import { DATABASE_KINDS } from '../support/test-databases.js';
import { adminToken, tokenFor } from '../support/tokens.js';

const SqliteDatabase = createRequire(import.meta.url)('better-sqlite3') as new (path: string) => { pragma(source: string): unknown; close(): void };

const HEADER = ['transaction_id', 'created_at', 'kind', 'action', 'user_id', 'account', 'asset', 'amount', 'type', 'balance_after', 'comment', 'reverses'];

interface TransactionAnswer {
  transactionId: string;
  createdAt: string;
  kind: string;
  action: string;
  comment?: string;
  entries: Array<{ userId?: string; account: string; asset: string; amount: string; type: string; action: string; balanceAfter: string }>;
}
type Line = Record<string, unknown>;

/** An entry as the NDJSON export writes it, from GET /transactions/{id}'s answer. */
const expectedLines = (t: TransactionAnswer): Line[] =>
  t.entries.map((e) => ({
    transactionId: t.transactionId,
    createdAt: t.createdAt,
    kind: t.kind,
    action: e.action,
    ...(e.userId === undefined ? {} : { userId: e.userId }),
    account: e.account,
    asset: e.asset,
    amount: e.amount,
    type: e.type,
    balanceAfter: e.balanceAfter,
    ...(t.comment === undefined ? {} : { comment: t.comment }),
  }));

/** What a spreadsheet would run as a formula gets a `'` in front; nothing else changes. */
const inert = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

/** Transaction ids in order of first appearance, and whether each one's entries are contiguous. */
const transactionRuns = (ids: string[]) => ids.filter((id, i) => i === 0 || ids[i - 1] !== id);

/** GET /transactions/export (CSV, NDJSON, filters, resuming, snapshots, aborts) (CONTRACT §8 "Export"). */
describe.each(DATABASE_KINDS)('ledger export on %s', (kind) => {
  let app: RunningApp;
  let api: HttpClient;
  let db: Db;
  const ids: Record<string, string> = {};

  /** The export's status, headers and text, through fetch (so the OpenAPI check reads it too). */
  const download = async (query: string) => {
    const res = await fetch(`${app.url}${bo(`/transactions/export${query}`)}`, { headers: { authorization: `Bearer ${adminToken()}` } });
    return { status: res.status, headers: res.headers, text: await res.text() };
  };
  const ndjson = async (query: string) => {
    const res = await download(`?format=ndjson${query}`);
    expect(res.status).toBe(200);
    expect(res.text.endsWith('\n')).toBe(true);
    return res.text.slice(0, -1).split('\n').map((line) => JSON.parse(line) as Line);
  };
  const csv = async (query: string) => {
    const res = await download(`?format=csv${query}`);
    expect(res.status).toBe(200);
    return parseCsv(res.text);
  };
  const transaction = async (transactionId: string) => (await api.get(bo(`/transactions/${transactionId}`))).body as TransactionAnswer;
  const adjust = async (userId: string, asset: string, amount: string, comment: string) => {
    const res = await api.post(bo(`/user/${userId}/adjustments`), { asset, amount, comment });
    expect(res.status).toBe(201);
    return res.body.transactionId as string;
  };
  const advance = async (seconds: number) => expect((await api.post(bo('/test-clock/advance'), { seconds })).status).toBe(200);
  const allTransactionIds = async () => transactionRuns((await ndjson('')).filter((l) => !l.end).map((l) => l.transactionId as string));

  /**
   * Exports holding a snapshot. PostgreSQL: transactions open on other connections. SQLite: a
   * reader's snapshot keeps the frames written after it in the WAL, so a checkpoint from another
   * connection cannot copy them all back (there must have been a write since the export began).
   */
  const heldSnapshots = async (): Promise<number> => {
    if (kind === 'postgres') {
      // The export's own transactions (its cursor's statements): the service's background work
      // (the events sequencer, the webhook worker) opens short transactions of its own.
      const [row] = await db.query<{ n: string | number }>(
        `SELECT COUNT(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND xact_start IS NOT NULL AND pid <> pg_backend_pid()
           AND (query LIKE 'DECLARE %' OR query LIKE 'FETCH %')`,
      );
      return Number(row.n);
    }
    const checkpointer = new SqliteDatabase(app.database.config.type === 'sqlite' ? app.database.config.path : '');
    try {
      const [{ log, checkpointed }] = checkpointer.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number; checkpointed: number }>;
      return checkpointed < log ? 1 : 0;
    } finally {
      checkpointer.close();
    }
  };
  const snapshotsReleased = async () => {
    for (let i = 0; i < 200 && (await heldSnapshots()) > 0; i++) await new Promise((r) => setTimeout(r, 25));
    return heldSnapshots();
  };

  beforeAll(async () => {
    app = await startApp(kind, { ENABLE_TEST_CLOCK: 'true' });
    api = http(app);
    db = app.app.get(Db);
    const users = app.app.get(UsersService);
    for (const id of ['x-alice', 'x-bob', 'x-carol', 'x-dave']) await users.upsert({ id, username: id, email: `${id}@example.com`, roles: [], currency: null });
    expect((await api.put(bo('/token-actions/-bonus'), { type: 'mining', token: '2', price: '0', category: 'event', description: 'Starts like a formula' })).status).toBe(200);

    ids.quoted = await adjust('x-alice', 'usd', '10.5', 'Say "hi", then\r\nleave; 1,2');
    await advance(10);
    ids.formula = await adjust('x-alice', 'usd', '-0.25', '=SUM(A1:A9)');
    ids.plus = await adjust('x-bob', 'rents', '0.00000001', '+1 bonus');
    ids.minus = await adjust('x-bob', 'eth', '0.000000000000000001', '-2 correction');
    await advance(10);
    ids.at = await adjust('x-carol', 'usd', '3', '@cmd');
    ids.tab = await adjust('x-carol', 'usd', '1', '\tTabbed');
    ids.cr = await adjust('x-carol', 'usd', '1', '\rReturned');
    const bonus = await api.post(bo('/user/x-bob/token-actions/-bonus'));
    expect(bonus.status).toBe(201);
    ids.bonus = bonus.body.transactionId as string;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('CSV: RFC 4180 with the header row, one record per entry, exact amounts, as GET /transactions/{id} shows them', async () => {
    const res = await download('?format=csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="ledger-export-\d{8}T\d{6}Z\.csv"$/);
    expect(res.text.startsWith(`${HEADER.join(',')}\r\n`)).toBe(true);
    const [header, ...rows] = parseCsv(res.text);
    expect(header).toEqual(HEADER);
    expect(rows.every((row) => row.length === HEADER.length)).toBe(true);

    const expected = [];
    for (const id of transactionRuns(rows.map((row) => row[0]))) {
      const t = await transaction(id);
      for (const e of t.entries) {
        expected.push([t.transactionId, t.createdAt, t.kind, inert(e.action), e.userId ?? '', e.account, e.asset, e.amount, e.type, e.balanceAfter, inert(t.comment ?? ''), '']);
      }
    }
    expect(rows).toEqual(expected);
    // Amounts in each asset's own scale, signs untouched; system accounts have no user id.
    expect(rows.filter((row) => row[0] === ids.minus).map((row) => [row[4], row[5], row[7]])).toEqual([
      ['x-bob', 'x-bob', '0.000000000000000001'],
      ['', 'system:issuer', '-0.000000000000000001'],
    ]);
    expect(rows.find((row) => row[0] === ids.plus)?.[7]).toBe('0.00000001');
    expect(rows.find((row) => row[0] === ids.formula)?.[7]).toBe('-0.25');
  });

  it("CSV: quotes, commas and line breaks are quoted; cells that would run as formulas get a ' in front", async () => {
    const rows = (await csv('')).slice(1);
    const comment = (id: string) => rows.find((row) => row[0] === id)?.[10];
    expect(comment(ids.quoted)).toBe('Say "hi", then\r\nleave; 1,2');
    expect(comment(ids.formula)).toBe("'=SUM(A1:A9)");
    expect(comment(ids.plus)).toBe("'+1 bonus");
    expect(comment(ids.minus)).toBe("'-2 correction");
    expect(comment(ids.at)).toBe("'@cmd");
    expect(comment(ids.tab)).toBe("'\tTabbed");
    expect(comment(ids.cr)).toBe("'\rReturned");
    // An action is guarded the same way; the kind and identifiers beside it are not touched.
    expect(rows.filter((row) => row[0] === ids.bonus).map((row) => [row[2], row[3], row[4], row[7]])).toEqual([
      ['tokenAction', "'-bonus", 'x-bob', '2'],
      ['tokenAction', "'-bonus", '', '-2'],
    ]);
    const raw = (await download('?format=csv')).text;
    expect(raw).toContain('"Say ""hi"", then\r\nleave; 1,2"');
  });

  it('NDJSON: one entry object per line, the same entries, and a last line with their count', async () => {
    const res = await download('?format=ndjson');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="ledger-export-\d{8}T\d{6}Z\.ndjson"$/);
    const lines = res.text.slice(0, -1).split('\n').map((line) => JSON.parse(line) as Line);
    const entries = lines.slice(0, -1);
    expect(lines.at(-1)).toEqual({ end: true, count: entries.length });
    const expected: Line[] = [];
    for (const id of transactionRuns(entries.map((l) => l.transactionId as string))) expected.push(...expectedLines(await transaction(id)));
    expect(entries).toEqual(expected);
    // Text is as posted: no CSV guard in JSON.
    expect(entries.find((l) => l.transactionId === ids.formula)?.comment).toBe('=SUM(A1:A9)');
    expect(entries.find((l) => l.transactionId === ids.quoted)?.comment).toBe('Say "hi", then\r\nleave; 1,2');
    // Without format, CSV.
    expect((await download('')).headers.get('content-type')).toBe('text/csv; charset=utf-8');
  });

  it('exports whole transactions in transaction order: both sides of each, system accounts included', async () => {
    const entries = (await ndjson('')).slice(0, -1);
    const order = transactionRuns(entries.map((l) => l.transactionId as string));
    // Each transaction once, its entries together, in id order.
    expect(new Set(order).size).toBe(order.length);
    expect([...order].sort((a, b) => Number(a) - Number(b))).toEqual(order);
    for (const id of order) {
      const lines = entries.filter((l) => l.transactionId === id);
      expect(lines).toEqual(expectedLines(await transaction(id)));
    }
  });

  it('filters by user and asset, keeping each matching transaction whole', async () => {
    const bob = (await ndjson('&userId=x-bob')).slice(0, -1);
    expect(transactionRuns(bob.map((l) => l.transactionId as string))).toEqual([ids.plus, ids.minus, ids.bonus]);
    // The other side (the issuer) comes along.
    expect(bob.filter((l) => l.account === 'system:issuer')).toHaveLength(3);

    const eth = (await ndjson('&asset=ETH')).slice(0, -1);
    expect(transactionRuns(eth.map((l) => l.transactionId as string))).toEqual([ids.minus]);
    const aliceUsd = await ndjson('&userId=x-alice&asset=usd');
    expect(transactionRuns(aliceUsd.slice(0, -1).map((l) => l.transactionId as string))).toEqual([ids.quoted, ids.formula]);
    expect(aliceUsd.at(-1)).toEqual({ end: true, count: 4 });
    // A user with nothing in that asset: an empty, complete file.
    expect(await ndjson('&userId=x-alice&asset=eth')).toEqual([{ end: true, count: 0 }]);
    expect(await csv('&userId=x-alice&asset=eth')).toEqual([HEADER]);
  });

  it('from is inclusive and to exclusive, with any zone offset', async () => {
    const second = Date.parse((await transaction(ids.formula)).createdAt);
    const third = Date.parse((await transaction(ids.at)).createdAt);
    // The same instants, written two hours ahead of UTC.
    const ahead = (ms: number) => new Date(ms + 2 * 3600_000).toISOString().replace('Z', '+02:00');
    const between = (query: string) => ndjson(query).then((lines) => transactionRuns(lines.slice(0, -1).map((l) => l.transactionId as string)));
    expect(await between(`&from=${encodeURIComponent(ahead(second))}&to=${encodeURIComponent(ahead(third))}`)).toEqual([ids.formula, ids.plus, ids.minus]);
    expect(await between(`&to=${encodeURIComponent(new Date(second).toISOString())}`)).toEqual([ids.quoted]);
    expect(await between(`&from=${encodeURIComponent(new Date(third).toISOString())}`)).toEqual([ids.at, ids.tab, ids.cr, ids.bonus]);
    expect(await between(`&from=${encodeURIComponent(new Date(second).toISOString())}&to=${encodeURIComponent(new Date(second).toISOString())}`)).toEqual([]);
  });

  it('after= resumes after a transaction: the first part and the rest make the whole file, nothing twice', async () => {
    const whole = await csv('');
    const resumeAfter = ids.minus;
    const cut = whole.findLastIndex((row) => row[0] === resumeAfter) + 1;
    const rest = await csv(`&after=${resumeAfter}`);
    expect(rest).toEqual([HEADER, ...whole.slice(cut)]);
    const restLines = await ndjson(`&after=${resumeAfter}`);
    expect(restLines.at(-1)).toEqual({ end: true, count: whole.length - cut });
    expect(await ndjson(`&after=${ids.bonus}`)).toEqual([{ end: true, count: 0 }]);
  });

  it('refuses bad parameters with a clear message', async () => {
    const refusal = async (query: string) => {
      const res = await download(query);
      return [res.status, JSON.parse(res.text).message];
    };
    expect(await refusal('?format=xlsx')).toEqual([400, ['format must be one of csv, ndjson']]);
    expect(await refusal('?from=2026-01-01')).toEqual([400, 'from must be an RFC 3339 date-time with a zone offset, such as 2026-11-30T23:59:59Z']);
    expect(await refusal('?to=2026-01-01T00:00:00')).toEqual([400, 'to must be an RFC 3339 date-time with a zone offset, such as 2026-11-30T23:59:59Z']);
    expect(await refusal('?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z')).toEqual([400, 'from must not be after to']);
    expect(await refusal('?asset=gold')).toEqual([400, 'asset must be a known asset; "gold" is not']);
    expect(await refusal('?userId=x-nobody')).toEqual([404, 'User with id:x-nobody not found.']);
    expect(await refusal('?after=abc')).toEqual([400, ['after must be a transaction id (a positive integer)']]);
    expect(await refusal('?after=0')).toEqual([400, ['after must be a transaction id (a positive integer)']]);
    expect(await refusal('?after=999999999')).toEqual([404, 'Transaction 999999999 not found']);
    expect(await refusal('?page=2')).toEqual([400, ['property page should not exist']]);
    expect((await api.get(bo('/transactions/export'), { token: tokenFor('x-alice') })).status).toBe(403);
  });

  describe('a large export', () => {
    const SEEDED = 40_000;
    beforeAll(async () => {
      await adjust('x-dave', 'rents', '1', 'before the seed');
      await db.transaction((tx) => seedAdjustments(tx, 'x-dave', 'rents', SEEDED));
      expect((await api.get(bo('/ledger/check'))).body).toMatchObject({ ok: true });
    });

    it('comes from one snapshot: what commits while a slow download runs is not in it, and writers are not held up', async () => {
      const before = await allTransactionIds();
      const slow = await startDownload(app.url, bo('/transactions/export?format=csv'));
      expect(slow.status).toBe(200);
      const first = await slow.readAtLeast(1);
      expect(first.startsWith(HEADER.join(','))).toBe(true);
      // The download is under way, its snapshot held; the ledger takes writes meanwhile.
      const during = await adjust('x-carol', 'usd', '7', 'posted during the download');
      expect(await heldSnapshots()).toBe(1);
      const text = await slow.rest();
      const rows = parseCsv(text).slice(1);
      const exported = transactionRuns(rows.map((row) => row[0]));
      expect(exported).toEqual(before);
      expect(exported).not.toContain(during);
      expect(await snapshotsReleased()).toBe(0);
      // A new export sees it.
      expect(await allTransactionIds()).toContain(during);
    });

    it('holds the snapshot only while the client reads: an aborted download frees it', async () => {
      const aborted = await startDownload(app.url, bo('/transactions/export?format=ndjson'));
      expect(aborted.status).toBe(200);
      await aborted.readAtLeast(64 * 1024);
      await adjust('x-carol', 'usd', '1', 'during the aborted download');
      expect(await heldSnapshots()).toBe(1);
      aborted.abort();
      expect(await snapshotsReleased()).toBe(0);
      // The next export is unaffected.
      const lines = await ndjson('&userId=x-dave');
      expect(lines.at(-1)).toEqual({ end: true, count: 2 * (SEEDED + 1) });
    });

    it('a download cut short resumes after its last whole transaction: the two parts are the whole file', async () => {
      const whole = await download('?format=ndjson&userId=x-dave');
      const cut = await startDownload(app.url, bo('/transactions/export?format=ndjson&userId=x-dave'));
      const partial = await cut.readAtLeast(256 * 1024);
      await adjust('x-carol', 'usd', '1', 'during the cut download');
      cut.abort();
      // What a client keeps: complete lines, then only whole transactions (the last one may be cut).
      const lines = partial.split('\n').slice(0, -1).map((line) => JSON.parse(line) as Line);
      const lastId = lines.at(-1)!.transactionId as string;
      const kept = lines.filter((l) => l.transactionId !== lastId);
      const resumeAfter = kept.at(-1)!.transactionId as string;
      const rest = await download(`?format=ndjson&userId=x-dave&after=${resumeAfter}`);
      const resumed = [...kept.map((l) => JSON.stringify(l)), ...rest.text.slice(0, -1).split('\n')];
      const wholeLines = whole.text.slice(0, -1).split('\n');
      expect(resumed.slice(0, -1)).toEqual(wholeLines.slice(0, -1));
      expect(JSON.parse(rest.text.slice(0, -1).split('\n').at(-1)!)).toEqual({ end: true, count: wholeLines.length - 1 - kept.length });
      expect(await snapshotsReleased()).toBe(0);
    });
  });
});
