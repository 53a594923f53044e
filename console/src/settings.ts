/** What the service serves beside the console (/console/settings.json): its socket.io path and assets. */
export interface ConsoleSettings {
  socketPath: string;
  /** The asset token actions and plans move (TOKEN_ASSET). */
  tokenAsset: string | null;
  /** The asset values and prices are given in (ROOT_ASSET). */
  rootAsset: string | null;
}

let loaded: Promise<ConsoleSettings> | null = null;

/** Fetched once per tab; a service without the file (or unreachable) gets the defaults. */
export function settingsOf(): Promise<ConsoleSettings> {
  loaded ??= fetch('/console/settings.json')
    .then((r) => r.json() as Promise<Partial<ConsoleSettings>>)
    .then((s) => ({ socketPath: s.socketPath ?? '/socket.io', tokenAsset: s.tokenAsset ?? null, rootAsset: s.rootAsset ?? null }))
    .catch(() => {
      loaded = null;
      return { socketPath: '/socket.io', tokenAsset: null, rootAsset: null };
    });
  return loaded;
}
