import { useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import { tokenOf } from './session';

/** The `admin:transaction` event: a committed transaction's user entries, pushed after commit. */
export interface LiveTransaction {
  transactionId: string;
  kind: string;
  action: string;
  createdAt: string;
  entries: Array<{ userId: string; asset: string; amount: string; type: string }>;
}

type Listener = (transaction: LiveTransaction) => void;
type Status = 'connecting' | 'live' | 'offline';

let socket: Socket | null = null;
const listeners = new Set<Listener>();
const statusListeners = new Set<(status: Status) => void>();
let status: Status = 'offline';

function setStatus(next: Status) {
  status = next;
  statusListeners.forEach((l) => l(next));
}

/** The service's socket.io path (SOCKET_PATH), from the settings it serves beside the console. */
async function socketPath(): Promise<string> {
  try {
    const settings = (await (await fetch('/console/settings.json')).json()) as { socketPath?: string };
    return settings.socketPath ?? '/socket.io';
  } catch {
    return '/socket.io';
  }
}

/** One socket for the tab, authenticated with the admin token: the service puts it in the admin room. */
export async function connectLive(): Promise<void> {
  const token = tokenOf();
  if (!token || socket) return;
  setStatus('connecting');
  const path = await socketPath();
  socket = io({ path, auth: { token }, transports: ['websocket'] });
  socket.on('connect', () => setStatus('live'));
  socket.on('disconnect', () => setStatus('offline'));
  socket.on('connect_error', () => setStatus('offline'));
  socket.on('admin:transaction', (t: LiveTransaction) => listeners.forEach((l) => l(t)));
}

export function disconnectLive(): void {
  socket?.close();
  socket = null;
  setStatus('offline');
}

/** Calls `onTransaction` for every committed transaction while the component is mounted. */
export function useLiveTransactions(onTransaction: Listener): void {
  const ref = useRef(onTransaction);
  useEffect(() => {
    ref.current = onTransaction;
  });
  useEffect(() => {
    const listener: Listener = (t) => ref.current(t);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
}

export function useLiveStatus(): Status {
  const [current, setCurrent] = useState(status);
  useEffect(() => {
    statusListeners.add(setCurrent);
    return () => {
      statusListeners.delete(setCurrent);
    };
  }, []);
  return current;
}
