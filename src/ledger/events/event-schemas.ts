import { arraySchema, dateTimeSchema, decimalStringSchema, objectSchema, stringSchema, type JsonSchema } from '../../common/json-schema.js';

/**
 * The events of §9 (the outbox, `GET /events` and webhooks), one schema per type. Every event
 * has `id`, `type`, `schemaVersion` and `createdAt`; amounts are signed decimal strings.
 * Open objects: a later schemaVersion may add fields, and receivers must ignore the unknown.
 */
export const EVENT_SCHEMA_VERSION = 1;

const envelope = (type: string) => ({
  id: stringSchema('The event id: a decimal string, assigned in commit order (the `webhook-id` of its deliveries)', { pattern: '^[0-9]+$' }),
  type: { const: type, description: 'The event type' },
  schemaVersion: { const: EVENT_SCHEMA_VERSION, description: 'Version of this type\'s payload' },
  createdAt: dateTimeSchema('When the change committed'),
});

const event = (type: string, fields: Record<string, JsonSchema>, optional: readonly string[] = [], extra: JsonSchema = {}): JsonSchema => ({
  ...objectSchema({ ...envelope(type), ...fields }, { optional, open: true }),
  ...extra,
});

const userId = stringSchema('The user');
const amount = (description: string) => decimalStringSchema(description, true);

const TRANSACTION_ENTRY = objectSchema(
  {
    userId,
    account: stringSchema('The account: a user\'s, or a system account (then without `userId`)'),
    asset: stringSchema('The asset'),
    amount: amount('Signed amount of the entry'),
    type: stringSchema('Entry type'),
    action: stringSchema('The action it records'),
    balanceAfter: amount("The account's balance after the entry"),
  },
  { optional: ['userId'], open: true },
);

const hold = (type: string, what: string) =>
  [type, `A hold ${what}`, event(type, { holdId: stringSchema('The hold'), userId, asset: stringSchema('The asset'), amount: amount('The amount held (or captured)') })] as const;

const subscription = (type: string, what: string) =>
  [
    type,
    `A subscription ${what}`,
    event(
      type,
      { subscriptionId: stringSchema('The subscription'), userId, roomId: stringSchema('The room subscribed to'), productId: stringSchema('The product subscribed to'), plan: stringSchema('The plan') },
      ['roomId', 'productId'],
      { anyOf: [{ required: ['roomId'] }, { required: ['productId'] }] },
    ),
  ] as const;

const freeze = (type: string, what: string) =>
  [type, `A user was ${what}`, event(type, { userId, scope: stringSchema('What the freeze blocks (`all` or `debits`)'), reason: stringSchema('Why, as the operator wrote it') }, ['scope', 'reason'])] as const;

/** Every event type: [type, summary, payload schema]. */
export const EVENT_TYPES: ReadonlyArray<readonly [type: string, summary: string, payload: JsonSchema]> = [
  [
    'transaction.committed',
    'A ledger transaction committed',
    event(
      'transaction.committed',
      {
        transactionId: stringSchema('The ledger transaction'),
        kind: stringSchema('What made it'),
        action: stringSchema('The action it records'),
        reverses: stringSchema('The transaction it takes back (reversals only)'),
        entries: arraySchema(TRANSACTION_ENTRY, 'Every entry, system accounts included'),
      },
      ['reverses'],
    ),
  ],
  hold('hold.placed', 'was placed'),
  hold('hold.captured', 'was captured'),
  hold('hold.released', 'was released'),
  hold('hold.expired', 'expired'),
  subscription('subscription.created', 'was created'),
  subscription('subscription.renewed', 'was renewed (charged for a new period)'),
  subscription('subscription.expired', 'expired'),
  freeze('user.frozen', 'frozen'),
  freeze('user.unfrozen', 'unfrozen'),
];

/** The Standard Webhooks headers of every delivery (standardwebhooks.com). */
export const WEBHOOK_HEADERS_SCHEMA = objectSchema(
  {
    'webhook-id': stringSchema('The event id, the same on every attempt: receivers dedupe by it', { pattern: '^[0-9]+$' }),
    'webhook-timestamp': stringSchema('The real time of this attempt, Unix seconds', { pattern: '^[0-9]+$' }),
    'webhook-signature': stringSchema(
      'Space-separated `v1,<base64 HMAC-SHA256>` of `{webhook-id}.{webhook-timestamp}.{body}`, keyed by the base64-decoded part of the `whsec_` secret (two while a rotated secret still signs)',
      { pattern: '^v1,[A-Za-z0-9+/]+={0,2}( v1,[A-Za-z0-9+/]+={0,2})*$' },
    ),
  },
  { open: true },
);
