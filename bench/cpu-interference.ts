/**
 * node dist/bench/cpu-interference.js [--only sqlite|postgres] [--share 0.2] [--pairs 8] [--clients 64]
 *
 * How much the ledger's donations/s lose when another process, one that has nothing to do with
 * the ledger, uses a share of one core: the yardstick for the webhook row of `npm run bench`. The
 * webhook costs the machine a posting thread and a receiver (0.15-0.2 of a core between them at
 * the bench's rate), on the two cores the server, its database and the load generator share; this
 * measures what that much CPU costs on its own, whatever the work is.
 *
 * The same 64 clients donate as in the bench, in pairs of 5 s runs (each after 1 s unmeasured),
 * one run plain and one while a child process busy-loops `share` of every 10 ms, the order
 * alternating from pair to pair. It prints each pair's ratio (with the busy process over without)
 * and their median, per database.
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import globalSetup from '../test/setup/global-setup.js';
import globalTeardown from '../test/setup/global-teardown.js';
import { startServerProcess } from '../test/support/server-process.js';
import { createTestDatabase, type DatabaseKind } from '../test/support/test-databases.js';
import { donations, fundedClients, inTurns, RUN_WARM_UP_S, serverEnv, warmUp } from './phases.js';
import { preloadHistory } from './preload.js';
import { median } from './stats.js';
import type { Socket } from 'socket.io-client';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    share: { type: 'string', default: '0.2' },
    pairs: { type: 'string', default: '8' },
    clients: { type: 'string', default: '64' },
  },
});
const share = Number(values.share);
if (!(share > 0 && share < 1)) throw new Error('--share must be a fraction of a core, above 0 and below 1');
const pairs = Number(values.pairs);
const kinds: DatabaseKind[] = values.only ? [values.only as DatabaseKind] : ['sqlite', 'postgres'];
const RUN_S = 5;

/** A process that keeps `share` of one core busy until killed. */
function busyProcess() {
  const busyMs = 10 * share;
  const script = `setInterval(() => {}, 1e9); (function spin() { const end = performance.now() + ${busyMs}; while (performance.now() < end); setTimeout(spin, ${10 - busyMs}); })();`;
  return spawn(process.execPath, ['-e', script], { stdio: 'ignore' });
}

async function run(clients: Socket[], busy: boolean): Promise<number> {
  const child = busy ? busyProcess() : null;
  try {
    await donations(clients, 'cpu', RUN_WARM_UP_S);
    return (await donations(clients, 'cpu', RUN_S)).perSecond;
  } finally {
    child?.kill('SIGKILL');
  }
}

async function measure(kind: DatabaseKind): Promise<void> {
  const database = await createTestDatabase(kind, 20);
  await preloadHistory(database.config, 10_000);
  const server = await startServerProcess(serverEnv(database));
  try {
    const clients = await fundedClients(server.url, Number(values.clients), 'cpu');
    await warmUp(clients, 'cpu', database);
    const runs = await inTurns(
      pairs,
      () => run(clients, false),
      () => run(clients, true),
      (plain, busy, pair) => process.stderr.write(`${kind} pair ${pair + 1}: ${plain.toFixed(0)}/s plain, ${busy.toFixed(0)}/s beside ${share} of a core busy (x${(busy / plain).toFixed(2)})\n`),
    );
    const ratios = runs.map(([plain, busy]) => busy / plain);
    clients.forEach((c) => c.close());
    console.log(`${kind}: donations/s beside a process busy ${share} of a core, over without: x${median(ratios).toFixed(2)} (median of ${pairs} pairs: ${ratios.map((r) => r.toFixed(2)).join(' ')})`);
  } finally {
    await server.kill();
    await database.drop();
  }
}

if (kinds.includes('postgres')) await globalSetup();
try {
  for (const kind of kinds) await measure(kind);
} finally {
  if (kinds.includes('postgres')) await globalTeardown();
}
process.exit(0);
