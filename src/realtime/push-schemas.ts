import { successSchema } from '../balance-api/balance-event-doc.js';
import { arraySchema, dateTimeSchema, decimalStringSchema, integerSchema, objectSchema, stringSchema } from '../common/json-schema.js';
import { SPENDABLE_TOKEN_SCHEMA } from '../ledger/ledger.socket-schemas.js';
import { TOTALS_SCHEMA } from '../ledger/totals-as-numbers.js';

/** `user:balance` (BalancePushes.payload): the user's spendable balance and totals after a committed change. */
export const USER_BALANCE_SCHEMA = successSchema(
  objectSchema(
    {
      token: SPENDABLE_TOKEN_SCHEMA,
      transactions: TOTALS_SCHEMA,
      seq: integerSchema("The account's entry sequence: a socket never receives an older one after a newer one", { minimum: 0 }),
    },
  ),
);

/** `admin:transaction` (RealtimeGateway.pushTransaction): a committed transaction's user entries, for the console's live feed. */
export const ADMIN_TRANSACTION_SCHEMA = objectSchema({
  transactionId: stringSchema('The ledger transaction'),
  kind: stringSchema('What made it (posting, reversal, hold capture, …)'),
  action: stringSchema('The action it records'),
  createdAt: dateTimeSchema('When it committed (service clock)'),
  entries: arraySchema(
    objectSchema({
      userId: stringSchema('The user'),
      asset: stringSchema('The asset'),
      amount: decimalStringSchema('Signed amount of the entry, exact', true),
      type: stringSchema('Entry type: `spending`, `mining` or `buying`'),
    }),
    'Its entries on user accounts (system accounts left out)',
  ),
});
