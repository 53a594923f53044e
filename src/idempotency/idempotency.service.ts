import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { DomainError, IdempotencyConflictError, tooManyRequests } from '../common/errors.js';
import { answerTakenKey } from '../database/retry-policy.js';
import { Db, type Tx } from '../database/db.service.js';
import { RefusalQuota } from './refusal-quota.js';

/**
 * A client's retry key (socket `event.id`, REST `Idempotency-Key`): the first answer is stored
 * with the write, in its transaction, and replayed for the same key and request. For keys that
 * need no answer replayed, the ledger's PostingKey is enough; see ARCHITECTURE.md.
 */
export interface RequestKey {
  /** Whose keys these are: "socket:<userId>", "rest:<path>". */
  readonly scope: string;
  readonly key: string;
  /** What was asked; the same key with a different request is refused with 409. */
  readonly requestHash: string;
}

export interface IdempotentResult<T> {
  readonly value: T;
  readonly replayed: boolean;
}

/** Canonical JSON (sorted keys) hashed with SHA-256: equal requests hash equal. */
export function requestHash(...parts: unknown[]): string {
  return createHash('sha256').update(canonicalJson(parts)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Keys up to this length are stored as given; longer ones as a digest of this length. */
const STORED_KEY_LENGTH = 44;

/**
 * The key as stored: as given when shorter than STORED_KEY_LENGTH, else '#' and the base64url
 * SHA-256 of it (exactly STORED_KEY_LENGTH characters), so no client-chosen key (event ids may
 * have 200 characters, Idempotency-Key 255) makes a row and its index entry larger. A key kept
 * as given is always shorter than a digest, so the two forms never collide.
 */
function storedKey(key: string): string {
  return key.length < STORED_KEY_LENGTH ? key : `#${createHash('sha256').update(key).digest('base64url')}`;
}

/**
 * Runs a request at most once per key and keeps its answer. The answer of a successful run is
 * stored in the same database transaction as the work it describes, so a crash can never leave
 * the work done without the answer (a retry would do it twice) or the answer without the work.
 * A refusal (a DomainError) changes nothing, so its answer is stored on its own afterwards,
 * within the scope's quota of stored refusals (RefusalQuota; beyond it, 429 and nothing stored).
 * When two requests with one key race, the database's primary key lets one commit; the other
 * rolls back whole and answers with the winner's stored answer.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly refusals: RefusalQuota,
  ) {}

  async run<T>(
    key: RequestKey,
    work: (tx: Tx) => Promise<T>,
    refusalAnswer: (error: DomainError) => T,
  ): Promise<IdempotentResult<T>> {
    try {
      const first = () =>
        this.db.transaction(async (tx) => {
          // A read: a unit refused after it has not written (see Db.read in a shared transaction).
          const stored = await this.db.read((reader) => this.find<T>(reader, key));
          if (stored) return stored;
          const value = await work(tx);
          await this.insert(tx, key, value, 'fail');
          return { value, replayed: false };
        });
      // Two requests with one key racing: the loser's insert fails, the winner's answer is its answer.
      return await answerTakenKey(first, (violation) => this.storedOrConflict<T>(key, violation));
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === 'too_many_requests' || error.code === 'unavailable' || error.code === 'internal') throw error;
      if (error instanceof IdempotencyConflictError) throw error;
      if (!(await this.refusals.allows(key.scope))) {
        throw tooManyRequests('Too many refused requests in 24 hours (STORED_REFUSALS_PER_DAY); nothing was done or stored, retry later');
      }
      const value = refusalAnswer(error);
      await this.db.transaction(async (tx) => {
        if (await this.insert(tx, key, value, 'ignore')) await this.refusals.count(tx, key.scope);
      });
      return this.storedOrConflict<T>(key);
    }
  }

  /** Forgets answers older than `maxAgeMs` (kept at least 24 hours by the caller's choice). */
  async prune(maxAgeMs: number): Promise<number> {
    const rows = await this.db.transaction(async (tx) => {
      await this.refusals.prune(tx);
      return tx.query('DELETE FROM idempotency_records WHERE created_at < ? RETURNING key', [this.clock.now() - maxAgeMs]);
    });
    return rows.length;
  }

  /**
   * The answer stored for the key. Nothing stored after a unique violation (`violation`) means
   * some other key collided: that error is the one to report, as it is.
   */
  private async storedOrConflict<T>(key: RequestKey, violation?: unknown): Promise<IdempotentResult<T>> {
    const stored = await this.db.read((reader) => this.find<T>(reader, key));
    if (!stored) throw violation ?? new Error('idempotency record vanished');
    return stored;
  }

  private async find<T>(tx: Pick<Tx, 'query'>, key: RequestKey): Promise<IdempotentResult<T> | null> {
    // The key as given too: answers stored before long keys were digested are still found.
    const rows = await tx.query<{ request_hash: string; response: string }>(
      'SELECT request_hash, response FROM idempotency_records WHERE scope = ? AND key IN (?, ?)',
      [key.scope, storedKey(key.key), key.key],
    );
    if (rows.length === 0) return null;
    if (rows[0].request_hash !== key.requestHash) throw new IdempotencyConflictError();
    return { value: JSON.parse(rows[0].response) as T, replayed: true };
  }

  /** Stores an answer; false when `ignore` let an answer already stored for the key stand. */
  private async insert(tx: Tx, key: RequestKey, value: unknown, onConflict: 'fail' | 'ignore'): Promise<boolean> {
    const rows = await tx.query(
      `INSERT INTO idempotency_records (scope, key, request_hash, response, created_at) VALUES (?, ?, ?, ?, ?)
       ${onConflict === 'ignore' ? 'ON CONFLICT (scope, key) DO NOTHING' : ''} RETURNING key`,
      [key.scope, storedKey(key.key), key.requestHash, JSON.stringify(value), this.clock.now()],
    );
    return rows.length > 0;
  }
}
