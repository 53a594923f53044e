import type { Socket } from 'socket.io';
import type { Principal } from '../auth/principal.js';

/** Every socket of a user joins this room, so one emit reaches all of them (on every instance). */
export const userRoom = (userId: string) => `user:${userId}`;
/** Sockets whose token has the `admin` role; they receive `admin:transaction`. */
export const ADMIN_ROOM = 'admins';

/** Puts a socket in the rooms its principal's roles give, and out of the ones they no longer give. */
export async function joinRoomsOf(socket: Socket, principal: Principal): Promise<void> {
  await socket.join(userRoom(principal.id));
  if (principal.roles.includes('admin')) await socket.join(ADMIN_ROOM);
  else await socket.leave(ADMIN_ROOM);
}
