import type { RunningApp } from './app-harness.js';
import { adminToken } from './tokens.js';

export interface HttpAnswer<T = any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

export interface HttpOptions {
  /** Bearer token; null sends none. Defaults to an admin token. */
  readonly token?: string | null;
  readonly headers?: Record<string, string>;
  /** Sent verbatim instead of JSON-encoding `body`. */
  readonly raw?: string;
}

/** A small JSON client for the REST surfaces of a running app. */
export function http(app: RunningApp, defaults: HttpOptions = {}) {
  const send = async (method: string, path: string, body?: unknown, options: HttpOptions = {}): Promise<HttpAnswer> => {
    const token = options.token !== undefined ? options.token : defaults.token !== undefined ? defaults.token : adminToken();
    const headers: Record<string, string> = { ...defaults.headers, ...options.headers };
    if (token) headers.authorization = `Bearer ${token}`;
    const payload = options.raw ?? (body === undefined ? undefined : JSON.stringify(body));
    if (payload !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(app.url + path, { method, headers, body: payload });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (the Swagger UI page): keep the text
    }
    return { status: res.status, body: parsed, headers: res.headers };
  };
  return {
    send,
    get: (path: string, options?: HttpOptions) => send('GET', path, undefined, options),
    post: (path: string, body?: unknown, options?: HttpOptions) => send('POST', path, body, options),
    put: (path: string, body?: unknown, options?: HttpOptions) => send('PUT', path, body, options),
    delete: (path: string, options?: HttpOptions) => send('DELETE', path, undefined, options),
  };
}

export type HttpClient = ReturnType<typeof http>;

/** Backoffice path. */
export const bo = (path: string) => `/back-api/backoffice${path}`;

/** The status a GET of this path answers with this bearer token. */
export const restStatus = async (app: RunningApp, path: string, token: string): Promise<number> =>
  (await fetch(app.url + path, { headers: { authorization: `Bearer ${token}` } })).status;
