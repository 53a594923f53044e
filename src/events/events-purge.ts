import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { Db } from '../database/db.service.js';
import { deleteEventsThrough, RECORD_PURGED_THROUGH, SELECT_PURGED_THROUGH, selectPurgeLimit } from './events-sql.js';

const CHUNK = 10_000;

/**
 * Drops events older than the retention period, oldest first, remembering the highest id
 * dropped (the feed answers 410 below it). Safe with several instances: each chunk and its
 * record are one transaction, and the record only ever grows.
 */
@Injectable()
export class EventsPurge {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Purges events older than `retentionMs` by the service clock; returns how many. */
  async purge(retentionMs: number): Promise<number> {
    const limitStatement = selectPurgeLimit(this.clock.now() - retentionMs);
    const [limit] = await this.db.query<{ through: string | number | null }>(limitStatement.sql, limitStatement.params);
    const [state] = await this.db.query<{ purged_through: string | number }>(SELECT_PURGED_THROUGH);
    if (limit.through === null || BigInt(limit.through) <= BigInt(state.purged_through)) return 0;
    const through = BigInt(limit.through);
    let purged = 0;
    for (;;) {
      const deleted = await this.db.separately(async (tx) => {
        const statement = deleteEventsThrough(tx.dialect, through, CHUNK);
        const rows = await tx.query<{ id: string | number }>(statement.sql, statement.params);
        if (rows.length === 0) return 0;
        const highest = rows.reduce((max, row) => (BigInt(row.id) > max ? BigInt(row.id) : max), 0n).toString();
        await tx.query(RECORD_PURGED_THROUGH, [highest, highest]);
        return rows.length;
      });
      purged += deleted;
      if (deleted < CHUNK) return purged;
    }
  }
}
