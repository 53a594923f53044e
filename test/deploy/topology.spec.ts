import { afterAll, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Socket } from 'socket.io-client';
import { describeWith } from '../support/describe-with.js';
import { imageRuntime } from '../support/dockerfile.js';
import { legacyCall, legacyXml, sha1Hex } from '../support/legacy-client.js';
import { findNginx, renderTemplate, startNginx, type NginxProcess } from '../support/nginx-server.js';
import { describeWithRedis } from '../support/redis-server.js';
import { twoInstances } from '../support/scale-out.js';
import type { ServerProcess } from '../support/server-process.js';
import { call, type Envelope } from '../support/socket-client.js';
import { tokenFor } from '../support/tokens.js';

/**
 * The deployment of compose.yaml, assembled from the same parts without containers: the nginx
 * template compose mounts, rendered as the nginx image renders it; two instances started with the
 * Dockerfile's own CMD and ENV (NODE_ENV=production) on one PostgreSQL and one Redis. Every call
 * goes through nginx.
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const COMPOSE = join(ROOT, 'compose.yaml');
const TEMPLATE = join(ROOT, 'deploy', 'nginx.conf.template');
const runtime = imageRuntime(join(ROOT, 'Dockerfile'));

const JWT = { issuer: 'https://id.example.test/', audience: 'ledger-deploy-test' };
const LEGACY_SECRET = randomBytes(16).toString('hex');
const BILLING_ADDRESS = '127.0.0.2';
const token = (sub: string, claims: Record<string, unknown> = {}) => tokenFor(sub, claims, JWT);
const templateVariables = () => [...new Set([...readFileSync(TEMPLATE, 'utf8').matchAll(/\$\{([A-Z0-9_]+)\}/g)].map((m) => m[1]))].sort();

it('compose.yaml mounts the nginx template where the image renders it, and gives it exactly its variables', () => {
  const compose = readFileSync(COMPOSE, 'utf8');
  expect(compose).toContain('./deploy/nginx.conf.template:/etc/nginx/templates/default.conf.template:ro');
  const nginxEnvironment = /\n {2}nginx:\n[\s\S]*?\n {4}environment:\n((?: {6}.*\n)+)/.exec(compose)?.[1] ?? '';
  expect([...nginxEnvironment.matchAll(/^ {6}([A-Z0-9_]+):/gm)].map((m) => m[1]).sort()).toEqual(templateVariables());
  // What production refuses to start without comes from .env, never from the file itself.
  for (const name of ['JWT_ISSUER', 'JWT_AUDIENCE', 'POSTGRES_PASSWORD']) expect(compose).toMatch(new RegExp(`\\$\\{${name}:\\?`));
  expect(compose).not.toMatch(/(SECRET|PASSWORD): +[^$\s]/);
});

describeWithRedis('the compose topology from Debian packages', (redisBinary) => {
  describeWith('nginx in front of two instances', findNginx, 'nginx is not installed here (apt-get install nginx; .ci/run installs it)', (nginxBinary) => {
    const cluster = twoInstances(redisBinary);
    let proxy: NginxProcess | undefined;
    afterAll(async () => proxy?.stop());

    it("donates across instances, answers the legacy API and the console through nginx, with the image's command line", async () => {
      const [node, ...args] = runtime.cmd;
      expect(node).toBe('node');
      const { a, b } = await cluster.start(
        { ...runtime.env, PORT: '0', JWT_ISSUER: JWT.issuer, JWT_AUDIENCE: JWT.audience, LEGACY_API_SECRET: LEGACY_SECRET, TRUST_PROXY: '127.0.0.1', LEGACY_ALLOWED_IPS: BILLING_ADDRESS },
        { args, cwd: ROOT },
      );
      expect(runtime.env.NODE_ENV).toBe('production');
      // The image's HEALTHCHECK, run as Docker would inside each instance's container.
      const [checker, ...checkArgs] = runtime.healthcheck;
      expect(checker).toBe('node');
      for (const instance of [a, b]) {
        expect(spawnSync(process.execPath, checkArgs, { env: { PATH: process.env.PATH, PORT: String(instance.port) }, timeout: 15_000 }).status).toBe(0);
      }
      const template = readFileSync(TEMPLATE, 'utf8');
      proxy = await startNginx(nginxBinary, (listen) =>
        renderTemplate(template, { LEDGER_LISTEN: listen, LEDGER_INSTANCE_1: `127.0.0.1:${a.port}`, LEDGER_INSTANCE_2: `127.0.0.1:${b.port}` }),
      );
      const edge = proxy.url;

      const health = await fetch(`${edge}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ info: { database: { status: 'up' }, redis: { status: 'up' } } });
      expect((await fetch(`${edge}/metrics`)).status).toBe(404); // scraped on the internal network only

      // Each client is its own loopback address; nginx keeps an address on one instance, so the
      // two users are put on different instances by their address.
      const admin = await cluster.connect(edge, token('deploy-admin', { roles: ['admin'] }), { localAddress: '127.0.0.10' });
      const [giver, giverOn] = await connectOnSomeInstance(cluster, edge, 'deploy-giver', [a, b], 11);
      const [receiver] = await connectOnSomeInstance(cluster, edge, 'deploy-receiver', [giverOn === a ? b : a], 41);
      expect((await call(admin, 'balance:addUserBalanceByAdmin', { data: { targetUser: 'deploy-giver', amount: 5 } })).error.code).toBe(0);
      const pushed = new Promise<Envelope>((resolve) => receiver.once('user:balance', resolve));
      expect((await call(giver, 'balance:donateToken', { data: { targetUser: 'deploy-receiver', token: 2 } })).error.code).toBe(0);
      expect((await pushed).data).toMatchObject({ token: 2, transactions: { mining: { donation: 2 } } });

      // Legacy XML: an update at one prefix, a read at the other, from the billing system's
      // address. It passes LEGACY_ALLOWED_IPS only because the instances believe nginx's
      // X-Forwarded-For (TRUST_PROXY); another client claiming that address in its own header is refused.
      const update = { user_id: 'deploy-receiver', balance: '10.50', request_id: 'deploy-0001', u: 'deploy-admin' };
      const updated = await legacyCall(edge, '/billing/api/user_balance_update', {
        form: { ...update, hash: sha1Hex(update.user_id, update.balance, update.request_id, LEGACY_SECRET) },
        localAddress: BILLING_ADDRESS,
      });
      expect(updated.body).toBe(legacyXml.updated('deploy-receiver', 'deploy-receiver', '10.50'));
      const read = { username: 'deploy-receiver', hash: sha1Hex('deploy-receiver', LEGACY_SECRET) };
      expect((await legacyCall(edge, '/api/user_balance_get', { form: read, localAddress: BILLING_ADDRESS })).body).toBe(legacyXml.balance('10.50'));
      const forged = await legacyCall(edge, '/api/user_balance_get', { form: read, localAddress: '127.0.0.3', headers: { 'x-forwarded-for': BILLING_ADDRESS } });
      expect(forged.body).toContain('API Requests are disabled');

      // The operator console: its page, then a script the page loads.
      const page = await fetch(`${edge}/console/`);
      expect(page.status).toBe(200);
      const html = await page.text();
      const script = /<script[^>]+src="(\/console\/assets\/[^"]+\.js)"/.exec(html)?.[1];
      expect(script).toBeDefined();
      const asset = await fetch(`${edge}${script!}`);
      expect([asset.status, asset.headers.get('content-type')]).toEqual([200, expect.stringMatching(/javascript/)]);
      expect((await fetch(`${edge}/docs-json`)).status).toBe(200);
    });
  });
});

describeWith('docker compose config', findDockerCompose, 'the docker client or its compose plugin is not installed here (`docker compose version` failed)', (docker) => {
  it('accepts compose.yaml with the example .env', () => {
    const env = { ...process.env, POSTGRES_PASSWORD: randomBytes(16).toString('hex'), JWT_ISSUER: JWT.issuer, JWT_AUDIENCE: JWT.audience };
    const checked = spawnSync(docker, ['compose', '--env-file', join(ROOT, 'deploy', 'compose.env.example'), '-f', COMPOSE, 'config', '--quiet'], { cwd: ROOT, env, encoding: 'utf8' });
    expect({ status: checked.status, stderr: checked.stderr }).toMatchObject({ status: 0 });
  });
});

/** `docker` when its compose plugin answers, else null. */
function findDockerCompose(): string | null {
  return spawnSync('docker', ['compose', 'version'], { stdio: 'ignore' }).status === 0 ? 'docker' : null;
}

/**
 * Connects `user` through the proxy from loopback addresses starting at 127.0.0.`first` until one
 * lands on one of `wanted` (told by which instance's open-socket count went up); the sockets that
 * landed elsewhere stay open until the end, so the counts only ever grow meanwhile.
 */
async function connectOnSomeInstance(cluster: Cluster, edge: string, user: string, wanted: ServerProcess[], first: number): Promise<[Socket, ServerProcess]> {
  const instances = cluster.servers;
  for (let host = first; host < first + 30; host++) {
    const before = await Promise.all(instances.map(socketsOpen));
    const socket = await cluster.connect(edge, token(user), { localAddress: `127.0.0.${host}` });
    const after = await Promise.all(instances.map(socketsOpen));
    const on = instances.find((_, i) => after[i] > before[i]);
    if (on && wanted.includes(on)) return [socket, on];
  }
  throw new Error(`no address from 127.0.0.${first} on brought ${user} to the instance wanted`);
}

type Cluster = ReturnType<typeof twoInstances>;

async function socketsOpen(server: ServerProcess): Promise<number> {
  const metrics = await (await fetch(`${server.url}/metrics`)).text();
  return Number(/^sockets_open (\d+)/m.exec(metrics)?.[1]);
}
