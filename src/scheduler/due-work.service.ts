import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { IdempotencyService } from '../idempotency/idempotency.service.js';
import { HoldsService } from '../ledger/holds.service.js';
import { EventsPurge } from '../ledger/events/events-purge.js';
import { RenewalsService } from '../subscriptions/renewals.service.js';
import { Mutex } from '../common/mutex.js';
import { ClockOffsetStore } from './clock-offset.store.js';

const INTERVAL_MS = 2000;
/** Stored answers are kept twice the 24 hours the contract promises, then pruned every 10 minutes. */
const ANSWER_RETENTION_MS = 48 * 3600_000;
const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * Work that becomes due with time: expired holds are released first, then elapsed
 * subscription periods are charged, then events past their retention are purged. Runs every few seconds and on demand (the test clock);
 * never twice at once within an instance, and safe across instances (see the services).
 */
@Injectable()
export class DueWorkService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DueWork');
  private readonly running = new Mutex();
  private timer: NodeJS.Timeout | null = null;
  private lastPrune = 0;

  constructor(
    private readonly holds: HoldsService,
    private readonly renewals: RenewalsService,
    private readonly clockOffset: ClockOffsetStore,
    private readonly idempotency: IdempotencyService,
    private readonly events: EventsPurge,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.applyClockOffset();
    this.timer = setInterval(() => {
      this.runDue().catch((error: unknown) => this.logger.error(`due work failed: ${(error as Error).message}`));
    }, INTERVAL_MS);
    this.timer.unref();
  }

  /**
   * The test clock's offset moves time only while the test clock is on. A database that a test
   * clock once touched (a staging run, a reused test database) must not shift a real server's
   * holds and renewals, so with the clock off the offset is ignored, and said to be there.
   */
  private async applyClockOffset(): Promise<void> {
    if (this.config.enableTestClock) return this.clockOffset.load();
    const stored = await this.clockOffset.stored();
    if (stored !== 0) {
      this.logger.warn(`The database holds a test-clock offset of ${stored / 1000} s; it is ignored because ENABLE_TEST_CLOCK is off`);
    }
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async runDue(): Promise<void> {
    await this.running.run(async () => {
      if (this.config.enableTestClock) await this.clockOffset.load();
      while ((await this.holds.expireDue()) > 0);
      await this.renewals.renewDue();
      // Every run, by the service clock (the test clock moves it): finding nothing to purge is one index step.
      await this.events.purge(this.config.eventsRetentionDays * 86_400_000);
      if (Date.now() - this.lastPrune >= PRUNE_EVERY_MS) {
        this.lastPrune = Date.now();
        await this.idempotency.prune(ANSWER_RETENTION_MS);
      }
    });
  }
}
