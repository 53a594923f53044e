/**
 * The legacy API's methods and the parameters each one hashes, in hashing order (the secret
 * comes last). Parameters not listed here (`hash`, `user_currency`, `u`) are not hashed.
 * `request_id` is our extension: hashed after `balance` when present, so a retry cannot be
 * replayed against another request's key.
 */
export const LEGACY_METHODS = {
  user_balance_get: { hashed: ['username', 'currency'] },
  user_balance_update: { hashed: ['user_id', 'balance', 'request_id'] },
} as const;

export type LegacyMethodName = keyof typeof LEGACY_METHODS;

export function isLegacyMethod(name: string | undefined): name is LegacyMethodName {
  return name !== undefined && Object.hasOwn(LEGACY_METHODS, name);
}
