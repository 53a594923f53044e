import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { markerEnv } from '../support/child-processes.js';
import { freePort } from '../support/free-port.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { createTestDatabase } from '../support/test-databases.js';
import { TEST_JWT_SECRET } from '../support/tokens.js';
import type { DocBlock } from './doc-blocks.js';

/** How long one page's blocks may take together (servers started by the page included). */
const PAGE_TIMEOUT_MS = 240_000;

export interface PageRun {
  readonly status: number | null;
  readonly signal: string | null;
  readonly stderr: string;
  /** What each run block printed, in the order of `ran`. */
  readonly outputs: string[];
  readonly ran: DocBlock[];
  readonly written: string[];
}

/**
 * Runs a page's blocks as a reader would, after the quick start: against a server of its own,
 * on a fresh SQLite database, on a free port that stands in for :3000 (the only difference from
 * the page). The shell gets what a reader's shell would have, plus the server's secret (so that
 * `npm run token` signs for it), its database and port (so that a server the page starts again
 * uses them), and a temporary directory of its own for `mktemp`. What the page leaves in the
 * project directory (the files it writes and names) is removed afterwards.
 */
export async function runPage(root: string, blocks: readonly DocBlock[]): Promise<PageRun> {
  const database = await createTestDatabase('sqlite');
  const scratch = mkdtempSync(join(tmpdir(), 'doc-test-'));
  const before = new Set(readdirSync(root));
  const firstRun = blocks.find((b) => b.kind === 'run');
  // A page that begins by restarting the server needs none from the test.
  let server: ServerProcess | null = null;
  try {
    if (!firstRun?.stopServer) server = await startServerProcess({ DATABASE_URL: database.url, LOG_LEVEL: 'warn' });
    const port = server?.port ?? (await freePort());
    const here = (code: string) => code.replace(/localhost:3000\b/g, `127.0.0.1:${port}`);
    // Background jobs a page leaves running (a server it started) end with its shell.
    const script: string[] = ['set -eo pipefail', "trap 'for job in $(jobs -p); do kill $job 2>/dev/null || true; done; wait' EXIT"];
    const ran: DocBlock[] = [];
    const written: string[] = [];
    for (const block of blocks) {
      if (block.kind === 'file') {
        const path = join(root, block.file!);
        writeFileSync(path, here(block.code) + '\n');
        written.push(path);
      }
      if (block.kind !== 'run') continue;
      script.push(`printf '\\n@@doc-block ${ran.length}@@\\n'`);
      if (block.stopServer && server) script.push(stopping(server.child.pid!));
      script.push(here(block.code));
      ran.push(block);
    }
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME ?? scratch,
      LANG: 'C.UTF-8',
      TMPDIR: scratch,
      JWT_SECRET: TEST_JWT_SECRET,
      DATABASE_URL: database.url,
      PORT: String(port),
      ...markerEnv(),
    };
    const run = await bash(script.join('\n'), root, env);
    const outputs = run.stdout.split(/\n@@doc-block \d+@@\n/).slice(1);
    return { status: run.status, signal: run.signal, stderr: run.stderr, outputs, ran, written };
  } finally {
    await server?.kill();
    for (const entry of readdirSync(root, { withFileTypes: true })) {
      if (entry.isFile() && !before.has(entry.name) && blocks.some((b) => b.kind !== 'not-run' && names(b.code, entry.name))) rmSync(join(root, entry.name), { force: true });
    }
    rmSync(scratch, { recursive: true, force: true });
    await database.drop();
  }
}

/** Whether the code names the file (as a word of its own: `server.log`, not `myserver.logs`). */
function names(code: string, file: string): boolean {
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\w.-])${escaped}($|[^\\w.-])`).test(code);
}

/** Shell lines that stop the test's server as the reader stops theirs (SIGTERM), and wait until it is gone. */
function stopping(pid: number): string {
  return `kill -TERM ${pid}; while kill -0 ${pid} 2>/dev/null; do sleep 0.1; done`;
}

/** bash -c script, in its own process group so that a timeout ends everything it started. */
function bash(script: string, cwd: string, env: Record<string, string | undefined>): Promise<{ status: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script], { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), PAGE_TIMEOUT_MS);
    child.once('error', reject);
    child.once('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr });
    });
  });
}
