import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { Db, type Tx } from '../database/db.service.js';
import { forUpdate } from '../database/sql-dialect.js';
import { canonicalJson, chainHash, type AuditCaller, type AuditChange, type AuditRecord } from './audit-record.js';

export interface AuditFilter {
  readonly actor?: string;
  readonly action?: string;
  readonly target?: string;
  /** Epoch ms, inclusive. */
  readonly from?: number;
  /** Epoch ms, exclusive. */
  readonly to?: number;
}

type StoredRecord = { body: string; hash: string };

/**
 * The operators' audit trail (CONTRACT §8), append-only and hash-chained. Every operator action
 * calls `record` inside the transaction of its effect, after the effect succeeded: the two
 * commit or roll back together (in a group commit's batch the record is a write of its unit,
 * so a unit that fails after it rolls the batch back and runs alone), and a refused request,
 * which throws before, leaves none.
 *
 * Appending locks the chain's head row (FOR UPDATE on PostgreSQL; SQLite has one writer), so
 * records get gapless ids in commit order and each hash covers the one before: concurrent
 * operator actions wait for each other here, and never fork the chain. Nothing else touches
 * these tables: a donation never waits for them.
 */
@Injectable()
export class AuditTrail {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async record(tx: Tx, caller: AuditCaller, change: AuditChange): Promise<AuditRecord> {
    const [head] = await tx.query<{ last_id: string | number; last_hash: string }>(
      `SELECT last_id, last_hash FROM audit_chain_head WHERE one = 1 ${forUpdate(tx.dialect)}`,
    );
    const id = String(BigInt(head.last_id) + 1n);
    const at = this.clock.now();
    const { actor } = caller;
    const unsigned = {
      id,
      at: new Date(at).toISOString(),
      actor: { id: actor.id, username: actor.username, ...(actor.asserted ? { asserted: true as const } : {}) },
      surface: caller.surface,
      address: caller.address,
      action: change.action,
      target: change.target,
      requestId: caller.requestId,
      before: change.before,
      after: change.after,
    };
    const body = canonicalJson(unsigned);
    const hash = chainHash(head.last_hash, body);
    await tx.query('INSERT INTO audit_records (id, at, actor_id, action, target, body, hash) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      id,
      at,
      actor.id,
      change.action,
      change.target,
      body,
      hash,
    ]);
    await tx.query('UPDATE audit_chain_head SET last_id = ?, last_hash = ? WHERE one = 1', [id, hash]);
    return { ...(JSON.parse(body) as Omit<AuditRecord, 'hash'>), hash };
  }

  /** Newest first. */
  async page(filter: AuditFilter, offset: number, limit: number): Promise<{ total: number; records: AuditRecord[] }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: string, value: unknown) => {
      where.push(clause);
      params.push(value);
    };
    if (filter.actor !== undefined) add('actor_id = ?', filter.actor);
    if (filter.action !== undefined) add('action = ?', filter.action);
    if (filter.target !== undefined) add('target = ?', filter.target);
    if (filter.from !== undefined) add('at >= ?', filter.from);
    if (filter.to !== undefined) add('at < ?', filter.to);
    const condition = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    return this.db.read(async (reader) => {
      const [{ total }] = await reader.query<{ total: string | number }>(`SELECT COUNT(*) AS total FROM audit_records ${condition}`, params);
      const rows = await reader.query<StoredRecord>(`SELECT body, hash FROM audit_records ${condition} ORDER BY id DESC LIMIT ? OFFSET ?`, [...params, limit, offset]);
      return { total: Number(total), records: rows.map((row) => ({ ...(JSON.parse(row.body) as Omit<AuditRecord, 'hash'>), hash: row.hash })) };
    });
  }
}
