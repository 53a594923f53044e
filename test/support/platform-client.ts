import ioV2 from 'socket.io-client-v2';
import { checkSocket } from './asyncapi-contract.js';
import type { Envelope } from './socket-client.js';

export type PlatformSocket = ioV2.Socket;

export interface PlatformSession {
  readonly socket: PlatformSocket;
  /** What the handshake ended with, read as the platform's SDK reads it. */
  readonly userId: string;
  readonly networkId: string;
  /** The `user:balance` sent right after `user_info`. */
  readonly balance: Envelope;
}

/**
 * Connects the way the virtual-world platform's own SDK does: socket.io-client 2.5.0
 * (Engine.IO 3), websocket only, the credential as a `sessionId` query parameter, and the
 * handshake done only when `user_info` arrives with `data.user.id` and `data.network.id`
 * (or a bare `{ user, network }`), then the `user:balance` behind it. Rejects with the server's
 * error text otherwise.
 */
export function connectPlatform(url: string, path: string, sessionId: string | null, transports = ['websocket']): Promise<PlatformSession> {
  const socket = ioV2(url, { path, transports, query: sessionId === null ? {} : { sessionId }, reconnection: false, forceNew: true });
  const checked = checkSocket(url, socket, (listener) => onEvents(socket, listener));
  const greeted = new Promise<PlatformSession>((resolve, reject) => {
    socket.once('user_info', (info: { data?: SdkGreeting } & SdkGreeting) => {
      const greeting = info.data ?? info;
      const userId = greeting.user?.id;
      const networkId = greeting.network?.id;
      if (typeof userId !== 'string' || typeof networkId !== 'string') {
        socket.close();
        reject(new Error(`user_info without user.id and network.id: ${JSON.stringify(info)}`));
        return;
      }
      socket.once('user:balance', (balance: Envelope) => resolve({ socket, userId, networkId, balance }));
    });
    // socket.io 2.x reports a refused handshake as `error` with the server's message.
    socket.once('error', (error: unknown) => {
      socket.close();
      reject(new Error(typeof error === 'string' ? error : JSON.stringify(error)));
    });
    socket.once('connect_error', (error: Error) => {
      socket.close();
      reject(error);
    });
  });
  return Promise.all([greeted, checked]).then(([session]) => session);
}

/** 2.x has no `onAny`: every event packet goes through the socket's `onevent`, which is wrapped. */
function onEvents(socket: PlatformSocket, listener: (event: string, payload: unknown) => void): void {
  const target = socket as unknown as { onevent(packet: { data: unknown[] }): void };
  const onevent = target.onevent.bind(socket);
  target.onevent = (packet) => {
    listener(String(packet.data[0]), packet.data[1]);
    onevent(packet);
  };
}

interface SdkGreeting {
  user?: { id?: unknown };
  network?: { id?: unknown };
}

/** Sends `{ data }` with no `event` block, as the SDK does, and waits for the acknowledgement. */
export function platformCall(socket: PlatformSocket, event: string, data?: Record<string, unknown>): Promise<Envelope> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${event}: no acknowledgement within 10 s`)), 10_000);
    socket.emit(event, { data: data ?? {} }, (answer: Envelope) => {
      clearTimeout(timer);
      resolve(answer);
    });
  });
}

/** The next `user:balance` push a socket receives. */
export const nextBalance = (socket: PlatformSocket | { once(event: string, listener: (payload: Envelope) => void): unknown }) =>
  new Promise<Envelope>((resolve) => socket.once('user:balance', resolve));
