import type { Server, Socket } from 'socket.io';
import type { BalanceEnvelope } from '../balance-api/balance-envelope.js';
import { failureSchema } from '../balance-api/balance-event-doc.js';
import type { Described, JsonSchema } from '../common/json-schema.js';
import { ADMIN_TRANSACTION_SCHEMA, USER_BALANCE_SCHEMA } from './push-schemas.js';
import { USER_INFO_SCHEMA } from './user-info.js';

/** The code each event that tells why the server closes a socket carries (server-close.ts). */
export const CLOSE_CODES = { unauthorized: 401, too_many_connections: 429 } as const;

/**
 * Every event the server sends a client: its summary in the AsyncAPI document and the schema of
 * its payload. The socket types below take each payload's type from its schema, so an event not
 * listed here, or a payload its schema does not describe, fails to compile.
 */
export const SERVER_EVENTS = {
  user_info: { summary: 'The end of the handshake: who the credential names, and its network', payload: USER_INFO_SCHEMA },
  'user:balance': {
    summary: "After every committed change to the user's TOKEN_ASSET balance, to every socket of the user (on every instance), and right after `user_info`",
    payload: USER_BALANCE_SCHEMA,
  },
  'admin:transaction': { summary: 'Every committed transaction with a user entry, to the sockets of `admin` users on every instance', payload: ADMIN_TRANSACTION_SCHEMA },
  unauthorized: {
    summary: "The credential's authority ended (expired, revoked, or it could not be verified again); the server closes the socket next",
    payload: failureSchema([CLOSE_CODES.unauthorized]),
  },
  too_many_connections: {
    summary: "A newer socket of the same user took this one's place under SOCKETS_PER_USER; the server closes this one next",
    payload: failureSchema([CLOSE_CODES.too_many_connections]),
  },
} satisfies Record<string, { readonly summary: string; readonly payload: JsonSchema }>;

export type ServerToClientEvents = { [E in keyof typeof SERVER_EVENTS]: (payload: Described<(typeof SERVER_EVENTS)[E]['payload']>) => void };

/** `user:balance`'s payload. */
export type UserBalance = Parameters<ServerToClientEvents['user:balance']>[0];

/**
 * What a client may send: any event, with a payload and an acknowledgement. The feature gateways
 * answer `balance:*` requests (`{ data, event }`); anything else is answered 404 (realtime.gateway.ts).
 */
export interface ClientToServerEvents {
  [event: string]: (payload?: unknown, ack?: (answer: BalanceEnvelope) => void) => void;
}

/** Between instances, as socket.io's server-side events through the Redis adapter (balance-pushes.ts). */
export interface ServerSideEvents {
  /** A user's new balance, for that user's sockets on the receiving instance. */
  'ledger:balance': (userId: string, payload: UserBalance) => void;
  /** "Send your sockets their balances again": from an instance whose pushes Redis lost. */
  'ledger:resync': () => void;
}

export type BalanceServer = Server<ClientToServerEvents, ServerToClientEvents, ServerSideEvents>;
export type BalanceSocket = Socket<ClientToServerEvents, ServerToClientEvents, ServerSideEvents>;
