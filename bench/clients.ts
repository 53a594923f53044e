import { io, type Socket } from 'socket.io-client';
import { adminToken as testAdminToken, tokenFor } from '../test/support/tokens.js';

export type { Envelope } from '../test/support/socket-client.js';

export function connectAs(url: string, token: string | null): Promise<Socket> {
  const socket = io(url, { transports: ['websocket'], ...(token ? { auth: { token } } : {}), reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('connect timeout')), 30_000);
    const done = () => {
      clearTimeout(timer);
      resolve(socket);
    };
    if (token) socket.once('user_info', done);
    else socket.once('connect', done);
    socket.once('connect_error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

export const adminToken = () => testAdminToken('bench-admin');
export const userToken = (id: string) => tokenFor(id, { username: id });

export async function rest(url: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(url + path, {
    method,
    headers: { authorization: `Bearer ${adminToken()}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}


/** Runs `items` through `fn` with at most `concurrency` in flight. */
export async function parallel<T>(items: T[], concurrency: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}
