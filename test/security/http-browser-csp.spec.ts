import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CONSOLE_DIR } from '../../src/console/serve-console.js';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { CHROMIUM_ARGS, describeWithChromium } from '../support/chromium.js';
import { adminToken } from '../support/tokens.js';

const WAIT = 20_000;

/** What a page reported about the Content-Security-Policy: violation events, and the browser's own console messages. */
interface Watched {
  page: Page;
  violations(): Promise<string[]>;
  consoleErrors: string[];
}

async function watchedPage(browser: Browser): Promise<Watched> {
  const page = await browser.newPage();
  page.setDefaultTimeout(WAIT);
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    const { url } = message.location();
    // A browser asks every site for its icon; the service has none.
    if (url.endsWith('/favicon.ico')) return;
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) consoleErrors.push(`${message.text()} (${url})`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
  // Before any script of the page: every violation, in the page and in what it loads.
  await page.addInitScript({
    content: `window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) =>
        window.cspViolations.push(event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline') + ' (' + event.sourceFile + ':' + event.lineNumber + ')'));`,
  });
  return { page, consoleErrors, violations: () => page.evaluate('window.cspViolations') as Promise<string[]> };
}

/** Whether an inline script injected into the page runs: never, under the policy. */
const inlineScriptRuns = (page: Page) =>
  page.evaluate(`(() => {
    const script = document.createElement('script');
    script.textContent = 'window.inlineScriptRan = true';
    document.head.append(script);
    return window.inlineScriptRan === true;
  })()`);

/**
 * §10 "Headers" in a real browser: the console and Swagger UI work under their strict
 * Content-Security-Policy (no inline scripts, no framing) without a single violation, and the
 * policy is really in force.
 */
describeWithChromium('the pages under their Content-Security-Policy in Chromium', (chromiumBinary) => {
  let browser: Browser;
  let app: RunningApp;
  beforeAll(async () => {
    if (!existsSync(join(CONSOLE_DIR, 'index.html'))) throw new Error('The console is not built: `npm test` builds it (npm run console:build)');
    browser = await chromium.launch({ executablePath: chromiumBinary, headless: true, args: CHROMIUM_ARGS });
    app = await startApp('sqlite');
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  describe('Swagger UI at /docs', () => {
    let watched: Watched;
    beforeAll(async () => {
      watched = await watchedPage(browser);
    });
    afterAll(async () => {
      await watched?.page.close();
    });

    it('renders the operations and runs "Try it out" against the service, with no violation', async () => {
      const { page } = watched;
      await page.goto(`${app.url}/docs`);
      const users = page.locator('.opblock-get').filter({ has: page.locator('[data-path="/back-api/backoffice/users"]') });
      await users.locator('.opblock-summary').click();
      await users.getByRole('button', { name: 'Try it out' }).click();
      await users.getByRole('button', { name: 'Execute' }).click();
      // No token given: the service's own 401, fetched from the relative server `/`.
      await users.locator('.live-responses-table .response-col_status').filter({ hasText: '401' }).waitFor();
      expect(await page.locator('.opblock').count()).toBeGreaterThan(20);
      expect({ violations: await watched.violations(), consoleErrors: watched.consoleErrors.filter((m) => !/status of 401/.test(m)) }).toEqual({ violations: [], consoleErrors: [] });
    });

    it('refuses an inline script injected into the page', async () => {
      expect(await inlineScriptRuns(watched.page)).toBe(false);
      expect(await watched.violations()).toEqual([expect.stringMatching(/^script-src/)]);
    });
  });

  describe('the console at /console', () => {
    let watched: Watched;
    beforeAll(async () => {
      watched = await watchedPage(browser);
    });
    afterAll(async () => {
      await watched?.page.close();
    });

    it('signs in, loads the overview over REST and goes live over socket.io, with no violation', async () => {
      const { page } = watched;
      await page.goto(`${app.url}/console/`);
      await page.getByLabel('Admin token').fill(adminToken('csp-ops'));
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByTestId('asset-totals').waitFor();
      // The ledger check runs on demand: its answer over REST under the policy too.
      await page.getByRole('button', { name: /ledger check|check again/ }).click();
      await page.getByTestId('ledger-check').filter({ hasText: 'OK: every invariant holds' }).waitFor();
      await page.locator('.live').filter({ hasText: 'live' }).waitFor();
      expect({ violations: await watched.violations(), consoleErrors: watched.consoleErrors }).toEqual({ violations: [], consoleErrors: [] });
    });

    it('refuses an inline script injected into the page', async () => {
      expect(await inlineScriptRuns(watched.page)).toBe(false);
      expect(await watched.violations()).toEqual([expect.stringMatching(/^script-src/)]);
    });
  });

  it('neither page can be framed, by another site or at all', async () => {
    const { page, consoleErrors } = await watchedPage(browser);
    try {
      await page.setContent(`<iframe id="console" src="${app.url}/console/"></iframe><iframe id="docs" src="${app.url}/docs"></iframe>`, { waitUntil: 'load' });
      const framed = [];
      for (const frame of page.frames().filter((f) => f !== page.mainFrame())) {
        // A frame the browser refused holds its error page, not the service's.
        framed.push({ url: frame.url(), shown: await frame.evaluate("document.querySelector('#root, #swagger-ui') !== null").catch(() => false) });
      }
      expect(framed).toEqual([
        { url: expect.any(String), shown: false },
        { url: expect.any(String), shown: false },
      ]);
      expect(consoleErrors.filter((m) => /frame-ancestors/.test(m))).toHaveLength(2);
    } finally {
      await page.close();
    }
  });
});
