import type { BalanceEventDoc } from '../balance-api/balance-event-doc.js';
import { arraySchema, numberSchema, objectSchema, stringSchema } from '../common/json-schema.js';

/** One catalog entry as asSocketAction (token-actions.gateway.ts) makes it. */
const SOCKET_ACTION_SCHEMA = objectSchema({
  type: stringSchema('Entry type the action records (`spending`, `mining` or `buying`)'),
  action: stringSchema('The action name'),
  token: numberSchema('Tokens the action moves'),
  price: numberSchema('Price'),
  category: stringSchema('Category'),
  description: stringSchema('What the action is for'),
});

/** balance:getTokenAction, balance:getTokenActionList (token-actions.gateway.ts). */
export const TOKEN_ACTION_SOCKET_EVENTS: readonly BalanceEventDoc[] = [
  {
    event: 'balance:getTokenAction',
    summary: 'One action of the token-action catalog',
    data: objectSchema({ action: stringSchema('The action name', { minLength: 1, maxLength: 64 }) }, { open: true }),
    answer: objectSchema({ actions: SOCKET_ACTION_SCHEMA, actionName: stringSchema('The action asked for') }),
    failures: { 404: 'No such action' },
  },
  {
    event: 'balance:getTokenActionList',
    summary: 'The whole token-action catalog',
    data: null,
    answer: objectSchema({ actions: arraySchema(SOCKET_ACTION_SCHEMA, 'Every action of the catalog') }),
    failures: {},
  },
];
