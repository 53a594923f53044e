import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';

/** An identity provider's RS256 signing key. */
export interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

export function newSigningKey(kid: string): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, publicKey };
}

/** An RS256 JWT signed with `key`, naming its `kid` unless `kid: null`; 5 minutes unless told (`expiresIn: null`: no `exp`). */
export function signWith(
  key: SigningKey,
  claims: Record<string, unknown>,
  options: Omit<jwt.SignOptions, 'expiresIn'> & { kid?: string | null; expiresIn?: jwt.SignOptions['expiresIn'] | null } = {},
): string {
  const { kid = key.kid, expiresIn = '5m', ...signOptions } = options;
  return jwt.sign(claims, key.privateKey, { algorithm: 'RS256', ...(expiresIn === null ? {} : { expiresIn }), ...(kid === null ? {} : { keyid: kid }), ...signOptions });
}

export interface JwksServer {
  readonly url: string;
  /** The keys the document lists now; change it to rotate. */
  published: SigningKey[];
  /** Answer every fetch with this HTTP status instead of the document (null: serve it). */
  failWith: number | null;
  /** How many times the key set was fetched. */
  fetches(): number;
  close(): Promise<void>;
}

/** A JWKS endpoint as Keycloak and Auth0 serve one: `{ keys: [{ kty, kid, use, alg, n, e }] }`. */
export async function startJwksServer(published: SigningKey[] = []): Promise<JwksServer> {
  let fetches = 0;
  const state: { published: SigningKey[]; failWith: number | null } = { published, failWith: null };
  const server = createServer((req, res) => {
    fetches++;
    if (state.failWith !== null) {
      res.writeHead(state.failWith, { 'content-type': 'application/json' }).end('{"error":"unavailable"}');
      return;
    }
    const keys = state.published.map((k) => ({ ...k.publicKey.export({ format: 'jwk' }), kid: k.kid, use: 'sig', alg: 'RS256' }));
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/test/protocol/openid-connect/certs`;
  return {
    url,
    get published() {
      return state.published;
    },
    set published(keys: SigningKey[]) {
      state.published = keys;
    },
    get failWith() {
      return state.failWith;
    },
    set failWith(status: number | null) {
      state.failWith = status;
    },
    fetches: () => fetches,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
