import type { JwtConfig } from '../config/app-config.js';

/**
 * One verification policy for every JWT surface (passport for REST, the socket handshake):
 * the key, and exactly one accepted algorithm, so `alg: none` and HS/RS confusion are refused.
 */
export function jwtVerification(config: JwtConfig) {
  const rs256 = config.publicKey !== null;
  return {
    key: rs256 ? config.publicKey! : config.secret!,
    algorithms: [rs256 ? 'RS256' : 'HS256'] as ['RS256' | 'HS256'],
    issuer: config.issuer ?? undefined,
    audience: config.audience ?? undefined,
  };
}
