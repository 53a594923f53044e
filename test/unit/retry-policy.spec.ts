import { describe, expect, it } from '@jest/globals';
import { answerTakenKey, batchMayRunAgain, failureKind, MAX_ATTEMPTS, rerunsAfterRollback, retryConflicts } from '../../src/database/retry-policy.js';

/** Errors shaped as the drivers give them: pg's SQLSTATE in `code`, better-sqlite3's name in `code`. */
const coded = (code: string) => Object.assign(new Error(code), { code });
const deadlock = () => coded('40P01');
const uniqueViolation = () => coded('23505');

/** Runs that fail with the given errors in turn, then succeed; counts the runs. */
function failingWith(...errors: Error[]) {
  let runs = 0;
  const run = async () => {
    const error = errors[runs++];
    if (error) throw error;
    return 'done';
  };
  return { run, runs: () => runs };
}

describe('retry policy', () => {
  it('sorts failures: conflicts, keys taken, everything else', () => {
    expect([deadlock(), coded('40001'), uniqueViolation(), coded('SQLITE_CONSTRAINT_UNIQUE'), coded('SQLITE_BUSY'), coded('57P01'), new Error('x'), null].map(failureKind)).toEqual([
      'conflict',
      'conflict',
      'key-taken',
      'key-taken',
      'fail',
      'fail',
      'fail',
      'fail',
    ]);
  });

  it('runs a transaction again after a conflict, at most MAX_ATTEMPTS times in all', async () => {
    const twice = failingWith(deadlock(), coded('40001'));
    await expect(retryConflicts(twice.run)).resolves.toBe('done');
    expect(twice.runs()).toBe(3);

    const always = failingWith(...Array.from({ length: MAX_ATTEMPTS + 1 }, deadlock));
    await expect(retryConflicts(always.run)).rejects.toMatchObject({ code: '40P01' });
    expect(always.runs()).toBe(MAX_ATTEMPTS);
  });

  it('never runs a transaction again for a taken key, an outage or a refusal', async () => {
    for (const error of [uniqueViolation(), coded('57P01'), new Error('refused')]) {
      const once = failingWith(error);
      await expect(retryConflicts(once.run)).rejects.toBe(error);
      expect(once.runs()).toBe(1);
    }
  });

  it('answers a taken key with the stored result, once per key the request writes', async () => {
    const lostOnce = failingWith(uniqueViolation());
    await expect(answerTakenKey(lostOnce.run, async () => 'stored')).resolves.toBe('stored');
    expect(lostOnce.runs()).toBe(1);

    // The stored result read by running the request again: each key may be lost once.
    const lostTwice = failingWith(uniqueViolation(), uniqueViolation());
    await expect(answerTakenKey(lostTwice.run, lostTwice.run, 2)).resolves.toBe('done');
    await expect(answerTakenKey(failingWith(uniqueViolation(), uniqueViolation()).run, async () => 'stored', 1)).resolves.toBe('stored');
    const lostTooOften = failingWith(uniqueViolation(), uniqueViolation(), uniqueViolation());
    await expect(answerTakenKey(lostTooOften.run, lostTooOften.run, 2)).rejects.toMatchObject({ code: '23505' });
    expect(lostTooOften.runs()).toBe(3);

    const conflict = deadlock();
    await expect(answerTakenKey(failingWith(conflict).run, async () => 'stored')).rejects.toBe(conflict);
  });

  it('runs a failed batch again only when nothing of it can have committed', () => {
    expect(batchMayRunAgain(new Error('unit failed'), false)).toBe(true);
    expect(batchMayRunAgain(coded('23505'), true)).toBe(true);
    expect(batchMayRunAgain(new Error('Connection terminated unexpectedly'), true)).toBe(false);
    expect(batchMayRunAgain(coded('ECONNRESET'), true)).toBe(false);
  });

  it('runs the unit that rolled a batch back alone and the others in the next batch, or all alone', () => {
    expect(rerunsAfterRollback(['a', 'b', 'c'], 'b')).toEqual({ alone: ['b'], nextBatch: ['a', 'c'] });
    expect(rerunsAfterRollback(['a', 'b', 'c'], null)).toEqual({ alone: ['a', 'b', 'c'], nextBatch: [] });
  });
});
