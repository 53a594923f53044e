import type { Principal } from '../auth/principal.js';

/**
 * The greeting that ends the handshake. `id`, `username` and `roles` are the original fields;
 * `user` and `network` are what the platform's client SDK reads (`data.user.id`,
 * `data.network.id`) before it considers itself connected.
 */
export function userInfo(principal: Principal, defaultNetworkId: string) {
  const user = { id: principal.id, username: principal.username, roles: principal.roles };
  return { data: { ...user, user, network: { id: principal.network ?? defaultNetworkId } } };
}
