import { failure } from '../balance-api/balance-envelope.js';
import { CLOSE_CODES, type BalanceSocket } from './server-events.js';

/**
 * Why the server closes a socket, told in an event just before the close. socket.io shows a
 * client only "io server disconnect" whatever the server's reason (2.x and 4.x alike), so the
 * reason travels as an ordinary event, in the envelope of the acknowledgements; the server
 * then closes the connection, and a client that reconnects by itself after "io server
 * disconnect" (neither version does) would meet the handshake again.
 * - `unauthorized`: the credential's authority ended: it expired, the session was revoked, or
 *   it could not be verified again;
 * - `too_many_connections`: a newer socket of the same user took this one's place under SOCKETS_PER_USER.
 */
export type CloseReason = keyof typeof CLOSE_CODES;

/** Tells the client why, then closes its connection (the event is flushed before the close). */
export function closeWith(socket: BalanceSocket, reason: CloseReason, message: string): void {
  if (!socket.connected) return;
  socket.emit(reason, failure(CLOSE_CODES[reason], message));
  socket.disconnect(true);
}
