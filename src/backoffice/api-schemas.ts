import type { ApiPropertyOptions, ReferenceObject, SchemaObject } from '@nestjs/swagger';
import { EVENT_TYPES, type EventType } from '../ledger/events/event-types.js';
import { USER_ENTRY_TYPES } from '../ledger/ledger.types.js';
import { PLANS } from '../subscriptions/plans.js';
import { TOKEN_ACTION_CATEGORIES, TOKEN_ACTION_TYPES } from '../token-actions/token-action.js';
import { MAX_PER_PAGE } from './paging.js';
import { webhookSchemas } from './webhook-schemas.js';

/**
 * The schemas of the backoffice's answers (and the shared pieces of its requests), as OpenAPI
 * 3.0 schema objects. They go into `components.schemas` of /docs-json; every response refers to
 * one of them, and the e2e suite validates every answer it receives against them, so they say
 * exactly what the server sends: required fields, nullability, no undocumented properties.
 */

export type SchemaName =
  | 'Error' | 'Paging' | 'AvailableBalance' | 'AssetBalance' | 'UserBalances' | 'UnknownUser' | 'BalancesReport' | 'User' | 'UsersPage'
  | 'Entry' | 'TransactionsPage' | 'Adjustment' | 'Hold' | 'TokenAction' | 'AppliedAction' | 'ExchangeRate' | 'ExchangeRates' | 'ExchangeRateHistory'
  | 'Product' | 'LedgerCheck' | 'TestClock' | 'UserEntry' | 'AllTransactionsPage' | 'AssetTotals' | 'Subscription' | 'UserFreeze'
  | 'Transaction' | 'BalancesAt' | 'Reversal' | 'AuditRecord' | 'AuditPage' | 'ExportLine'
  | 'Event' | 'EventsPage' | EventSchemaName
  | 'Webhook' | 'NewWebhook' | 'WebhookList' | 'DeletedWebhook' | 'RotatedSecret' | 'Delivery' | 'DeliveriesPage';

/** The schema of each event type (`transaction.committed` → TransactionCommittedEvent). */
export const eventSchemaName = (type: EventType) => `${type.split('.').map((w) => w[0].toUpperCase() + w.slice(1)).join('')}Event` as EventSchemaName;
type EventSchemaName =
  | 'TransactionCommittedEvent' | 'HoldPlacedEvent' | 'HoldCapturedEvent' | 'HoldReleasedEvent' | 'HoldExpiredEvent'
  | 'SubscriptionCreatedEvent' | 'SubscriptionRenewedEvent' | 'SubscriptionExpiredEvent' | 'UserFrozenEvent' | 'UserUnfrozenEvent';

/** `$ref` to a component schema. */
export const ref = (name: SchemaName): ReferenceObject => ({ $ref: `#/components/schemas/${name}` });
const arrayOf = (name: SchemaName): SchemaObject => ({ type: 'array', items: ref(name) });

/** Canonical exact decimal of an answer: no exponent, no trailing zeros, no "+" ("1.5", "0", "-0.3"). */
export const DECIMAL_ANSWER = '^-?(0|[1-9][0-9]*)(\\.[0-9]*[1-9])?$';
/** The same, greater than 0. */
const DECIMAL_POSITIVE = '^([1-9][0-9]*(\\.[0-9]*[1-9])?|0\\.[0-9]*[1-9])$';
/** A user id (JWT `sub`), as auth/user-id.ts. */
export const USER_ID = '^[A-Za-z0-9._:-]{1,128}$';
/** A name taken from the path (action, product type and id), as request-values.ts `pathName`. */
export const PATH_NAME = '^[A-Za-z0-9._:-]+$';
/** An asset code in a request (case-insensitive; the server answers in lower case). */
export const ASSET_REQUEST = '^[A-Za-z0-9]{1,16}$';

/** An asset code in an answer (always lower case). The document lists the catalog's codes (openapi-assets.ts). */
export const ASSET_ANSWER = '^[a-z0-9]{1,16}$';

/**
 * The most decimals any asset of the catalog has (eth and usdt); each asset takes at most its
 * own scale. The assets' scales are listed with their codes in the document (openapi-assets.ts).
 */
export const LARGEST_SCALE = 18;
/** Zero in any spelling ("0", "0.00", "+0"). */
const ZERO = '^[+-]?0+(\\.0+)?$';

/**
 * What a request amount may be: `signed` (not zero), `positive`, `zeroOrMore`, or a `rate`
 * (positive, any number of decimals: a rate is no asset's amount).
 */
export type AmountForm = 'signed' | 'positive' | 'zeroOrMore' | 'rate';

