import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { UsersService } from '../../src/auth/users.service.js';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { describeWithChromium } from '../support/chromium.js';
import { expectAccessible, expectFocused, expectHidden, expectText, expectVisible, openConsoleBrowser, openConsolePage, signInToConsole, tabTo } from '../support/console-page.js';
import { bo, http, type HttpClient } from '../support/http-client.js';
import { pollUntil } from '../support/poll.js';
import { adminToken } from '../support/tokens.js';
import { startReceiver, type ReceivedHook, type WebhookReceiver } from '../support/webhook-receiver.js';

const ZONE = 'Europe/Helsinki';

type Delivery = { eventId: string; status: string; attempts: number; lastAttemptAt: string | null; nextAttemptAt: string | null };

/** `2026-11-30 23:59:59`: an instant on the wall clock in ZONE, as the console shows it. */
const wallClock = (iso: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

/** Throws unless a signature of the hook is the secret's (the standardwebhooks library, as a receiver would). */
const verify = (secret: string, hook: ReceivedHook) => new StandardWebhook(secret).verify(hook.body, hook.headers as Record<string, string>) as { id: string };

/**
 * The webhooks page of the operator console (CONTRACT §9) in Chromium, against a real server on
 * SQLite (the webhook API itself is tested on both databases by test/e2e/webhooks.spec.ts) and a
 * real receiver on the loopback interface, so every delivery on screen was really attempted.
 */
describeWithChromium('operator console: webhooks', (chromiumBinary) => {
  let app: RunningApp;
  let api: HttpClient;
  let page: Page;
  let receiver: WebhookReceiver;
  let closeBrowser: (() => Promise<void>) | undefined;
  let url: string;
  let webhookId: string;
  let secret: string;
  const cspRefusals: string[] = [];
  const dialog = () => page.getByRole('dialog');
  const toConsole = (hook: ReceivedHook) => hook.path === '/console';
  const adjust = async (amount = '1') => expect((await api.post(bo('/user/alice/adjustments'), { asset: 'rents', amount, comment: 'webhook console test' })).status).toBe(201);
  const deliveries = async (): Promise<Delivery[]> => (await api.get(bo(`/webhooks/${webhookId}/deliveries?per_page=100`))).body.data as Delivery[];
  const row = (eventId: string) => page.locator(`[data-testid="deliveries"] tr[data-event="${eventId}"]`);
  const endpointRow = () => page.locator(`[data-testid="webhooks"] tr[data-webhook="${webhookId}"]`);
  const openWebhooks = async () => {
    await page.getByRole('link', { name: 'Webhooks', exact: true }).click();
    await expectVisible(page.getByRole('heading', { name: 'Webhooks', level: 1 }));
  };
  /** The newest delivery, once there are `count` and the worker has attempted the newest `attempts` times. */
  const newest = async (count: number, attempts: number) => (await pollUntil(deliveries, (all) => all.length === count && all[0]!.attempts >= attempts))[0]!;
  const alerts = (scope: Page | Locator) => scope.getByRole('alert');

  beforeAll(async () => {
    let context: BrowserContext;
    ({ context, close: closeBrowser } = await openConsoleBrowser(chromiumBinary, { timezoneId: ZONE }));
    receiver = await startReceiver();
    app = await startApp('sqlite', { WEBHOOKS_ALLOW_PRIVATE: 'true' });
    api = http(app);
    receiver.checkAgainst(app.url);
    url = `${receiver.url}/console`;
    await app.app.get(UsersService).upsert({ id: 'alice', username: 'alice', email: 'alice@example.com', roles: [], currency: null });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });

    page = await openConsolePage(context, cspRefusals);
    await signInToConsole(page, app.url, adminToken('console-ops'));
  });
  afterAll(async () => {
    await page?.close();
    await closeBrowser?.();
    await app?.close();
    await receiver?.close();
  });

  it('adds an endpoint from the keyboard and shows its secret once, copyable; the deliveries are signed with that secret', async () => {
    await tabTo(page, page.getByRole('link', { name: 'Webhooks', exact: true }));
    await page.keyboard.press('Enter');
    await expectVisible(page.getByRole('heading', { name: 'Webhooks', level: 1 }));
    await expectVisible(page.getByText('No endpoints.'));
    await expectAccessible(page);

    // No event type ticked: said at once, nothing is sent.
    const form = page.getByRole('form', { name: 'Add an endpoint' });
    await page.getByLabel('URL (http or https)').fill('ftp://example.com/hook');
    await page.getByLabel('Description (optional)').fill('Rooms service');
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    await expectText(alerts(form), 'Choose at least one event type to send.');
    // A URL the API refuses: its message, with the status, once on the page.
    await tabTo(page, page.getByRole('checkbox', { name: /^transaction\.committed/ }), page.getByLabel('Description (optional)'));
    await page.keyboard.press('Space');
    await page.getByRole('checkbox', { name: /^user\.frozen/ }).check();
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    await expectText(alerts(form), 'Refused (400): url must be an absolute http or https URL');
    expect(await alerts(page).count()).toBe(1);
    expect((await api.get(bo('/webhooks'))).body.data).toEqual([]);

    await page.getByLabel('URL (http or https)').fill(url);
    const add = form.getByRole('button', { name: 'Add endpoint' });
    await tabTo(page, add, page.getByRole('checkbox', { name: /^user\.unfrozen/ }));
    await page.keyboard.press('Enter');
    const shown = page.getByRole('dialog', { name: `Signing secret for ${url}` });
    await expectText(shown, 'Copy this secret now: it will not be shown again.');
    const field = shown.getByLabel('Signing secret');
    secret = await field.inputValue();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    await expectFocused(field);
    await expectAccessible(page);
    await shown.getByRole('button', { name: 'Copy secret' }).click();
    await expectText(shown.getByRole('status'), 'Copied to the clipboard.');
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(secret);
    await tabTo(page, shown.getByRole('button', { name: 'Done' }), shown.getByRole('button', { name: 'Copy secret' }));
    await page.keyboard.press('Enter');
    await expectHidden(shown);
    await expectFocused(add);

    const [listed] = (await api.get(bo('/webhooks'))).body.data as Array<{ id: string; url: string; events: string[] }>;
    expect(listed).toMatchObject({ url, events: ['transaction.committed', 'user.frozen'] });
    webhookId = listed!.id;
    await expectText(endpointRow(), url);
    await expectText(endpointRow(), 'transaction.committed, user.frozen');
    await expectText(endpointRow().getByTestId('webhook-state'), 'enabled');
    await expectText(endpointRow(), 'Rooms service');
    // Shown once: gone from the page, and never listed again.
    await page.reload();
    await expectText(endpointRow(), url);
    expect(await page.content()).not.toContain('whsec_');

    await adjust('2.5');
    const [hook] = await receiver.waitFor(1, toConsole);
    expect(verify(secret, hook!).id).toBe(hook!.headers['webhook-id']);
  });

  it("shows a delivery delivered, then a failing receiver's answer and the next attempt in the operator's zone; Retry delivers it", async () => {
    const first = await newest(1, 1);
    await tabTo(page, page.getByRole('link', { name: `Deliveries to ${url}` }));
    await page.keyboard.press('Enter');
    await expectVisible(page.getByRole('heading', { name: `Webhook ${url}` }));
    await expectText(page.getByTestId('webhook-facts'), 'transaction.committed, user.frozen');
    await expectText(row(first.eventId).getByTestId('delivery-status'), 'delivered');
    await expectText(row(first.eventId), 'transaction.committed');
    await expectText(row(first.eventId), 'HTTP 204');
    await expectText(page.getByTestId('deliveries').locator('thead'), `Last attempt (${ZONE})`);
    await expectText(page.getByTestId('deliveries').locator('thead'), `Next attempt (${ZONE})`);
    await expectText(row(first.eventId).locator('td').nth(4), wallClock(first.lastAttemptAt!));
    await expectAccessible(page);

    // The receiver fails: every attempt is answered 500. After the second (about 5 s after the
    // first) the next one is about 5 minutes away, so the page can be read while it stands still.
    receiver.answer = (h) => (toConsole(h) ? { status: 500, body: 'receiver down: disk full' } : { status: 204 });
    await adjust();
    const failing = await newest(2, 2);
    expect(failing).toMatchObject({ status: 'pending', attempts: 2 });
    await page.getByRole('button', { name: 'Refresh' }).click();
    const failed = row(failing.eventId);
    await expectText(failed.getByTestId('delivery-status'), 'pending');
    await expectText(failed.locator('td').nth(2), '2');
    await expectText(failed.locator('td').nth(3), 'HTTP 500');
    await expectText(failed.locator('td').nth(3), 'receiver down: disk full');
    await expectText(failed.locator('td').nth(4), wallClock(failing.lastAttemptAt!));
    await expectText(failed.locator('td').nth(5), wallClock(failing.nextAttemptAt!));
    expect(await failed.locator('td').nth(5).locator('time').getAttribute('datetime')).toBe(failing.nextAttemptAt);
    await expectAccessible(page);

    // Fixed: Retry from the keyboard sends it at once; the focus stays on the button.
    receiver.answer = () => ({ status: 204 });
    const retry = failed.getByRole('button', { name: `Retry event ${failing.eventId}` });
    await tabTo(page, retry);
    await page.keyboard.press('Enter');
    await expectText(page.getByRole('status').filter({ hasText: 'being sent again' }), `Event ${failing.eventId} is being sent again now.`);
    await expectText(failed.getByTestId('delivery-status'), 'delivered');
    await expectText(failed.locator('td').nth(3), 'HTTP 204');
    await expectFocused(retry);
    expect(await deliveries().then((all) => all.find((d) => d.eventId === failing.eventId))).toMatchObject({ status: 'delivered', attempts: 3 });
    const sent = receiver.received.filter((h) => toConsole(h) && h.headers['webhook-id'] === failing.eventId);
    expect(sent).toHaveLength(3);
    sent.forEach((h) => verify(secret, h));
  });

  it('shows an endpoint disabled by a 410 answer, with the reason, until a retry enables it', async () => {
    receiver.answer = (h) => (toConsole(h) ? { status: 410 } : { status: 204 });
    await adjust();
    const gone = await newest(3, 1);
    // The page follows by itself: the live feed brings the new delivery, and it is read again while pending.
    await expectText(page.getByTestId('webhook-state'), 'disabled the endpoint answered 410 Gone');
    await expectText(row(gone.eventId).locator('td').nth(3), 'HTTP 410');
    await expectText(row(gone.eventId).locator('td').nth(5), 'waits for a retry');
    await openWebhooks();
    await expectText(endpointRow().getByTestId('webhook-state'), 'disabled the endpoint answered 410 Gone');

    receiver.answer = () => ({ status: 204 });
    await page.getByRole('link', { name: `Deliveries to ${url}` }).click();
    await row(gone.eventId).getByRole('button', { name: `Retry event ${gone.eventId}` }).click();
    await expectText(row(gone.eventId).getByTestId('delivery-status'), 'delivered');
    await expectText(page.getByTestId('webhook-state'), 'enabled');
  });

  it('pages the deliveries, newest event first', async () => {
    for (let i = 0; i < 20; i++) await adjust();
    const all = await pollUntil(deliveries, (found) => found.length === 23 && found.every((d) => d.status === 'delivered'));
    await page.getByRole('button', { name: 'Refresh' }).click();
    const pages = page.getByRole('navigation', { name: 'Deliveries pages' });
    await expectText(pages, 'Page 1 of 2 (23)');
    await expectText(page.getByTestId('deliveries').locator('tbody tr').first(), all[0]!.eventId);
    expect(await page.getByTestId('deliveries').locator('tbody tr').count()).toBe(20);
    await tabTo(page, pages.getByRole('button', { name: 'Next' }));
    await page.keyboard.press('Enter');
    await expectText(pages, 'Page 2 of 2 (23)');
    await expectVisible(row(all[22]!.eventId));
    expect(await page.getByTestId('deliveries').locator('tbody tr').count()).toBe(3);
  });

  it('rotates the secret, shown once, and removes endpoints after confirmations, giving the focus back; the audit trail shows each change', async () => {
    await openWebhooks();
    const rotate = page.getByRole('button', { name: `Rotate the secret of ${url}` });
    await tabTo(page, rotate);
    await page.keyboard.press('Enter');
    await expectText(dialog().getByTestId('confirm-text'), `Rotate the signing secret of ${url}?`);
    await page.keyboard.press('Escape');
    await expectHidden(dialog());
    await expectFocused(rotate);

    await page.keyboard.press('Enter');
    await dialog().getByRole('button', { name: 'Rotate' }).click();
    const shown = page.getByRole('dialog', { name: `New signing secret for ${url}` });
    await expectText(shown, 'it will not be shown again');
    const rotated = await shown.getByLabel('Signing secret').inputValue();
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    const until24h = ((await api.get(bo(`/audit?target=webhook:${webhookId}&action=webhook.rotate_secret`))).body.data[0].after as { previousSecretSignsUntil: string }).previousSecretSignsUntil;
    await expectText(shown.getByTestId('previous-secret'), `The previous secret also signs until ${wallClock(until24h)} +0`);
    await page.keyboard.press('Escape');
    await expectHidden(shown);
    await expectFocused(rotate);
    expect(await page.content()).not.toContain('whsec_');
    // Both secrets sign for the next 24 hours.
    const before = receiver.received.length;
    await adjust();
    const [hook] = (await receiver.waitFor(before + 1)).slice(before);
    expect(String(hook!.headers['webhook-signature']).split(' ')).toHaveLength(2);
    verify(rotated, hook!);
    verify(secret, hook!);

    // Another operator removes an endpoint while the dialog is open: the 404, once, in the dialog.
    const other = (await api.post(bo('/webhooks'), { url: `${receiver.url}/other`, events: ['hold.placed'] })).body as { id: string; url: string };
    await page.reload();
    await page.getByRole('button', { name: `Remove ${other.url}` }).click();
    await expectText(dialog().getByTestId('confirm-text'), `Remove the endpoint ${other.url}?`);
    expect((await api.delete(bo(`/webhooks/${other.id}`))).status).toBe(200);
    await dialog().getByRole('button', { name: 'Remove' }).click();
    await expectText(alerts(dialog()), `Refused (404): Webhook ${other.id} not found`);
    expect(await alerts(page).count()).toBe(1);
    await page.keyboard.press('Escape');
    await expectHidden(dialog());
    await expectFocused(page.getByRole('button', { name: `Remove ${other.url}` }));
    expect(await alerts(page).count()).toBe(0);

    const remove = page.getByRole('button', { name: `Remove ${url}` });
    await tabTo(page, remove);
    await page.keyboard.press('Enter');
    await expectText(dialog().getByTestId('confirm-text'), `Remove the endpoint ${url}? Nothing more is sent to it, and its delivery log is deleted.`);
    await dialog().getByRole('button', { name: 'Remove' }).click();
    await expectHidden(dialog());
    await expectText(page.getByRole('status').filter({ hasText: 'Removed' }), `Removed ${url}.`);
    await expectHidden(endpointRow());
    // The row that held the button is gone: the list's heading has the focus.
    await expectFocused(page.getByRole('heading', { name: 'Endpoints' }));
    expect((await api.get(bo('/webhooks'))).body.data).toEqual([]);

    // Every console action is an operator action in the audit trail, never with a secret.
    const audit = (await api.get(bo(`/audit?target=webhook:${webhookId}`))).body.data as Array<{ action: string; actor: { id: string } }>;
    expect(audit.map((r) => r.action)).toEqual(['webhook.delete', 'webhook.rotate_secret', 'webhook.retry', 'webhook.retry', 'webhook.create']);
    expect(audit.every((r) => r.actor.id === 'console-ops')).toBe(true);
    await page.getByRole('link', { name: 'Audit' }).click();
    await page.getByLabel('Target', { exact: true }).fill(`webhook:${webhookId}`);
    await page.getByRole('button', { name: 'Filter' }).click();
    await expectText(page.getByRole('navigation', { name: 'Audit pages' }), '(5)');
    const rows = page.getByTestId('audit').locator('tbody tr');
    await expectText(rows.last(), 'webhook.create');
    expect(await rows.locator('td:nth-child(3)').allTextContents()).toEqual(audit.map((r) => r.action));
    await expectText(rows.first(), 'console-ops');
    await expectText(rows.last(), url);
    expect(await page.content()).not.toContain('whsec_');
    await expectAccessible(page);
  });

  it('ran every page above under its Content-Security-Policy without the browser refusing anything', () => {
    expect(cspRefusals).toEqual([]);
  });
});
