import { AxeBuilder } from '@axe-core/playwright';
import { expect } from '@jest/globals';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { CONSOLE_DIR } from '../../src/console/serve-console.js';
import { CHROMIUM_ARGS } from './chromium.js';

/**
 * How long a step of a console journey may take to show (the page updates asynchronously): a
 * bound for a wait, not a speed check; generous because a loaded 2-core runner takes seconds.
 */
export const WAIT = 20_000;

export const expectVisible = (locator: Locator) => locator.waitFor({ state: 'visible', timeout: WAIT });
export const expectHidden = (locator: Locator) => locator.waitFor({ state: 'hidden', timeout: WAIT });

/** Waits until the element's text contains `text`. */
export async function expectText(locator: Locator, text: string): Promise<void> {
  const deadline = Date.now() + WAIT;
  let last = '';
  while (Date.now() < deadline) {
    last = (await locator.first().textContent({ timeout: WAIT }).catch(() => null)) ?? '';
    if (last.includes(text)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`expected ${locator.toString()} to contain ${JSON.stringify(text)}; it reads ${JSON.stringify(last)}`);
}

/** A Chromium profile of its own, with the built console required; `close` removes the profile. */
export async function openConsoleBrowser(binary: string, options: { timezoneId?: string } = {}): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  if (!existsSync(join(CONSOLE_DIR, 'index.html'))) throw new Error('The console is not built: `npm test` builds it (npm run console:build)');
  const profile = mkdtempSync(join(tmpdir(), 'console-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: binary,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    ...options,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * A new page of the console's browser: every step waits at most WAIT, page errors are written
 * out, and whatever the browser refuses under the Content-Security-Policy is pushed onto
 * `cspRefusals` (a spec ends by checking it stayed empty).
 */
export async function openConsolePage(context: BrowserContext, cspRefusals: string[]): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT);
  page.on('pageerror', (error) => process.stderr.write(`console page error: ${error.message}\n`));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspRefusals.push(message.text());
  });
  return page;
}

/** Signs in at the console of the service at `appUrl` with `token`, and waits for the overview's asset totals. */
export async function signInToConsole(page: Page, appUrl: string, token: string): Promise<void> {
  await page.goto(`${appUrl}/console/`);
  await page.getByLabel('Admin token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectVisible(page.getByTestId('asset-totals'));
}

/** Runs the overview's ledger check (on demand: a visit does not run it) and waits for its verdict. */
export async function runLedgerCheck(page: Page): Promise<void> {
  await page.getByRole('button', { name: /ledger check|check again/ }).click();
  await expectText(page.getByTestId('ledger-check'), 'OK: every invariant holds');
}

/** The page has no accessibility violations that axe finds (WCAG 2.1 A and AA rules). */
export async function expectAccessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** The little of the DOM that the checks below run in the page (the tests compile without DOM types). */
interface InPage {
  ownerDocument: { activeElement: unknown; defaultView: { getComputedStyle(element: unknown): { outlineStyle: string; outlineWidth: string; boxShadow: string } } };
}

/** Waits until `target` has the focus (a dialog that closed gave it back, a removal moved it on). */
export async function expectFocused(target: Locator): Promise<void> {
  const deadline = Date.now() + WAIT;
  while (Date.now() < deadline) {
    if (await target.evaluate((element: InPage) => element === element.ownerDocument.activeElement, undefined, { timeout: WAIT }).catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`expected ${target.toString()} to have the focus`);
}

/**
 * Presses Tab until `target` has the focus (at most `limit` times), from the top of the page or
 * from the field `from` (the one filled last): the control is reachable from the keyboard. Its
 * focus is then visible: an outline or a box shadow is drawn around it.
 */
export async function tabTo(page: Page, target: Locator, from?: Locator, limit = 80): Promise<void> {
  const handle = await target.elementHandle({ timeout: WAIT });
  if (!handle) throw new Error(`${target.toString()} is not on the page`);
  await (from ? from.focus() : page.evaluate('document.activeElement && document.activeElement.blur()'));
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await handle.evaluate((element: InPage) => element === element.ownerDocument.activeElement)) {
      const ring = await handle.evaluate((element: InPage) => {
        const style = element.ownerDocument.defaultView.getComputedStyle(element);
        return { outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0, shadow: style.boxShadow !== 'none' };
      });
      expect(ring.outline || ring.shadow).toBe(true);
      return;
    }
  }
  throw new Error(`${target.toString()} was not reached with ${limit} presses of Tab`);
}