/**
 * A request amount as a decimal string (exact) or a JSON number, as IsAmount and money.ts read
 * it: digits, an optional sign, and at most LARGEST_SCALE decimals once trailing zeros are
 * dropped (`1.50` is 2 decimals' worth of `1.5`).
 */
export function amountSchema(form: AmountForm): SchemaObject {
  const sign = form === 'signed' ? '[+-]?' : '\\+?';
  const fraction = form === 'rate' ? '(\\.[0-9]+)?' : `(\\.[0-9]{1,${LARGEST_SCALE}}0*)?`;
  const text: SchemaObject = { type: 'string', pattern: `^${sign}[0-9]+${fraction}$`, maxLength: 100 };
  const number: SchemaObject = { type: 'number' };
  if (form !== 'zeroOrMore') {
    text.not = { pattern: ZERO };
    number.not = { enum: [0] };
  }
  if (form !== 'signed') number.minimum = 0;
  return { oneOf: [text, number] };
}

const SCALE_RULE =
  "At most the asset's own decimals (its scale: 2 for usd and eur, 8 for rents, 18 for eth; the asset codes list each one), trailing zeros aside; more is a 400, never rounded.";

/**
 * A request amount: an exact decimal string (preferred) or a JSON number. The schema takes up
 * to the largest scale of any asset; the server takes at most the asset's own (2 for usd, 8 for
 * rents, 18 for eth) and refuses more with a 400, never rounding.
 */
export function requestAmount(options: { form?: AmountForm; description: string; example: string }): ApiPropertyOptions {
  const form = options.form ?? 'positive';
  return {
    oneOf: amountSchema(form).oneOf,
    description: `${options.description} A decimal string is exact; a JSON number is accepted too. ${form === 'rate' ? '' : `${SCALE_RULE} `}At most MAX_AMOUNT (10^15 by default) whole units, in any form (1e16 included); more is a 400.`,
    example: options.example,
  };
}

/** The free plan costs 0; every other plan more (products.service.ts refuses anything else). */
const PAID_PLANS = PLANS.filter((plan) => plan !== 'free');
const ZERO_AMOUNT: SchemaObject = { oneOf: [{ type: 'string', pattern: '^\\+?0+(\\.0+)?$', maxLength: 100 }, { type: 'number', enum: [0] }] };

/** A product's plans in a request: each plan at most once (whole options repeated are refused by the schema; a plan repeated at another price by the server), the free one at 0. */
export const PRODUCT_OPTIONS_REQUEST: SchemaObject = {
  type: 'array',
  maxItems: PLANS.length,
  uniqueItems: true,
  description: `The plans offered, each at most once (so at most ${PLANS.length}); a plan repeated is a 400. Prices in TOKEN_ASSET, at most its decimals: 0 for the free plan, more for every other.`,
  items: {
    oneOf: [
      { type: 'object', required: ['plan', 'price'], additionalProperties: false, properties: { plan: { type: 'string', enum: ['free'] }, price: { ...ZERO_AMOUNT, description: 'Always 0' } } },
      { type: 'object', required: ['plan', 'price'], additionalProperties: false, properties: { plan: { type: 'string', enum: PAID_PLANS }, price: { ...amountSchema('positive'), description: 'Greater than 0' } } },
    ],
  },
  example: [
    { plan: 'free', price: '0' },
    { plan: 'subscription_month', price: '15' },
  ],
};

const decimal = (description: string, example: string): SchemaObject => ({ type: 'string', pattern: DECIMAL_ANSWER, description, example });
const timestamp = (description: string): SchemaObject => ({ type: 'string', format: 'date-time', description, example: '2025-03-01T12:00:00.000Z' });
const asset: SchemaObject = { type: 'string', pattern: ASSET_ANSWER, description: 'Asset code', example: 'usd' };
const userId: SchemaObject = { type: 'string', pattern: USER_ID, description: 'User id (the JWT `sub`)', example: 'd3e84bed-94bb-59c1-bbf1-fcfea251e84b' };

const ACCOUNT: SchemaObject = {
  type: 'object',
  description: "A user's account after the change: `amount` includes `locked`; `available` = amount − locked",
  required: ['asset', 'amount', 'locked', 'available'],
  additionalProperties: false,
  properties: {
    asset,
    amount: decimal('Balance, locked funds included', '100.3'),
    locked: decimal('Reserved by pending holds', '20'),
    available: decimal('What can be spent', '80.3'),
  },
};

/** The account a posting answered with: null only when the posting left the user no account. */
const POSTED_BALANCE: SchemaObject = { ...ACCOUNT, nullable: true, description: `${ACCOUNT.description} (null only if the posting left no account of the user)` };
/** A ledger transaction's id: a decimal integer, as text. */
const transactionId = (example: string): SchemaObject => ({ type: 'string', pattern: '^[0-9]+$', example });

