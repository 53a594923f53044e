/** Every socket of a user joins this room, so one emit reaches all of them (on every instance). */
export const userRoom = (userId: string) => `user:${userId}`;
/** Sockets whose token has the `admin` role; they receive `admin:transaction`. */
export const ADMIN_ROOM = 'admins';
