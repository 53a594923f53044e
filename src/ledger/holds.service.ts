import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { conflict, insufficientFunds, invalid, notFound } from '../common/errors.js';
import { Db, type Tx } from '../database/db.service.js';
import { AccountsRepository, accountKey } from './accounts.repository.js';
import { flushStagedPostings } from './ledger-sql.js';
import { LedgerService } from './ledger.service.js';
import type { AccountState } from './ledger.types.js';
import { SYSTEM_ACCOUNTS } from './system-accounts.js';
import { forUpdate, forUpdateSkipLocked } from '../database/sql-dialect.js';
import { formatAmount } from '../common/money.js';
import { Outbox } from '../events/outbox.js';
import { AssetRegistry } from './asset-registry.js';

export type HoldStatus = 'pending' | 'captured' | 'released' | 'expired';

export interface Hold {
  readonly id: string;
  readonly userId: string;
  readonly asset: string;
  readonly amount: bigint;
  readonly captured: bigint | null;
  readonly status: HoldStatus;
  readonly reason: string;
  readonly expiresAt: number | null;
  readonly createdAt: number;
  readonly endedAt: number | null;
}

interface HoldRow {
  id: string;
  owner_id: string;
  asset: string;
  amount: string;
  captured: string | null;
  status: HoldStatus;
  reason: string;
  expires_at: string | number | null;
  created_at: string | number;
  ended_at: string | number | null;
}

const HOLD_COLUMNS = `h.id, a.owner_id, h.asset, h.amount, h.captured, h.status, h.reason, h.expires_at, h.created_at, h.ended_at`;

/**
 * Holds reserve part of a user's balance. A hold is a reservation, not a movement: the funds
 * stay the user's (the backoffice's `amount` includes them) but leave the spendable balance, so
 * placing or releasing one writes no entries, only the account's `locked`. Capture is the
 * movement, posted through the ledger. Each hold ends exactly once: every end is a conditional
 * update from `pending`, made under the hold's row lock. Reads that may end in a refusal go
 * through Db.read, so in a shared transaction a refused unit has not written (and is refused
 * alone); every statement on holds or accounts first runs the postings held back
 * (flushStagedPostings).
 */
@Injectable()
export class HoldsService {
  private readonly accounts = new AccountsRepository();

  constructor(
    private readonly db: Db,
    private readonly ledger: LedgerService,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
    private readonly assets: AssetRegistry,
  ) {}

  /** hold.placed, .captured (the amount captured), .released, .expired (the amount held), in the hold's transaction. */
  private event(tx: Tx, status: 'placed' | Exclude<HoldStatus, 'pending'>, hold: { id: string; userId: string; asset: string }, amount: bigint): Promise<void> {
    return this.outbox.append(tx, `hold.${status}`, { holdId: hold.id, userId: hold.userId, asset: hold.asset, amount: formatAmount(amount, this.assets.get(hold.asset).scale) });
  }

  place(input: { userId: string; asset: string; amount: bigint; reason: string; expiresAt: number | null }): Promise<Hold> {
    return this.db.transaction((tx) => this.placeIn(tx, input));
  }

  async placeIn(tx: Tx, input: { userId: string; asset: string; amount: bigint; reason: string; expiresAt: number | null }): Promise<Hold> {
    const now = this.clock.now();
    if (input.amount <= 0n) throw invalid('amount must be greater than zero');
    if (input.expiresAt !== null && input.expiresAt <= now) throw invalid('expiresAt must be in the future');
    // No account means nothing to hold: refused without opening one.
    const accounts = await this.db.read((reader) => this.accounts.find(reader, [{ ownerId: input.userId, asset: input.asset }], true));
    const account = accounts.get(accountKey(input.userId, input.asset));
    if (!account || account.balance - account.locked < input.amount) throw insufficientFunds(`Insufficient funds in ${input.asset}`);
    const updated = await this.accounts.moveLocked(tx, account, input.amount);
    const id = randomUUID();
    await flushStagedPostings(tx);
    await tx.query(
      `INSERT INTO holds (id, account_id, asset, amount, status, reason, expires_at, created_at) VALUES (?, ?, ?, ?, 'pending', ?, ?, ?)`,
      [id, account.id, input.asset, input.amount, input.reason, input.expiresAt, now],
    );
    await this.event(tx, 'placed', { id, userId: input.userId, asset: input.asset }, input.amount);
    this.ledger.publishAfterCommit(tx, [updated]);
    return { id, userId: input.userId, asset: input.asset, amount: input.amount, captured: null, status: 'pending', reason: input.reason, expiresAt: input.expiresAt, createdAt: now, endedAt: null };
  }

  /** Captures all of a hold, or `amount` of it with the rest released, into the platform revenue. */
  capture(holdId: string, amount?: bigint): Promise<Hold> {
    return this.db.transaction(async (tx) => {
      const hold = await this.lockPending(tx, holdId);
      const captured = amount ?? hold.amount;
      if (captured <= 0n) throw invalid('amount must be greater than zero');
      if (captured > hold.amount) throw invalid('amount must not exceed the held amount');
      if (hold.expiresAt !== null && hold.expiresAt <= this.clock.now()) throw conflict('Hold has expired');
      // Lock the revenue account with the user's, in the ledger's one order, before touching either.
      await this.unlock(tx, hold, { ownerId: SYSTEM_ACCOUNTS.revenue, asset: hold.asset });
      const posting = await this.ledger.postIn(tx, {
        kind: 'capture',
        action: 'holdCapture',
        metadata: { holdId, reason: hold.reason },
        legs: [
          { ownerId: hold.userId, asset: hold.asset, amount: -captured, type: 'spending' },
          { ownerId: SYSTEM_ACCOUNTS.revenue, asset: hold.asset, amount: captured, type: 'system' },
        ],
      });
      return this.end(tx, hold, 'captured', captured, posting.transactionId);
    });
  }

