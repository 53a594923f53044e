import { AsyncLocalStorage } from 'node:async_hooks';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { LedgerService } from '../ledger/ledger.service.js';
import type { UserAndBalance } from '../ledger/ledger.types.js';

/** Lookups running at once; the requests that arrive meanwhile wait and share the next one. */
const MAX_RUNNING = 2;
/** Most usernames one statement asks for. */
const MAX_USERNAMES = 500;

type Waiter = { resolve: (found: UserAndBalance | null) => void; reject: (error: unknown) => void };

/**
 * user_balance_get's one read: the user with this username (the oldest, if several share it, as
 * UsersService.findByUsername picks) and their spendable balance in the system currency (zero
 * without an account), asked of the ledger (LedgerService.spendableByUsername: one statement for
 * any number of usernames). A lookup starts at once while fewer than MAX_RUNNING are under way;
 * otherwise it waits for one to finish and goes with every other that arrived meanwhile, in one
 * statement. Under load that is one round trip (and one connection turn) for many requests
 * instead of one each; alone, a request waits for nothing. A plain read of committed rows, like
 * LedgerService.balanceOf.
 */
@Injectable()
export class UserBalanceLookups {
  private waiting = new Map<string, Waiter[]>();
  private running = 0;
  private readonly asset: string;
  /** The empty context: a lookup runs outside the request that happened to start it. */
  private readonly outside = AsyncLocalStorage.snapshot();

  constructor(
    private readonly ledger: LedgerService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.asset = config.defaultCurrency;
  }

  find(username: string): Promise<UserAndBalance | null> {
    return new Promise((resolve, reject) => {
      const waiters = this.waiting.get(username);
      if (waiters) waiters.push({ resolve, reject });
      else this.waiting.set(username, [{ resolve, reject }]);
      if (this.running < MAX_RUNNING) this.startNext();
    });
  }

  private startNext(): void {
    if (this.waiting.size === 0) return;
    const batch = this.takeBatch();
    this.running++;
    // Inside a promise, so that even a synchronous throw settles the batch and frees its place.
    new Promise<Map<string, UserAndBalance>>((resolve) => resolve(this.outside(() => this.ledger.spendableByUsername([...batch.keys()], this.asset))))
      .then(
        (found) => batch.forEach((waiters, username) => waiters.forEach((w) => w.resolve(found.get(username) ?? null))),
        (error: unknown) => batch.forEach((waiters) => waiters.forEach((w) => w.reject(error))),
      )
      .finally(() => {
        this.running--;
        this.startNext();
      });
  }

  private takeBatch(): Map<string, Waiter[]> {
    if (this.waiting.size <= MAX_USERNAMES) {
      const all = this.waiting;
      this.waiting = new Map();
      return all;
    }
    const batch = new Map<string, Waiter[]>();
    for (const [username, waiters] of this.waiting) {
      if (batch.size === MAX_USERNAMES) break;
      batch.set(username, waiters);
      this.waiting.delete(username);
    }
    return batch;
  }
}
