import type { BalanceEventDoc } from '../balance-api/balance-event-doc.js';
import { REQUEST_AMOUNT_SCHEMA, USER_ID_SCHEMA } from '../balance-api/balance-event-doc.js';
import { numberSchema, objectSchema, stringSchema } from '../common/json-schema.js';
import { TOTALS_SCHEMA } from './totals-as-numbers.js';

/** The caller's spendable TOKEN_ASSET balance (balance less what holds lock), as the socket API's JSON number. */
export const SPENDABLE_TOKEN_SCHEMA = numberSchema('Spendable TOKEN_ASSET balance: the balance less what holds lock');

/** What LedgerGateway.outcome answers for a write. */
const OUTCOME_SCHEMA = objectSchema(
  {
    transactionId: stringSchema('The ledger transaction'),
    token: numberSchema("The affected user's spendable TOKEN_ASSET balance after it"),
  },
  { optional: ['token'] },
);

/** balance:getTransactions, balance:donateToken, balance:addUserBalanceByAdmin (ledger.gateway.ts). */
export const LEDGER_SOCKET_EVENTS: readonly BalanceEventDoc[] = [
  {
    event: 'balance:getTransactions',
    summary: "The caller's totals in TOKEN_ASSET, per type, keyed by action name, and the spendable balance",
    data: null,
    answer: objectSchema({ transactions: TOTALS_SCHEMA, token: SPENDABLE_TOKEN_SCHEMA }),
    failures: {},
  },
  {
    event: 'balance:donateToken',
    summary: 'Gives tokens to another user: the sender records `spending`, the receiver `mining`, both under action `donation`',
    data: objectSchema({ targetUser: USER_ID_SCHEMA, token: REQUEST_AMOUNT_SCHEMA }, { open: true }),
    answer: OUTCOME_SCHEMA,
    failures: {
      404: 'The target user does not exist',
      409: '`event.id` reused with another endpoint or other data',
      422: 'Insufficient funds',
      423: 'An account of the donation is frozen (`Account is frozen`)',
    },
  },
  {
    event: 'balance:addUserBalanceByAdmin',
    summary: "Credits (or, with a negative amount, withdraws from) a user's TOKEN_ASSET balance, never below zero; action `adminAdjustment`",
    role: 'admin',
    data: objectSchema({ targetUser: USER_ID_SCHEMA, amount: REQUEST_AMOUNT_SCHEMA }, { open: true }),
    answer: OUTCOME_SCHEMA,
    failures: {
      404: 'The target user does not exist',
      409: '`event.id` reused with another endpoint or other data',
      422: 'The withdrawal would take the balance below zero',
      423: 'The user is frozen',
    },
  },
];