  release(holdId: string): Promise<Hold> {
    return this.db.transaction(async (tx) => {
      const hold = await this.lockPending(tx, holdId);
      await this.unlock(tx, hold);
      return this.end(tx, hold, 'released', null, null);
    });
  }

  /**
   * Releases holds whose expiry has passed, oldest first. On PostgreSQL several instances can
   * run this at once: SKIP LOCKED hands each hold to exactly one of them.
   */
  async expireDue(limit = 100): Promise<number> {
    return this.db.transaction(async (tx) => {
      await flushStagedPostings(tx);
      const rows = await tx.query<HoldRow>(
        `SELECT ${HOLD_COLUMNS} FROM holds h JOIN accounts a ON a.id = h.account_id
         WHERE h.status = 'pending' AND h.expires_at IS NOT NULL AND h.expires_at <= ?
         ORDER BY h.expires_at LIMIT ${Math.trunc(limit)} ${forUpdateSkipLocked(tx.dialect, 'h')}`,
        [this.clock.now()],
      );
      for (const row of rows) {
        const hold = toHold(row);
        await this.unlock(tx, hold);
        await this.end(tx, hold, 'expired', null, null);
      }
      return rows.length;
    });
  }

  async get(holdId: string): Promise<Hold> {
    const rows = await this.db.query<HoldRow>(
      `SELECT ${HOLD_COLUMNS} FROM holds h JOIN accounts a ON a.id = h.account_id WHERE h.id = ?`,
      [holdId],
    );
    if (rows.length === 0) throw notFound(`Hold ${holdId} not found`);
    return toHold(rows[0]);
  }

  async listForUser(userId: string, status?: HoldStatus): Promise<Hold[]> {
    const rows = await this.db.query<HoldRow>(
      `SELECT ${HOLD_COLUMNS} FROM holds h JOIN accounts a ON a.id = h.account_id
       WHERE a.owner_id = ? ${status ? 'AND h.status = ?' : ''} ORDER BY h.created_at DESC, h.id`,
      status ? [userId, status] : [userId],
    );
    return rows.map(toHold);
  }

  private async lockPending(tx: Tx, holdId: string): Promise<Hold> {
    const rows = await this.db.read(async (reader) => {
      await flushStagedPostings(reader);
      return reader.query<HoldRow>(`SELECT ${HOLD_COLUMNS} FROM holds h JOIN accounts a ON a.id = h.account_id WHERE h.id = ? ${forUpdate(reader.dialect, 'h')}`, [holdId]);
    });
    if (rows.length === 0) throw notFound(`Hold ${holdId} not found`);
    const hold = toHold(rows[0]);
    if (hold.status !== 'pending') throw conflict(`Hold is already ${hold.status}`);
    return hold;
  }

  /** Releases the hold's amount from `locked`; `alsoLock` is locked in the same statement. */
  private async unlock(tx: Tx, hold: Hold, alsoLock?: { ownerId: string; asset: string }): Promise<AccountState> {
    const pairs = [{ ownerId: hold.userId, asset: hold.asset }, ...(alsoLock ? [alsoLock] : [])];
    const accounts = await this.accounts.lockAccounts(tx, pairs, this.clock.now());
    const account = accounts.get(accountKey(hold.userId, hold.asset))!;
    const updated = await this.accounts.moveLocked(tx, account, -hold.amount);
    this.ledger.publishAfterCommit(tx, [updated]);
    return updated;
  }

  private async end(tx: Tx, hold: Hold, status: Exclude<HoldStatus, 'pending'>, captured: bigint | null, transactionId: string | null): Promise<Hold> {
    const now = this.clock.now();
    await flushStagedPostings(tx);
    const ended = await tx.query(
      `UPDATE holds SET status = ?, captured = ?, ended_at = ?, capture_transaction_id = ? WHERE id = ? AND status = 'pending' RETURNING id`,
      [status, captured, now, transactionId, hold.id],
    );
    // Unreachable while the row lock (or SQLite's write lock) is held; kept as the last word.
    if (ended.length !== 1) throw conflict('Hold has already ended');
    await this.event(tx, status, hold, captured ?? hold.amount);
    return { ...hold, status, captured, endedAt: now };
  }
}

function toHold(row: HoldRow): Hold {
  return {
    id: row.id,
    userId: row.owner_id,
    asset: row.asset,
    amount: BigInt(row.amount),
    captured: row.captured === null ? null : BigInt(row.captured),
    status: row.status,
    reason: row.reason,
    expiresAt: row.expires_at === null ? null : Number(row.expires_at),
    createdAt: Number(row.created_at),
    endedAt: row.ended_at === null ? null : Number(row.ended_at),
  };
}
