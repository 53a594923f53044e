import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jwt from 'jsonwebtoken';
import { freePort } from '../support/free-port.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { TEST_JWT_SECRET } from '../support/tokens.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const MINT = join(ROOT, 'dist', 'src', 'cli', 'mint-token.js');
const MAIN = join(ROOT, 'dist', 'src', 'main.js');
const FILE_SECRET = 'secret-from-the-dot-env-file-0123456789';
const REAL_SECRET = 'secret-from-the-real-environment-0123456';

const mint = (args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) =>
  spawnSync(process.execPath, [MINT, ...args], { cwd: options.cwd ?? ROOT, encoding: 'utf8', env: { PATH: process.env.PATH, ...options.env } });

describe('npm run token', () => {
  it('--help explains every option, --currency included, and exits 0', () => {
    const run = mint(['--help']);
    expect(run.status).toBe(0);
    for (const option of ['--sub', '--roles', '--username', '--email', '--currency', '--expires', '--help']) expect(run.stdout).toContain(option);
    // The options the parser accepts are exactly those the usage names.
    const source = readFileSync(join(ROOT, 'src', 'cli', 'mint-token.ts'), 'utf8');
    const accepted = [...source.matchAll(/^\s{6}(\w+): \{ type:/gm)].map((m) => `--${m[1]}`);
    expect(accepted.length).toBeGreaterThanOrEqual(7);
    for (const option of accepted) expect(run.stdout).toContain(option);
  });

  it('without --sub prints the usage and exits 2', () => {
    const run = mint([], { env: { JWT_SECRET: TEST_JWT_SECRET } });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/usage: npm run token -- --sub USER_ID/);
  });

  it('warns about a role the service does not know, and still mints the token', () => {
    const run = mint(['--sub', 'u-1', '--roles', 'admin,Bot', '--currency', 'eur'], { env: { JWT_SECRET: TEST_JWT_SECRET } });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/warning: "Bot" is not a role the service knows \(admin, network-admin\)/);
    expect(jwt.verify(run.stdout.trim(), TEST_JWT_SECRET)).toMatchObject({ sub: 'u-1', roles: ['admin', 'Bot'], currency: 'eur' });
    expect(mint(['--sub', 'u-1', '--roles', 'admin,network-admin'], { env: { JWT_SECRET: TEST_JWT_SECRET } }).stderr).toBe('');
  });

  it('builds only when a source is newer than the build', () => {
    const check = () => spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-if-stale.mjs')], { cwd: ROOT, encoding: 'utf8' });
    expect(check().status).toBe(0); // builds now if the last build is older than a source
    const started = Date.now();
    const again = check();
    expect(again.status).toBe(0);
    expect(again.stdout + again.stderr).toBe('');
    expect(Date.now() - started).toBeLessThan(3000); // no tsc run (a build takes several seconds)
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.token).toMatch(/^node scripts\/build-if-stale\.mjs && node dist\/src\/cli\/mint-token\.js$/);
  });
});

describe('.env', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dotenv-'));
  writeFileSync(join(dir, '.env'), `JWT_SECRET=${FILE_SECRET}\nNETWORK_ID=from-file\n`);

  it('is read by npm run token; the real environment wins over it', () => {
    expect(jwt.verify(mint(['--sub', 'u-2'], { cwd: dir }).stdout.trim(), FILE_SECRET)).toMatchObject({ sub: 'u-2' });
    expect(jwt.verify(mint(['--sub', 'u-2'], { cwd: dir, env: { JWT_SECRET: REAL_SECRET } }).stdout.trim(), REAL_SECRET)).toMatchObject({ sub: 'u-2' });
  });

  it('is read by the server at start (a copy of .env.example works), the real environment winning', async () => {
    const serverDir = mkdtempSync(join(tmpdir(), 'dotenv-server-'));
    const port = await freePort();
    const example = readFileSync(join(ROOT, '.env.example'), 'utf8')
      .replace(/^PORT=.*$/m, `PORT=${port}`)
      .replace(/^DATABASE_URL=.*$/m, 'DATABASE_URL=sqlite:./from-dotenv.sqlite')
      .replace(/^JWT_SECRET=.*$/m, `JWT_SECRET=${FILE_SECRET}`)
      .replace(/^LOG_LEVEL=.*$/m, 'LOG_LEVEL=warn');
    writeFileSync(join(serverDir, '.env'), example);
    copyFileSync(join(ROOT, '.env.example'), join(serverDir, '.env.example'));
    // LOG_LEVEL from the real environment wins over the file's.
    const child = spawn(process.execPath, [MAIN], { cwd: serverDir, env: { PATH: process.env.PATH, LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    try {
      let healthy = false;
      for (let i = 0; i < 300 && !healthy && child.exitCode === null; i++) {
        healthy = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
        if (!healthy) await new Promise((r) => setTimeout(r, 100));
      }
      expect({ healthy, output }).toEqual({ healthy: true, output: '' }); // silent: the environment's level, not the file's
      expect(existsSync(join(serverDir, 'from-dotenv.sqlite'))).toBe(true);
      const token = jwt.sign({ sub: 'dotenv-admin', roles: ['admin'] }, FILE_SECRET, { expiresIn: '1h' });
      expect((await fetch(`http://127.0.0.1:${port}/back-api/backoffice/ledger/check`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    } finally {
      child.kill('SIGKILL');
    }
  });
});

describe('a second server on a busy port', () => {
  let first: ServerProcess;
  afterAll(async () => {
    await first?.kill();
  });

  it('exits 1 with one clear line, without claiming to have started', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'busy-port-'));
    first = await startServerProcess({ DATABASE_URL: `sqlite:${join(dir, 'a.sqlite')}`, LOG_LEVEL: 'info' });
    const port = new URL(first.url).port;
    const second = spawnSync(process.execPath, [MAIN], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { PATH: process.env.PATH, PORT: port, JWT_SECRET: TEST_JWT_SECRET, DATABASE_URL: `sqlite:${join(dir, 'b.sqlite')}`, LOG_LEVEL: 'info' },
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`Port ${port} is already in use`);
    expect(second.stdout + second.stderr).not.toMatch(/successfully started/);
  });
});
