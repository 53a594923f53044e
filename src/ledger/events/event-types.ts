/** Every event type the outbox writes (CONTRACT §9), each described by its own OpenAPI schema. */
export const EVENT_TYPES = [
  'transaction.committed',
  'hold.placed',
  'hold.captured',
  'hold.released',
  'hold.expired',
  'subscription.created',
  'subscription.renewed',
  'subscription.expired',
  'user.frozen',
  'user.unfrozen',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** Bumped only by a change a consumer could trip on (a field removed or changing meaning). */
export const EVENT_SCHEMA_VERSION = 1;

/** An event as the feed (and webhooks) show it: its id, the common fields, then its type's own. */
export interface LedgerEvent {
  readonly id: string;
  readonly type: EventType;
  readonly schemaVersion: number;
  /** RFC 3339, milliseconds, UTC. */
  readonly createdAt: string;
  readonly [field: string]: unknown;
}

/**
 * The stored text of an event: everything but its id, which the row gets when it commits (see
 * the events migration), so the feed adds it when reading.
 */
export function eventPayload(type: EventType, createdAt: number, fields: object): string {
  return JSON.stringify({ type, schemaVersion: EVENT_SCHEMA_VERSION, createdAt: new Date(createdAt).toISOString(), ...fields });
}

/** An event row as read back: the id in front, as the contract shows it. */
export function eventOf(id: string | number, payload: string): LedgerEvent {
  return { id: String(id), ...(JSON.parse(payload) as Record<string, unknown>) } as LedgerEvent;
}

/**
 * The JSON text of `eventOf(id, payload)`, made without parsing: the payload is JSON.stringify's
 * own output of an object (eventPayload) with no `id` of its own, so putting the id in front
 * gives the very text JSON.stringify would give for the event as the feed shows it.
 */
export function eventJsonOf(id: string | number, payload: string): string {
  return payload === '{}' ? `{"id":${JSON.stringify(String(id))}}` : `{"id":${JSON.stringify(String(id))},${payload.slice(1)}`;
}
