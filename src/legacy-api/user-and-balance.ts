import { AsyncLocalStorage } from 'node:async_hooks';
import { Inject, Injectable } from '@nestjs/common';
import { toRecord, type UserRecord, type UserRow } from '../auth/users.service.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Db, type Reader } from '../database/db.service.js';

export interface UserAndBalance {
  readonly user: UserRecord;
  /** Balance less locked funds, in minor units of the system currency. */
  readonly spendable: bigint;
}

/** Lookups running at once; the requests that arrive meanwhile wait and share the next one. */
const MAX_RUNNING = 2;
/** Most usernames one statement asks for. */
const MAX_USERNAMES = 500;

type Waiter = { resolve: (found: UserAndBalance | null) => void; reject: (error: unknown) => void };

/**
 * user_balance_get's one read: the user with this username (the oldest, if several share it, as
 * UsersService.findByUsername picks) and their spendable balance in the system currency (zero
 * without an account). A lookup starts at once while fewer than MAX_RUNNING are under way;
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
    private readonly db: Db,
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
    new Promise<Map<string, UserAndBalance>>((resolve) => resolve(this.outside(() => this.db.read((reader) => readUsersAndBalances(reader, [...batch.keys()], this.asset)))))
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

/**
 * The users with these usernames joined with their account in `asset`, in one statement: on
 * PostgreSQL one array parameter (one cached plan for any count), on SQLite a flat IN list.
 */
async function readUsersAndBalances(reader: Reader, usernames: readonly string[], asset: string): Promise<Map<string, UserAndBalance>> {
  const among = reader.dialect === 'postgres' ? 'u.username = ANY(?::text[])' : `u.username IN (${usernames.map(() => '?').join(', ')})`;
  const rows = await reader.query<UserRow & { balance: string | null; locked: string | null }>(
    `SELECT u.*, a.balance, a.locked FROM users u LEFT JOIN accounts a ON a.owner_id = u.id AND a.asset = ?
     WHERE ${among} ORDER BY u.created_at, u.id`,
    reader.dialect === 'postgres' ? [asset, usernames] : [asset, ...usernames],
  );
  const found = new Map<string, UserAndBalance>();
  for (const row of rows) {
    // Oldest first: the first row of a username is the one it names.
    if (row.username === null || found.has(row.username)) continue;
    found.set(row.username, { user: toRecord(row), spendable: BigInt(row.balance ?? 0) - BigInt(row.locked ?? 0) });
  }
  return found;
}
