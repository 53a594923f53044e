import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { Db, type Tx } from '../database/db.service.js';
import { forUpdate } from '../database/sql-dialect.js';
import type { Principal } from './principal.js';

/** An operator's freeze of a user's own movements (see LedgerService: postings that respect it). */
export interface UserFreeze {
  /** `debits`: nothing may leave the user's accounts; `all`: nothing may leave or arrive. */
  readonly scope: 'all' | 'debits';
  readonly reason: string;
  readonly since: number;
  /** The operator's user id. */
  readonly by: string;
}

export interface UserRecord {
  readonly id: string;
  readonly username: string | null;
  readonly email: string | null;
  readonly roles: string[];
  readonly currency: string | null;
  /** The `network` claim it last authenticated with; null: none, which means NETWORK_ID. */
  readonly network: string | null;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly frozen: UserFreeze | null;
}

/** A row of `users` as the drivers return it (a query joining other tables may select `u.*`). */
export interface UserRow {
  id: string;
  username: string | null;
  email: string | null;
  roles: string;
  currency: string | null;
  network: string | null;
  created_at: string | number;
  updated_at: string | number;
  frozen_scope?: 'all' | 'debits' | null;
  frozen_reason?: string | null;
  frozen_since?: string | number | null;
  frozen_by?: string | null;
}

const CACHE_LIMIT = 50_000;

/** Users as last described by their tokens. */
@Injectable()
export class UsersService {
  /** What was last written per user, so a repeat request with the same claims writes nothing. */
  private readonly written = new Map<string, string>();
  private readonly known = new Set<string>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async upsert(principal: Principal): Promise<void> {
    // The claim as given, not resolved against NETWORK_ID: a user without one follows the setting.
    const network = principal.network ?? null;
    const fingerprint = JSON.stringify([principal.username, principal.email, principal.roles, principal.currency, network]);
    if (this.written.get(principal.id) === fingerprint) return;
    const now = this.clock.now();
    await this.db.transaction((tx) =>
      tx.query(
        `INSERT INTO users (id, username, email, roles, currency, network, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET username = excluded.username, email = excluded.email, roles = excluded.roles,
           currency = excluded.currency, network = excluded.network, updated_at = excluded.updated_at`,
        [principal.id, principal.username, principal.email, JSON.stringify(principal.roles), principal.currency, network, now, now],
      ),
    );
    if (this.written.size >= CACHE_LIMIT) this.written.clear();
    this.written.set(principal.id, fingerprint);
  }

  async find(id: string): Promise<UserRecord | null> {
    const rows = await this.db.query<UserRow>('SELECT * FROM users WHERE id = ?', [id]);
    if (rows.length === 0) return null;
    this.remember(id);
    return toRecord(rows[0]);
  }

  /** The user, with the row locked until the transaction ends: a change to it knows what it replaces. */
  async findForUpdate(tx: Tx, id: string): Promise<UserRecord | null> {
    const rows = await tx.query<UserRow>(`SELECT * FROM users WHERE id = ? ${forUpdate(tx.dialect)}`, [id]);
    return rows.length > 0 ? toRecord(rows[0]) : null;
  }

  async findMany(ids: readonly string[]): Promise<Map<string, UserRecord>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.query<UserRow>(`SELECT * FROM users WHERE id IN (${ids.map(() => '?').join(', ')})`, [...ids]);
    return new Map(rows.map((r) => [r.id, toRecord(r)]));
  }

  async findByUsername(username: string): Promise<UserRecord | null> {
    const rows = await this.db.query<UserRow>('SELECT * FROM users WHERE username = ? ORDER BY created_at, id LIMIT 1', [username]);
    return rows.length > 0 ? toRecord(rows[0]) : null;
  }

  /**
   * A page of users, oldest first (stable under paging). `search` is a case-insensitive
   * substring of the username or email; LIKE wildcards in it are matched literally.
   */
  async page(query: { search?: string; offset: number; limit: number }): Promise<{ total: number; users: UserRecord[] }> {
    const text = query.search?.trim().toLowerCase();
    const pattern = text ? `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const where = pattern ? `WHERE LOWER(username) LIKE ? ESCAPE '\\' OR LOWER(email) LIKE ? ESCAPE '\\'` : '';
    const params = pattern ? [pattern, pattern] : [];
    // One read: the count and the page see the same users.
    return this.db.read(async (reader) => {
      const [{ n }] = await reader.query<{ n: string | number }>(`SELECT COUNT(*) AS n FROM users ${where}`, params);
      const rows = await reader.query<UserRow>(`SELECT * FROM users ${where} ORDER BY created_at, id LIMIT ? OFFSET ?`, [...params, query.limit, query.offset]);
      return { total: Number(n), users: rows.map(toRecord) };
    });
  }

  /** Users are never deleted, so a user once seen exists for good (a positive-only cache). */
  async exists(id: string): Promise<boolean> {
    if (this.written.has(id) || this.known.has(id)) return true;
    const rows = await this.db.query('SELECT 1 AS one FROM users WHERE id = ?', [id]);
    if (rows.length > 0) this.remember(id);
    return rows.length > 0;
  }

  private remember(id: string): void {
    if (this.known.size >= CACHE_LIMIT) this.known.clear();
    this.known.add(id);
  }
}

export function toRecord(row: UserRow): UserRecord {
  return {
    id: row.id,
    username: row.username,
    email: row.email,
    roles: JSON.parse(row.roles) as string[],
    currency: row.currency,
    network: row.network ?? null,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    frozen: row.frozen_scope ? { scope: row.frozen_scope, reason: row.frozen_reason ?? '', since: Number(row.frozen_since), by: row.frozen_by ?? '' } : null,
  };
}
