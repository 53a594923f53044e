import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { Db, type Tx } from '../database/db.service.js';
import { forUpdate } from '../database/sql-dialect.js';

const SETTING = 'clock_offset_ms';

/** Keeps the test clock's offset in the database, so every instance and a restart share it. */
@Injectable()
export class ClockOffsetStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Applies the stored offset to this instance's clock (only ever with the test clock on). */
  async load(): Promise<void> {
    this.clock.setOffset(await this.stored());
  }

  /** The offset a test-clock run left in the database, in milliseconds (0 when none). */
  async stored(): Promise<number> {
    const rows = await this.db.query<{ value: string }>('SELECT value FROM settings WHERE name = ?', [SETTING]);
    return rows.length > 0 ? Number(rows[0].value) : 0;
  }

  /**
   * Moves the shared clock forward by `ms` and returns the new offset. `alsoIn` runs in the same
   * transaction, told the offset before and after (the audit record of the move).
   */
  async advance(ms: number, alsoIn?: (tx: Tx, before: number, after: number) => Promise<void>): Promise<number> {
    const offset = await this.db.transaction(async (tx) => {
      // Two advances at once must add up: the row is locked for the read-modify-write.
      await tx.query(`INSERT INTO settings (name, value) VALUES (?, '0') ON CONFLICT (name) DO NOTHING`, [SETTING]);
      const [row] = await tx.query<{ value: string }>(`SELECT value FROM settings WHERE name = ? ${forUpdate(tx.dialect)}`, [SETTING]);
      const next = Number(row.value) + ms;
      await tx.query('UPDATE settings SET value = ? WHERE name = ?', [String(next), SETTING]);
      await alsoIn?.(tx, Number(row.value), next);
      return next;
    });
    // The offset only grows; a slower concurrent advance must not move this instance back.
    this.clock.setOffset(Math.max(this.clock.offset, offset));
    return offset;
  }
}
