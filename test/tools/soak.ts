/**
 * Long crash-safety runs: `npm run soak -- --rounds N` runs the kill -9 test with N rounds per
 * database (and the graceful shutdown test), for longer than CI can afford.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '20' }, seed: { type: 'string' } } });
if (!/^\d+$/.test(values.rounds) || Number(values.rounds) < 1) {
  console.error('usage: npm run soak -- --rounds N [--seed S]');
  process.exit(2);
}
const result = spawnSync(
  process.execPath,
  ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', 'node_modules/jest/bin/jest.js', 'crash-safety', 'graceful-shutdown'],
  { stdio: 'inherit', env: { ...process.env, CRASH_ROUNDS: values.rounds, ...(values.seed ? { CRASH_SEED: values.seed } : {}) } },
);
process.exit(result.status ?? 1);
