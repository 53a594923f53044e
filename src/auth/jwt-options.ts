import type { VerifyOptions } from 'jsonwebtoken';
import type { JwtConfig } from '../config/app-config.js';
import { principalFromClaims } from './claims.js';
import type { Principal } from './principal.js';

/**
 * One verification policy for every JWT surface (passport-jwt for REST, TokenVerifier for the
 * socket handshake): exactly one accepted algorithm, so `alg: none` and HS/RS confusion are
 * refused; the issuer and audience when configured; and the longest lifetime accepted.
 */
export interface JwtPolicy {
  readonly algorithm: 'RS256' | 'HS256';
  readonly issuer: string | undefined;
  readonly audience: string | undefined;
  readonly maxAgeSeconds: number;
}

export function jwtPolicy(config: JwtConfig): JwtPolicy {
  return {
    algorithm: config.publicKey !== null || config.jwksUrl !== null ? 'RS256' : 'HS256',
    issuer: config.issuer ?? undefined,
    audience: config.audience ?? undefined,
    maxAgeSeconds: config.maxAgeSeconds,
  };
}

/** What jsonwebtoken checks (passport-jwt passes the same options to it): signature, algorithm, `exp`, `nbf`, issuer and audience. */
export function jsonWebTokenOptions(policy: JwtPolicy) {
  return { algorithms: [policy.algorithm], issuer: policy.issuer, audience: policy.audience, ignoreExpiration: false } satisfies VerifyOptions;
}

export type ClaimsCheck =
  | { readonly kind: 'valid'; readonly principal: Principal; /** epoch ms */ readonly expiresAt: number }
  | { readonly kind: 'refused'; readonly reason: string };

/**
 * What the claims of a token whose signature jsonwebtoken has verified are worth: the rules
 * jsonwebtoken does not know. `exp` is required, and the lifetime, `exp` − `iat` (now without
 * `iat`), may not exceed JWT_MAX_AGE_S. This is not jsonwebtoken's `maxAge`, which limits the
 * age since `iat` and says nothing of a token minted to live a century. An `iat` in the future
 * counts as now, so a far `exp` cannot hide behind a matching far `iat`.
 */
export function checkClaims(claims: unknown, policy: JwtPolicy, nowMs: number): ClaimsCheck {
  if (typeof claims !== 'object' || claims === null) return { kind: 'refused', reason: 'claims are not an object' };
  const { exp, iat } = claims as { exp?: unknown; iat?: unknown };
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return { kind: 'refused', reason: 'token has no exp' };
  if (iat !== undefined && !(typeof iat === 'number' && Number.isFinite(iat))) return { kind: 'refused', reason: 'iat is not a number' };
  const nowSeconds = nowMs / 1000;
  const issuedAt = typeof iat === 'number' ? Math.min(iat, nowSeconds) : nowSeconds;
  if (exp - issuedAt > policy.maxAgeSeconds) return { kind: 'refused', reason: 'token lifetime exceeds JWT_MAX_AGE_S' };
  const principal = principalFromClaims(claims);
  if (!principal) return { kind: 'refused', reason: 'no usable sub' };
  return { kind: 'valid', principal, expiresAt: exp * 1000 };
}
