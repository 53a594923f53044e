/**
 * A ledger transaction that has not committed within 5 s of its entries' time is rolled back
 * (CONTRACT §8), so an answer about an instant more than 5 s in the past (a balance at a time,
 * an export up to then) never changes afterwards: nothing stamped at or before it can still
 * appear. Entry times are taken after BEGIN, so a deadline counted from BEGIN is the stricter one.
 */
export const COMMIT_DEADLINE_MS = 5_000;

/**
 * COMMIT must be sent this long before the deadline, so that it is applied before it (an fsync
 * under load, a network hop).
 */
const COMMIT_SEND_MARGIN_MS = 1_000;

/** A transaction too late to commit: rolled back, reported as an outage (503, retry later). */
export class CommitDeadlineExceeded extends Error {
  readonly code = 'COMMIT_DEADLINE';

  constructor(elapsedMs: number) {
    super(`transaction not committed within ${COMMIT_DEADLINE_MS} ms of its start (${elapsedMs} ms); rolled back`);
  }
}

/** Throws when a transaction that began at `begunAt` (Date.now()) may no longer commit. */
export function assertCommitInTime(begunAt: number, now = Date.now()): void {
  const elapsed = now - begunAt;
  if (elapsed > COMMIT_DEADLINE_MS - COMMIT_SEND_MARGIN_MS) throw new CommitDeadlineExceeded(elapsed);
}

/**
 * PostgreSQL 17 and later also enforce the deadline on the server (transaction_timeout), for a
 * process that stalls after its last check, holding its locks: the server ends the transaction,
 * and a COMMIT sent later fails. Earlier servers have only the check above.
 */
export function beginStatement(serverVersion: string | undefined): string {
  const major = Number.parseInt(serverVersion ?? '', 10);
  return major >= 17 ? `BEGIN; SET LOCAL transaction_timeout = ${COMMIT_DEADLINE_MS}` : 'BEGIN';
}
