import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { markerEnv, trackChild } from './child-processes.js';
import { freePort } from './free-port.js';
import { listeningPortsOf } from './server-process.js';

/** Where Debian's nginx is (root's PATH has /usr/sbin, other users' may not), or null. */
export function findNginx(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' });
  if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  return existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : null;
}

/**
 * What the official nginx image does to /etc/nginx/templates/*.template (envsubst restricted to
 * the variables defined): `${NAME}` and `$NAME` of each name given are replaced, every other `$`
 * is left to nginx. A `${NAME}` the template uses but `values` lacks is an error here, where the
 * image would leave it for nginx to refuse.
 */
export function renderTemplate(template: string, values: Readonly<Record<string, string>>): string {
  const missing = [...template.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g)].map((m) => m[1]).filter((name) => !(name in values));
  if (missing.length > 0) throw new Error(`the template needs ${[...new Set(missing)].join(', ')}`);
  return template.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, braced?: string, bare?: string) => {
    const name = braced ?? bare!;
    return name in values ? values[name] : whole;
  });
}

export interface NginxProcess {
  readonly url: string;
  readonly port: number;
  /** Its access log (stdout), then its error log (stderr). */
  output(): string;
  /** kill -9 (nginx runs as one process here, so nothing is left behind), and its files removed. */
  stop(): Promise<void>;
}

/**
 * nginx in the foreground as one process (no daemon, no master/worker split), with `site` (an
 * http-level file, as the image's conf.d/ holds) included in a main file that plays the image's
 * /etc/nginx/nginx.conf: every path it writes (pid, logs, temp files) in a throw-away directory.
 * `site` must listen on `listen`: a free loopback port, which this nginx itself must then hold
 * (its own file descriptors say so), or the start fails.
 */
export async function startNginx(binary: string, site: (listen: string) => string): Promise<NginxProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-nginx-'));
  const port = await freePort();
  writeFileSync(join(dir, 'site.conf'), site(`127.0.0.1:${port}`));
  for (const temp of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, temp));
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      'daemon off;',
      'master_process off;',
      `pid ${join(dir, 'nginx.pid')};`,
      'error_log stderr warn;',
      'events { worker_connections 256; }',
      'http {',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((temp) => `  ${temp}_temp_path ${join(dir, temp)};`),
      `  include ${join(dir, 'site.conf')};`,
      '}',
      '',
    ].join('\n'),
  );
  // stdout is a file, as in a container (a pipe or a file): nginx opens /dev/stdout for the access
  // log, which a socket (what Node gives a child for 'pipe') cannot be opened as.
  const stdoutFile = join(dir, 'stdout.log');
  const stdout = openSync(stdoutFile, 'a');
  const child = spawn(binary, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', 'stderr'], { stdio: ['ignore', stdout, 'pipe'], env: { PATH: process.env.PATH, ...markerEnv() } });
  closeSync(stdout);
  trackChild(child);
  let errors = '';
  child.stderr!.on('data', (d: Buffer) => (errors += d.toString()));
  const output = () => (existsSync(stdoutFile) ? readFileSync(stdoutFile, 'utf8') : '') + errors;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  for (let attempt = 0; !listeningPortsOf(child.pid!).includes(port); attempt++) {
    if (child.exitCode !== null || child.signalCode !== null || attempt > 200) {
      await stop();
      throw new Error(`nginx did not start on port ${port}:\n${errors}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url: `http://127.0.0.1:${port}`, port, output, stop };
}
