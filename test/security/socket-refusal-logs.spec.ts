import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { call, connectUrl, sleep } from '../support/socket-client.js';
import { createTestDatabase, type TestDatabase } from '../support/test-databases.js';
import { tokenFor } from '../support/tokens.js';

const WARN = 40;

/** socket.io-client 4 against a server process; the connect_error message, or the socket. */
const handshake = (url: string, token: string): Promise<Socket | string> => connectUrl(url, token).catch((error: Error) => error.message);

describe('warn lines for refused socket handshakes and socket 403s (L4)', () => {
  let database: TestDatabase;
  let server: ServerProcess;
  const open: Socket[] = [];
  /** The JSON log lines so far that satisfy `match`, waiting a little for them to be written. */
  const linesWhere = async (match: (line: Record<string, unknown>) => boolean): Promise<Array<Record<string, unknown>>> => {
    let found: Array<Record<string, unknown>> = [];
    for (let i = 0; i < 50 && found.length === 0; i++) {
      found = server.output().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>).filter(match);
      if (found.length === 0) await sleep(50);
    }
    return found;
  };

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startServerProcess({ DATABASE_URL: database.url, LOG_LEVEL: 'warn' });
  });
  afterAll(async () => {
    open.forEach((s) => s.close());
    await server?.kill();
    await database?.drop();
  });

  it('logs a refused handshake at warn with the client address and the socket ids, never the token', async () => {
    const forged = tokenFor('log-forger', { roles: ['admin'] }).slice(0, -6) + 'forged';
    expect(await handshake(server.url, forged)).toBe('unauthorized');
    const [line] = await linesWhere((l) => String(l.msg).startsWith('socket handshake refused'));
    expect(line).toMatchObject({ level: WARN, address: '127.0.0.1', socketId: expect.any(String), sid: expect.any(String), msg: expect.stringContaining('credential refused') });
    expect(server.output()).not.toContain(forged.split('.')[2]);
    expect(server.output()).not.toContain(forged.split('.')[1]);
  });

  it('logs a Balance API call refused for a missing role at warn with the address, socket and user, never the token', async () => {
    const token = tokenFor('log-plain-user');
    const socket = await connectUrl(server.url, token);
    open.push(socket);
    const answer = await call(socket, 'balance:addUserBalanceByAdmin', { data: { targetUser: 'log-plain-user', amount: 1 }, event: { id: 'log-403' } });
    expect(answer.error).toEqual({ status: true, code: 403, message: 'Requires role admin' });
    const [line] = await linesWhere((l) => l.eventId === 'log-403');
    expect(line).toMatchObject({ level: WARN, address: '127.0.0.1', socketId: socket.id, userId: 'log-plain-user', event: 'addUserBalanceByAdmin', msg: expect.stringContaining('role missing') });
    expect(server.output()).not.toContain(token.split('.')[2]);
  });
});
