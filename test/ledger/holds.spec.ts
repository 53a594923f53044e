import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DomainError } from '../../src/common/errors.js';
import { SYSTEM_ACCOUNTS } from '../../src/ledger/system-accounts.js';
import { openLedger, type LedgerHarness } from '../support/ledger-harness.js';
import { DATABASE_KINDS } from '../support/test-databases.js';

describe.each(DATABASE_KINDS)('holds on %s', (kind) => {
  let h: LedgerHarness;

  beforeAll(async () => {
    h = await openLedger(kind);
    await h.ledger.post({ kind: 'mint', action: 'funding', legs: [
      { ownerId: SYSTEM_ACCOUNTS.issuer, asset: 'usd', amount: -100000n, type: 'system' },
      { ownerId: 'holder', asset: 'usd', amount: 100000n, type: 'mining' },
    ] });
  });
  afterAll(async () => {
    await h?.close();
  });

  const codeOf = async (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof DomainError ? e.code : String(e)));

  it('locks funds so they cannot be spent, then releases them', async () => {
    const hold = await h.holds.place({ userId: 'holder', asset: 'usd', amount: 90000n, reason: 'order', expiresAt: null });
    const spend = h.ledger.post({ kind: 'transfer', action: 'x', legs: [
      { ownerId: 'holder', asset: 'usd', amount: -20000n, type: 'spending' },
      { ownerId: 'someone', asset: 'usd', amount: 20000n, type: 'mining' },
    ] });
    expect(await codeOf(spend)).toBe('insufficient_funds');
    expect((await h.holds.release(hold.id)).status).toBe('released');
    expect(await codeOf(h.holds.release(hold.id))).toBe('conflict');
    expect(await codeOf(h.holds.capture(hold.id))).toBe('conflict');
  });

  it('captures part of a hold and releases the rest', async () => {
    const hold = await h.holds.place({ userId: 'holder', asset: 'usd', amount: 5000n, reason: 'order', expiresAt: null });
    const captured = await h.holds.capture(hold.id, 1500n);
    expect(captured).toMatchObject({ status: 'captured', captured: 1500n });
    const [account] = await h.db.query<{ balance: string; locked: string }>(
      `SELECT balance, locked FROM accounts WHERE owner_id = 'holder' AND asset = 'usd'`,
    );
    expect(account).toEqual({ balance: '98500', locked: '0' });
    expect((await h.check.run()).ok).toBe(true);
  });

  it('lets exactly one of a racing capture and release win', async () => {
    for (let round = 0; round < 10; round++) {
      const hold = await h.holds.place({ userId: 'holder', asset: 'usd', amount: 100n, reason: 'race', expiresAt: null });
      const results = await Promise.all([codeOf(h.holds.capture(hold.id)), codeOf(h.holds.release(hold.id))]);
      expect(results.sort()).toEqual(['conflict', 'ok']);
    }
    expect((await h.check.run()).failures).toEqual([]);
  });

  it('expires due holds once, and never captures an expired one', async () => {
    const expiresAt = h.clock.now() + 60_000;
    const hold = await h.holds.place({ userId: 'holder', asset: 'usd', amount: 700n, reason: 'short', expiresAt });
    expect(await h.holds.expireDue()).toBe(0);
    h.clock.setOffset(61_000);
    expect(await codeOf(h.holds.capture(hold.id))).toBe('conflict');
    const [first, second] = await Promise.all([h.holds.expireDue(), h.holds.expireDue()]);
    expect(first + second).toBe(1);
    expect((await h.holds.get(hold.id)).status).toBe('expired');
    expect(await codeOf(h.holds.place({ userId: 'holder', asset: 'usd', amount: 1n, reason: 'past', expiresAt: h.clock.now() - 1 }))).toBe('invalid_request');
    h.clock.setOffset(0);
    expect((await h.check.run()).failures).toEqual([]);
  });
});
