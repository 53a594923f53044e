import { describe, expect, it } from '@jest/globals';
import { eventJsonOf, eventOf, eventPayload } from '../../src/ledger/events/event-types.js';

// Webhooks send each event as the feed shows it, made as text (eventJsonOf) instead of parsed and
// printed again (JSON.stringify(eventOf(...))): the two must be the same text, byte for byte.
describe('an event as text', () => {
  const at = Date.UTC(2026, 11, 6, 21, 30, 25, 494);
  const payloads = [
    eventPayload('user.unfrozen', at, { userId: 'alice' }),
    eventPayload('user.frozen', at, { userId: 'bob "the" builder\\', scope: 'all', reason: 'línea\n\ttab \u2028 \u{1F600} \u0001' }),
    eventPayload('transaction.committed', at, {
      transactionId: '18446744073709551615',
      kind: 'donation',
      entries: [{ userId: 'a', account: 'a', asset: 'rents', amount: '-0.000001', type: 'spending', balanceAfter: '0' }, { account: 'system:issuer', amount: '1e-6' }],
      metadata: { nested: { deeper: [1, 2.5, -0, null, true] } },
    }),
    '{}',
  ];

  it.each(payloads.map((payload, i) => [i, payload]))('is what the feed shows, printed (payload %i)', (_i, payload) => {
    for (const id of ['1', 42, '9223372036854775807']) {
      const text = eventJsonOf(id, payload as string);
      expect(text).toBe(JSON.stringify(eventOf(id, payload as string)));
      expect(JSON.parse(text)).toEqual(eventOf(id, payload as string));
    }
  });
});
