import { isUniqueViolation } from './db-errors.js';

/**
 * When the service runs work again, all in one place. Each failure is sorted into one kind, and
 * the kind alone decides (the shape of formance's `forgeLog`, internal/controller/ledger/log_process.go):
 *
 * - **conflict**: PostgreSQL broke a deadlock (40P01) or a serialization failure (40001) by
 *   rolling one transaction back. Nothing of it was written and a fresh start can succeed: the
 *   transaction runs again from the start after a short random wait, at most MAX_ATTEMPTS times
 *   in all (`retryConflicts`, around every PostgreSQL transaction of a unit's own, in `Db`).
 *   Nowhere else: a conflict that reaches a caller has had its attempts.
 * - **key taken**: a unique index refused a row because a racing request committed first under
 *   the same key (a client's retry key, a posting key). Doing the work again would do it twice;
 *   what the winner stored is the answer (`answerTakenKey`, around a request that writes a key).
 * - **fail**: anything else goes to the caller as it is: a refusal (a coded error), an outage
 *   (503: the client retries later with its key, which then runs once), a bug.
 *
 * SQLite needs no conflict rule: its one writer never conflicts with itself, and waits for
 * another process's lock for the busy timeout (BEGIN IMMEDIATE); a lock held longer is an outage.
 * A batch that rolled back runs its units again (`rerunsAfterRollback`, on both databases; on
 * PostgreSQL only when `batchMayRunAgain`), each then in a transaction of its own where the rules
 * above apply.
 */
export type FailureKind = 'conflict' | 'key-taken' | 'fail';

const CONFLICT_CODES = new Set(['40P01', '40001']);

export function failureKind(error: unknown): FailureKind {
  if (typeof error !== 'object' || error === null) return 'fail';
  const e = error as { driverError?: { code?: unknown }; code?: unknown };
  if (CONFLICT_CODES.has(String(e.driverError?.code ?? e.code))) return 'conflict';
  return isUniqueViolation(error) ? 'key-taken' : 'fail';
}

/** Attempts of one transaction, the first included, before a conflict is given up (thrown). */
export const MAX_ATTEMPTS = 5;

/**
 * The wait before the attempt after `attempt`: random, so that two transactions that collided do
 * not start again in step, and longer each time. At most 40 ms in all: a lock conflict clears fast.
 */
export const backoffMs = (attempt: number): number => Math.random() * 10 * attempt;

/** Runs one whole transaction, again from the start after a conflict (see above). */
export async function retryConflicts<T>(transaction: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      if (failureKind(error) !== 'conflict' || attempt >= MAX_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt)));
    }
  }
}

/**
 * Runs a request that writes unique keys; when a racing request took a key first, answers with
 * `stored()` instead: the winner's stored answer, read now that it has committed, or the request
 * run again so that it finds the winner's row and replays it. Each key can be lost to a racer
 * once, so a request writing `keys` keys loses at most that many races before the failure is
 * the caller's. `stored` is given the unique violation, to throw should nothing be stored: then
 * the key was not what collided.
 */
export async function answerTakenKey<T>(run: () => Promise<T>, stored: (violation: unknown) => Promise<T>, keys = 1): Promise<T> {
  let attempt = run;
  for (let lost = 0; ; lost++) {
    try {
      return await attempt();
    } catch (error) {
      if (failureKind(error) !== 'key-taken' || lost >= keys) throw error;
      attempt = () => stored(error);
    }
  }
}

/** An error the server answered with (a SQLSTATE): the statement reached it, and failed there. */
const answeredByServer = (error: unknown): boolean => /^[0-9A-Z]{5}$/.test(String((error as { code?: unknown } | null)?.code));

/**
 * Whether the units of a PostgreSQL batch that failed may run again: only when nothing of it can
 * have committed. It failed before its COMMIT was sent, or the server answered the failure (and
 * so turned that COMMIT into a rollback). Writes or a COMMIT that got no answer (the connection
 * dropped) may have taken effect, and running them again could do them twice: they fail.
 */
export function batchMayRunAgain(reason: unknown, commitSent: boolean): boolean {
  return !commitSent || answeredByServer(reason);
}

/**
 * Who runs again after a batch rolled back, and how: the unit whose failure rolled it back
 * runs alone, exactly as it would have without batching; the others, which did nothing wrong,
 * share the next batch, first in line and in their order. When the batch failed as a whole (no
 * culprit), every unit runs alone.
 */
export function rerunsAfterRollback<J>(batch: readonly J[], culprit: J | null): { alone: J[]; nextBatch: J[] } {
  if (!culprit) return { alone: [...batch], nextBatch: [] };
  return { alone: [culprit], nextBatch: batch.filter((job) => job !== culprit) };
}
