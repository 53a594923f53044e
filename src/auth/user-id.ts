/** The shape of a user id (JWT `sub`), shared by validation everywhere. */
export const USER_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/** Ids that start with this are the platform's own accounts, never a user's (see ledger/system-accounts.ts). */
export const RESERVED_ID_PREFIX = 'system:';

/** A user id that is not reserved: what a token's `sub` or a product owner may be. */
export const isUserId = (id: string): boolean => USER_ID_PATTERN.test(id) && !id.startsWith(RESERVED_ID_PREFIX);
