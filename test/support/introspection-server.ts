import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the server answers for one token; unknown tokens are `{ active: false }`. */
export type SessionBehaviour =
  | { readonly answer: Record<string, unknown>; readonly delayMs?: number }
  | { readonly status: number }
  | { readonly raw: string }
  | { readonly hangUp: true };

export interface IntrospectionServer {
  readonly url: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Every token asked about with good client credentials, in order. */
  readonly asked: string[];
  /** Requests refused for bad client credentials, method or body. */
  readonly badRequests: string[];
  readonly sessions: Map<string, SessionBehaviour>;
  /** How many times this token was asked about. */
  count(token: string): number;
  /** The env that points the service at this server. */
  env(extra?: Record<string, string>): Record<string, string>;
  close(): Promise<void>;
}

/**
 * A small RFC 7662 introspection endpoint: checks the HTTP Basic client credentials (form-encoded
 * per RFC 6749 §2.3.1), the form body `token=…`, and answers per token as told.
 */
export async function startIntrospectionServer(clientId = 'ledger-service', clientSecret = 'intro:spect/secret+1'): Promise<IntrospectionServer> {
  const asked: string[] = [];
  const badRequests: string[] = [];
  const sessions = new Map<string, SessionBehaviour>();

  const server = createServer((req, res) => {
    void handle(req, res);
  });
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of req) body += String(chunk);
    const client = basicCredentials(req.headers.authorization);
    if (req.method !== 'POST' || client?.id !== clientId || client.secret !== clientSecret) {
      badRequests.push(`${req.method} authorization=${req.headers.authorization ?? 'none'}`);
      res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Basic' }).end('{"error":"invalid_client"}');
      return;
    }
    const form = new URLSearchParams(body);
    const token = form.get('token');
    if (!req.headers['content-type']?.startsWith('application/x-www-form-urlencoded') || token === null || [...form.keys()].length !== 1) {
      badRequests.push(`content-type=${req.headers['content-type']} body=${body}`);
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"invalid_request"}');
      return;
    }
    asked.push(token);
    const behaviour = sessions.get(token) ?? { answer: { active: false } };
    if ('hangUp' in behaviour) {
      req.socket.destroy();
    } else if ('status' in behaviour) {
      res.writeHead(behaviour.status, { 'content-type': 'application/json' }).end('{"error":"server_error"}');
    } else if ('raw' in behaviour) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(behaviour.raw);
    } else {
      if (behaviour.delayMs) await new Promise((r) => setTimeout(r, behaviour.delayMs));
      if (!res.destroyed) res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(behaviour.answer));
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/test/protocol/openid-connect/token/introspect`;
  return {
    url,
    clientId,
    clientSecret,
    asked,
    badRequests,
    sessions,
    count: (token) => asked.filter((t) => t === token).length,
    env: (extra = {}) => ({
      AUTH_INTROSPECTION_URL: url,
      AUTH_INTROSPECTION_CLIENT_ID: clientId,
      AUTH_INTROSPECTION_CLIENT_SECRET: clientSecret,
      ...extra,
    }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The client id and secret of a Basic header, each form-decoded as RFC 6749 §2.3.1 asks. */
function basicCredentials(header: string | undefined): { id: string; secret: string } | null {
  const match = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  const formDecode = (value: string) => new URLSearchParams(`v=${value}`).get('v')!;
  return { id: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)) };
}
