import type { BalanceEventDoc } from '../balance-api/balance-event-doc.js';
import { numberSchema, objectSchema, stringSchema } from '../common/json-schema.js';

/** balance:getCurrencyExchangeRate (exchange-rates.gateway.ts). */
export const EXCHANGE_RATE_SOCKET_EVENTS: readonly BalanceEventDoc[] = [
  {
    event: 'balance:getCurrencyExchangeRate',
    summary: 'Units of `currency` per one TOKEN_ASSET',
    data: objectSchema({ currency: stringSchema('An asset code, case-insensitive (`valu` and `Valu` are the same)', { minLength: 1, maxLength: 16 }) }, { open: true }),
    answer: objectSchema({ currencyExchangeRate: numberSchema('Units of `currency` per one TOKEN_ASSET') }),
    failures: { 404: 'Unknown or unquoted currency' },
  },
];
