import { Injectable } from '@nestjs/common';
import { checkAuditChain } from '../audit/audit-chain-check.js';
import { Db, type Reader } from '../database/db.service.js';
import { inOneSnapshot } from '../database/sql-dialect.js';
import { LedgerStore } from './store/ledger.store.js';
import { mayGoNegative } from './system-accounts.js';

export interface LedgerCheckFailure {
  readonly rule: 'transaction_balanced' | 'asset_conserved' | 'balance_matches_entries' | 'balance_after_matches' | 'not_negative' | 'locked_matches_holds' | 'audit_chain';
  readonly detail: string;
}

export interface LedgerCheckReport {
  readonly ok: boolean;
  readonly counts: { readonly transactions: number; readonly entries: number; readonly accounts: number; readonly auditRecords: number };
  readonly failures: readonly LedgerCheckFailure[];
}

const PAGE = 5000;
const MAX_REPORTED = 100;

/**
 * The ledger's invariants, checked from the stored rows:
 * - every transaction's entries sum to zero per asset (so every asset is conserved);
 * - every account's balance equals the sum of its entries, and its last (highest id) entry's
 *   balance_after;
 * - no account but the issuer is negative, and 0 <= locked <= balance;
 * - each account's locked equals the sum of its pending holds;
 * - the operators' audit trail is one unbroken hash chain (audit/audit-chain-check.ts).
 * Sums are done here in bigint rather than in SQL, because SQLite has no exact decimal SUM.
 * Runs in one read so it sees a consistent snapshot.
 */
@Injectable()
export class LedgerCheckService {
  constructor(
    private readonly db: Db,
    private readonly store: LedgerStore,
  ) {}

  run(): Promise<LedgerCheckReport> {
    return this.db.read((reader) => inOneSnapshot(reader, () => this.check(reader)));
  }

  private async check(reader: Reader): Promise<LedgerCheckReport> {
    const failures: LedgerCheckFailure[] = [];
    const fail = (failure: LedgerCheckFailure) => failures.length < MAX_REPORTED && failures.push(failure);

    // An account's history is the order of its entries' ids (taken under the account's lock);
    // transaction ids are handed out in blocks, so they need not follow it.
    const accountSums = new Map<number, { sum: bigint; lastId: number; lastAfter: bigint | null }>();
    const assetSums = new Map<string, bigint>();
    let transactions = 0;
    let entries = 0;
    let current = null as { id: string; sums: Map<string, bigint> } | null;
    const closeTransaction = () => {
      if (!current) return;
      transactions++;
      for (const [asset, sum] of current.sums) {
        if (sum !== 0n) fail({ rule: 'transaction_balanced', detail: `transaction ${current.id}: ${asset} entries sum to ${sum}` });
      }
    };

    // Keyset pages over (transaction, entry): a transaction split across pages stays open in
    // `current` until its last entry has been read.
    for (let after: [number, number] = [-1, -1]; ; ) {
      const rows = await this.store.check.entriesAfter(reader, after, PAGE);
      for (const row of rows) {
        const txId = String(row.transaction_id);
        if (current?.id !== txId) {
          closeTransaction();
          current = { id: txId, sums: new Map() };
        }
        const amount = BigInt(row.amount);
        current.sums.set(row.asset, (current.sums.get(row.asset) ?? 0n) + amount);
        assetSums.set(row.asset, (assetSums.get(row.asset) ?? 0n) + amount);
        const accountId = Number(row.account_id);
        const acc = accountSums.get(accountId) ?? { sum: 0n, lastId: -1, lastAfter: null };
        const id = Number(row.id);
        accountSums.set(accountId, id > acc.lastId ? { sum: acc.sum + amount, lastId: id, lastAfter: BigInt(row.balance_after) } : { ...acc, sum: acc.sum + amount });
        entries++;
      }
      if (rows.length < PAGE) break;
      const last = rows[rows.length - 1];
      after = [Number(last.transaction_id), Number(last.id)];
    }
    closeTransaction();
    for (const [asset, sum] of assetSums) {
      if (sum !== 0n) fail({ rule: 'asset_conserved', detail: `${asset}: all entries sum to ${sum}` });
    }

    const holdSums = new Map<number, bigint>();
    for (const row of await this.store.check.pendingHolds(reader)) {
      const id = Number(row.account_id);
      holdSums.set(id, (holdSums.get(id) ?? 0n) + BigInt(row.amount));
    }

    const accounts = await this.store.check.accounts(reader);
    for (const row of accounts) {
      const id = Number(row.id);
      const name = `account ${id} (${row.owner_id}, ${row.asset})`;
      const balance = BigInt(row.balance);
      const locked = BigInt(row.locked);
      const sums = accountSums.get(id) ?? { sum: 0n, lastId: -1, lastAfter: null };
      if (sums.sum !== balance) fail({ rule: 'balance_matches_entries', detail: `${name}: balance ${balance}, entries sum to ${sums.sum}` });
      if (sums.lastAfter !== null && sums.lastAfter !== balance) {
        fail({ rule: 'balance_after_matches', detail: `${name}: balance ${balance}, last entry says ${sums.lastAfter}` });
      }
      if (!mayGoNegative(row.owner_id) && (balance < 0n || locked < 0n || locked > balance)) {
        fail({ rule: 'not_negative', detail: `${name}: balance ${balance}, locked ${locked}` });
      }
      if ((holdSums.get(id) ?? 0n) !== locked) {
        fail({ rule: 'locked_matches_holds', detail: `${name}: locked ${locked}, pending holds ${holdSums.get(id) ?? 0n}` });
      }
    }
    const auditRecords = await checkAuditChain(reader, (detail) => fail({ rule: 'audit_chain', detail }));
    return { ok: failures.length === 0, counts: { transactions, entries, accounts: accounts.length, auditRecords }, failures };
  }
}
