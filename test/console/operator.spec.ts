import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { UsersService } from '../../src/auth/users.service.js';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { describeWithChromium } from '../support/chromium.js';
import { expectAccessible, expectHidden, expectText, expectVisible, openConsoleBrowser, openConsolePage, signInToConsole, tabTo, WAIT } from '../support/console-page.js';
import { bo, http, type HttpClient } from '../support/http-client.js';
import { call, connect } from '../support/socket-client.js';
import { adminToken, tokenFor } from '../support/tokens.js';

const ZONE = 'Europe/Helsinki';
const DAY_MS = 86_400_000;
const EXPORT_HEADER = 'transaction_id,created_at,kind,action,user_id,account,asset,amount,type,balance_after,comment,reverses';

/** `2026-11-30` and `23:59:59`: the wall clock in ZONE at `ms`, as the operator reads it. */
function wallClock(ms: number): { date: string; time: string } {
  const [date = '', time = ''] = new Intl.DateTimeFormat('sv-SE', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
    .format(ms)
    .split(' ');
  return { date, time };
}

/** `+02:00`: ZONE's offset from UTC at `ms`. */
function offsetAt(ms: number): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, timeZoneName: 'longOffset' }).formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? '';
  return name === 'GMT' ? '+00:00' : name.replace('GMT', '');
}

/** An instant as the console shows it in local mode: the wall clock in ZONE with its offset. */
const shownLocal = (ms: number) => `${wallClock(ms).date} ${wallClock(ms).time} ${offsetAt(ms)}`;

/** "21:59:59Z", with the UTC date in front when it is not the zone's date. */
function utcOf(ms: number, localDate: string): string {
  const [date = '', time = ''] = new Date(ms).toISOString().replace(/\.\d+Z$/, '').split('T');
  return date === localDate ? `${time}Z` : `${date} ${time}Z`;
}

/**
 * The operator's corrections, blocks and proofs (CONTRACT §8) in Chromium, against a real server
 * on SQLite (the APIs themselves are tested on both databases by their own specs). The browser
 * runs in Europe/Helsinki, so every instant the operator picks differs from UTC.
 */
