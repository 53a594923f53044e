import type { Reader } from '../database/db.service.js';
import type { TxParticipant } from '../database/tx-participant.js';
import { accountKey } from './accounts.repository.js';
import type { AccountState, PostingKey, Totals, UserEntryType } from './ledger.types.js';
import { emptyTotals, type EntryRow } from './posting-plan.js';

/** An account row locked by the shared transaction, with its running totals, as it stands now. */
export interface HeldAccount {
  readonly state: AccountState;
  readonly totals: Totals;
}

export interface StagedPosting {
  readonly transaction: {
    readonly id: string;
    readonly kind: string;
    readonly action: string;
    readonly metadata: string;
    readonly postingKey?: PostingKey;
    readonly createdAt: number;
  };
  readonly entries: readonly EntryRow[];
  /** Accounts after this posting (balance and totals). */
  readonly accounts: readonly HeldAccount[];
  /** The running totals this posting changed, with their new values. */
  readonly totals: ReadonlyArray<{ accountId: number; type: UserEntryType; action: string; total: bigint }>;
}

/** The tables it writes, and holds, whose rows refer to accounts and to ledger transactions. */
const LEDGER_TABLES = /\b(accounts|account_totals|ledger_transactions|ledger_entries|holds)\b/i;
const ID_BLOCK = 128;

/** Transaction ids taken from the sequence a block at a time (sequences never hand one out twice). */
export class TransactionIds {
  private free: bigint[] = [];

  async next(reader: Reader): Promise<string> {
    if (this.free.length === 0) {
      const rows = await reader.query<{ id: string }>(
        `SELECT nextval(pg_get_serial_sequence('ledger_transactions', 'id'))::text AS id FROM generate_series(1, ${ID_BLOCK})`,
      );
      this.free = rows.map((r) => BigInt(r.id)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    }
    return String(this.free.shift());
  }
}

/**
 * The ledger's writes in a transaction shared by a group commit (PostgreSQL). Accounts are locked
 * and read once per batch and then kept here, so the next posting on them needs no statement;
 * postings are staged in memory and written for the whole batch by one statement (`takeWrites`) of
 * set-based parts: transactions, entries (in staging order, so entry ids still follow each account's
 * history), final balances, final totals. Every posting is checked against the held state, which
 * is the database's state plus the postings staged before it, exactly as if each had been
 * written at once.
 */
export class PostingBuffer implements TxParticipant {
  private readonly held = new Map<string, HeldAccount>();
  private staged: Array<{ posting: StagedPosting; previous: Array<[string, HeldAccount | undefined]> }> = [];
  /** Accounts that units waiting for their turn will lock. */
  private wanted: Array<{ ownerId: string; asset: string }> = [];

  constructor(
    private readonly reader: Reader,
    private readonly ids: TransactionIds,
  ) {}

  touches(sql: string): boolean {
    return LEDGER_TABLES.test(sql);
  }

  mark(): number {
    return this.staged.length;
  }

  stagedSince(mark: number): boolean {
    return this.staged.length > mark;
  }

  rollbackTo(mark: number): void {
    while (this.staged.length > mark) {
      for (const [key, previous] of this.staged.pop()!.previous) {
        if (previous) this.held.set(key, previous);
        else this.held.delete(key);
      }
    }
  }

  /** Notes accounts a unit will lock on its turn. */
  want(pairs: ReadonlyArray<{ ownerId: string; asset: string }>): void {
    this.wanted.push(...pairs);
  }

  /** Locks every account the waiting units want in one statement, in one (ascending id) order. */
  async beforeTurns(): Promise<void> {
    const pairs = this.wanted.filter((p) => !this.held.has(accountKey(p.ownerId, p.asset)));
    this.wanted = [];
    if (pairs.length > 0) await this.load(pairs);
  }

  nextTransactionId(): Promise<string> {
    return this.ids.next(this.reader);
  }

  /**
   * The accounts of these pairs, locked FOR UPDATE in ascending id order when first asked for
   * (the order every writer locks in), then held. Pairs without an account are absent.
   */
  async lock(pairs: ReadonlyArray<{ ownerId: string; asset: string }>): Promise<Map<string, HeldAccount>> {
    const wanted = [...new Set(pairs.map((p) => accountKey(p.ownerId, p.asset)))];
    const unheld = pairs.filter((p) => !this.held.has(accountKey(p.ownerId, p.asset)));
    if (unheld.length > 0) await this.load(unheld);
    const found = new Map<string, HeldAccount>();
    for (const key of wanted) {
      const account = this.held.get(key);
      if (account) found.set(key, account);
    }
    return found;
  }

  /** The id and request hash of the posting with this posting key, staged or stored. */
  async findPosted(postingKey: PostingKey): Promise<{ id: string; requestHash: string | null } | null> {
    for (const { posting } of this.staged) {
      const staged = posting.transaction.postingKey;
      if (staged?.scope === postingKey.scope && staged.key === postingKey.key) return { id: posting.transaction.id, requestHash: staged.requestHash };
    }
    const rows = await this.reader.query<{ id: string | number; request_hash: string | null }>(
      'SELECT id, request_hash FROM ledger_transactions WHERE idempotency_scope = ? AND idempotency_key = ?',
      [postingKey.scope, postingKey.key],
    );
    return rows.length > 0 ? { id: String(rows[0].id), requestHash: rows[0].request_hash } : null;
  }

  stage(posting: StagedPosting): void {
    const previous: Array<[string, HeldAccount | undefined]> = [];
    for (const account of posting.accounts) {
      const key = accountKey(account.state.ownerId, account.state.asset);
      previous.push([key, this.held.get(key)]);
      this.held.set(key, account);
    }
    this.staged.push({ posting, previous });
  }

