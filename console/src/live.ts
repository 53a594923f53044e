import { useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import { tokenOf } from './session';
import { refreshAll } from './refresh';
import { settingsOf } from './settings';

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

/** One socket for the tab, authenticated with the admin token: the service puts it in the admin room. */
export async function connectLive(): Promise<void> {
  const token = tokenOf();
  if (!token || socket) return;
  setStatus('connecting');
  const { socketPath: path } = await settingsOf();
  socket = io({ path, auth: { token }, transports: ['websocket'] });
  let connectedBefore = false;
  socket.on('connect', () => {
    setStatus('live');
    // Back after an outage: pages load again what they may have missed (or failed to load).
    if (connectedBefore) refreshAll();
    connectedBefore = true;
  });
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
