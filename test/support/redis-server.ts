import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createClient } from 'redis';
import { freePort } from './free-port.js';
import { markerEnv, trackChild } from './child-processes.js';
import { describeWith } from './describe-with.js';

/** Where Debian's redis-server is, or null when it is not installed. */
export function findRedisServer(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() ? found.stdout.trim() : null;
}

export interface RedisProcess {
  readonly url: string;
  readonly port: number;
  /** kill -9 of redis-server, resolved once it is gone. */
  stop(): Promise<void>;
  /** Starts redis-server again on the same port (empty: no persistence). */
  restart(): Promise<void>;
}

/**
 * A throw-away Redis on a loopback port, no persistence. Redis cannot report a port it chose
 * itself, so the port is probed first; then the answering server must report this child's
 * process id (INFO server), or the start fails: a test never talks to another test's Redis.
 */
export async function startRedis(binary: string, port?: number): Promise<RedisProcess> {
  const chosen = port ?? (await freePort());
  let child = await spawnRedis(binary, chosen);
  const process: RedisProcess = {
    url: `redis://127.0.0.1:${chosen}`,
    port: chosen,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const gone = new Promise((r) => child.once('exit', r));
        child.kill('SIGKILL');
        await gone;
      }
    },
    restart: async () => {
      await process.stop();
      child = await spawnRedis(binary, chosen);
    },
  };
  return process;
}

async function spawnRedis(binary: string, port: number): Promise<ChildProcess> {
  const child: ChildProcess = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH, ...markerEnv() },
  });
  trackChild(child);
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = `redis://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`redis-server exited during start-up:\n${output}`);
    const client = createClient({ url, socket: { reconnectStrategy: false } });
    client.on('error', () => undefined);
    try {
      await client.connect();
      const info = await client.info('server');
      await client.close();
      const pid = Number(/process_id:(\d+)/.exec(info)?.[1]);
      if (pid !== child.pid) {
        child.kill('SIGKILL');
        throw new Error(`port ${port} is answered by another redis-server (pid ${pid}), not by ours (pid ${child.pid})`);
      }
      return child;
    } catch (error) {
      await client.close().catch(() => undefined);
      if ((error as Error).message.startsWith('port ')) throw error;
      if (attempt > 100) {
        child.kill('SIGKILL');
        throw new Error(`redis-server did not start:\n${output}`, { cause: error });
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** A describe block of tests that need Debian's redis-server, skipped (and saying so) without it. */
export function describeWithRedis(title: string, body: (binary: string) => void): void {
  describeWith(title, findRedisServer, 'redis-server is not installed here (apt-get install redis-server; .ci/run installs it)', body);
}
