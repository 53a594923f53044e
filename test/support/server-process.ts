import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { TEST_JWT_SECRET } from './tokens.js';
import { markerEnv, trackChild } from './child-processes.js';

const MAIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'main.js');

/** How long a server may take to print its start-up line (a loaded CI machine is slow). */
const START_TIMEOUT_MS = 60_000;

export interface ServerProcess {
  readonly url: string;
  readonly port: number;
  readonly child: ChildProcess;
  output(): string;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<number | string | null>;
  /** kill -9, resolved once the process is gone. */
  kill(): Promise<void>;
}

/** What node runs: a script and its arguments, from a working directory (this process's by default). */
export interface NodeScript {
  readonly args: readonly string[];
  readonly cwd?: string;
}

/**
 * Starts the built server (dist/src/main.js) as a child process on a port it binds itself.
 *
 * The server is started with PORT=0, so the kernel gives it a port nobody holds, and the port is
 * read from the child's own start-up line (`Listening on …`, whose `pid` must be the child's) or,
 * when its log level hides that line, from the listening socket the child itself holds (/proc). A
 * harness that picked a port beforehand and then accepted whatever answered /health there could
 * be handed a port another test's server was about to take, and run its whole test against that
 * server while its own exited with EADDRINUSE. Here, while the child lives nobody else can listen
 * on its port, so every request reaches the process this test started; and a server that exits
 * during start-up fails its test at once, with its output.
 *
 * `env.PORT` may still name a port (a test that checks what happens when it is taken does).
 * `nodeArgs` go to node before the script (the benchmark's `--cpu-prof`). `script` replaces the
 * script and its arguments, run from `script.cwd` (the image's CMD, from its WORKDIR).
 */
export async function startServerProcess(env: Record<string, string>, nodeArgs: readonly string[] = [], script: NodeScript = { args: [MAIN] }): Promise<ServerProcess> {
  let output = '';
  const child = spawn(process.execPath, [...nodeArgs, ...script.args], {
    cwd: script.cwd,
    env: { PATH: process.env.PATH, JWT_SECRET: TEST_JWT_SECRET, PORT: '0', ...markerEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  trackChild(child);
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };

  let pending = '';
  const port = await new Promise<number>((resolve, reject) => {
    const settle = () => {
      clearTimeout(timer);
      clearInterval(poll);
    };
    const found = (bound: number) => {
      settle();
      resolve(bound);
    };
    const fail = (why: string) => {
      settle();
      reject(new Error(`${why}:\n${output}`));
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(`server pid ${child.pid} printed no start-up line within ${START_TIMEOUT_MS} ms`);
    }, START_TIMEOUT_MS);
    child.once('exit', (code, signal) => fail(`server pid ${child.pid} exited during start-up (${code ?? signal})`));
    child.once('error', (error) => fail(`server could not be spawned: ${error.message}`));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    // A quiet log level (warn, error, silent) hides the start-up line: ask /proc for the
    // listening socket among the child's own file descriptors instead.
    const poll = setInterval(() => {
      const [bound] = listeningPortsOf(child.pid!);
      if (bound !== undefined) found(bound);
    }, 50);
    child.stdout!.on('data', (d: Buffer) => {
      const text = d.toString();
      output += text;
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        const bound = listeningPort(line, child.pid!);
        if (bound !== null) found(bound);
      }
    });
  });
  const url = `http://127.0.0.1:${port}`;
  const holder = listenerPid(port, child.pid!);
  if (holder !== null && holder !== child.pid) {
    await kill();
    throw new Error(`port ${port} is held by process ${holder}, not by the server this test started (pid ${child.pid})`);
  }
  const health = await fetch(`${url}/health`).catch((error: unknown) => error as Error);
  if (health instanceof Error || !health.ok) {
    await kill();
    throw new Error(`server pid ${child.pid} is listening on ${port} but /health failed (${health instanceof Error ? health.message : health.status}):\n${output}`);
  }
  return { url, port, child, output: () => output, exited, kill };
}

/** The port of a `Listening on http://host:PORT …` line logged by the process `pid`, else null. */
export function listeningPort(line: string, pid: number): number | null {
  let entry: { pid?: unknown; msg?: unknown };
  try {
    entry = JSON.parse(line) as typeof entry;
  } catch {
    return null;
  }
  if (entry.pid !== pid || typeof entry.msg !== 'string') return null;
  const match = /^Listening on https?:\/\/[^ ]*:(\d+) /.exec(entry.msg);
  return match ? Number(match[1]) : null;
}

/**
 * The process holding the listening TCP socket on `port` (Linux /proc), checked first against
 * `candidate`; null where /proc cannot tell (another system, or no permission).
 */
export function listenerPid(port: number, candidate?: number): number | null {
  const sockets = new Set(listeningSockets().filter((s) => s.port === port).map((s) => s.link));
  if (sockets.size === 0) return null;
  const pids = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  if (candidate !== undefined) pids.unshift(String(candidate));
  for (const pid of pids) {
    if ([...fdLinksOf(pid)].some((link) => sockets.has(link))) return Number(pid);
  }
  return null;
}

/** The TCP ports `pid` itself listens on (Linux /proc; empty elsewhere or before it listens). */
export function listeningPortsOf(pid: number): number[] {
  const links = fdLinksOf(String(pid));
  if (links.size === 0) return [];
  return listeningSockets()
    .filter((s) => links.has(s.link))
    .map((s) => s.port);
}

/** Every listening TCP socket here (/proc/net/tcp and tcp6): its port and its fd link, `socket:[inode]`. */
function listeningSockets(): Array<{ port: number; link: string }> {
  const found: Array<{ port: number; link: string }> = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(table)) continue;
    for (const row of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const cols = row.trim().split(/\s+/);
      // local_address is ADDR:PORT in hex, st 0A is LISTEN, the inode is column 10.
      if (cols.length > 9 && cols[3] === '0A') found.push({ port: parseInt(cols[1].split(':')[1], 16), link: `socket:[${cols[9]}]` });
    }
  }
  return found;
}

/** What the file descriptors of process `pid` point to; empty when they cannot be read. */
function fdLinksOf(pid: string): Set<string> {
  const links = new Set<string>();
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return links;
  }
  for (const fd of fds) {
    try {
      links.add(readlinkSync(`/proc/${pid}/fd/${fd}`));
    } catch {
      // closed meanwhile
    }
  }
  return links;
}

/** The ledger check (GET /back-api/backoffice/ledger/check) of the server at `url`, as JSON. */
export async function ledgerCheck(url: string, adminToken: string): Promise<unknown> {
  return (await fetch(`${url}/back-api/backoffice/ledger/check`, { headers: { authorization: `Bearer ${adminToken}` } })).json();
}

/** Server environment that lifts the per-user rate limits, for tests whose load is not what they guard against. */
export const NO_RATE_LIMITS = { SOCKET_RATE_PER_SECOND: '1000000', SOCKET_RATE_BURST: '1000000', REST_RATE_PER_SECOND: '1000000', REST_RATE_BURST: '1000000' };

/** The JSON log line a server process wrote for the request with this id (waiting a little for its output). */
export async function logLineOf(server: ServerProcess, id: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 50; i++) {
    const line = server.output().split('\n').find((l) => l.includes(`"id":"${id}"`));
    if (line) return JSON.parse(line) as Record<string, unknown>;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no log line for ${id}:\n${server.output()}`);
}
