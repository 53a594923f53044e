import { principalFromClaims } from './claims.js';
import type { Principal } from './principal.js';

/** What an RFC 7662 introspection answer means for the credential. */
export type IntrospectionVerdict =
  | { readonly kind: 'active'; readonly principal: Principal; /** epoch ms, or null without `exp` */ readonly expiresAt: number | null }
  /** `active: false`, or an `exp`/`nbf` that says the token is not valid now. */
  | { readonly kind: 'inactive'; readonly reason: 'inactive' | 'expired' | 'not yet valid' }
  | { readonly kind: 'malformed'; readonly reason: string };

/**
 * Reads an introspection answer. Only `active: true` with a usable `sub` admits; anything the
 * service cannot read with certainty is malformed (and refuses, like inactive).
 *
 * Roles: the `roles` claim; else Keycloak's realm roles (`realm_access.roles`); else none.
 * An OAuth `scope` is never a role: it says what a client may ask for on the user's behalf, and
 * a provider lets clients request scopes freely, so `scope: "openid admin"` must not make an
 * admin.
 */
export function readIntrospectionAnswer(answer: unknown, nowMs: number): IntrospectionVerdict {
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) return malformed('not a JSON object');
  const claims = answer as Record<string, unknown>;
  if (typeof claims.active !== 'boolean') return malformed('"active" is not a boolean');
  if (!claims.active) return { kind: 'inactive', reason: 'inactive' };
  for (const time of ['exp', 'nbf'] as const) {
    if (claims[time] !== undefined && !(typeof claims[time] === 'number' && Number.isFinite(claims[time]))) {
      return malformed(`"${time}" is not a number`);
    }
  }
  const expiresAt = typeof claims.exp === 'number' ? claims.exp * 1000 : null;
  // An endpoint that calls an expired or not-yet-valid token active is not believed.
  if (expiresAt !== null && expiresAt <= nowMs) return { kind: 'inactive', reason: 'expired' };
  if (typeof claims.nbf === 'number' && claims.nbf * 1000 > nowMs) return { kind: 'inactive', reason: 'not yet valid' };
  const roles = rolesOf(claims);
  if (roles === null) return malformed('"roles" or "realm_access.roles" has the wrong type');
  const principal = principalFromClaims({ ...claims, roles });
  if (!principal) return malformed('no usable "sub"');
  return { kind: 'active', principal, expiresAt };
}

function rolesOf(claims: Record<string, unknown>): string[] | null {
  if (claims.roles !== undefined) return stringArray(claims.roles);
  const realmAccess = claims.realm_access;
  if (typeof realmAccess === 'object' && realmAccess !== null && 'roles' in realmAccess) return stringArray(realmAccess.roles);
  return [];
}

function stringArray(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : null;
}

function malformed(reason: string): IntrospectionVerdict {
  return { kind: 'malformed', reason };
}
