import type { Reader } from './tx.js';

/*
 * A ledger transaction that has not committed within 5 s of its entries' time is rolled back
 * (CONTRACT §8), so an answer about an instant more than 5 s in the past (a balance at a time,
 * an export up to then) never changes afterwards: nothing stamped at or before it can still
 * appear. Entry times are taken after BEGIN, so a deadline counted from BEGIN is the stricter one.
 * The 5 s is COMMIT_DEADLINE_MS's default (DEFAULT_COMMIT_DEADLINE_MS): a shorter one lets the
 * tests of the deadline wait less, and keeps the contract's promise all the more.
 */

/**
 * COMMIT must be sent this share of the deadline before it (1 s of the default 5 s), so that it is
 * applied before it (an fsync under load, a network hop).
 */
const COMMIT_SEND_MARGIN = 0.2;

/** A transaction too late to commit: rolled back, reported as an outage (503, retry later). */
export class CommitDeadlineExceeded extends Error {
  readonly code = 'COMMIT_DEADLINE';

  constructor(deadlineMs: number, elapsedMs: number) {
    super(`transaction not committed within ${deadlineMs} ms of its start (${elapsedMs} ms); rolled back`);
  }
}

/**
 * The deadline of one transaction, armed by the first ledger posting in it (Tx.armCommitDeadline):
 * only transactions that stamp entries are bound by it, so a long maintenance transaction (a purge,
 * a bulk load) is not. `onArm` runs once, when armed (the server's own deadline, below).
 */
export class CommitDeadline {
  private armed = false;
  private readonly begunAt = Date.now();

  constructor(
    private readonly deadlineMs: number,
    private readonly onArm: () => void = () => undefined,
  ) {}

  /**
   * A PostgreSQL transaction's deadline: when armed, the server's own (`serverStatement`, null on
   * servers without one) is queued on its connection like any statement, never awaited.
   */
  static onServer(deadlineMs: number, serverStatement: string | null, connection: Pick<Reader, 'query'>): CommitDeadline {
    return new CommitDeadline(deadlineMs, () => {
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
    if (!this.armed) return;
    const elapsed = Date.now() - this.begunAt;
    if (elapsed > this.deadlineMs * (1 - COMMIT_SEND_MARGIN)) throw new CommitDeadlineExceeded(this.deadlineMs, elapsed);
  }
}

/**
 * PostgreSQL 17 and later also enforce the deadline on the server (transaction_timeout, set when
 * the deadline is armed), for a process that stalls after its last check, holding its locks: the
 * server ends the transaction, and a COMMIT sent later fails. Earlier servers have only the check
 * above (null: nothing to send).
 */
export function serverDeadlineStatement(serverVersion: string | undefined, deadlineMs: number): string | null {
  const major = Number.parseInt(serverVersion ?? '', 10);
  return major >= 17 ? `SET LOCAL transaction_timeout = ${deadlineMs}` : null;
}
