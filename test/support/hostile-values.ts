import fc from 'fast-check';

/** Values a hostile or broken client sends where an amount, id or name is expected. */
export const hostileScalar = fc.oneof(
  fc.double(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 0, 1e308, 5e-324, 2 ** 53 + 1, -1),
  fc.constantFrom('1e5', '-0', '0x10', '1,5', ' 1 ', '', 'NaN', 'Infinity', '١٢٣', '1.000000000000000000001'),
  fc.constantFrom(`' OR 1=1 --`, `"; DROP TABLE accounts; --`, '<x>&amp;</x>', ']]>', '<?xml?>', '\u0000', '\ud800', '\uffff'),
  fc.string({ maxLength: 40 }),
  fc.string({ minLength: 5000, maxLength: 20000 }),
  fc.bigInt().map(String),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 2000 }),
);

const FIELD_NAMES = [
  'targetUser', 'token', 'amount', 'action', 'currency', 'roomId', 'subscriptionPlan', 'productType', 'productId',
  'walletAddress', 'asset', 'userIds', 'reason', 'rate', 'seconds', 'roles', '__proto__', 'constructor', 'prototype',
];

/** An object with plausible and implausible field names holding hostile values, sometimes nested deep. */
export const hostileObject = fc.letrec((tie) => ({
  object: fc.dictionary(fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 10 })), fc.oneof({ depthSize: 'small' }, hostileScalar, tie('object')), { maxKeys: 6 }),
})).object;

/** JSON nested `depth` levels deep. */
export function deeplyNested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** JSON arrays nested `depth` levels deep: `[[[…1…]]]`. */
export function deeplyNestedArray(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}
