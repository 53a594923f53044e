import { Injectable } from '@nestjs/common';
import { Db } from '../database/db.service.js';

/** The exchange_rates table (current quotes) and exchange_rate_history (every change, kept). */
@Injectable()
export class ExchangeRatesRepository {
  constructor(private readonly db: Db) {}

  async list(): Promise<Array<{ asset: string; rate: string; updatedAt: number }>> {
    const rows = await this.db.query<{ asset: string; rate: string; updated_at: string | number }>('SELECT asset, rate, updated_at FROM exchange_rates ORDER BY asset');
    return rows.map((r) => ({ asset: r.asset, rate: r.rate, updatedAt: Number(r.updated_at) }));
  }

  /** The quote's decimal text, or null when the asset is unquoted. */
  async find(asset: string): Promise<string | null> {
    const rows = await this.db.query<{ rate: string }>('SELECT rate FROM exchange_rates WHERE asset = ?', [asset]);
    return rows[0]?.rate ?? null;
  }

  /** Sets the quote and records the change. */
  async save(asset: string, rate: string, now: number): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO exchange_rates (asset, rate, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (asset) DO UPDATE SET rate = excluded.rate, updated_at = excluded.updated_at`,
        [asset, rate, now],
      );
      await tx.query('INSERT INTO exchange_rate_history (asset, rate, changed_at) VALUES (?, ?, ?)', [asset, rate, now]);
    });
  }

  /** Removes the quote and records that it ended; false (and nothing recorded) when there was none. */
  delete(asset: string, now: number): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const deleted = await tx.query('DELETE FROM exchange_rates WHERE asset = ? RETURNING asset', [asset]);
      if (deleted.length === 0) return false;
      await tx.query('INSERT INTO exchange_rate_history (asset, rate, changed_at) VALUES (?, NULL, ?)', [asset, now]);
      return true;
    });
  }

  /** The newest 1,000 changes first; a null rate is an unquoting. */
  async history(asset: string): Promise<Array<{ rate: string | null; changedAt: number }>> {
    const rows = await this.db.query<{ rate: string | null; changed_at: string | number }>(
      'SELECT rate, changed_at FROM exchange_rate_history WHERE asset = ? ORDER BY id DESC LIMIT 1000',
      [asset],
    );
    return rows.map((r) => ({ rate: r.rate, changedAt: Number(r.changed_at) }));
  }
}
