import type { Principal } from './principal.js';

import { isUserId } from './user-id.js';

/**
 * Turns verified JWT claims into a Principal, or null when they do not describe a user.
 * "system:" ids are reserved for the platform's own accounts.
 */
export function principalFromClaims(claims: unknown): Principal | null {
  if (typeof claims !== 'object' || claims === null) return null;
  const c = claims as Record<string, unknown>;
  if (typeof c.sub !== 'string' || !isUserId(c.sub)) return null;
  const username = typeof c.username === 'string' ? c.username : typeof c.preferred_username === 'string' ? c.preferred_username : null;
  const roles = Array.isArray(c.roles) ? c.roles.filter((r): r is string => typeof r === 'string') : [];
  return {
    id: c.sub,
    username: username && username.length <= 255 ? username : null,
    email: typeof c.email === 'string' && c.email.length <= 320 ? c.email : null,
    roles,
    currency: typeof c.currency === 'string' && /^[A-Za-z][A-Za-z0-9]{1,15}$/.test(c.currency) ? c.currency.toLowerCase() : null,
    network: typeof c.network === 'string' && c.network.length > 0 && c.network.length <= 128 ? c.network : null,
  };
}