const ENTRY_REQUIRED = ['entryId', 'transactionId', 'asset', 'amount', 'balanceAfter', 'type', 'action', 'kind', 'metadata', 'createdAt'];
const ENTRY_PROPERTIES: Record<string, SchemaObject> = {
  entryId: { type: 'string', pattern: '^[0-9]+$', example: '42' },
  transactionId: transactionId('17'),
  asset,
  amount: decimal('Signed: credits positive, debits negative', '-12.5'),
  balanceAfter: decimal("The account's balance after this entry", '87.5'),
  type: { type: 'string', enum: [...USER_ENTRY_TYPES], example: 'spending' },
  action: { type: 'string', example: 'adjustment' },
  kind: { type: 'string', description: 'What moved it (donation, adjustment, capture, subscription, reversal, …)', example: 'adjustment' },
  reverses: { ...transactionId('12'), description: 'On the entries of a reversal: the transaction it reverses' },
  metadata: { type: 'object', additionalProperties: true, example: { comment: 'Refund reversed', admin: 'ops-1' } },
  createdAt: timestamp('When it was posted'),
};

/** A page of entries with the filters given echoed as sent. */
const entriesPage = (entry: SchemaName): SchemaObject => ({
  type: 'object',
  required: ['filters', 'paging', 'data'],
  additionalProperties: false,
  properties: {
    filters: {
      type: 'object',
      description: 'The filters given, echoed as sent',
      additionalProperties: false,
      properties: { asset: { type: 'string' }, type: { type: 'string' }, action: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } },
    },
    paging: ref('Paging'),
    data: arrayOf(entry),
  },
});

const FREEZE: SchemaObject = {
  type: 'object',
  description: "An operator's freeze of the user's own movements",
  required: ['scope', 'reason', 'since', 'by'],
  additionalProperties: false,
  properties: {
    scope: { type: 'string', enum: ['all', 'debits'], description: '`debits`: money out is refused; `all`: money out and in', example: 'debits' },
    reason: { type: 'string', example: 'Chargeback investigation #5521' },
    since: timestamp('Frozen since (the service clock)'),
    by: { ...userId, description: "The operator's user id" },
  },
};
/** One side of a transaction, as GET /transactions/{id} and the export show it. */
const TRANSACTION_ENTRY: Record<string, SchemaObject> = {
  userId: { ...userId, description: 'The user, on user accounts only' },
  account: { type: 'string', description: 'The account owner: a user id, or a system account (system:issuer, system:revenue)', example: 'system:issuer' },
  asset,
  amount: decimal('Signed: credits positive, debits negative', '-5'),
  type: { type: 'string', enum: [...USER_ENTRY_TYPES, 'system'], example: 'spending' },
  action: { type: 'string', example: 'donation' },
  balanceAfter: decimal("The account's balance after this entry (a system account's may be negative)", '95'),
};

/** An NDJSON export's entry line. */
const EXPORTED_ENTRY: SchemaObject = {
  type: 'object',
  description: 'One entry, with the fields of its transaction',
  required: ['transactionId', 'createdAt', 'kind', 'action', 'account', 'asset', 'amount', 'type', 'balanceAfter'],
  additionalProperties: false,
  properties: {
    transactionId: transactionId('17'),
    createdAt: timestamp('When the transaction was posted'),
    kind: { type: 'string', example: 'donation' },
    ...TRANSACTION_ENTRY,
    action: { type: 'string', description: "The entry's action", example: 'donation' },
    comment: { type: 'string', description: "The operator's comment (adjustments)", example: 'Goodwill credit for ticket #4711' },
    reverses: { ...transactionId('12'), description: 'The transaction this one reverses' },
  },
};
/** An NDJSON export's last line. */
const EXPORT_END: SchemaObject = {
  type: 'object',
  description: 'The last line; a file without it was cut short',
  required: ['end', 'count'],
  additionalProperties: false,
  properties: { end: { type: 'boolean', enum: [true] }, count: { type: 'integer', minimum: 0, description: 'Entries in the file', example: 2 } },
};

const FROZEN_OR_NOT: SchemaObject = { ...FREEZE, nullable: true, description: 'The freeze, or null when not frozen' };

