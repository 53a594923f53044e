import { Injectable } from '@nestjs/common';
import { Db } from '../../database/db.service.js';
import { AccountsStore } from './accounts.store.js';
import { BalancesStore } from './balances.store.js';
import { CheckStore } from './check.store.js';
import { EventsStore } from './events.store.js';
import { ExportStore } from './export.store.js';
import { FreezesStore } from './freezes.store.js';
import { HoldsStore } from './holds.store.js';
import { TransactionsStore } from './transactions.store.js';

/**
 * The ledger's one way to its tables (accounts, account_totals, ledger_transactions,
 * ledger_entries, holds, events, events_state) and to the freezes on users' rows: every statement
 * on them outside the posting path is made here, and each first runs the postings a PostgreSQL
 * group commit holds back (ledger-tables.ts), so no caller has to remember to. The posting path
 * itself is the PostingBuffer (posting-buffer.ts), the batch's participant. Nothing outside
 * src/ledger/ imports this folder (.dependency-cruiser.cjs), and `npm run lint` refuses the
 * ledger's table names in SQL anywhere else in src/ but the migrations (eslint.config.js).
 */
@Injectable()
export class LedgerStore {
  /** Opening and locking accounts, and the holds' `locked`. */
  readonly accounts: AccountsStore;
  /** Balances read: by owner, at an instant, summed per asset, by username. */
  readonly balances: BalancesStore;
  readonly holds: HoldsStore;
  readonly transactions: TransactionsStore;
  readonly freezes = new FreezesStore();
  /** The outbox (ledger/events/). */
  readonly events: EventsStore;
  readonly exports: ExportStore;
  /** The invariant check's reads (LedgerCheckService). */
  readonly check = new CheckStore();

  constructor(db: Db) {
    this.accounts = new AccountsStore(db);
    this.balances = new BalancesStore(db);
    this.holds = new HoldsStore(db);
    this.transactions = new TransactionsStore(db);
    this.events = new EventsStore(db);
    this.exports = new ExportStore(db);
  }
}
