import type { Socket } from 'socket.io';

type Handshake = Socket['handshake'];

export interface HandshakeCredential {
  readonly token: string;
  /** `url`: a `token` or `sessionId` query parameter, which proxies and access logs may keep. */
  readonly from: 'auth' | 'header' | 'url';
}

const BEARER = /^Bearer\s+/i;

/**
 * The credential a handshake presents: `auth.token`, else an `Authorization: Bearer` header,
 * else (when `allowUrl`, SOCKET_QUERY_TOKENS) a `token` or `sessionId` query parameter, which is
 * how socket.io-client 2.x sends it (its protocol has no handshake payload). Null when there is
 * none; an empty string is none.
 */
export function handshakeCredential(handshake: Handshake, allowUrl: boolean): HandshakeCredential | null {
  const auth = handshake.auth as { token?: unknown } | undefined;
  if (typeof auth?.token === 'string' && auth.token !== '') return { token: auth.token.replace(BEARER, ''), from: 'auth' };
  const header = handshake.headers.authorization;
  if (typeof header === 'string' && BEARER.test(header)) return { token: header.replace(BEARER, ''), from: 'header' };
  const inUrl = urlCredential(handshake);
  return allowUrl && inUrl !== null ? { token: inUrl, from: 'url' } : null;
}

/** A `token` or `sessionId` query parameter, whether or not it may be used. */
export function urlCredential(handshake: Handshake): string | null {
  const { token, sessionId } = handshake.query;
  if (typeof token === 'string' && token !== '') return token;
  return typeof sessionId === 'string' && sessionId !== '' ? sessionId : null;
}