/** An event of one type: the fields every event has, then its own (CONTRACT §9). */
function eventSchema(type: EventType, description: string, required: string[], properties: Record<string, SchemaObject>): SchemaObject {
  return {
    type: 'object',
    description,
    required: ['id', 'type', 'schemaVersion', 'createdAt', ...required],
    additionalProperties: false,
    properties: {
      id: { type: 'string', pattern: '^[1-9][0-9]*$', description: 'Assigned in commit order: a later event never has a lower id', example: '42' },
      type: { type: 'string', enum: [type], example: type },
      schemaVersion: { type: 'integer', enum: [1], description: 'The version of this type\'s fields' },
      createdAt: timestamp('When the change was made (the service clock)'),
      ...properties,
    },
  };
}
const subscriptionId: SchemaObject = { type: 'string', format: 'uuid', example: '0b9f3c1e-5a7d-4c2b-9e8f-1a2b3c4d5e6f' };
const HOLD_EVENT_FIELDS = ['holdId', 'userId', 'asset', 'amount'];
const holdEvent = (type: EventType, description: string, amount: string) =>
  eventSchema(type, description, HOLD_EVENT_FIELDS, { holdId: { type: 'string', format: 'uuid', example: '7d7c1f0e-3b7a-4d4c-8f5e-2a9b8c7d6e5f' }, userId, asset, amount: decimal(amount, '5') });
const subscriptionEvent = (type: EventType, description: string, extra: Record<string, SchemaObject> = {}, extraRequired: string[] = []) => ({
  ...eventSchema(type, description, ['subscriptionId', 'userId', 'plan', ...extraRequired], {
    subscriptionId,
    userId,
    roomId: { type: 'string', description: 'The room (a room subscription)', example: 'room-42' },
    productId: { type: 'string', description: 'The product (any other product type)', example: 'product-7' },
    plan: { type: 'string', enum: [...PLANS], example: 'subscription_month' },
    ...extra,
  }),
  oneOf: [{ required: ['roomId'] }, { required: ['productId'] }],
});

/** Every event type's schema, by name. */
const EVENT_SCHEMAS: Record<EventSchemaName, SchemaObject> = {
  TransactionCommittedEvent: eventSchema('transaction.committed', 'A ledger transaction committed (reversals included), with every entry as GET /transactions/{id} shows it', ['transactionId', 'kind', 'action', 'entries'], {
    transactionId: transactionId('17'),
    kind: { type: 'string', example: 'donation' },
    action: { type: 'string', example: 'donation' },
    reverses: { ...transactionId('12'), description: 'The transaction this one reverses (reversals only)' },
    entries: { type: 'array', minItems: 2, items: { type: 'object', required: ['account', 'asset', 'amount', 'type', 'action', 'balanceAfter'], additionalProperties: false, properties: TRANSACTION_ENTRY } },
  }),
  HoldPlacedEvent: holdEvent('hold.placed', 'A hold reserved part of a balance', 'The amount held'),
  HoldCapturedEvent: holdEvent('hold.captured', 'A hold was captured (its transaction.committed event is in the same commit, just before); any rest was released', 'The amount captured'),
  HoldReleasedEvent: holdEvent('hold.released', 'A hold was released by an operator', 'The amount that was held'),
  HoldExpiredEvent: holdEvent('hold.expired', 'A hold expired and was released', 'The amount that was held'),
  SubscriptionCreatedEvent: subscriptionEvent('subscription.created', 'A subscription was created (its first charge, if any, commits with it)'),
  SubscriptionRenewedEvent: subscriptionEvent('subscription.renewed', 'A recurring subscription was charged for its next period'),
  SubscriptionExpiredEvent: subscriptionEvent(
    'subscription.expired',
    'A subscription ended',
    { reason: { type: 'string', enum: ['network_admin', 'admin', 'insufficient_funds'], description: 'Who or what ended it', example: 'insufficient_funds' } },
    ['reason'],
  ),
  UserFrozenEvent: eventSchema('user.frozen', "An operator froze a user's own movements (or changed the freeze's scope or reason)", ['userId', 'scope', 'reason'], {
    userId,
    scope: { type: 'string', enum: ['all', 'debits'], example: 'debits' },
    reason: { type: 'string', example: 'Chargeback investigation #5521' },
  }),
  UserUnfrozenEvent: eventSchema('user.unfrozen', 'An operator lifted a freeze', ['userId'], { userId }),
};

