import type { Principal } from '../auth/principal.js';
import type { BalanceSocket } from './server-events.js';

/** Sockets whose token has the `admin` role; they receive `admin:transaction`. */
export const ADMIN_ROOM = 'admins';

/**
 * Puts a socket in the rooms its principal's roles give, and out of the ones they no longer give.
 * (A user's own sockets need no room: balance-pushes.ts finds them in UserSockets.)
 */
export async function joinRoomsOf(socket: BalanceSocket, principal: Principal): Promise<void> {
  if (principal.roles.includes('admin')) await socket.join(ADMIN_ROOM);
  else await socket.leave(ADMIN_ROOM);
}
