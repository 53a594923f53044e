import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, newIdempotencyKey } from './api';
import { onRefreshAll } from './refresh';

/** How long a page waits before asking again after a network error (no answer at all). */
const RETRY_MS = 3000;

const messageOfError = (e: unknown) => (e instanceof Error ? e.message : String(e));

export interface Loaded<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads on mount and whenever `deps` change; `reload` fetches again (e.g. on a live event). A page
 * recovers by itself: after a network error it asks again every few seconds and as soon as the
 * browser is back online, and every page loads again when the live feed comes back after an
 * outage (what it shows may have changed meanwhile).
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [tick, setTick] = useState(0);
  const key = JSON.stringify([...deps, tick]);
  const [result, setResult] = useState<{ key: string; data?: T; error: string | null; offline?: boolean }>({ key: '', error: null });
  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setResult({ key, data, error: null }),
      (e: unknown) => current && setResult((previous) => ({ key, data: previous.data, error: messageOfError(e), offline: e instanceof ApiError && e.status === 0 })),
    );
    return () => {
      current = false;
    };
    // `key` stands for the deps (and reloads).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  useEffect(() => onRefreshAll(reload), [reload]);
  const offline = result.offline === true && result.key === key;
  useEffect(() => {
    if (!offline) return;
    const timer = setTimeout(reload, RETRY_MS);
    window.addEventListener('online', reload);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('online', reload);
    };
  }, [offline, reload]);
  // Until the first answer for these deps arrives, the last data stays on screen (no flicker on a live refresh).
  return { data: result.data, error: result.error, loading: result.key !== key, reload };
}

/** Runs an action, keeping its error (the API's message) and whether it is under way. */
export function useAction() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (e) {
      setError(messageOfError(e));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { error, busy, run, setError };
}

/**
 * A function that runs `fn` at most once per `ms`, at the end of the window: a burst of live
 * events costs one refresh, not one per transaction.
 */
export function useCoalesced(fn: () => void, ms: number): () => void {
  const latest = useRef(fn);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    latest.current = fn;
  });
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      latest.current();
    }, ms);
  }, [ms]);
}

/**
 * One Idempotency-Key per intended movement, kept while the intent is the same: a double click,
 * a retry after a network error, or a dialog cancelled and opened again for the very same
 * amount and comment all send the key of the first try, so the movement is posted once. A
 * changed intent gets a new key (the API would refuse the old key with another body); `forget`
 * drops the key once the movement is posted, so a deliberate second one is possible.
 */
export function useIntentKeys() {
  const keys = useRef(new Map<string, string>());
  const keyFor = useCallback((intent: string) => {
    const known = keys.current.get(intent);
    if (known) return known;
    const key = newIdempotencyKey();
    keys.current.set(intent, key);
    return key;
  }, []);
  const forget = useCallback((intent: string) => void keys.current.delete(intent), []);
  return { keyFor, forget };
}
