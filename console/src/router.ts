import { useCallback, useEffect, useState } from 'react';

/**
 * Hash routes (#/users/alice), so the service serves one static page for every view. A view's
 * search, filters and page ride in the hash too (#/users?search=alice&page=2): a link or a reload
 * shows the same rows, and Back returns to them.
 */
function readHash(): { path: string[]; params: URLSearchParams } {
  const [path = '', query = ''] = window.location.hash.replace(/^#\/?/, '').split('?');
  return { path: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query) };
}

function useHash() {
  const [hash, setHash] = useState(readHash);
  useEffect(() => {
    const onChange = () => setHash(readHash());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return hash;
}

export function useRoute(): string[] {
  return useHash().path;
}

export const hrefOf = (...parts: string[]) => `#/${parts.map(encodeURIComponent).join('/')}`;

/**
 * Values kept in the hash's query, each with its default (left out of the hash). `update` writes
 * a new history entry, so Back undoes a search or a page change as it undoes a link.
 */
export function useHashState<T extends Record<string, string>>(defaults: T): [T, (change: Partial<T>) => void] {
  const { params } = useHash();
  const values = Object.fromEntries(Object.entries(defaults).map(([k, d]) => [k, params.get(k) ?? d])) as T;
  const key = JSON.stringify(defaults);
  const update = useCallback(
    (change: Partial<T>) => {
      const current = readHash();
      const base = JSON.parse(key) as T;
      for (const [k, v] of Object.entries(change)) {
        if (v === undefined || v === base[k]) current.params.delete(k);
        else current.params.set(k, v);
      }
      const query = current.params.toString();
      window.location.hash = `/${current.path.map(encodeURIComponent).join('/')}${query ? `?${query}` : ''}`;
    },
    [key],
  );
  return [values, update];
}

/** A page number from the hash (1 for anything that is not a positive integer). */
export const pageOf = (value: string): number => (/^[1-9][0-9]*$/.test(value) ? Number(value) : 1);
