import { createHash } from 'node:crypto';

export type AuditSurface = 'rest' | 'socket' | 'legacy';

/**
 * Who made a change. `asserted`: the identity was named by the caller, not proven (the legacy
 * API's `u`, which its hash does not cover).
 */
export interface AuditActor {
  readonly id: string;
  readonly username: string | null;
  readonly asserted?: true;
}

/** Who is acting, from where: each surface builds it from its request. */
export interface AuditCaller {
  readonly actor: AuditActor;
  readonly surface: AuditSurface;
  readonly address: string;
  /** The REST or legacy request's id (`x-request-id`), or the socket event's `event.id`. */
  readonly requestId: string;
}

/** JSON values only (amounts as decimal strings): what the canonical form can spell. */
export type AuditFields = { readonly [field: string]: AuditValue };
type AuditValue = string | number | boolean | null | AuditFields | readonly AuditValue[];

/**
 * What changed: `target` names the object (`user:<id>`, `hold:<id>`, …); `before` and `after`
 * are its fields as they were and became (no `before` when it was created, no `after` when it
 * was deleted).
 */
export interface AuditChange {
  readonly action: string;
  readonly target: string;
  readonly before?: AuditFields;
  readonly after?: AuditFields;
}

/** A record as stored and answered; `hash` covers every other field. */
export interface AuditRecord extends AuditCaller, AuditChange {
  readonly id: string;
  /** RFC 3339, UTC, milliseconds: the service's clock (with the test clock's offset). */
  readonly at: string;
  readonly hash: string;
}

/** The previous hash of the first record. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Canonical JSON: object members sorted by key (UTF-16 code unit order, as Array.sort), members
 * whose value is undefined left out, no whitespace, strings and numbers as JSON.stringify writes
 * them. The same value always gives the same text, so a hash over it can be checked later from
 * the stored text or from the record as answered.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonical JSON has no non-finite numbers');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`;
  if (typeof value === 'object') {
    const members = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`);
    return `{${members.join(',')}}`;
  }
  throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
}

/** A record's hash: SHA-256 (hex) of the previous record's hash (hex) followed by this record's canonical JSON without `hash`. */
export function chainHash(previousHash: string, canonical: string): string {
  return createHash('sha256').update(previousHash).update(canonical).digest('hex');
}
