import { useSyncExternalStore } from 'react';
import { api, BO, unwrap } from './api';

/**
 * Each asset's scale (its decimals), read once per tab from GET /assets, for showing amounts
 * with the asset's own decimals. Until it arrives (or if it fails) amounts show the API's digits.
 */
let scales = new Map<string, number>();
let requested = false;
const listeners = new Set<() => void>();

function load(): void {
  if (requested) return;
  requested = true;
  unwrap(api.GET(`${BO}/assets`)).then(
    (totals) => {
      scales = new Map(totals.assets.map((a) => [a.asset, a.scale]));
      listeners.forEach((l) => l());
    },
    () => {
      requested = false;
    },
  );
}

function subscribe(listener: () => void): () => void {
  load();
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** The scale of `asset`, or undefined while unknown. */
export function useScale(asset: string | undefined): number | undefined {
  const known = useSyncExternalStore(subscribe, () => scales);
  return asset === undefined ? undefined : known.get(asset);
}
