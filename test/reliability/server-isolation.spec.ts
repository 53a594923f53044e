import { afterAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import { listenerPid, listeningPort, startServerProcess, type ServerProcess } from '../support/server-process.js';
import { createTestDatabase, type TestDatabase } from '../support/test-databases.js';

/**
 * The process harness can only hand a test a server that test started: the child binds its own
 * port and reports it, and a child that cannot start fails the test at once, even when something
 * else is answering /health on the port it was told to use.
 */
describe('server process harness', () => {
  const databases: TestDatabase[] = [];
  const servers: ServerProcess[] = [];
  let impostor: Server | null = null;

  afterAll(async () => {
    for (const server of servers) await server.kill();
    await new Promise((resolve) => (impostor ? impostor.close(resolve) : resolve(undefined)));
    for (const database of databases) await database.drop();
  });

  const database = async () => {
    const db = await createTestDatabase('sqlite');
    databases.push(db);
    return db;
  };

  it('refuses a port answered by a server it did not start, and says why at once', async () => {
    // Something else holds the port and answers /health with 200, as another test's server would.
    let impostorHits = 0;
    impostor = createServer((_req, res) => {
      impostorHits++;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    });
    await new Promise<void>((resolve) => impostor!.listen(0, resolve));
    const taken = (impostor.address() as { port: number }).port;

    const attempt = startServerProcess({ DATABASE_URL: (await database()).url, PORT: String(taken) });
    await expect(attempt).rejects.toThrow(/exited during start-up[\s\S]*(EADDRINUSE|already in use)/);
    expect(impostorHits).toBe(0);
    // And the harness knows who holds a port: here this very process, not a server it started.
    expect(listenerPid(taken)).toBe(process.pid);
  });

  it('refuses when a server it started earlier holds the port', async () => {
    const first = await startServerProcess({ DATABASE_URL: (await database()).url });
    servers.push(first);
    await expect(startServerProcess({ DATABASE_URL: (await database()).url, PORT: String(first.port) })).rejects.toThrow(/EADDRINUSE|already in use/);
    expect((await fetch(`${first.url}/health`)).status).toBe(200);
  });

  it('gives servers started side by side their own ports, each answered by its own process', async () => {
    const started = await Promise.all([0, 1, 2].map(async () => startServerProcess({ DATABASE_URL: (await database()).url })));
    servers.push(...started);
    expect(new Set(started.map((s) => s.port)).size).toBe(3);
    // The process listening on each port is the child that test started.
    for (const server of started) expect(listenerPid(server.port)).toBe(server.child.pid);
    // Kill one: its port stops answering, the others still do (nobody else was answering for it).
    await started[0].kill();
    await expect(fetch(`${started[0].url}/health`)).rejects.toThrow();
    for (const server of started.slice(1)) expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });

  it('reads the port only from the start-up line of its own child', () => {
    const line = (pid: number, msg: string) => JSON.stringify({ level: 30, pid, context: 'Main', msg });
    expect(listeningPort(line(42, 'Listening on http://localhost:41234 (SQLite /tmp/x)'), 42)).toBe(41234);
    expect(listeningPort(line(43, 'Listening on http://localhost:41234 (SQLite /tmp/x)'), 42)).toBeNull();
    expect(listeningPort(line(42, 'Health: http://localhost:41234/health'), 42)).toBeNull();
    expect(listeningPort('Listening on http://localhost:41234 (PostgreSQL)', 42)).toBeNull();
  });
});
