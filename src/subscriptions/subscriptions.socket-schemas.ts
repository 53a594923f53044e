import type { BalanceEventDoc } from '../balance-api/balance-event-doc.js';
import { USER_ID_SCHEMA } from '../balance-api/balance-event-doc.js';
import { arraySchema, numberSchema, objectSchema, stringSchema } from '../common/json-schema.js';
import { PLAN_SCHEMA, SUBSCRIPTION_VIEW_SCHEMA } from './subscription-view.js';

const id = (description: string) => stringSchema(description, { minLength: 1, maxLength: 128 });
const currency = stringSchema('An asset code other than TOKEN_ASSET (case-insensitive)', { minLength: 1, maxLength: 16 });

const OPTION_SCHEMA = objectSchema(
  {
    plan: PLAN_SCHEMA,
    price: numberSchema('Price in TOKEN_ASSET'),
    altCurrency: stringSchema('The currency asked for'),
    altPrice: numberSchema('price × rate, in `altCurrency`'),
  },
  { optional: ['altCurrency', 'altPrice'] },
);

const IDEMPOTENCY_CONFLICT = '`event.id` reused with another endpoint or other data';

/** balance:getProductSubscriptionOptions, createRoomSubscription, expireRoomSubscription, getSubscriptions (subscriptions.gateway.ts). */
export const SUBSCRIPTION_SOCKET_EVENTS: readonly BalanceEventDoc[] = [
  {
    event: 'balance:getProductSubscriptionOptions',
    summary: 'The plans of a product; with a non-default `currency`, each option has its price in it too',
    data: objectSchema({ productType: id('The product type'), productId: id('The product'), currency }, { optional: ['currency'], open: true }),
    answer: objectSchema(
      {
        subscriptionOptions: arraySchema(OPTION_SCHEMA, 'The plans the product offers'),
        altCurrencyExchangeRate: numberSchema('Units of `currency` per one TOKEN_ASSET (only with `currency`)'),
      },
      { optional: ['altCurrencyExchangeRate'] },
    ),
    failures: { 404: 'Unknown product or currency' },
  },
  {
    event: 'balance:createRoomSubscription',
    summary: "Subscribes the caller to a room: charges the plan's price and credits the product's owner (action `roomSubscription`)",
    description: 'In `roomi` or `valu` the price is converted and `walletAddress` is needed. Recurring plans renew at the end of each period.',
    data: objectSchema(
      { roomId: id('The room (product) to subscribe to'), subscriptionPlan: stringSchema('A plan the product offers', { minLength: 1, maxLength: 32 }), walletAddress: stringSchema('Wallet of a crypto payment', { minLength: 1, maxLength: 255 }), currency },
      { optional: ['walletAddress', 'currency'], open: true },
    ),
    answer: objectSchema({ subscription: SUBSCRIPTION_VIEW_SCHEMA }),
    failures: {
      404: 'Unknown room, plan the product does not offer, or unknown currency',
      409: `An active subscription to the same room, or ${IDEMPOTENCY_CONFLICT}`,
      422: 'Insufficient funds',
      423: 'The account is frozen',
    },
  },
  {
    event: 'balance:expireRoomSubscription',
    summary: 'Expires the active subscription to `roomId` of `targetUser` (or of the caller); no refund',
    role: 'network-admin',
    data: objectSchema({ roomId: id('The room'), targetUser: USER_ID_SCHEMA }, { optional: ['targetUser'], open: true }),
    answer: objectSchema({ subscription: SUBSCRIPTION_VIEW_SCHEMA }),
    failures: { 403: 'The user is outside the caller\'s network', 404: 'No active subscription to that room', 409: IDEMPOTENCY_CONFLICT },
  },
  {
    event: 'balance:getSubscriptions',
    summary: "The caller's subscriptions with status and period",
    data: null,
    answer: objectSchema({ subscriptions: arraySchema(SUBSCRIPTION_VIEW_SCHEMA, 'Every subscription of the caller') }),
    failures: {},
  },
];
