import type { Reader, Statement, TxParticipant } from '../../database/tx.js';
import { accountKey, type FreezeScope, type PostingKey } from '../ledger.types.js';
import { readAccountsToHold, selectFreezes, selectPosted } from './ledger-sql.js';
import { writePostings } from './posting-sql.js';
import type { HeldAccount, StagedPosting } from './staged-posting.js';
import type { TransactionIds } from './transaction-ids.js';

export type { HeldAccount, StagedPosting } from './staged-posting.js';
export { TransactionIds } from './transaction-ids.js';

/**
 * The ledger's one write path, on every transaction: accounts are locked and read (with their
 * totals) on first use and then held here, postings are planned against the held state and
 * staged in memory, and the staged postings are written by set-based statements (see
 * posting-sql.ts): transactions, entries (in staging order, so entry ids still follow each
 * account's history), final balances, final totals.
 * - On a transaction of the unit's own (a unit running alone after its batch rolled back) a
 *   buffer serves one posting, which `write()` writes at its end.
 * - In a transaction shared by a group commit (either database), one buffer is the batch's
 *   participant: it locks and reads what all units want at once (`beforeTurns`), keeps the
 *   accounts between postings, and hands over the whole batch's writes (`takeWrites`) right
 *   before COMMIT.
 * Every posting is checked against the held state, which is the database's state plus the
 * postings staged before it, exactly as if each had been written at once.
 */
export class PostingBuffer implements TxParticipant {
  private readonly held = new Map<string, HeldAccount>();
  private staged: Array<{ posting: StagedPosting; previous: Array<[string, HeldAccount | undefined]> }> = [];
  /** Accounts that units waiting for their turn will lock. */
  private wanted: Array<{ ownerId: string; asset: string }> = [];
  /** Freeze scopes read (and on PostgreSQL locked FOR KEY SHARE) in this transaction, held like accounts. */
  private readonly freezes = new Map<string, FreezeScope | null>();
  /** Users whose freeze units waiting for their turn will read. */
  private wantedFreezes: string[] = [];

  /**
   * How far the database's clock is ahead of this process's (ms), read under the accounts' lock
   * (PostgreSQL; SQLite runs in this process, on its clock), so that every instance stamps entries
   * by one clock.
   */
  clockSkew = 0;

  constructor(
    private readonly reader: Reader,
    private readonly ids: TransactionIds,
  ) {}

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

  /** Notes accounts a unit will lock on its turn, and users whose freeze it will read. */
  want(pairs: ReadonlyArray<{ ownerId: string; asset: string }>, freezeOwners: readonly string[] = []): void {
    this.wanted.push(...pairs);
    this.wantedFreezes.push(...freezeOwners);
  }

  /**
   * Locks every account the waiting units want in one statement, in one (ascending id) order,
   * then reads them and the freezes the units want in one more (readAccountsToHold; SQLite, with
   * one writer and nothing to lock, reads them all in one statement).
   */
  async beforeTurns(): Promise<void> {
    const pairs = this.wanted.filter((p) => !this.held.has(accountKey(p.ownerId, p.asset)));
    const owners = [...new Set(this.wantedFreezes)].filter((id) => !this.freezes.has(id));
    this.wanted = [];
    this.wantedFreezes = [];
    if (pairs.length > 0) await this.load(pairs, owners);
    const unread = owners.filter((id) => !this.freezes.has(id));
    if (unread.length > 0) await this.loadFreezes(unread);
  }

  /**
   * The freeze scope of each of these users, read on first use after the accounts are locked, then
   * held for the transaction: the rows stay locked FOR KEY SHARE, so only this transaction can
   * change them (a freeze is written through the store, which flushes first: that forgets them).
   */
  async freezesOf(ownerIds: readonly string[]): Promise<Map<string, FreezeScope | null>> {
    const missing = ownerIds.filter((id) => !this.freezes.has(id));
    if (missing.length > 0) await this.loadFreezes(missing);
    return new Map(ownerIds.map((id) => [id, this.freezes.get(id) ?? null]));
  }

  private async loadFreezes(ownerIds: readonly string[]): Promise<void> {
    const statement = selectFreezes(this.reader.dialect, ownerIds);
    const rows = await this.reader.query<{ id: string; frozen_scope: FreezeScope | null }>(statement.sql, statement.params);
    // A user without a row cannot be frozen, and an operator cannot freeze one before it has a row.
    for (const id of ownerIds) this.freezes.set(id, null);
    for (const row of rows) this.freezes.set(row.id, row.frozen_scope);
  }

  /** An id for the next posting of this transaction: see TransactionIds (this buffer draws, for its transaction). */
  nextTransactionId(): Promise<string> {
    return this.ids.next(this, this.reader, this.staged.at(-1)?.posting.transaction.id);
  }

  /** The transaction committed: the ids it drew and left are free for others (TransactionIds). */
  committed(): void {
    this.ids.committed(this);
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
    const posted = selectPosted(postingKey.scope, postingKey.key);
    const rows = await this.reader.query<{ id: string | number; request_hash: string | null }>(posted.sql, posted.params);
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

  /** Writes what is staged, now (a transaction of the unit's own). */
  async write(): Promise<void> {
    for (const statement of this.takeWrites()) await this.reader.query(statement.sql, statement.params);
  }

  /** What is staged, as statements (PostgreSQL: one); forgets it and the held accounts. */
  takeWrites(): Statement[] {
    const postings = this.staged.map((s) => s.posting);
    this.staged = [];
    // Whatever runs next may change these rows (a hold moves `locked`, a freeze): they are read again.
    this.held.clear();
    this.freezes.clear();
    return postings.length === 0 ? [] : writePostings(this.reader.dialect, postings);
  }

  /**
   * Locks and reads accounts with their totals and last entry times (readAccountsToHold), and
   * holds those it does not hold yet. A unit's postings run one after another (never two at
   * once), so nothing flushes and clears `held` while this waits.
   */
  private async load(pairs: ReadonlyArray<{ ownerId: string; asset: string }>, freezeOwners: readonly string[] = []): Promise<void> {
    const read = await readAccountsToHold(this.reader, pairs, freezeOwners);
    if (read.dbNow !== undefined) this.clockSkew = read.dbNow - Date.now();
    for (const [ownerId, scope] of read.freezes) if (!this.freezes.has(ownerId)) this.freezes.set(ownerId, scope);
    // Accounts held already (owners x assets may match more than was asked for) are kept as held.
    for (const [key, account] of read.accounts) if (!this.held.has(key)) this.held.set(key, account);
  }
}
