import { createParamDecorator, Inject, Injectable, type ExecutionContext, type PipeTransform } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AuditCaller } from '../audit/audit-record.js';
import type { Principal } from '../auth/principal.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { requestIdOf } from '../observability/logging.js';

const RequestOf = createParamDecorator((_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest<FastifyRequest>());

/** Reads who is acting from the request (a pipe, so it can have the config's TRUST_PROXY rule). */
@Injectable()
export class RestCallerPipe implements PipeTransform<FastifyRequest, AuditCaller> {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  transform(request: FastifyRequest): AuditCaller {
    const { id, username } = (request as unknown as { user: Principal }).user;
    return { actor: { id, username }, surface: 'rest', address: this.config.trustProxy.clientOfRequest(request.raw), requestId: requestIdOf(request.raw) };
  }
}

/** The operator making this REST request, as the audit trail records them. */
export const RestCaller = () => RequestOf(RestCallerPipe);
