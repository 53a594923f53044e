import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { Db } from '../database/db.service.js';

const SETTING = 'clock_offset_ms';

/** Keeps the test clock's offset in the database, so every instance and a restart share it. */
@Injectable()
export class ClockOffsetStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Applies the stored offset to this instance's clock. */
  async load(): Promise<void> {
    const rows = await this.db.query<{ value: string }>('SELECT value FROM settings WHERE name = ?', [SETTING]);
    this.clock.setOffset(rows.length > 0 ? Number(rows[0].value) : 0);
  }

  /** Moves the shared clock forward by `ms` and returns the new offset. */
  async advance(ms: number): Promise<number> {
    const offset = await this.db.transaction(async (tx) => {
      const rows = await tx.query<{ value: string }>('SELECT value FROM settings WHERE name = ?', [SETTING]);
      const next = (rows.length > 0 ? Number(rows[0].value) : 0) + ms;
      await tx.query('INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value', [SETTING, String(next)]);
      return next;
    });
    this.clock.setOffset(offset);
    return offset;
  }
}
