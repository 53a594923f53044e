/**
 * "Load everything again": when the live feed comes back after an outage, or the operator gives
 * a new token after the old one expired, every page on screen asks for its data anew.
 */
const listeners = new Set<() => void>();

export function onRefreshAll(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export const refreshAll = (): void => listeners.forEach((l) => l());
