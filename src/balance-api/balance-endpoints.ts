import { Inject, Injectable } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from '../observability/logging.js';
import type { AuditCaller } from '../audit/audit-record.js';
import type { Principal, Role } from '../auth/principal.js';
import { DomainError, forbidden, tooManyRequests } from '../common/errors.js';
import { RateLimiter } from '../common/rate-limiter.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Db, type Tx } from '../database/db.service.js';
import { IdempotencyService, requestHash } from '../idempotency/idempotency.service.js';
import { DrainService } from '../lifecycle/drain.service.js';
import { MetricsService } from '../observability/metrics.service.js';
import { errorEnvelope, failure, success, type BalanceEnvelope } from './balance-envelope.js';
import type { BalanceCall } from './balance-event.decorator.js';
import { parseBalanceRequest } from './balance-request.js';
import { authorityOf, EXPIRED_MESSAGE, hasExpired, type SocketAuthority } from './socket-authority.js';

export interface CallContext<T> {
  readonly principal: Principal;
  readonly data: T;
  /** Who is calling, from where, as an operator action's audit record names them. */
  readonly caller: AuditCaller;
}

export type EndpointSpec<T extends object> =
  | { readonly dto: (new () => T) | null; readonly role?: Role; readonly read: (ctx: CallContext<T>) => Promise<unknown> }
  | { readonly dto: new () => T; readonly role?: Role; readonly write: (ctx: CallContext<T>, tx: Tx) => Promise<unknown> };

/**
 * Runs one Balance API call and makes its acknowledgement: the credential's expiry (a call that
 * arrives after it is answered 401 and does nothing), role check, payload validation,
 * `event.id` idempotency for writes (the answer is stored with the write, in one transaction),
 * and the mapping of every error to the envelope. Handlers return what this returns.
 */
@Injectable()
export class BalanceEndpoints {
  private readonly limiter: RateLimiter;

  constructor(
    private readonly db: Db,
    private readonly idempotency: IdempotencyService,
    private readonly drain: DrainService,
    private readonly metrics: MetricsService,
    @InjectPinoLogger('BalanceApi') private readonly log: PinoLogger,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.limiter = new RateLimiter(config.socketRate.perSecond, config.socketRate.burst);
  }

  async answer<T extends object>({ client, endpoint, payload }: BalanceCall, spec: EndpointSpec<T>): Promise<BalanceEnvelope> {
    const started = process.hrtime.bigint();
    const authority = authorityOf(client);
    const bindings = { event: endpoint, eventId: eventIdOf(payload), userId: authority.principal.id, socketId: client.id };
    const envelope = await this.log.runInContext(() => this.run(authority, client.id, endpoint, payload, spec), { bindings });
    this.metrics.observe('socket', endpoint, envelope.error.code, Number(process.hrtime.bigint() - started) / 1e9);
    return envelope;
  }

  private async run<T extends object>(authority: SocketAuthority, socketId: string, endpoint: string, payload: unknown, spec: EndpointSpec<T>): Promise<BalanceEnvelope> {
    // The disconnect at expiry is a timer; a call that slipped in before it ran is refused here.
    if (hasExpired(authority)) {
      this.log.warn({ address: authority.address }, 'Balance API call refused: the token expired');
      return failure(401, EXPIRED_MESSAGE);
    }
    const { principal } = authority;
    let done = () => undefined as void;
    try {
      done = this.drain.begin();
      if (!this.limiter.take(principal.id)) throw tooManyRequests();
      const request = parseBalanceRequest(payload, spec.dto);
      // Without an event id, the socket's id is what the log lines of the call carry too.
      const requestId = request.eventId ?? `socket:${socketId}`;
      const caller: AuditCaller = { actor: { id: principal.id, username: principal.username }, surface: 'socket', address: authority.address, requestId };
      const ctx = { principal, data: request.data, caller };
      if ('read' in spec) {
        this.requireRole(authority, spec.role);
        return success(await spec.read(ctx));
      }
      const run = async (tx: Tx) => {
        this.requireRole(authority, spec.role);
        return success(await spec.write(ctx, tx));
      };
      if (request.eventId === null) return await this.db.transaction(run);
      const key = { scope: `socket:${principal.id}`, key: request.eventId, requestHash: requestHash(endpoint, payloadData(payload)) };
      const result = await this.idempotency.run(key, run, (error: DomainError) => errorEnvelope(error));
      return result.value;
    } catch (error) {
      return errorEnvelope(error);
    } finally {
      done();
    }
  }

  private requireRole({ principal, address }: SocketAuthority, role: Role | undefined): void {
    if (!role || principal.roles.includes(role)) return;
    this.log.warn({ address, role }, 'Balance API call refused: role missing');
    throw forbidden(`Requires role ${role}`);
  }
}

/** The client's event id, for log lines (validated later, so only taken when it is a short string). */
function eventIdOf(payload: unknown): string | undefined {
  const id = (payload as { event?: { id?: unknown } } | null)?.event?.id;
  return typeof id === 'string' && id.length <= 200 ? id : undefined;
}

/** What the client sent as `data`, for comparing a replay with the original request. */
function payloadData(payload: unknown): unknown {
  return typeof payload === 'object' && payload !== null ? (payload as { data?: unknown }).data : undefined;
}