describeWithChromium('operator console: transactions, reversals, freezes, balances on a date, exports, audit', (chromiumBinary) => {
  let app: RunningApp;
  let api: HttpClient;
  let page: Page;
  let closeBrowser: (() => Promise<void>) | undefined;
  let alice: Socket;
  let donation: string;
  const cspRefusals: string[] = [];
  const dialog = () => page.getByRole('dialog');
  const openUser = async (userId: string) => {
    await page.goto(`${app.url}/console/#/users/${userId}`);
    await expectVisible(page.getByRole('heading', { name: `User ${userId}` }));
  };
  const openTransaction = async (id: string) => {
    await page.goto(`${app.url}/console/#/transactions/${id}`);
    await expectVisible(page.getByRole('heading', { name: `Transaction ${id}` }));
  };
  const transaction = async (id: string) => (await api.get(bo(`/transactions/${id}`))).body as { reversedBy: string[]; entries: Array<{ account: string; amount: string }> };
  const downloaded = async (click: () => Promise<void>) => {
    const download = page.waitForEvent('download', { timeout: WAIT });
    await click();
    const file = await download;
    return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
  };

  beforeAll(async () => {
    let context: BrowserContext;
    ({ context, close: closeBrowser } = await openConsoleBrowser(chromiumBinary, { timezoneId: ZONE }));
    app = await startApp('sqlite', { ENABLE_TEST_CLOCK: 'true' });
    api = http(app);
    const users = app.app.get(UsersService);
    await users.upsert({ id: 'alice', username: 'alice', email: 'alice@example.com', roles: [], currency: null });
    await users.upsert({ id: 'bob', username: 'bob', email: 'bob@example.org', roles: [], currency: null });
    expect((await api.post(bo('/user/alice/adjustments'), { asset: 'rents', amount: '50', comment: 'opening balance' })).status).toBe(201);
    alice = await connect(app, tokenFor('alice'));
    expect((await call(alice, 'balance:donateToken', { data: { targetUser: 'bob', token: '20' } })).error.code).toBe(0);
    donation = (await api.get(bo('/user/bob/transactions'))).body.data[0].transactionId;

    page = await openConsolePage(context, cspRefusals);
    await signInToConsole(page, app.url, adminToken('console-ops'));
  });
  afterAll(async () => {
    alice?.close();
    await page?.close();
    await closeBrowser?.();
    await app?.close();
  });

  it('links every transaction id to its page, from the overview and from a user history (by keyboard)', async () => {
    const fromOverview = page.getByTestId('latest-transactions').getByRole('link', { name: `Transaction ${donation}` }).first();
    expect(await fromOverview.getAttribute('href')).toBe(`#/transactions/${donation}`);
    await openUser('alice');
    await tabTo(page, page.getByTestId('history').getByRole('link', { name: `Transaction ${donation}` }));
    await page.keyboard.press('Enter');
    await expectVisible(page.getByRole('heading', { name: `Transaction ${donation}` }));
    // Both sides, each with the balance it left.
    await expectText(page.locator('[data-testid="entries"] tr[data-account="alice"]'), '-20');
    await expectText(page.locator('[data-testid="entries"] tr[data-account="alice"] td').nth(5), '30');
    await expectText(page.locator('[data-testid="entries"] tr[data-account="bob"] td').nth(5), '20');
    await expectText(page.getByTestId('reversed-by'), 'not reversed');
    await expectAccessible(page);
  });

  it('reverses part of a donation once, though the first try is lost on the network and the retry is clicked twice', async () => {
    await page.getByLabel('Amount (empty: all that remains)').fill('12.50');
    await page.getByLabel('Comment').fill('Donated by mistake, ticket 4712');
    await tabTo(page, page.getByRole('button', { name: 'Review reversal' }), page.getByLabel('Comment'));
    await page.keyboard.press('Enter');
    await expectText(dialog().getByTestId('confirm-text'), 'Reverse 12.50 rents from bob back to alice?');
    await expectAccessible(page);

    const keys: string[] = [];
    let lost = false;
    await page.route('**/reversals', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (lost) return route.continue();
      lost = true;
      return route.abort('connectionreset');
    });
    await dialog().getByRole('button', { name: 'Reverse' }).click();
    await expectText(dialog().getByRole('alert'), 'Network error');
    await dialog().getByRole('button', { name: 'Reverse' }).dblclick();
    await expectHidden(dialog());
    await page.unroute('**/reversals');

    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(new Set(keys).size).toBe(1);
    const { reversedBy } = await transaction(donation);
    expect(reversedBy).toHaveLength(1);
    await expectText(page.getByTestId('reversed-by'), reversedBy[0]!);
    await expectText(page.locator('section[aria-labelledby="reverse-title"]'), 'Remaining to reverse: 7.5 rents');
    // The key again with the same body: the stored answer, no second reversal.
    const again = await api.post(bo(`/transactions/${donation}/reversals`), { comment: 'Donated by mistake, ticket 4712', amount: '12.50' }, { headers: { 'Idempotency-Key': keys[0]! } });
    expect(again).toMatchObject({ status: 201, body: { transactionId: reversedBy[0], reverses: donation } });

    // The reversal's own page links back, and offers no reversal of a reversal.
    await page.getByTestId('reversed-by').getByRole('link', { name: `Transaction ${reversedBy[0]}` }).click();
    await expectVisible(page.getByRole('heading', { name: `Transaction ${reversedBy[0]}` }));
    await expectText(page.getByTestId('transaction-facts'), 'reversal');
    await expectVisible(page.getByTestId('transaction-facts').getByRole('link', { name: `Transaction ${donation}` }));
    await expectText(page.locator('[data-testid="entries"] tr[data-account="bob"]'), '-12.5');
    expect(await page.getByRole('button', { name: 'Review reversal' }).count()).toBe(0);
  });

  it('says clearly when a reversal asks for more than remains (422) and when another operator reversed the rest (409)', async () => {
    await openTransaction(donation);
    await page.getByLabel('Amount (empty: all that remains)').fill('8');
    await page.getByLabel('Comment').fill('More than is left');
    await page.getByRole('button', { name: 'Review reversal' }).click();
    await expectText(dialog().getByTestId('confirm-text'), 'Reverse 8 rents from bob back to alice?');
    await dialog().getByRole('button', { name: 'Reverse' }).click();
    await expectText(dialog().getByRole('alert'), 'Refused (422): Amount exceeds what remains to reverse');
    await page.keyboard.press('Escape');
    await expectHidden(dialog());

    await page.getByLabel('Amount (empty: all that remains)').fill('');
    await page.getByLabel('Comment').fill('The rest');
    await page.getByRole('button', { name: 'Review reversal' }).click();
    await expectText(dialog().getByTestId('confirm-text'), 'Reverse 7.5 rents from bob back to alice?');
    // Meanwhile another operator takes back the rest.
    expect((await api.post(bo(`/transactions/${donation}/reversals`), { comment: 'other operator' }, { headers: { 'Idempotency-Key': 'other-operator-1' } })).status).toBe(201);
    await dialog().getByRole('button', { name: 'Reverse' }).click();
    await expectText(dialog().getByRole('alert'), 'Refused (409): Transaction already reversed');
    await expectAccessible(page);
    await page.keyboard.press('Escape');
    expect((await transaction(donation)).reversedBy).toHaveLength(2);
    await page.reload();
    await expectText(page.locator('section[aria-labelledby="reverse-title"]'), 'Nothing remains to reverse.');
  });

  it('freezes a user after a confirmation, shows the freeze on the user page and in the users list, and unfreezes', async () => {
    await openUser('alice');
    await page.getByLabel('Scope').selectOption('all');
    await page.getByLabel('Why (shown with the freeze)').fill('Chargeback investigation #5521');
    await tabTo(page, page.getByRole('button', { name: 'Review freeze' }), page.getByLabel('Why (shown with the freeze)'));
    await page.keyboard.press('Enter');
    await expectText(dialog().getByTestId('confirm-text'), 'Freeze alice (all: no money may leave or arrive), because "Chargeback investigation #5521"?');
    await dialog().getByRole('button', { name: 'Freeze' }).click();
    await expectHidden(dialog());
    const state = page.getByTestId('freeze-state');
    await expectText(state, 'Frozen: all');
    await expectText(state, 'Chargeback investigation #5521');
    await expectText(state, 'console-ops');
    const { frozen } = (await api.get(bo('/user/alice'))).body;
    expect(frozen).toMatchObject({ scope: 'all', reason: 'Chargeback investigation #5521', by: 'console-ops' });
    // The time with its zone: the operator's wall clock and offset.
    await expectText(state, shownLocal(Date.parse(frozen.since)));
    await expectText(page.getByRole('heading', { name: /User alice/ }), 'frozen (all)');
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Users' }).click();
    await expectText(page.locator('tr[data-user="alice"] [data-testid="user-status"]'), 'frozen (all)');
    await expectText(page.locator('tr[data-user="bob"] [data-testid="user-status"]'), 'active');
    await expectAccessible(page);

    await page.getByRole('link', { name: 'alice' }).click();
    await tabTo(page, page.getByRole('button', { name: 'Unfreeze' }));
    await page.keyboard.press('Enter');
    await expectText(dialog().getByTestId('confirm-text'), 'Unfreeze alice (frozen all since');
    await dialog().getByRole('button', { name: 'Unfreeze' }).click();
    await expectText(page.getByTestId('freeze-state'), 'Not frozen.');
    expect((await api.get(bo('/user/alice'))).body.frozen).toBeNull();
  });

  it("shows the balances at a date and time picked in the operator's zone, naming the zone and the UTC instant", async () => {
    const now = Date.now();
    // Two days on the service's clock, then a large credit: the instant one day from now lies between.
    expect((await api.post(bo('/test-clock/advance'), { seconds: 2 * 86_400 })).status).toBe(200);
    expect((await api.post(bo('/user/alice/adjustments'), { asset: 'rents', amount: '1000', comment: 'later credit' })).status).toBe(201);
    const at = Math.floor((now + DAY_MS) / 1000) * 1000;
    const wall = wallClock(at);
    await openUser('alice');
    await page.getByLabel(`Date and time (${ZONE})`).fill(`${wall.date}T${wall.time}`);
    await tabTo(page, page.getByRole('button', { name: 'Show balances' }), page.getByLabel(`Date and time (${ZONE})`));
    await page.keyboard.press('Enter');
    await expectText(page.getByTestId('balances-at-instant'), `As of ${wall.date} ${wall.time} ${ZONE} (${utcOf(at, wall.date)})`);
    const expected = (await api.get(bo(`/user/alice/balances?at=${encodeURIComponent(new Date(at).toISOString())}`))).body.balances;
    expect(expected).toEqual([{ asset: 'rents', amount: '50' }]);
    await expectText(page.locator('[data-testid="balances-at"] tr[data-asset="rents"]'), '50');
    expect(await page.locator('[data-testid="balances-at"] tr[data-asset="rents"]').textContent()).not.toContain('1050');
    await expectAccessible(page);

    const later = wallClock(now + 5 * DAY_MS);
    await page.getByLabel(`Date and time (${ZONE})`).fill(`${later.date}T${later.time}`);
    await page.getByRole('button', { name: 'Show balances' }).click();
    await expectText(page.getByRole('region', { name: 'Balances on a date' }).getByRole('alert'), "at must not be later than the service's clock");
  });

  it('downloads the history on screen, and everything between two dates from the export, as CSV', async () => {
    await openUser('alice');
    const onScreen = await page.getByTestId('history').locator('tbody tr td:nth-child(2) > a:first-of-type').allTextContents();
    const page1 = await downloaded(() => page.getByRole('button', { name: 'Download this page (CSV)' }).click());
    expect(page1.name).toBe('history-alice-page-1.csv');
    const [header, ...rows] = page1.text.trimEnd().split('\r\n');
    expect(header).toBe(EXPORT_HEADER);
    expect(rows.map((r) => r.split(',')[0])).toEqual(onScreen);
    expect(rows.some((r) => r.endsWith(`,${donation}`))).toBe(true);

    const from = wallClock(Date.now() - DAY_MS).date;
    const to = wallClock(Date.now() + 4 * DAY_MS).date;
    await page.getByLabel(`From (start of day, ${ZONE})`).fill(from);
    await page.getByLabel(`To, exclusive (start of day, ${ZONE})`).fill(to);
    await expectText(page.getByTestId('export-range'), `From ${from} 00:00:00 ${ZONE}`);
    await tabTo(page, page.getByRole('button', { name: 'Download CSV' }), page.getByLabel(`To, exclusive (start of day, ${ZONE})`));
    const range = await downloaded(() => page.keyboard.press('Enter'));
    expect(range.name).toBe(`ledger-alice-${from}-to-${to}.csv`);
    const [rangeHeader, ...entries] = range.text.trimEnd().split('\r\n');
    expect(rangeHeader).toBe(EXPORT_HEADER);
    const history = (await api.get(bo('/user/alice/transactions?per_page=100'))).body.data as Array<{ transactionId: string }>;
    expect(new Set(entries.map((r) => r.split(',')[0]))).toEqual(new Set(history.map((e) => e.transactionId)));
    // Whole transactions: the donation's other side (bob) is in the file too.
    expect(entries.filter((r) => r.startsWith(`${donation},`)).map((r) => r.split(',')[5]).sort()).toEqual(['alice', 'bob']);

    // The overview exports everyone's transactions over the same days.
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.getByLabel(`From (start of day, ${ZONE})`).fill(from);
    await page.getByLabel(`To, exclusive (start of day, ${ZONE})`).fill(to);
    const everyone = await downloaded(() => page.getByRole('button', { name: 'Download CSV' }).click());
    expect(everyone.name).toBe(`ledger-${from}-to-${to}.csv`);
    const all = (await api.get(bo('/transactions?per_page=100'))).body.data as Array<{ transactionId: string }>;
    expect(new Set(everyone.text.trimEnd().split('\r\n').slice(1).map((r) => r.split(',')[0]))).toEqual(new Set(all.map((e) => e.transactionId)));
  });

  it('pages the audit trail newest first with filters, and shows what changed as fields rather than JSON', async () => {
    await page.getByRole('link', { name: 'Audit' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Audit trail' }));
    await page.getByLabel('Target', { exact: true }).fill('user:alice');
    await tabTo(page, page.getByRole('button', { name: 'Filter' }), page.getByLabel('Target', { exact: true }));
    await page.keyboard.press('Enter');
    const audit = (await api.get(bo('/audit?target=user:alice'))).body as { paging: { total: number }; data: Array<{ id: string; action: string }> };
    expect(audit.data.map((r) => r.action)).toEqual(expect.arrayContaining(['freeze.put', 'freeze.delete']));
    await expectText(page.getByRole('navigation', { name: 'Audit pages' }), `(${audit.paging.total})`);
    const rows = page.getByTestId('audit').locator('tbody tr');
    await expectText(rows.first(), audit.data[0]!.action);
    expect(await rows.count()).toBe(audit.data.length);

    await page.getByLabel('Target', { exact: true }).fill('');
    await page.getByLabel('Action', { exact: true }).fill('freeze.put');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expectText(page.getByTestId('audit').locator('tbody tr').first(), 'Chargeback investigation #5521');
    const changes = page.getByTestId('audit').locator('tbody tr').first().locator('td').nth(4);
    await expectText(changes, 'scope: all');
    await expectText(changes, 'by: console-ops');
    expect(await changes.textContent()).not.toMatch(/[{}"]/);
    await expectText(page.getByTestId('audit').locator('tbody tr').first(), 'console-ops');
    await expectAccessible(page);

    // Days in the operator's zone: from today on finds the freeze, up to today (exclusive) does not.
    const today = wallClock(Date.now()).date;
    await page.getByLabel(`To, exclusive (start of day, ${ZONE})`).fill(today);
    await page.getByRole('button', { name: 'Filter' }).click();
    await expectText(page.getByTestId('audit-range'), `to ${today} 00:00:00 ${ZONE}`);
    await expectVisible(page.getByText('No records.'));
  });

  it("takes a hold's expiry on the operator's wall clock, says which zone and UTC instant, and shows it with its zone (local or UTC, kept per browser)", async () => {
    await openUser('alice');
    // Days ahead: the service's clock was moved two days on above, and the expiry must be later.
    const tomorrow = wallClock(Date.now() + 5 * DAY_MS).date;
    const at = Date.parse(new Date(`${tomorrow}T10:00:00${offsetAt(Date.now() + 5 * DAY_MS)}`).toISOString());
    await page.getByRole('form', { name: 'Place a hold' }).getByRole('combobox', { name: 'Asset', exact: true }).selectOption('rents');
    await page.locator('#hold-amount').fill('1');
    await page.getByLabel('Reason', { exact: true }).fill('zone check');
    await page.getByLabel(`Expires (optional, ${ZONE})`).fill(`${tomorrow}T10:00`);
    await page.getByRole('button', { name: 'Review hold' }).click();
    await expectText(dialog().getByTestId('confirm-text'), `until ${tomorrow} 10:00:00 ${ZONE} (${utcOf(at, tomorrow)})`);
    await dialog().getByRole('button', { name: 'Place hold' }).click();
    await expectHidden(dialog());
    const expires = page.getByTestId('holds').locator('tbody tr', { hasText: 'zone check' }).getByTestId('hold-expires');
    await expectText(expires, `${tomorrow} 10:00:00 ${offsetAt(at)}`);
    const holds = (await api.get(bo('/user/alice/holds'))).body as Array<{ reason: string; expiresAt: string }>;
    expect(Date.parse(holds.find((h) => h.reason === 'zone check')!.expiresAt)).toBe(at);

    await page.getByTestId('time-mode').click();
    const utc = new Date(at).toISOString().replace(/\.\d+Z$/, '').replace('T', ' ');
    await expectText(expires, `${utc} UTC`);
    await page.reload();
    await expectText(page.getByTestId('holds').locator('tbody tr', { hasText: 'zone check' }).getByTestId('hold-expires'), `${utc} UTC`);
    await page.getByTestId('time-mode').click();
    await expectText(page.getByTestId('holds').locator('tbody tr', { hasText: 'zone check' }).getByTestId('hold-expires'), offsetAt(at));
    await expectAccessible(page);
  });

  it('warns a minute before the token expires and takes a new one in place, keeping what was typed', async () => {
    const second = await openConsolePage(page.context(), cspRefusals);
    try {
      // A token with seconds left: the warning shows at once, and the token expires during the test.
      await signInToConsole(second, app.url, tokenFor('console-ops', { roles: ['admin'] }, { expiresIn: 4 }));
      const notice = second.getByTestId('token-expiry');
      await expectText(notice, 'expires in under a minute');
      await second.goto(`${app.url}/console/#/users/alice`);
      await expectVisible(second.getByRole('heading', { name: 'User alice' }));
      await second.getByLabel('Amount (negative debits)').fill('7.25');
      await second.getByLabel('Comment', { exact: true }).fill('typed before the expiry');
      await expectText(notice, 'has expired');
      // A call with the expired token: the page stays, with the form as typed.
      await second.getByLabel('Date and time (Europe/Helsinki)').fill(`${wallClock(Date.now()).date}T00:00:00`);
      await second.getByRole('button', { name: 'Show balances' }).click();
      await expectVisible(second.getByRole('region', { name: 'Balances on a date' }).getByRole('alert'));
      expect(await second.getByLabel('Amount (negative debits)').inputValue()).toBe('7.25');
      await second.getByLabel('New admin token').fill(adminToken('console-ops'));
      await second.getByRole('button', { name: 'Use new token' }).click();
      await expectHidden(notice);
      expect(await second.getByLabel('Comment', { exact: true }).inputValue()).toBe('typed before the expiry');
      await second.getByRole('button', { name: 'Show balances' }).click();
      await expectVisible(second.getByTestId('balances-at'));
    } finally {
      await second.close();
    }
  });

  it('ran every page above under its Content-Security-Policy without the browser refusing anything', () => {
    expect(cspRefusals).toEqual([]);
  });
});

