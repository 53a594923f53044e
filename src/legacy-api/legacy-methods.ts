/**
 * The legacy API's methods and the parameters each one hashes, in hashing order (the secret
 * comes last). Parameters not listed here (`hash`, `user_currency`, `u`, `p`, `test`) are not
 * hashed. `request_id` is our extension: hashed after `balance` when present, so a retry cannot
 * be replayed against another request's key.
 */
export const LEGACY_METHODS = {
  user_balance_get: { hashed: ['username', 'currency'] },
  user_balance_update: { hashed: ['user_id', 'balance', 'request_id'] },
} as const;

export type LegacyMethodName = keyof typeof LEGACY_METHODS;

/**
 * The older names the real server still routes (its config/routes.rb: `/api/balance` and
 * `/api/user_balance_change`); integrations written years ago call them, so they are the same
 * methods, not copies.
 */
const ALIASES: Readonly<Record<string, LegacyMethodName>> = {
  balance: 'user_balance_get',
  user_balance_change: 'user_balance_update',
};

/** The method a path segment names, through its alias if it is one; undefined if none. */
export function resolveLegacyMethod(name: string | undefined): LegacyMethodName | undefined {
  if (name === undefined) return undefined;
  if (Object.hasOwn(LEGACY_METHODS, name)) return name as LegacyMethodName;
  return Object.hasOwn(ALIASES, name) ? ALIASES[name] : undefined;
}

/**
 * Whether a GET may call this method whatever LEGACY_ALLOW_GET says: the real server exempts
 * user_balance_get from its "Allow GET API" check (it only reads), and so do we.
 */
export function alwaysAnswersGet(method: LegacyMethodName | undefined): boolean {
  return method === 'user_balance_get';
}
