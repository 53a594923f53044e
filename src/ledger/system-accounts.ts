import { RESERVED_ID_PREFIX } from '../auth/user-id.js';

/**
 * The platform's own accounts. Users own the rest. A system owner id starts with the reserved
 * prefix, which user ids may not (see auth/user-id.ts).
 */
export const SYSTEM_ACCOUNTS = {
  /** Source of minted tokens and sink of withdrawn ones: its balance is minus what is in circulation. */
  issuer: 'system:issuer',
  /** Receives what users pay the platform (subscriptions without an owner, captured holds). */
  revenue: 'system:revenue',
} as const;

export const SYSTEM_PREFIX = RESERVED_ID_PREFIX;

export function isSystemOwner(ownerId: string): boolean {
  return ownerId.startsWith(SYSTEM_PREFIX);
}

/** Only the issuer may go below zero; every other account, user or system, may not. */
export function mayGoNegative(ownerId: string): boolean {
  return ownerId === SYSTEM_ACCOUNTS.issuer;
}
