import { createHash } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { tokenFor } from '../test/support/tokens.js';

export interface Envelope {
  data?: unknown;
  error: { status: boolean; code: number; message: string };
}

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

export const adminToken = () => tokenFor('bench-admin', { roles: ['admin'] });
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

export function legacyHash(values: string[], secret: string): string {
  return createHash('sha1').update(values.join('') + secret).digest('hex');
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
