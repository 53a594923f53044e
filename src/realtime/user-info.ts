import type { Principal } from '../auth/principal.js';
import { arraySchema, objectSchema, orNullSchema, stringSchema } from '../common/json-schema.js';

/**
 * The greeting that ends the handshake. `id`, `username` and `roles` are the original fields;
 * `user` and `network` are what the platform's client SDK reads (`data.user.id`,
 * `data.network.id`) before it considers itself connected.
 */
export function userInfo(principal: Principal, defaultNetworkId: string) {
  const user = { id: principal.id, username: principal.username, roles: principal.roles };
  return { data: { ...user, user, network: { id: principal.network ?? defaultNetworkId } } };
}

const USER_FIELDS = {
  id: stringSchema('The user id (the token\'s subject)'),
  username: orNullSchema(stringSchema('The username the token carries (`username`, else `preferred_username`); null when it carries none usable')),
  roles: arraySchema(stringSchema('A role, such as `admin` or `network-admin`'), 'Roles of the token'),
};

/** The schema of what userInfo makes. */
export const USER_INFO_SCHEMA = objectSchema({
  data: objectSchema({
    ...USER_FIELDS,
    user: objectSchema(USER_FIELDS, { description: 'The same user, where the platform SDK reads it' }),
    network: objectSchema({ id: stringSchema("The token's `network` claim, else NETWORK_ID") }),
  }),
});
