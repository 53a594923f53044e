import type { Role } from '../auth/principal.js';
import { constSchema, integerSchema, objectSchema, stringSchema, type JsonSchema } from '../common/json-schema.js';

/**
 * What the AsyncAPI document (/docs/asyncapi.json) says of one `balance:*` request event. Each
 * feature declares its events beside its gateway (`*.socket-schemas.ts`); the document is built
 * from these declarations, and the e2e tests check every acknowledgement against it.
 */
export interface BalanceEventDoc {
  /** The socket.io event name, `balance:…`. */
  readonly event: `balance:${string}`;
  readonly summary: string;
  readonly description?: string;
  /** The role the call needs (403 without it). */
  readonly role?: Role;
  /** The schema of the request's `data`; null when the call takes none (the payload may be omitted). */
  readonly data: JsonSchema | null;
  /** The schema of the success acknowledgement's `data`. */
  readonly answer: JsonSchema;
  /** The failure codes this call may answer beyond the ones every call may (COMMON_FAILURES), and why. */
  readonly failures: Readonly<Record<number, string>>;
}

/** Failures any call may answer, whatever it does. */
export const COMMON_FAILURES: Readonly<Record<number, string>> = {
  400: 'Invalid request: the payload is not `{ data, event }`, or a field of `data` fails validation (the message names it)',
  401: 'The credential expired (or was revoked) since the handshake',
  413: 'The request carries more than 16 KiB of text',
  429: 'Too many requests from this user (SOCKET_RATE_PER_SECOND)',
  500: 'Internal error (no details)',
  503: 'The instance is shutting down; retry on another',
};

/** A user id as the Balance API takes it. */
export const USER_ID_SCHEMA = stringSchema('A user id', { pattern: '^[A-Za-z0-9._:-]{1,128}$' });

/** An amount in a request: a JSON number or an exact decimal string (at most the asset's decimals). */
export const REQUEST_AMOUNT_SCHEMA: JsonSchema = {
  description: 'A JSON number or an exact decimal string, at most the asset\'s decimals',
  oneOf: [{ type: 'number' }, { type: 'string', pattern: '^\\s*[+-]?\\d+(\\.\\d+)?\\s*$', maxLength: 100 }],
};

/** `event`: the client's event id (idempotency, §4) and date; optional. */
export const REQUEST_EVENT_SCHEMA = objectSchema(
  {
    id: stringSchema('Event id: a repeat with the same endpoint and data gets the first answer; empty means no check', { maxLength: 200 }),
    date: { description: 'When the client made the request (not read by the server)' },
  },
  { optional: ['id', 'date'], open: true, description: 'Optional; `id` makes a mutating call idempotent per user' },
);

/** The request payload: `{ data, event? }` (`data` may be left out when the call takes none). */
export function requestSchema(doc: BalanceEventDoc): JsonSchema {
  const data = doc.data ?? objectSchema({}, { open: true, description: 'Not read' });
  return objectSchema({ data, event: REQUEST_EVENT_SCHEMA }, { optional: doc.data ? ['event'] : ['data', 'event'], open: true });
}

/** The success acknowledgement: `{ data, error: { status: false, code: 0, message: '' } }`. */
export const successSchema = <S extends JsonSchema>(data: S) =>
  objectSchema({ data, error: objectSchema({ status: constSchema(false), code: constSchema(0), message: constSchema('') }, { description: 'No error' }) });

/** A failure acknowledgement (and the close events'): `{ error: { status: true, code, message } }`, no `data`. */
export const failureSchema = (codes: readonly number[]) =>
  objectSchema({
    error: objectSchema({
      status: constSchema(true),
      code: integerSchema('The HTTP-like status of the failure', { enum: [...codes].sort((a, b) => a - b) }),
      message: stringSchema('What went wrong, naming the field or resource (never internals)', { minLength: 1 }),
    }),
  });

/** The codes an event's failure acknowledgement may carry. */
export const failureCodesOf = (doc: BalanceEventDoc): number[] => [...new Set([...Object.keys(COMMON_FAILURES), ...Object.keys(doc.failures), ...(doc.role ? ['403'] : [])].map(Number))];
