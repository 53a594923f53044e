import { principalFromClaims } from './claims.js';
import type { Principal } from './principal.js';

/** What an RFC 7662 introspection answer means for the credential. */
export type IntrospectionVerdict =
  | { readonly kind: 'active'; readonly principal: Principal; /** epoch ms, or null without `exp` */ readonly expiresAt: number | null }
  | { readonly kind: 'inactive' }
  | { readonly kind: 'malformed'; readonly reason: string };

/**
 * Reads an introspection answer. Only `active: true` with a usable `sub` admits; anything the
 * service cannot read with certainty is malformed (and refuses, like inactive).
 *
 * Roles: the `roles` claim; else Keycloak's realm roles (`realm_access.roles`); else the
 * space-separated `scope`. The first one present wins, so a Keycloak answer's routine
 * `scope: "openid profile email"` never stands in for its realm roles.
 */
export function readIntrospectionAnswer(answer: unknown, nowMs: number): IntrospectionVerdict {
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) return malformed('not a JSON object');
  const claims = answer as Record<string, unknown>;
  if (typeof claims.active !== 'boolean') return malformed('"active" is not a boolean');
  if (!claims.active) return { kind: 'inactive' };
  for (const time of ['exp', 'nbf'] as const) {
    if (claims[time] !== undefined && !(typeof claims[time] === 'number' && Number.isFinite(claims[time]))) {
      return malformed(`"${time}" is not a number`);
    }
  }
  const expiresAt = typeof claims.exp === 'number' ? claims.exp * 1000 : null;
  // An endpoint that calls an expired or not-yet-valid token active is not believed.
  if (expiresAt !== null && expiresAt <= nowMs) return { kind: 'inactive' };
  if (typeof claims.nbf === 'number' && claims.nbf * 1000 > nowMs) return { kind: 'inactive' };
  const roles = rolesOf(claims);
  if (roles === null) return malformed('"roles", "realm_access.roles" or "scope" has the wrong type');
  const principal = principalFromClaims({ ...claims, roles });
  if (!principal) return malformed('no usable "sub"');
  return { kind: 'active', principal, expiresAt };
}

function rolesOf(claims: Record<string, unknown>): string[] | null {
  if (claims.roles !== undefined) return stringArray(claims.roles);
  const realmAccess = claims.realm_access;
  if (typeof realmAccess === 'object' && realmAccess !== null && 'roles' in realmAccess) return stringArray(realmAccess.roles);
  if (claims.scope !== undefined) return typeof claims.scope === 'string' ? claims.scope.split(' ').filter((s) => s !== '') : null;
  return [];
}

function stringArray(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : null;
}

function malformed(reason: string): IntrospectionVerdict {
  return { kind: 'malformed', reason };
}
