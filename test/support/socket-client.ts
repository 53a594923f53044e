import { io, type Socket } from 'socket.io-client';
import type { RunningApp } from './app-harness.js';

export interface Envelope {
  data?: Record<string, unknown> & { [key: string]: unknown };
  error: { status: boolean; code: number; message: string };
}

/** What each connected socket was greeted with. */
export const userInfoOf = new WeakMap<Socket, unknown>();

/** Connects with a token and waits for `user_info`, or rejects with the connect_error message. */
export function connect(app: RunningApp, token: string | null, how: 'auth' | 'header' | 'query' | 'session' = 'auth'): Promise<Socket> {
  const options = {
    path: app.config.socketPath,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...(token && how === 'auth' ? { auth: { token } } : {}),
    ...(token && how === 'header' ? { extraHeaders: { authorization: `Bearer ${token}` } } : {}),
    ...(token && how === 'query' ? { query: { token } } : {}),
    ...(token && how === 'session' ? { query: { sessionId: token } } : {}),
  };
  const socket = io(app.url, options);
  return new Promise((resolve, reject) => {
    socket.once('user_info', (info: unknown) => {
      userInfoOf.set(socket, info);
      resolve(socket);
    });
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Connects to a server by URL (a child process) and waits for `user_info`. */
export function connectUrl(url: string, token: string): Promise<Socket> {
  const socket = io(url, { transports: ['websocket'], auth: { token }, reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once('user_info', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** Emits and waits for the acknowledgement. */
export function call(socket: Socket, event: string, ...args: unknown[]): Promise<Envelope> {
  return socket.timeout(10_000).emitWithAck(event, ...args) as Promise<Envelope>;
}

/** Collects the events of one name that a socket receives. */
export function collect<T = unknown>(socket: Socket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (payload: T) => seen.push(payload));
  return seen;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
