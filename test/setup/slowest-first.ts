import { relative, sep } from 'node:path';
import TestSequencer from '@jest/test-sequencer';
import type { Test } from '@jest/test-result';

/**
 * Seconds each of the slowest files took in a full run on a 2-core runner (the webhooks and
 * entry-time files less the waits cut since: a shorter lease margin and commit deadline). Jest orders
 * files by the durations of the previous run, kept in its cache; a fresh clone (CI) has none and
 * falls back to file size, which puts the documentation's short file, a minute's run, among the
 * last, with one worker idle while the other runs it.
 * These figures stand in until the cache has its own. Update them when a file's time moves far.
 */
const KNOWN_SECONDS: Readonly<Record<string, number>> = {
  'readme/readme-examples.spec.js': 71,
  'deploy/topology.spec.js': 47,
  'e2e/export.spec.js': 43,
  'console/console.spec.js': 36,
  'console/operator.spec.js': 33,
  'console/webhooks.spec.js': 33,
  'e2e/webhooks.spec.js': 32,
  'reliability/concurrent-start.spec.js': 30,
  'e2e/introspection.spec.js': 27,
  'e2e/test-clock-offset.spec.js': 26,
  'security/socket-sessions.spec.js': 25,
  'ledger/entry-time.spec.js': 20,
};

const TEST_ROOT = new URL('..', import.meta.url).pathname;

/**
 * Runs the longest files first, so that the workers finish together instead of one running the
 * slowest file alone at the end. Jest's own order stands when its cache knows every file (a file
 * that failed last time first, then by duration). Otherwise a file's duration is the cached one,
 * else the figure above; files with neither follow in Jest's order (largest first).
 */
export default class SlowestFirst extends TestSequencer.default {
  override async sort(tests: Test[]): Promise<Test[]> {
    // Jest's sort also sets each test's cached duration, when there is one.
    const ordered = await super.sort(tests);
    if (ordered.every((test) => test.duration !== undefined)) return ordered;
    const seconds = (test: Test) => test.duration ?? (KNOWN_SECONDS[relative(TEST_ROOT, test.path).split(sep).join('/')] ?? 0) * 1000;
    return [...ordered].sort((a, b) => seconds(b) - seconds(a));
  }
}
