import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Db, type Tx } from '../database/db.service.js';

const WINDOW_MS = 24 * 3600_000;

/**
 * Refusals change nothing, yet each keyed one is stored for a day or more (CONTRACT §4): at the
 * socket rate limit one user could otherwise store about 17 million of them a day. So a scope
 * (a socket user, a REST path) may store at most STORED_REFUSALS_PER_DAY refusals per 24-hour
 * window, fixed from the first refusal it stores; beyond that a refusal answers 429, which is
 * never stored, so a retry with the same key later runs afresh.
 *
 * The count is one row per scope in the database, so it holds across instances and restarts.
 * Racing refusals of one scope may pass the check together and overshoot by the few in flight.
 */
@Injectable()
export class RefusalQuota {
  private readonly limit: number;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.limit = config.limits.storedRefusalsPerDay;
  }

  /** Whether `scope` may store another refusal now. Only reads, so a refused request writes nothing. */
  async allows(scope: string): Promise<boolean> {
    const rows = await this.db.query<{ window_start: string | number; refusals: string | number }>(
      'SELECT window_start, refusals FROM stored_refusal_counts WHERE scope = ?',
      [scope],
    );
    if (rows.length === 0 || Number(rows[0].window_start) <= this.passedCutoff()) return true;
    return Number(rows[0].refusals) < this.limit;
  }

  /** Counts one stored refusal in `scope`'s window, opening a new window once the last has passed. */
  async count(tx: Tx, scope: string): Promise<void> {
    const passed = this.passedCutoff();
    await tx.query(
      `INSERT INTO stored_refusal_counts (scope, window_start, refusals) VALUES (?, ?, 1)
       ON CONFLICT (scope) DO UPDATE SET
         refusals = CASE WHEN stored_refusal_counts.window_start <= ? THEN 1 ELSE stored_refusal_counts.refusals + 1 END,
         window_start = CASE WHEN stored_refusal_counts.window_start <= ? THEN excluded.window_start ELSE stored_refusal_counts.window_start END`,
      [scope, this.clock.now(), passed, passed],
    );
  }

  /** Forgets the windows that have passed. */
  async prune(tx: Tx): Promise<void> {
    await tx.query('DELETE FROM stored_refusal_counts WHERE window_start <= ?', [this.passedCutoff()]);
  }

  /** A window that opened at or before this instant has passed. */
  private passedCutoff(): number {
    return this.clock.now() - WINDOW_MS;
  }
}
