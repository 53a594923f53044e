import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describeWith } from './describe-with.js';

/**
 * Where a Chromium is: CHROMIUM_PATH, or Debian's `chromium` package (.ci/run installs it), or
 * null. Playwright's own browser downloads are not used: they need a network the CI may not have.
 */
export function findChromium(): string | null {
  const given = process.env.CHROMIUM_PATH;
  if (given) return existsSync(given) ? given : null;
  for (const name of ['chromium', 'chromium-browser']) {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  }
  return null;
}

/** Flags for a closed network: nothing phones home, no sandbox (CI containers run as root). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** A describe block of tests that need a Chromium, skipped (and saying so) without one. */
export function describeWithChromium(title: string, body: (binary: string) => void): void {
  describeWith(title, findChromium, 'no Chromium here (apt-get install chromium, or set CHROMIUM_PATH; .ci/run installs it)', body);
}
