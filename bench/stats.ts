/** Small statistics helpers for the benchmark. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

/** The middle value; of an even count, the mean of the two in the middle. */
export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export interface LoadResult {
  readonly perSecond: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly acknowledged: number;
  readonly refused: number;
}

/** Runs `workers` loops of `op` for `seconds`, each awaiting its answer; ms latencies. */
export async function drive(workers: number, seconds: number, op: (worker: number) => Promise<boolean>): Promise<LoadResult> {
  const latencies: number[] = [];
  let refused = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      while (performance.now() < end) {
        const t0 = performance.now();
        const ok = await op(worker);
        if (ok) latencies.push(performance.now() - t0);
        else refused++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    acknowledged: latencies.length,
    refused,
  };
}

/** Peak resident set size of a process, in MiB (Linux VmHWM). */
export async function peakRssMiB(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const match = /VmHWM:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) / 1024 : NaN;
}

export async function rssMiB(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) / 1024 : NaN;
}

/**
 * CPU seconds in a /proc/PID/stat line (clock ticks of 1/100 s): utime + stime, and with
 * `endedChildren` cutime + cstime too (its children that ended and were waited for).
 */
function cpuSecondsOf(stat: string, endedChildren: boolean): number {
  // The command name may hold spaces; the fields after it are fixed (utime, stime, cutime, cstime are the 12th to 15th).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const own = Number(fields[11]) + Number(fields[12]);
  return (endedChildren ? own + Number(fields[13]) + Number(fields[14]) : own) / 100;
}

/** CPU time of a process so far, in seconds. */
export async function processCpuSeconds(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  return cpuSecondsOf(await readFile(`/proc/${pid}/stat`, 'utf8'), false);
}

/**
 * Where the CPU went during a phase, in cores busy (CPU seconds per wall second): the server's
 * and the load generator's (this process). Both share the machine, so a load generator near a
 * full core means the client, not the server, may be what limits the figure.
 */
export interface CpuUse {
  readonly serverCores: number | null;
  readonly clientCores: number;
  /** Every PostgreSQL process on the machine together (0 while none runs: SQLite is the server's own). */
  readonly databaseCores: number;
}

/** CPU time so far of every process named `postgres` (the server and its backends, those that ended included), in seconds. */
export async function postgresCpuSeconds(): Promise<number> {
  const { readdir, readFile } = await import('node:fs/promises');
  let total = 0;
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    // A process may end between the listing and the read.
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // With its children that ended: the postmaster's backends that closed.
    if (stat.includes('(postgres)')) total += cpuSecondsOf(stat, true);
  }
  return total;
}

export async function withCpu<T>(serverPid: number | null, phase: () => Promise<T>): Promise<T & { cpu: CpuUse }> {
  const serverBefore = serverPid === null ? 0 : await processCpuSeconds(serverPid);
  const databaseBefore = await postgresCpuSeconds();
  const clientBefore = process.cpuUsage();
  const started = performance.now();
  const result = await phase();
  const wall = (performance.now() - started) / 1000;
  const client = process.cpuUsage(clientBefore);
  const serverCores = serverPid === null ? null : ((await processCpuSeconds(serverPid)) - serverBefore) / wall;
  const databaseCores = ((await postgresCpuSeconds()) - databaseBefore) / wall;
  return { ...result, cpu: { serverCores, clientCores: (client.user + client.system) / 1e6 / wall, databaseCores } };
}