export const API_SCHEMAS = {
  Error: {
    type: 'object',
    description: 'Every error answer. Validation errors list every failed constraint as an array of messages.',
    required: ['statusCode', 'message'],
    additionalProperties: false,
    properties: {
      statusCode: { type: 'integer', minimum: 400, maximum: 599, example: 400 },
      message: {
        oneOf: [
          { type: 'string', example: 'asset must be a known asset; "doge" is not' },
          { type: 'array', items: { type: 'string' }, minItems: 1, example: ['amount must be a number or a decimal string'] },
        ],
      },
    },
  },
  Paging: {
    type: 'object',
    required: ['page', 'per_page', 'total'],
    additionalProperties: false,
    properties: {
      page: { type: 'integer', minimum: 1, example: 1 },
      per_page: { type: 'integer', minimum: 1, maximum: MAX_PER_PAGE, example: 20 },
      total: { type: 'integer', minimum: 0, description: 'Items across all pages', example: 2 },
    },
  },
  AvailableBalance: {
    type: 'object',
    required: ['asset', 'balance'],
    additionalProperties: false,
    properties: { asset, balance: { type: 'number', description: 'Available (amount less locked), a JSON number as in the spec', example: 10 } },
  },
  AssetBalance: {
    type: 'object',
    required: ['asset', 'amount', 'locked'],
    additionalProperties: false,
    properties: {
      asset,
      amount: decimal('Balance, locked funds included', '1.5'),
      locked: decimal('Reserved by pending holds', '0.5'),
      fundsInRootAsset: decimal('`amount` in the root asset, rounded half-even (quoted assets only)', '97500'),
    },
  },
  UserBalances: {
    type: 'object',
    required: ['userName', 'userId', 'userEmail', 'userRoles', 'balances', 'rootAsset'],
    additionalProperties: false,
    properties: {
      userName: { type: 'string', nullable: true, example: 'volgen' },
      userId,
      userEmail: { type: 'string', nullable: true, example: 'volgen@mailinator.com' },
      userRoles: { type: 'array', items: { type: 'string' }, example: ['admin'] },
      balances: arrayOf('AssetBalance'),
      totalFundsInRootAsset: decimal('Sum of `fundsInRootAsset`; only when every listed asset is quoted and no asset filter was given', '97500'),
      rootAsset: asset,
    },
  },
  UnknownUser: {
    type: 'object',
    required: ['userId', 'error'],
    additionalProperties: false,
    properties: { userId: { type: 'string', example: '5122444f-2658-fb8f-8863-16fdf0a2028b' }, error: { type: 'string', example: 'User with id:5122444f-2658-fb8f-8863-16fdf0a2028b not found.' } },
  },
  BalancesReport: {
    type: 'object',
    required: ['filters', 'paging', 'data'],
    additionalProperties: false,
    properties: {
      filters: {
        type: 'object',
        description: 'The filters given, echoed',
        additionalProperties: false,
        properties: {
          userIds: { type: 'array', items: { type: 'string' } },
          asset: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
        },
      },
      paging: ref('Paging'),
      data: { type: 'array', items: { oneOf: [ref('UserBalances'), ref('UnknownUser')] } },
    },
  },
  User: {
    type: 'object',
    required: ['userName', 'userId', 'userEmail', 'userRoles', 'currency', 'createdAt', 'updatedAt', 'frozen'],
    additionalProperties: false,
    properties: {
      userName: { type: 'string', nullable: true, example: 'volgen' },
      userId,
      userEmail: { type: 'string', nullable: true, example: 'volgen@mailinator.com' },
      userRoles: { type: 'array', items: { type: 'string' }, example: ['admin'] },
      currency: { type: 'string', nullable: true, description: "The user's own currency (token claim `currency`)", example: 'eur' },
      createdAt: timestamp('First seen'),
      updatedAt: timestamp('Claims last updated'),
      frozen: FROZEN_OR_NOT,
    },
  },
  UserFreeze: {
    type: 'object',
    required: ['userId', 'frozen'],
    additionalProperties: false,
    properties: { userId, frozen: FROZEN_OR_NOT },
  },
  UsersPage: {
    type: 'object',
    required: ['filters', 'paging', 'data'],
    additionalProperties: false,
    properties: {
      filters: { type: 'object', additionalProperties: false, properties: { search: { type: 'string' } } },
      paging: ref('Paging'),
      data: arrayOf('User'),
    },
  },
  Entry: {
    type: 'object',
    description: 'One side of a ledger transaction, as the user sees it',
    required: ENTRY_REQUIRED,
    additionalProperties: false,
    properties: ENTRY_PROPERTIES,
  },
  TransactionsPage: entriesPage('Entry'),
  Adjustment: {
    type: 'object',
    required: ['transactionId', 'userId', 'action', 'asset', 'amount', 'comment', 'balance'],
    additionalProperties: false,
    properties: {
      transactionId: transactionId('17'),
      userId,
      action: { type: 'string', enum: ['adjustment'] },
      asset,
      amount: decimal('The signed amount applied', '0.3'),
      comment: { type: 'string', example: 'Goodwill credit for ticket #4711' },
      balance: POSTED_BALANCE,
    },
  },
  Hold: {
    type: 'object',
    required: ['holdId', 'userId', 'asset', 'amount', 'captured', 'status', 'reason', 'expiresAt', 'createdAt', 'endedAt'],
    additionalProperties: false,
    properties: {
      holdId: { type: 'string', example: '0b6f6c1e-5d43-4e0b-9a3e-4f1f5c7f2a10' },
      userId,
      asset,
      amount: decimal('Reserved', '25.5'),
      captured: { ...decimal('Captured (null unless captured)', '10'), nullable: true },
      status: { type: 'string', enum: ['pending', 'captured', 'released', 'expired'] },
      reason: { type: 'string', example: 'Order 8812 pending settlement' },
      expiresAt: { ...timestamp('When it is released by itself (null: never)'), nullable: true },
      createdAt: timestamp('Placed'),
      endedAt: { ...timestamp('Captured, released or expired (null while pending)'), nullable: true },
    },
  },
  TokenAction: {
    type: 'object',
    required: ['action', 'type', 'token', 'price', 'category', 'description'],
    additionalProperties: false,
    properties: {
      action: { type: 'string', pattern: PATH_NAME, maxLength: 64, example: 'dailyLogin' },
      type: { type: 'string', enum: [...TOKEN_ACTION_TYPES] },
      token: { type: 'string', pattern: '^[0-9]+(\\.[0-9]+)?$', description: 'TOKEN_ASSET amount the action moves', example: '10' },
      price: { type: 'string', pattern: '^[0-9]+(\\.[0-9]+)?$', description: 'Price in the root asset', example: '0.99' },
      category: { type: 'string', enum: [...TOKEN_ACTION_CATEGORIES] },
      description: { type: 'string', example: 'Logged in today' },
    },
  },
  AppliedAction: {
    type: 'object',
    required: ['transactionId', 'userId', 'action', 'type', 'asset', 'amount', 'balance'],
    additionalProperties: false,
    properties: {
      transactionId: transactionId('18'),
      userId,
      action: { type: 'string', example: 'dailyLogin' },
      type: { type: 'string', enum: [...TOKEN_ACTION_TYPES] },
      asset,
      amount: { type: 'string', pattern: '^-?[0-9]+(\\.[0-9]+)?$', description: 'Signed: spending is negative', example: '10' },
      balance: POSTED_BALANCE,
    },
  },
  ExchangeRate: {
    type: 'object',
    required: ['asset', 'rate', 'updatedAt'],
    additionalProperties: false,
    properties: {
      asset,
      rate: { type: 'string', pattern: '^[0-9]+(\\.[0-9]+)?$', description: 'Root-asset units per one unit of the asset', example: '65000.5' },
      updatedAt: { ...timestamp('Last set (null for the implicit root quote)'), nullable: true },
    },
  },
  ExchangeRates: {
    type: 'object',
    required: ['rootAsset', 'rates'],
    additionalProperties: false,
    properties: { rootAsset: asset, rates: arrayOf('ExchangeRate') },
  },
  ExchangeRateHistory: {
    type: 'object',
    required: ['asset', 'history'],
    additionalProperties: false,
    properties: {
      asset,
      history: {
        type: 'array',
        items: {
          type: 'object',
          required: ['rate', 'changedAt'],
          additionalProperties: false,
          properties: {
            rate: { type: 'string', pattern: '^[0-9]+(\\.[0-9]+)?$', nullable: true, description: 'null: the quote was removed', example: '65000.5' },
            changedAt: timestamp('When'),
          },
        },
      },
    },
  },
  Product: {
    type: 'object',
    required: ['productType', 'productId', 'ownerId', 'asset', 'options'],
    additionalProperties: false,
    properties: {
      productType: { type: 'string', example: 'room' },
      productId: { type: 'string', example: 'demo-room' },
      ownerId: { type: 'string', nullable: true, description: 'Credited with payments (null: the platform)', example: 'd3e84bed-94bb-59c1-bbf1-fcfea251e84b' },
      asset,
      options: {
        type: 'array',
        maxItems: PLANS.length,
        uniqueItems: true,
        description: 'Each plan at most once, in the order of the plans; the free one at 0',
        items: {
          oneOf: [
            { type: 'object', required: ['plan', 'price'], additionalProperties: false, properties: { plan: { type: 'string', enum: ['free'] }, price: { type: 'string', enum: ['0'] } } },
            {
              type: 'object',
              required: ['plan', 'price'],
              additionalProperties: false,
              properties: { plan: { type: 'string', enum: PAID_PLANS }, price: { type: 'string', pattern: DECIMAL_POSITIVE, description: 'In TOKEN_ASSET, more than 0', example: '15' } },
            },
          ],
        },
      },
    },
  },
  LedgerCheck: {
    type: 'object',
    required: ['ok', 'counts', 'failures'],
    additionalProperties: false,
    properties: {
      ok: { type: 'boolean' },
      counts: {
        type: 'object',
        required: ['transactions', 'entries', 'accounts', 'auditRecords'],
        additionalProperties: false,
        properties: {
          transactions: { type: 'integer', minimum: 0 },
          entries: { type: 'integer', minimum: 0 },
          accounts: { type: 'integer', minimum: 0 },
          auditRecords: { type: 'integer', minimum: 0, description: 'Records in the audit trail, whose hash chain is checked too' },
        },
      },
      failures: {
        type: 'array',
        maxItems: 100,
        items: {
          type: 'object',
          required: ['rule', 'detail'],
          additionalProperties: false,
          properties: {
            rule: { type: 'string', enum: ['transaction_balanced', 'asset_conserved', 'balance_matches_entries', 'balance_after_matches', 'not_negative', 'locked_matches_holds', 'audit_chain'] },
            detail: { type: 'string' },
          },
        },
      },
    },
  },
  TestClock: {
    type: 'object',
    required: ['now', 'offsetSeconds'],
    additionalProperties: false,
    properties: { now: timestamp("The service's clock after the move"), offsetSeconds: { type: 'integer', minimum: 0, description: 'Total offset from real time, in whole seconds', example: 86400 } },
  },
  UserEntry: {
    type: 'object',
    description: 'One side of a ledger transaction, naming the user whose entry it is',
    required: [...ENTRY_REQUIRED.slice(0, 2), 'userId', ...ENTRY_REQUIRED.slice(2)],
    additionalProperties: false,
    properties: { ...ENTRY_PROPERTIES, userId },
  },
  AllTransactionsPage: entriesPage('UserEntry'),
  AssetTotals: {
    type: 'object',
    description: 'What users hold of each asset, summed exactly',
    required: ['rootAsset', 'assets', 'totalFundsInRootAsset'],
    additionalProperties: false,
    properties: {
      rootAsset: asset,
      assets: {
        type: 'array',
        items: {
          type: 'object',
          required: ['asset', 'scale', 'accounts', 'amount', 'locked', 'rate', 'fundsInRootAsset'],
          additionalProperties: false,
          properties: {
            asset,
            scale: { type: 'integer', minimum: 0, example: 8 },
            accounts: { type: 'integer', minimum: 0, description: 'User accounts in this asset', example: 2 },
            amount: decimal('Held by users, locked included', '0.5'),
            locked: decimal('Held by pending holds', '0.1'),
            rate: { ...decimal('Root-asset units per one unit (null: unquoted)', '65000'), nullable: true },
            fundsInRootAsset: { ...decimal('`amount` in the root asset (null: unquoted)', '32500'), nullable: true },
          },
        },
      },
      totalFundsInRootAsset: { ...decimal('The sum in the root asset (null when users hold an unquoted asset)', '32500'), nullable: true },
    },
  },
  Subscription: {
    type: 'object',
    required: ['id', 'userId', 'productType', 'productId', 'plan', 'status', 'currency', 'price', 'walletAddress', 'periodIndex', 'periodStart', 'periodEnd', 'createdAt', 'endedAt', 'endedReason'],
    additionalProperties: false,
    properties: {
      id: { type: 'string', format: 'uuid', example: '3f1c2a9e-6b0d-4a51-9d55-0c1f0f7a8e21' },
      userId,
      productType: { type: 'string', example: 'room' },
      productId: { type: 'string', example: 'demo-room' },
      plan: { type: 'string', enum: [...PLANS], example: 'subscription_month' },
      status: { type: 'string', enum: ['active', 'expired'], example: 'active' },
      currency: asset,
      price: decimal('Charged each period, in `currency`', '10'),
      walletAddress: { type: 'string', nullable: true, example: null },
      periodIndex: { type: 'integer', minimum: 0, description: 'Periods charged after the first', example: 2 },
      periodStart: { ...timestamp('Start of the current period'), nullable: true },
      periodEnd: { ...timestamp('End of the current period (null: never expires)'), nullable: true },
      createdAt: timestamp('When it was created'),
      endedAt: { ...timestamp('When it ended (null: active)'), nullable: true },
      endedReason: { type: 'string', nullable: true, enum: ['network_admin', 'admin', 'insufficient_funds', null], example: null },
    },
  },
  Transaction: {
    type: 'object',
    description: 'One ledger transaction with every entry (both sides, system accounts included)',
    required: ['transactionId', 'createdAt', 'kind', 'action', 'reversedBy', 'entries'],
    additionalProperties: false,
    properties: {
      transactionId: transactionId('17'),
      createdAt: timestamp('When it was posted (never earlier than a previous entry of its accounts)'),
      kind: { type: 'string', example: 'donation' },
      action: { type: 'string', example: 'donation' },
      comment: { type: 'string', description: "The operator's comment (adjustments)", example: 'Goodwill credit for ticket #4711' },
      actor: { type: 'object', description: 'The operator who posted it', required: ['id'], additionalProperties: false, properties: { id: userId } },
      reverses: { ...transactionId('12'), description: 'The transaction this one reverses' },
      reversedBy: { type: 'array', description: 'The reversals of this transaction', items: transactionId('18') },
      entries: { type: 'array', items: { type: 'object', required: ['account', 'asset', 'amount', 'type', 'action', 'balanceAfter'], additionalProperties: false, properties: TRANSACTION_ENTRY } },
    },
  },
  AuditRecord: {
    type: 'object',
    description:
      "One operator change. `hash` is SHA-256 (hex) of the previous record's hash followed by this record's canonical JSON without `hash` (members sorted by key, no whitespace); the first record's previous hash is 64 zeros.",
    required: ['id', 'at', 'actor', 'surface', 'address', 'action', 'target', 'requestId', 'hash'],
    additionalProperties: false,
    properties: {
      id: { type: 'string', pattern: '^[1-9][0-9]*$', description: 'Gapless, in chain order', example: '42' },
      at: timestamp('When it was made (the service clock)'),
      actor: {
        type: 'object',
        required: ['id', 'username'],
        additionalProperties: false,
        properties: {
          id: userId,
          username: { type: 'string', nullable: true, example: 'ops-1' },
          asserted: { type: 'boolean', enum: [true], description: 'Named by the caller, not proven (the legacy API `u`)' },
        },
      },
      surface: { type: 'string', enum: ['rest', 'socket', 'legacy'] },
      address: { type: 'string', description: "The caller's network address (through TRUST_PROXY)", example: '203.0.113.7' },
      action: { type: 'string', description: 'What was done (`balance.adjust`, `hold.capture`, `freeze.put`, …)', example: 'balance.adjust' },
      target: { type: 'string', description: 'What it was done to (`user:<id>`, `hold:<id>`, `exchange_rate:<asset>`, …)', example: 'user:68e057fe-0aec-03db-20f8-5f811abf7da6' },
      requestId: { type: 'string', description: 'The REST or legacy request id (`x-request-id`), or the socket `event.id`', example: '5f0c6a52-0b2c-4d8e-a0f4-1b7f5f3b2c11' },
      before: { type: 'object', additionalProperties: true, description: "The target's fields as they were (absent: it was created)" },
      after: { type: 'object', additionalProperties: true, description: "The target's fields as they became (absent: it was deleted)" },
      hash: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    },
  },
  AuditPage: {
    type: 'object',
    required: ['filters', 'paging', 'data'],
    additionalProperties: false,
    properties: {
      filters: {
        type: 'object',
        additionalProperties: false,
        properties: { actor: { type: 'string' }, action: { type: 'string' }, target: { type: 'string' }, from: timestamp('Inclusive'), to: timestamp('Exclusive') },
      },
      paging: ref('Paging'),
      data: { ...arrayOf('AuditRecord'), maxItems: MAX_PER_PAGE, description: 'Newest first' },
    },
  },
  BalancesAt: {
    type: 'object',
    required: ['userId', 'at', 'balances'],
    additionalProperties: false,
    properties: {
      userId,
      at: timestamp('The instant asked about (now when absent), in UTC'),
      balances: {
        type: 'array',
        description: "One per account of the user, by asset; locked funds included (holds move nothing)",
        items: { type: 'object', required: ['asset', 'amount'], additionalProperties: false, properties: { asset, amount: decimal('The balance at `at` (0 before the first entry)', '95') } },
      },
    },
  },
  Reversal: {
    type: 'object',
    description: "A reversal posted: a transaction of kind `reversal` whose entries mirror the original's with the opposite sign",
    required: ['transactionId', 'reverses'],
    additionalProperties: false,
    properties: {
      transactionId: { ...transactionId('18'), description: 'The reversal' },
      reverses: { ...transactionId('17'), description: 'The transaction it reverses' },
    },
  },
  ExportLine: {
    description: 'One line of an NDJSON export: an entry, or the last line, which counts the entries',
    oneOf: [EXPORTED_ENTRY, EXPORT_END],
  },
  ...webhookSchemas(ref, MAX_PER_PAGE),
  ...EVENT_SCHEMAS,
  Event: { description: 'Any event; `type` says which', oneOf: EVENT_TYPES.map((type) => ref(eventSchemaName(type))) },
  EventsPage: {
    type: 'object',
    required: ['events', 'next'],
    additionalProperties: false,
    properties: {
      events: { ...arrayOf('Event'), maxItems: 1000, description: 'Oldest first, in commit order' },
      next: { type: 'string', pattern: '^(0|[1-9][0-9]*)$', description: 'Ask again with after=next: the last event\'s id, or `after` itself when there was nothing new', example: '42' },
    },
  },
} satisfies Record<SchemaName, SchemaObject>;
