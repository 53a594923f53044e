import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Reader, Tx } from '../../src/database/db.service.js';
import { deliveriesTable, PAYLOAD_IN_EVENTS } from '../../src/webhooks/deliveries.repository.js';
import { openLedger, type LedgerHarness } from '../support/ledger-harness.js';
import { DATABASE_KINDS } from '../support/test-databases.js';

/** Event bodies as the outbox writes them, with what an array literal must escape: quotes, backslashes, commas, braces, NULL-looking text, newlines, non-ASCII. */
const bodyOf = (id: number) => JSON.stringify({ id: String(id), note: `a "quoted", {braced} \\ back\\slash NULL\nline ${id} – ünïcödé` });

const eventsFrom = (first: number, count: number) => Array.from({ length: count }, (_, i) => ({ id: String(first + i), type: 'transaction.committed', payload: bodyOf(first + i) }));

/** The delivery log's statements, written whole and read back, at one row and at many: the statement texts the service sends are recorded. */
describe.each(DATABASE_KINDS)('the webhook delivery log on %s', (kind) => {
  let h: LedgerHarness;
  const sent: string[] = [];
  const recorded = (tx: Tx): Tx =>
    new Proxy(tx, {
      get: (target, key) => {
        if (key === 'query') return (sql: string, params?: unknown[]) => (sent.push(sql), target.query(sql, params));
        const value: unknown = Reflect.get(target, key);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });

  beforeAll(async () => {
    h = await openLedger(kind);
    // Claims take the deliveries of enabled endpoints only.
    for (const id of ['hook-a', 'hook-b']) {
      await h.db.query('INSERT INTO webhooks (id, url, events, description, secret, enabled, created_at) VALUES (?, ?, ?, ?, ?, 1, ?)', [id, `https://example.com/${id}`, '[]', null, 'whsec_dGVzdA==', 0]);
    }
  });
  afterAll(async () => {
    await h?.close();
  });

  it('writes, claims and records deliveries of any count, bodies exactly as given', async () => {
    const now = 1_000;
    const lengths = [1, 3, 150];
    let first = 1;
    for (const count of lengths) {
      const events = eventsFrom(first, count);
      first += count;
      // Unclaimed: the bodies are stored with the rows.
      const unclaimed = await h.db.transaction((tx) => deliveriesTable.add(recorded(tx), events.map((event) => ({ webhookId: 'hook-a', event })), now));
      expect(unclaimed).toEqual([]);
      // Claimed as written: returned whole, the bodies stay in the events table.
      const claimed = await h.db.transaction((tx) => deliveriesTable.add(recorded(tx), events.map((event) => ({ webhookId: 'hook-b', event })), now, now + 60_000));
      expect(claimed.map((d) => [d.eventId, d.payload])).toEqual(events.map((e) => [e.id, e.payload]));
      // Written again: nothing new, nothing returned.
      const again = await h.db.transaction((tx) => deliveriesTable.add(recorded(tx), events.map((event) => ({ webhookId: 'hook-b', event })), now, now + 60_000));
      expect(again).toEqual([]);
      const ids = events.map((e) => e.id);
      await h.db.transaction((tx) =>
        deliveriesTable.record(recorded(tx), 'hook-b', ids, { status: 'delivered', nextAttemptAt: null, attemptedAt: now + 1, httpStatus: 204, response: '', error: null }),
      );
      await h.db.read(async (reader: Reader) => {
        for (const event of events) {
          const stored = await deliveriesTable.find(reader, 'hook-a', event.id);
          expect(stored).toMatchObject({ status: 'pending', payload: event.payload, attempts: 0, nextAttemptAt: now });
          const delivered = await deliveriesTable.find(reader, 'hook-b', event.id);
          expect(delivered).toMatchObject({ status: 'delivered', payload: PAYLOAD_IN_EVENTS, attempts: 1, lastStatus: 204, nextAttemptAt: null });
        }
      });
    }
    // The unclaimed ones are due: a claim takes them all and leases them.
    const due = await h.db.transaction((tx) => deliveriesTable.claimDue(recorded(tx), now, Date.now(), Date.now() + 60_000, 1_000));
    expect(due.map((d) => d.eventId).sort((a, b) => Number(a) - Number(b))).toEqual(eventsFrom(1, first - 1).map((e) => e.id));
    expect(due.every((d) => d.webhookId === 'hook-a')).toBe(true);
    const again = await h.db.transaction((tx) => deliveriesTable.claimDue(tx, now, Date.now(), Date.now() + 60_000, 1_000));
    expect(again).toEqual([]);
  });

  // PostgreSQL keeps the plans of every named statement on each pooled connection: a statement
  // whose text changes with the number of rows would be a statement (and its plans) per count.
  const distinctTexts = kind === 'postgres' ? 'one text per statement whatever the count' : 'one placeholder per value (SQLite)';
  it(`sends ${distinctTexts}`, () => {
    const texts = new Set(sent.map((sql) => sql.replace(/\s+/g, ' ').trim()));
    const inserts = [...texts].filter((sql) => sql.startsWith('INSERT INTO webhook_deliveries'));
    const outcomes = [...texts].filter((sql) => sql.startsWith('UPDATE webhook_deliveries SET status'));
    const leases = [...texts].filter((sql) => sql.startsWith('UPDATE webhook_deliveries SET locked_until'));
    if (kind === 'postgres') {
      // Claimed (RETURNING) and unclaimed inserts; one outcome update; one lease update.
      expect([inserts.length, outcomes.length, leases.length]).toEqual([2, 1, 1]);
    } else {
      expect(inserts.length).toBeGreaterThan(2);
      expect(outcomes.length).toBeGreaterThan(1);
    }
  });
});
