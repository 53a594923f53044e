import { readdirSync, readFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';

/**
 * Every process a test starts (servers, redis-server, private PostgreSQL) is tracked here, so
 * none outlives its test file: the file's last hook kills what is still running and closes the
 * harness, after which starting another process fails. A test that timed out, whose loop would
 * otherwise go on starting servers after the run, stops there.
 */
const live = new Set<ChildProcess>();
let closedBecause: string | null = null;
let exitHook = false;

export function trackChild(child: ChildProcess): void {
  if (closedBecause) {
    child.kill('SIGKILL');
    throw new Error(`no process may be started now: ${closedBecause}`);
  }
  if (!exitHook) {
    exitHook = true;
    process.once('exit', () => live.forEach((c) => c.kill('SIGKILL')));
  }
  live.add(child);
  child.once('exit', () => live.delete(child));
}

/** Kills (SIGKILL) every tracked process still running and refuses to start more. */
export async function stopAllChildren(reason: string): Promise<number> {
  closedBecause = reason;
  const running = [...live].filter((c) => c.exitCode === null && c.signalCode === null);
  await Promise.all(
    running.map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
  return running.length;
}

/** The id of this test run, set by the global setup (or the soak runner) for every worker. */
export const RUN_ID = 'LEDGER_TEST_RUN';
/** The environment variable that marks every process the tests start with the run's id. */
export const RUN_MARKER = 'LEDGER_TEST_CHILD';

/** Environment entries to give every child process, so a run can find what it left behind. */
export function markerEnv(): Record<string, string> {
  const id = process.env[RUN_ID];
  return id ? { [RUN_MARKER]: id } : {};
}

/** Processes on this machine started with RUN_MARKER=runId: what a run left behind. */
export function processesOfRun(runId: string): Array<{ pid: number; command: string }> {
  const found: Array<{ pid: number; command: string }> = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const environ = readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
      if (!environ.includes(`${RUN_MARKER}=${runId}`)) continue;
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim();
      found.push({ pid: Number(entry), command });
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

/** Kills (SIGKILL) what a run left behind (see processesOfRun) and returns what it was. */
export function killLeftovers(runId: string): Array<{ pid: number; command: string }> {
  const leftovers = processesOfRun(runId);
  for (const { pid } of leftovers) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
  return leftovers;
}
