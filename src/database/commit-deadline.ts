import type { Reader } from './tx.js';

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
function assertCommitInTime(begunAt: number, now = Date.now()): void {
  const elapsed = now - begunAt;
  if (elapsed > COMMIT_DEADLINE_MS - COMMIT_SEND_MARGIN_MS) throw new CommitDeadlineExceeded(elapsed);
}

/**
 * The deadline of one transaction, armed by the first ledger posting in it (Tx.armCommitDeadline):
 * only transactions that stamp entries are bound by it, so a long maintenance transaction (a purge,
 * a bulk load) is not. `onArm` runs once, when armed (the server's own deadline, below).
 */
export class CommitDeadline {
  private armed = false;
  private readonly begunAt = Date.now();

  constructor(private readonly onArm: () => void = () => undefined) {}

  /**
   * A PostgreSQL transaction's deadline: when armed, the server's own (`serverStatement`, null on
   * servers without one) is queued on its connection like any statement, never awaited.
   */
  static onServer(serverStatement: string | null, connection: Pick<Reader, 'query'>): CommitDeadline {
    return new CommitDeadline(() => {
      if (serverStatement) connection.query(serverStatement).catch(() => undefined);
    });
  }

  arm(): void {
    if (this.armed) return;
    this.armed = true;
    this.onArm();
  }

  /** Throws when armed and too late to commit. */
  check(): void {
    if (this.armed) assertCommitInTime(this.begunAt);
  }
}

/**
 * PostgreSQL 17 and later also enforce the deadline on the server (transaction_timeout, set when
 * the deadline is armed), for a process that stalls after its last check, holding its locks: the
 * server ends the transaction, and a COMMIT sent later fails. Earlier servers have only the check
 * above (null: nothing to send).
 */
export function serverDeadlineStatement(serverVersion: string | undefined): string | null {
  const major = Number.parseInt(serverVersion ?? '', 10);
  return major >= 17 ? `SET LOCAL transaction_timeout = ${COMMIT_DEADLINE_MS}` : null;
}
