import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type { RunningApp } from './app-harness.js';
import { checkSocket } from './asyncapi-contract.js';

export interface Envelope {
  data?: Record<string, unknown> & { [key: string]: unknown };
  error: { status: boolean; code: number; message: string };
}

/** What each connected socket was greeted with. */
export const userInfoOf = new WeakMap<Socket, unknown>();
/** The `user:balance` each connected socket was sent right after `user_info` (its balance then). */
export const greetingBalanceOf = new WeakMap<Socket, Envelope>();

/**
 * Resolves once the handshake is over: `user_info`, then the `user:balance` the server sends right
 * behind it, so that what a test waits for next is an answer to what it does.
 */
function greeted(socket: Socket, onInfo: (info: unknown) => void = () => undefined): Promise<Socket> {
  return new Promise((resolve, reject) => {
    socket.once('user_info', (info: unknown) => {
      onInfo(info);
      socket.once('user:balance', (balance: Envelope) => {
        greetingBalanceOf.set(socket, balance);
        resolve(socket);
      });
    });
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

export type HowSent = 'auth' | 'header' | 'query' | 'session';

/**
 * Connects with a token and waits for `user_info` and the balance behind it, or rejects with the
 * connect_error message.
 * `extra` adds client options (`extraHeaders` such as `x-forwarded-for`, for instance).
 */
export function connect(app: RunningApp, token: string | null, how: HowSent = 'auth', extra: Partial<ManagerOptions & SocketOptions> = {}): Promise<Socket> {
  const options = {
    ...extra,
    path: app.config.socketPath,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...(token && how === 'auth' ? { auth: { token } } : {}),
    ...(token && how === 'header' ? { extraHeaders: { ...extra.extraHeaders, authorization: `Bearer ${token}` } } : {}),
    ...(token && how === 'query' ? { query: { token } } : {}),
    ...(token && how === 'session' ? { query: { sessionId: token } } : {}),
  };
  const socket = io(app.url, options);
  return Promise.all([greeted(socket, (info) => userInfoOf.set(socket, info)), checked4(app.url, socket)]).then(([s]) => s);
}

/** Every acknowledgement and push the socket receives is checked against the server's AsyncAPI document. */
const checked4 = (url: string, socket: Socket) => checkSocket(url, socket, (listener) => socket.onAny(listener));

/** Client options, and in Node the loopback source address (127.0.0.2, …) that makes the client another one. */
export type UrlClientOptions = Partial<ManagerOptions & SocketOptions> & { readonly localAddress?: string };

/**
 * Connects to a server by URL (a child process, or a proxy in front of some) and waits for
 * `user_info` and its balance; `extra` adds client options.
 */
export function connectUrl(url: string, token: string, extra: UrlClientOptions = {}): Promise<Socket> {
  const socket = io(url, { ...extra, transports: ['websocket'], auth: { token }, reconnection: false, forceNew: true });
  return Promise.all([greeted(socket), checked4(url, socket)]).then(([s]) => s);
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

/**
 * Waits until `done()` holds (a push arrives after its commit, not with the answer); fails once
 * `ms` have passed without it.
 */
export async function until(done: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`the condition did not hold within ${ms} ms`);
    await sleep(20);
  }
}

/** The connect_error message of a refused handshake, or "connected" (the socket is closed again). */
export const handshakeOutcome = (app: RunningApp, token: string | null, how: HowSent = 'auth', extra: Partial<ManagerOptions & SocketOptions> = {}) =>
  connect(app, token, how, extra).then(
    (socket) => {
      socket.close();
      return 'connected';
    },
    (error: Error) => error.message,
  );

/** A socket of socket.io-client 2.x or 4.x, as far as watching its end needs. */
export interface AnyClientSocket {
  readonly connected: boolean;
  on(event: string, listener: (...args: never[]) => void): unknown;
  once(event: string, listener: (...args: never[]) => void): unknown;
}

export interface ServerClose {
  /** The client's disconnect reason. */
  readonly reason: string;
  /** When the client saw the disconnect (epoch ms). */
  readonly at: number;
  /** The payload of each watched event that arrived before the close. */
  readonly told: Record<string, unknown>;
}

/**
 * Resolves when the socket disconnects, with what it was told on the way (`events`, watched from
 * now on), or with "still open" once `deadlineMs` has passed: a server that never closes it fails
 * the test's expectation instead of hanging it.
 */
export function closeOf(socket: AnyClientSocket, events: readonly string[], deadlineMs: number): Promise<ServerClose | 'still open'> {
  const told: Record<string, unknown> = {};
  for (const event of events) socket.on(event, (payload: never) => (told[event] = payload));
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('still open'), deadlineMs);
    socket.once('disconnect', (reason: never) => {
      clearTimeout(timer);
      resolve({ reason: String(reason), at: Date.now(), told });
    });
  });
}

/** Sockets a test opens as it goes, each connected and waited for, all closed together at the end. */
export function socketPool(app: () => RunningApp) {
  const sockets: Socket[] = [];
  return {
    open: async (token: string) => {
      const socket = await connect(app(), token);
      sockets.push(socket);
      return socket;
    },
    closeAll: () => sockets.forEach((s) => s.close()),
  };
}
