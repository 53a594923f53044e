import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { UsersService } from '../../src/auth/users.service.js';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { describeWithChromium } from '../support/chromium.js';
import { expectHidden, expectText, expectVisible, openConsoleBrowser, openConsolePage } from '../support/console-page.js';
import { bo, http, type HttpClient } from '../support/http-client.js';
import { call, connect } from '../support/socket-client.js';
import { DATABASE_KINDS } from '../support/test-databases.js';
import { adminToken, tokenFor } from '../support/tokens.js';

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
    });
    afterAll(async () => {
      sockets.forEach((s) => s.close());
      await page?.close();
      await app?.close();
    });

    it('sends a token without the admin role back to sign-in with the API\'s message', async () => {
      await page.goto(`${app.url}/console/`);
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
      await expectText(page.getByTestId('ledger-check'), 'OK: every invariant holds');
      await expectVisible(page.getByTestId('asset-totals').locator('tr[data-asset="usd"]'));
      await expectText(page.locator('.live'), 'live');
    });

    it('finds a user by email', async () => {
      await page.getByRole('link', { name: 'Users' }).click();
      await page.getByLabel('Search by username or email').fill('example.com');
      await page.getByLabel('Search by username or email').press('Enter');
      // The unfiltered list may still be showing until the search answers: wait for bob to go.
      await expectVisible(page.locator('tr[data-user="alice"]'));
      await expectHidden(page.locator('tr[data-user="bob"]'));
      await shot('users');
      await page.getByRole('link', { name: 'alice' }).click();
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
      await expectText(page.getByTestId('balances').locator('tr[data-asset="usd"]'), '100.5');
      await expectText(page.getByTestId('history'), 'Goodwill credit, ticket 4711');
      expect(await page.getByTestId('history').locator('tbody tr').count()).toBe(1);
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
      const eurValue = page.getByTestId('balances').locator('tr[data-asset="eur"] td').nth(3);
      await expectText(eurValue, '10.8');
      await expectText(page.getByTestId('total'), '86.3');
      await page.getByRole('link', { name: 'Catalog' }).click();
      await page.getByRole('button', { name: 'Edit eur' }).click();
      await page.getByLabel(/^Rate/).fill('2.5');
      await page.getByRole('button', { name: 'Set rate' }).click();
      await expectText(page.getByTestId('rates').locator('tr[data-asset="eur"]'), '2.5');
      await page.getByRole('button', { name: 'History of eur' }).click();
      await expectVisible(page.locator('figure.chart svg'));
      await shot('catalog');
      await page.goBack();
      await expectVisible(page.getByRole('heading', { name: 'User alice' }));
      await expectText(eurValue, '25');
      await expectText(page.getByTestId('total'), '100.5');
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

    it('ran every page above under its Content-Security-Policy without the browser refusing anything', () => {
      expect(cspRefusals).toEqual([]);
    });
  });
});

