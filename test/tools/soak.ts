/**
 * Long reliability runs, for longer than CI can afford:
 *
 *   npm run soak -- [--rounds N] [--ops N] [--faults N] [--export N] [--db sqlite|postgres] [--seed S] [--only crash,property,faults,audit,events,export] [--events]
 *
 * - `--rounds N`: the kill -9 test with N rounds per database, beside the graceful-shutdown test;
 * - `--ops N`: the ledger property test with N random operations per database, the full check
 *   (balances against the model, the ledger check) every few thousand operations and at the end;
 * - `--only audit`: the audit trail's kill -9 test (operator actions in a burst) with N rounds
 *   (`--rounds`) per database;
 * - `--events` (short for `--only events`): the events' kill -9 test with N rounds (`--rounds`)
 *   per database: donations, credits, adjustments and holds while a feed reader polls
 *   `GET /events?after=next` and a webhook receiver verifies every delivery's signature; at the end
 *   no event is missing or read twice, every acknowledged change has its event, every event was
 *   delivered at least once, and the duplicate deliveries are counted (at least once allows them).
 *   Its file is `*.soak.ts`, outside `npm test`: one round needs 15–40 s per database (a delivery a
 *   killed server had claimed waits out its 25 s lease);
 * - `--faults N`: N PostgreSQL restarts under load and N Redis outages under two instances, plus
 *   the SQLite lock and harness isolation tests;
 * - `--export N`: the export's memory test over a ledger of N entries (10^6 by default; SQLite,
 *   the server a process of its own, its RSS growth printed and held under 64 MiB).
 * Tests run without a timeout in the way (each sizes its own), without rate limits in the way of
 * the checks, and with one seed, printed at the start and again on failure. Every process the run
 * starts carries the run's id; afterwards none may be left, or the run fails.
 */
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { killLeftovers, RUN_ID } from '../support/child-processes.js';

const usage = 'usage: npm run soak -- [--rounds N] [--ops N] [--faults N] [--export N] [--db sqlite|postgres] [--seed S] [--only crash,property,faults,audit,events,export] [--events]';
const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '20' },
    ops: { type: 'string', default: '100000' },
    faults: { type: 'string', default: '5' },
    export: { type: 'string', default: '1000000' },
    db: { type: 'string' },
    seed: { type: 'string' },
    only: { type: 'string' },
    events: { type: 'boolean', default: false },
  },
});
const count = (name: 'rounds' | 'ops' | 'faults' | 'export') => {
  const raw = values[name];
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    console.error(`--${name} must be a positive integer\n${usage}`);
    process.exit(2);
  }
  return raw;
};
const rounds = count('rounds');
const ops = count('ops');
const faults = count('faults');
const exported = count('export');
if (Number(exported) % 2 !== 0) {
  console.error(`--export must be even (the ledger is seeded with two-entry transactions)\n${usage}`);
  process.exit(2);
}
if (values.db && !['sqlite', 'postgres'].includes(values.db)) {
  console.error(usage);
  process.exit(2);
}
const KINDS = ['crash', 'property', 'faults', 'audit', 'events', 'export'];
// `--events` alone runs the events soak only; beside `--only`, it adds it to that list.
const only = values.only !== undefined ? values.only.split(',') : values.events ? [] : [...KINDS];
if (values.events && !only.includes('events')) only.push('events');
if (only.some((kind) => !KINDS.includes(kind))) {
  console.error(`--only takes ${KINDS.join(',')}\n${usage}`);
  process.exit(2);
}
const seed = values.seed && /^\d+$/.test(values.seed) ? values.seed : String(Math.floor(Math.random() * 2 ** 31));
const runId = randomBytes(6).toString('hex');

const files: string[] = [];
if (only.includes('crash')) files.push('dist/test/reliability/crash-safety.spec.js', 'dist/test/reliability/graceful-shutdown.spec.js');
if (only.includes('property')) files.push('dist/test/ledger/ledger-property.spec.js');
if (only.includes('audit')) files.push('dist/test/reliability/audit-crash.spec.js');
if (only.includes('events')) files.push('dist/test/reliability/events-crash.soak.js');
if (only.includes('faults')) {
  files.push('dist/test/reliability/server-isolation.spec.js', 'dist/test/reliability/postgres-restart.spec.js', 'dist/test/scale-out/redis-outage.spec.js');
  if (values.db !== 'postgres') files.push('dist/test/reliability/sqlite-busy.spec.js');
}
// The export test runs on SQLite only.
if (only.includes('export') && values.db !== 'postgres') files.push('dist/test/e2e/export-memory.spec.js');
const replay = `npm run soak -- --rounds ${rounds} --ops ${ops} --faults ${faults} --export ${exported}${values.db ? ` --db ${values.db}` : ''} --only ${only.join(',')} --seed ${seed}`;
console.log(`soak: seed ${seed} (replay: ${replay}); run id ${runId}`);

const started = Date.now();
const result = spawnSync(
  process.execPath,
  // Soak-only files (`*.soak.js`) are outside npm test's testMatch.
  ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', 'node_modules/jest/bin/jest.js', '--testMatch', '**/*.spec.js', '**/*.soak.js', '--runTestsByPath', ...files],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      [RUN_ID]: runId,
      CRASH_ROUNDS: rounds,
      AUDIT_CRASH_ROUNDS: rounds,
      EVENTS_CRASH_ROUNDS: rounds,
      CRASH_SEED: seed,
      LEDGER_PROPERTY_OPS: ops,
      LEDGER_PROPERTY_SEED: seed,
      LEDGER_PROPERTY_CHECK_EVERY: Number(ops) >= 20_000 ? '5000' : '1',
      PG_RESTART_CYCLES: faults,
      REDIS_OUTAGE_CYCLES: faults,
      EXPORT_MEMORY_ENTRIES: exported,
      ...(values.db ? { TEST_DATABASE_KINDS: values.db } : {}),
    },
  },
);

const leftovers = killLeftovers(runId);
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
if (leftovers.length > 0) console.error(`soak: ${leftovers.length} processes were left running (killed now):\n${leftovers.map((p) => `${p.pid} ${p.command}`).join('\n')}`);
if (result.status !== 0 || leftovers.length > 0) {
  console.error(`soak FAILED after ${minutes} min, seed ${seed}; replay with: ${replay}`);
  process.exit(result.status || 1);
}
console.log(`soak passed in ${minutes} min, seed ${seed}; nothing left running`);
