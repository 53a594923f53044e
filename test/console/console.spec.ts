import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { UsersService } from '../../src/auth/users.service.js';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { describeWithChromium } from '../support/chromium.js';
import { expectAccessible, expectFocused, expectHidden, expectText, expectVisible, openConsoleBrowser, openConsolePage, runLedgerCheck } from '../support/console-page.js';
import { bo, http, type HttpClient } from '../support/http-client.js';
import { call, connect } from '../support/socket-client.js';
import { DATABASE_KINDS } from '../support/test-databases.js';
import { adminToken, tokenFor } from '../support/tokens.js';

/** The users list's requests, and the second page of the overview's transactions (not per_page=20). */
const USERS_LIST = /\/back-api\/backoffice\/users\?/;
const SECOND_PAGE = /\/backoffice\/transactions\?(.*&)?page=2(&|$)/;

/** Screenshots of every page, per database: test-output/console/<kind>/. */
const SHOTS = join(process.cwd(), 'test-output', 'console');

describeWithChromium('operator console in a browser', (chromiumBinary) => {
  let context: BrowserContext;
  let closeBrowser: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ context, close: closeBrowser } = await openConsoleBrowser(chromiumBinary));
  });
  afterAll(async () => {
    await closeBrowser?.();
  });

  describe.each(DATABASE_KINDS)('on %s', (kind) => {
    let app: RunningApp;
    let api: HttpClient;
    let page: Page;
    const sockets: Socket[] = [];
    /** What the browser refused under the page's Content-Security-Policy, on any page of the journey. */
    const cspRefusals: string[] = [];
    /** Every answer the page got: no 404 (a favicon included) and how static files were encoded. */
    const answers: Array<{ url: string; status: number; encoding: string | undefined }> = [];
    const requested: string[] = [];
    const shots = join(SHOTS, kind);
    const shot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
    const dialog = () => page.getByRole('dialog');

    beforeAll(async () => {
      mkdirSync(shots, { recursive: true });
      app = await startApp(kind);
      api = http(app);
      const users = app.app.get(UsersService);
      await users.upsert({ id: 'alice', username: 'alice', email: 'alice@example.com', roles: [], currency: null });
      await users.upsert({ id: 'bob', username: 'bob', email: 'bob@example.org', roles: [], currency: null });
      page = await openConsolePage(context, cspRefusals);
      page.on('request', (r) => requested.push(r.url()));
      page.on('response', (r) => answers.push({ url: r.url(), status: r.status(), encoding: r.headers()['content-encoding'] }));
    });
    afterAll(async () => {
      sockets.forEach((s) => s.close());
      await page?.close();
      await app?.close();
    });

    it('sends a token without the admin role back to sign-in with the API\'s message', async () => {
      await page.goto(`${app.url}/console/`);
      await expectVisible(page.getByLabel('Admin token'));
      await expectAccessible(page);
      // Sign-in loads no chart library (the charts come in their own file, when a chart is shown).
      expect(requested.filter((u) => /\/assets\/charts-/.test(u))).toEqual([]);
      // Static files come compressed; the favicon is there (no 404 on the way).
      const script = answers.find((a) => /\/console\/assets\/index-.*\.js$/.test(a.url));
      expect(script?.encoding).toMatch(/^(br|gzip)$/);
      expect(answers.filter((a) => a.status === 404)).toEqual([]);
      await page.getByLabel('Admin token').fill(tokenFor('bob'));
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expectText(page.getByRole('alert'), 'Requires role: admin');
      await expectVisible(page.getByLabel('Admin token'));
    });

    it('signs in from the keyboard and shows the overview', async () => {
      await page.getByLabel('Admin token').focus();
      await page.keyboard.type(adminToken('console-ops'));
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expectVisible(page.getByTestId('asset-totals').locator('tr[data-asset="usd"]'));
      // The focus lands on the page's heading, and the first Tab from there is not lost in the header.
      await expectFocused(page.getByRole('heading', { name: 'Overview', level: 1 }));
      await expectText(page.locator('.live'), 'live');
      // The full ledger check is not run by a visit, only when asked for.
      expect(requested.filter((u) => u.includes('/ledger/check'))).toEqual([]);
      await runLedgerCheck(page);
      await expectAccessible(page);
    });

    it('offers a skip link as the first stop of Tab, and draws focus rings of at least 3:1', async () => {
      // A click at the page's top-left corner moves the start of keyboard navigation there.
      await page.mouse.click(1, 1);
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: 'Skip to content' });
      await expectFocused(skip);
      expect(await skip.isVisible()).toBe(true);
      await page.keyboard.press('Enter');
      await expectFocused(page.getByRole('heading', { name: 'Overview', level: 1 }));
      // The ring of a focused primary button: its colour against the white page around it.
      await page.getByRole('button', { name: /Run the check again/ }).focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      const ring = (await page.evaluate('getComputedStyle(document.activeElement).outlineColor')) as string;
      expect(contrastWithWhite(ring)).toBeGreaterThanOrEqual(3);
    });

    it('finds a user by email, keeps the search in the URL, and Back comes back to it', async () => {
      // A first load says it is loading rather than showing an empty page.
      await page.route(USERS_LIST, async (route) => {
        await new Promise((r) => setTimeout(r, 300));
        await route.continue();
      });
      await page.getByRole('link', { name: 'Users' }).click();
      await expectVisible(page.getByText('Loading users…'));
      await expectVisible(page.locator('tr[data-user="bob"]'));
      await page.unroute(USERS_LIST);
      await expectFocused(page.getByRole('heading', { name: 'Users', level: 1 }));
      await page.getByLabel('Search by username or email').fill('example.com');
      await page.getByLabel('Search by username or email').press('Enter');
      // The unfiltered list may still be showing until the search answers: wait for bob to go.
      await expectVisible(page.locator('tr[data-user="alice"]'));
      await expectHidden(page.locator('tr[data-user="bob"]'));
      expect(page.url()).toContain('search=example.com');
      await expectAccessible(page);
      await shot('users');
      await page.getByRole('link', { name: 'alice' }).click();
      await expectVisible(page.getByRole('heading', { name: 'User alice' }));
      await page.goBack();
      await expectVisible(page.locator('tr[data-user="alice"]'));
      await expectHidden(page.locator('tr[data-user="bob"]'));
      expect(await page.getByLabel('Search by username or email').inputValue()).toBe('example.com');
      await page.getByRole('link', { name: 'alice' }).click();
      await expectVisible(page.getByRole('heading', { name: 'User alice' }));
    });

    it('shows an unknown user as one error, with no balances or money forms', async () => {
      await page.goto(`${app.url}/console/#/users/nobody-here`);
      await expectText(page.getByRole('alert'), 'nobody-here');
      expect(await page.getByRole('alert').count()).toBe(1);
      expect(await page.getByRole('form', { name: 'Adjustment' }).count()).toBe(0);
      expect(await page.getByRole('heading', { name: 'Balances' }).count()).toBe(0);
      await page.goBack();
      await expectVisible(page.getByRole('heading', { name: 'User alice' }));
    });

    it('credits once although the confirmation is sent twice with its one Idempotency-Key', async () => {
      await page.getByRole('combobox', { name: 'Asset', exact: true }).first().selectOption('usd');
      await page.getByLabel('Amount (negative debits)').fill('100.50');
      await page.getByLabel('Comment').fill('Goodwill credit, ticket 4711');
      await page.getByRole('button', { name: 'Review adjustment' }).click();
      // The confirmation shows the amount exactly as typed.
      await expectText(dialog().getByTestId('confirm-text'), 'Credit 100.50 usd to alice (Goodwill credit, ticket 4711)?');
      const sent = page.waitForRequest((r) => r.url().endsWith('/user/alice/adjustments') && r.method() === 'POST');
      await dialog().getByRole('button', { name: 'Post adjustment' }).dblclick();
      const request = await sent;
      const key = request.headers()['idempotency-key'];
      expect(key).toMatch(/^[0-9a-f-]{36}$/);
      await expectHidden(dialog());
      // The same request again, as a retry or a click that got through would send it: the stored answer, no second credit.
      const again = await api.post(bo('/user/alice/adjustments'), JSON.parse(request.postData() ?? '{}'), { headers: { 'Idempotency-Key': key } });
      expect(again.status).toBe(201);
      const history = await api.get(bo('/user/alice/transactions'));
      expect(history.body.paging.total).toBe(1);
      expect(again.body.transactionId).toBe(history.body.data[0].transactionId);
      // The asset's decimals, an available column, and the metadata as fields rather than JSON.
      await expectText(page.getByTestId('balances').locator('tr[data-asset="usd"]'), '100.50');
      await expectText(page.getByTestId('balances').locator('tr[data-asset="usd"] [data-testid="available"]'), '100.50');
      await expectText(page.getByTestId('history').locator('dt'), 'comment');
      await expectText(page.getByTestId('history').locator('dd'), 'Goodwill credit, ticket 4711');
      expect(await page.getByTestId('history').textContent()).not.toMatch(/[{}"]/);
      expect(await page.getByTestId('history').locator('tbody tr').count()).toBe(1);
      await expectAccessible(page);
    });

    it('names the asset and the price in a token action\'s confirmation', async () => {
      const select = page.locator('#apply-action');
      const first = (await select.locator('option:not([disabled])').first().getAttribute('value'))!;
      const action = (await api.get(bo('/token-actions'))).body.find((a: { action: string }) => a.action === first);
      await select.selectOption(first);
      await page.getByRole('button', { name: 'Review action' }).click();
      await expectText(dialog().getByTestId('confirm-text'), `${action.token} rents (${action.type}; price ${action.price} usd)`);
      await page.keyboard.press('Escape');
      await expectHidden(dialog());
    });

    it('places a hold and captures part of it (the rest is released)', async () => {
      await page.getByRole('form', { name: 'Place a hold' }).getByRole('combobox', { name: 'Asset', exact: true }).selectOption('usd');
      await page.locator('#hold-amount').fill('40');
      await page.getByLabel('Reason').fill('order 8812');
      await page.getByRole('button', { name: 'Review hold' }).click();
      await expectText(dialog().getByTestId('confirm-text'), 'Hold 40 usd of alice (order 8812)?');
      await dialog().getByRole('button', { name: 'Place hold' }).click();
      await expectHidden(dialog());
      const hold = page.getByTestId('holds').locator('tbody tr').first();
      await expectText(hold, 'pending');
      await expectText(page.getByTestId('balances').locator('tr[data-asset="usd"]'), '40');
      await hold.getByRole('textbox').fill('25');
      await hold.getByRole('button', { name: 'Capture' }).click();
      await expectText(dialog().getByTestId('confirm-text'), 'Capture 25 usd of the 40 held (the rest is released)?');
      await dialog().getByRole('button', { name: 'Capture' }).click();
      await expectHidden(dialog());
      await expectText(hold, 'captured');
      await expectText(hold.locator('td').nth(3), '25');
      const usd = page.getByTestId('balances').locator('tr[data-asset="usd"] td');
      await expectText(usd.nth(1), '75.5');
      await expectText(usd.nth(2), '0');
      await page.getByLabel('Asset to chart (latest 100 entries)').selectOption('usd');
      await expectVisible(page.locator('figure.chart svg'));
      await shot('user');
    });

    it('shows the value in the root asset change when a rate changes', async () => {
      expect((await api.post(bo('/user/alice/adjustments'), { asset: 'eur', amount: '10', comment: 'eur for the rate test' })).status).toBe(201);
      await page.reload();
      const eurValue = page.getByTestId('balances').locator('tr[data-asset="eur"] td').nth(4);
      await expectText(eurValue, '10.8');
      await expectText(page.getByTestId('total'), '86.30');
      await page.getByRole('link', { name: 'Catalog' }).click();
      await page.getByRole('button', { name: 'Edit eur' }).click();
      await page.getByLabel(/^Rate/).fill('2.5');
      await page.getByRole('button', { name: 'Review rate' }).click();
      await expectText(dialog().getByTestId('confirm-text'), 'eur: 1.08 usd → 2.5 usd per unit');
      await expectAccessible(page);
      await dialog().getByRole('button', { name: 'Set rate' }).click();
      await expectHidden(dialog());
      await expectText(page.getByTestId('rates').locator('tr[data-asset="eur"]'), '2.5');
      await page.getByRole('button', { name: 'History of eur' }).click();
      await expectVisible(page.locator('figure.chart svg'));
      await shot('catalog');
      await page.goBack();
      await expectVisible(page.getByRole('heading', { name: 'User alice' }));
      await expectText(eurValue, '25.00');
      await expectText(page.getByTestId('total'), '100.50');
    });

    it('groups thousands, shows exact digits on hover and in a copy', async () => {
      expect((await api.post(bo('/user/alice/adjustments'), { asset: 'eth', amount: '1234.123456789012345678', comment: 'exact digits' })).status).toBe(201);
      const eth = page.getByTestId('balances').locator('tr[data-asset="eth"] td').nth(1).locator('data');
      await expectText(eth, '1,234.12345679');
      expect(await eth.getAttribute('title')).toBe('exactly 1234.123456789012345678');
      await eth.evaluate((node: unknown) => {
        const doc = (node as { ownerDocument: { getSelection(): { selectAllChildren(n: unknown): void } } }).ownerDocument;
        doc.getSelection().selectAllChildren(node);
      });
      const copied = await page.evaluate(`new Promise((resolve) => {
        document.addEventListener('copy', (e) => resolve(e.clipboardData.getData('text/plain')), { once: true });
        document.execCommand('copy');
      })`);
      expect(copied).toBe('1234.123456789012345678');
    });

    it('says why the overview has no total when an asset held has no rate', async () => {
      expect((await api.post(bo('/user/bob/adjustments'), { asset: 'xmr', amount: '3', comment: 'unquoted' })).status).toBe(201);
      await page.getByRole('link', { name: 'Overview' }).click();
      await expectText(page.getByTestId('overview-total'), 'no total: xmr has no rate in usd');
    });

    it('recovers by itself when the connection returns, without a reload', async () => {
      await page.evaluate('window.notReloaded = true');
      await page.route('**/back-api/**', (route) => route.abort('internetdisconnected'));
      await page.getByRole('link', { name: 'Users' }).click();
      await expectText(page.getByRole('alert').first(), 'Network error');
      await page.unroute('**/back-api/**');
      await expectVisible(page.locator('tr[data-user="alice"]'));
      await expectHidden(page.getByRole('alert'));
      expect(await page.evaluate('window.notReloaded')).toBe(true);
    });

    it('keeps the rows of the page shown under its own label while the next page loads', async () => {
      for (let i = 0; i < 25; i++) expect((await api.post(bo('/user/bob/adjustments'), { asset: 'rents', amount: '1', comment: `paging ${i}` })).status).toBe(201);
      await page.getByRole('link', { name: 'Overview' }).click();
      const pager = page.getByRole('navigation', { name: 'Transactions pages' });
      await expectText(pager, 'Page 1 of');
      const firstRow = await page.getByTestId('latest-transactions').locator('tbody tr').first().textContent();
      let release: () => void = () => undefined;
      const held = new Promise<void>((r) => (release = r));
      await page.route(SECOND_PAGE, async (route) => {
        await held;
        await route.continue();
      });
      await pager.getByRole('button', { name: 'Next' }).click();
      await expectText(pager, 'loading');
      expect(await pager.textContent()).toContain('Page 1 of');
      expect(await page.getByTestId('latest-transactions').locator('tbody tr').first().textContent()).toBe(firstRow);
      expect(page.url()).toContain('page=2');
      release();
      await expectText(pager, 'Page 2 of');
      await page.unroute(SECOND_PAGE);
      expect(await page.getByTestId('latest-transactions').locator('tbody tr').first().textContent()).not.toBe(firstRow);
      await page.goBack();
      await expectText(pager, 'Page 1 of');
    });

    it('shows a donation made over socket.io on the overview without a reload', async () => {
      expect((await api.post(bo('/user/bob/adjustments'), { asset: 'rents', amount: '5', comment: 'pocket money' })).status).toBe(201);
      await page.getByRole('link', { name: 'Overview' }).click();
      await expectVisible(page.getByTestId('latest-transactions'));
      await page.evaluate('window.notReloaded = true');
      const bob = await connect(app, tokenFor('bob'));
      sockets.push(bob);
      expect((await call(bob, 'balance:donateToken', { data: { targetUser: 'alice', token: '1.5' } })).error.code).toBe(0);
      const donation = page.getByTestId('latest-transactions').locator('tbody tr', { hasText: 'donation' });
      await expectVisible(donation.first());
      await expectText(page.getByTestId('latest-transactions').locator('tbody tr').first(), 'donation');
      expect(await page.evaluate('window.notReloaded')).toBe(true);
      await shot('overview');
    });

    it('still works in a narrow window', async () => {
      await page.setViewportSize({ width: 380, height: 800 });
      await page.goto(`${app.url}/console/#/users/alice`);
      await expectVisible(page.getByRole('heading', { name: 'User alice' }));
      await expectText(page.getByTestId('balances').locator('tr[data-asset="rents"]'), '1.5');
      // Wide tables scroll inside their own box; the page itself does not.
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(380);
      await shot('user-narrow');
      await page.setViewportSize({ width: 1280, height: 900 });
      expect((await api.get(bo('/ledger/check'))).body).toMatchObject({ ok: true });
    });

    it('ran every page above under its Content-Security-Policy without the browser refusing anything, and got no 404', () => {
      expect(cspRefusals).toEqual([]);
      expect(answers.filter((a) => a.status === 404 && !a.url.includes('nobody-here'))).toEqual([]);
    });
  });
});

/** The contrast ratio (WCAG) of a CSS `rgb(r, g, b)` colour against white. */
function contrastWithWhite(rgb: string): number {
  const [r = 0, g = 0, b = 0] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}

