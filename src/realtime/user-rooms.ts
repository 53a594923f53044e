/** Every socket of a user joins this room, so one emit reaches all of them (on every instance). */
export const userRoom = (userId: string) => `user:${userId}`;
