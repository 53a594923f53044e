import { createParamDecorator, HttpException, Injectable, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { invalid } from '../common/errors.js';
import { Db, type Tx } from '../database/db.service.js';
import { IdempotencyService, requestHash, type RequestKey } from '../idempotency/idempotency.service.js';

const MAX_KEY_LENGTH = 255;
/** The scope column's width; a longer path is hashed so it still scopes exactly. */
const MAX_SCOPE_LENGTH = 200;

/**
 * The request's `Idempotency-Key`, scoped to its concrete path (so one key may be reused on
 * another hold or user), with a hash of its body; null when the header is absent.
 */
export const IdempotencyKeyOf = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestKey | null => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest>();
  const header = request.headers['idempotency-key'];
  if (header === undefined) return null;
  // Node joins repeated headers of this kind with ", "; the array case is for the type checker.
  const key = Array.isArray(header) ? header.join(', ') : header;
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) throw invalid(`Idempotency-Key must be 1 to ${MAX_KEY_LENGTH} characters`);
  const path = request.url.split('?')[0];
  const scope = `rest:${path}`.length <= MAX_SCOPE_LENGTH ? `rest:${path}` : `rest:#${requestHash(path)}`;
  return { scope, key, requestHash: requestHash(request.body ?? {}) };
});

/** What is stored per key: the success body, or the refusal's status and message. */
type StoredAnswer = { ok: true; body: unknown } | { ok: false; statusCode: number; message: string };

/**
 * Runs a money-moving request in one database transaction, at most once per Idempotency-Key.
 * The answer is stored in the same transaction as the ledger write (IdempotencyService), so a
 * retry after a crash can neither repeat the movement nor miss its answer. A replayed success
 * keeps the route's status; a replayed refusal answers with its stored status and message.
 */
@Injectable()
export class IdempotentRequests {
  constructor(
    private readonly db: Db,
    private readonly idempotency: IdempotencyService,
  ) {}

  async run<T>(key: RequestKey | null, work: (tx: Tx) => Promise<T>): Promise<T> {
    if (!key) return this.db.transaction(work);
    const { value } = await this.idempotency.run<StoredAnswer>(
      key,
      async (tx) => ({ ok: true, body: await work(tx) }),
      (error) => ({ ok: false, statusCode: error.status, message: error.message }),
    );
    if (!value.ok) throw new HttpException({ statusCode: value.statusCode, message: value.message }, value.statusCode);
    return value.body as T;
  }
}