  takeWrites(): { sql: string; params: unknown[] } | null {
    const postings = this.staged.map((s) => s.posting);
    this.staged = [];
    // Whatever runs next may change these rows (a hold moves `locked`): they are read again.
    this.held.clear();
    if (postings.length === 0) return null;
    const txs = postings.map((p) => p.transaction);
    const entries = postings.flatMap((p) => p.entries.map((e) => ({ ...e, transactionId: p.transaction.id, createdAt: p.transaction.createdAt })));
    // Each account once, with its last balance; each total once, with its last value.
    const balances = new Map(postings.flatMap((p) => p.accounts.map((a) => [a.state.id, a.state.balance] as const)));
    const totals = [...new Map(postings.flatMap((p) => p.totals.map((t) => [`${t.accountId}\u0000${t.type}\u0000${t.action}`, t] as const))).values()];
    // One statement, one round trip; its rows travel as JSON (cheaper to build than array
    // literals). Foreign keys are checked at the statement's end, when every part is in.
    // The plan is cached for every batch, so nothing may depend on the batch's size: the ids
    // repeated as an array keep the balance update on the primary key (not a scan of accounts).
    return {
      sql: `WITH transactions AS (
         INSERT INTO ledger_transactions (id, kind, action, metadata, idempotency_scope, idempotency_key, request_hash, created_at)
         SELECT id, kind, action, metadata, scope, key, hash, at
         FROM json_to_recordset(?::json) AS t(id bigint, kind text, action text, metadata text, scope text, key text, hash text, at bigint)
       ), entries AS (
         INSERT INTO ledger_entries (transaction_id, account_id, asset, amount, balance_after, type, action, created_at)
         SELECT tx, account, asset, amount, after, type, action, at
         FROM json_to_recordset(?::json) AS e(tx bigint, account bigint, asset text, amount numeric, after numeric, type text, action text, at bigint)
       ), balances AS (
         UPDATE accounts AS a SET balance = v.balance
         FROM json_to_recordset(?::json) AS v(id bigint, balance numeric) WHERE a.id = v.id AND a.id = ANY(?::bigint[])
       )
       INSERT INTO account_totals (account_id, type, action, total)
       SELECT account, type, action, total FROM json_to_recordset(?::json) AS t(account bigint, type text, action text, total numeric)
       ON CONFLICT (account_id, type, action) DO UPDATE SET total = excluded.total`,
      params: [
        JSON.stringify(
          txs.map((t) => ({ id: t.id, kind: t.kind, action: t.action, metadata: t.metadata, scope: t.postingKey?.scope, key: t.postingKey?.key, hash: t.postingKey?.requestHash, at: t.createdAt })),
        ),
        JSON.stringify(
          entries.map((e) => ({ tx: e.transactionId, account: e.accountId, asset: e.asset, amount: e.amount.toString(), after: e.balanceAfter.toString(), type: e.type, action: e.action, at: e.createdAt })),
        ),
        JSON.stringify([...balances].map(([id, balance]) => ({ id, balance: balance.toString() }))),
        [...balances.keys()],
        JSON.stringify(totals.map((t) => ({ account: t.accountId, type: t.type, action: t.action, total: t.total.toString() }))),
      ],
    };
  }

  /**
   * Locks and reads accounts, then reads their totals. Two statements, sent back to back: a
   * lock that waited for another transaction re-reads the locked row only, so totals joined
   * into the locking statement could predate that transaction; the second statement takes its
   * snapshot after the lock is held. A unit's postings run one after another (never two at once),
   * so nothing flushes and clears `held` while this waits.
   */
  private async load(pairs: ReadonlyArray<{ ownerId: string; asset: string }>): Promise<void> {
    const owners = [...new Set(pairs.map((p) => p.ownerId))];
    const assets = [...new Set(pairs.map((p) => p.asset))];
    const locking = this.reader.query<{ id: string | number; owner_id: string; asset: string; balance: string; locked: string }>(
      'SELECT id, owner_id, asset, balance, locked FROM accounts WHERE owner_id = ANY(?::text[]) AND asset = ANY(?::text[]) ORDER BY id FOR UPDATE',
      [owners, assets],
    );
    const reading = this.reader.query<{ account_id: string | number; type: UserEntryType; action: string; total: string }>(
      // LATERAL … OFFSET 0 keeps the cached plan an index lookup per account, never a scan of all totals.
      `SELECT t.account_id, t.type, t.action, t.total
       FROM accounts a CROSS JOIN LATERAL (SELECT type, action, total, account_id FROM account_totals WHERE account_id = a.id OFFSET 0) t
       WHERE a.owner_id = ANY(?::text[]) AND a.asset = ANY(?::text[])`,
      [owners, assets],
    );
    const [accounts, totals] = await Promise.all([locking, reading]);
    const loaded = new Map<number, { key: string; account: HeldAccount }>();
    for (const row of accounts) {
      const key = accountKey(row.owner_id, row.asset);
      if (this.held.has(key)) continue;
      const state = { id: Number(row.id), ownerId: row.owner_id, asset: row.asset, balance: BigInt(row.balance), locked: BigInt(row.locked) };
      loaded.set(state.id, { key, account: { state, totals: emptyTotals() } });
    }
    for (const row of totals) {
      const entry = loaded.get(Number(row.account_id));
      if (entry) entry.account.totals[row.type][row.action] = BigInt(row.total);
    }
    for (const { key, account } of loaded.values()) this.held.set(key, account);
  }
}
