import type { IncomingMessage } from 'node:http';
import { Controller, Get, Header, HttpCode, Param, Post, Req, UseFilters, UseGuards } from '@nestjs/common';
import { Public } from '../auth/auth.decorators.js';
import { LegacyBalanceService } from './legacy-balance.service.js';
import { LegacyError } from './legacy-error.js';
import { LegacyExceptionFilter } from './legacy-exception.filter.js';
import { LegacyGates } from './legacy-gates.js';
import { LegacyHashGuard } from './legacy-hash.guard.js';
import { resolveLegacyMethod } from './legacy-methods.js';
import { requestIdOf } from '../observability/logging.js';
import { LegacyParams, type LegacyRequest } from './legacy-params.js';
import { XML_CONTENT_TYPE, renderBalance, renderBalanceUpdated } from './legacy-xml.js';

/**
 * The Kolmisoft-style billing API at /billing/api/<method> and /api/<method>, each method also
 * under its older name. Authenticated by its own SHA1 hash (LegacyHashGuard), not by JWT;
 * answers XML, always 200 except throttling.
 */
@Public()
@Controller(['billing/api', 'api'])
@UseGuards(LegacyHashGuard)
@UseFilters(LegacyExceptionFilter)
export class LegacyApiController {
  constructor(
    private readonly balances: LegacyBalanceService,
    private readonly gates: LegacyGates,
  ) {}

  @Post(':method')
  @HttpCode(200)
  @Header('Content-Type', XML_CONTENT_TYPE)
  post(@Param('method') method: string, @Req() request: LegacyRequest): Promise<string> {
    return this.dispatch(method, request);
  }

  /** The guard lets GET through for user_balance_get always, for the others only with LEGACY_ALLOW_GET=true. */
  @Get(':method')
  @Header('Content-Type', XML_CONTENT_TYPE)
  get(@Param('method') method: string, @Req() request: LegacyRequest): Promise<string> {
    return this.dispatch(method, request);
  }

  private async dispatch(method: string, request: LegacyRequest): Promise<string> {
    const params = LegacyParams.from(request);
    switch (resolveLegacyMethod(method)) {
      case 'user_balance_get': {
        const { balance, currency } = await this.balances.balanceGet(params);
        return renderBalance(balance, currency);
      }
      case 'user_balance_update':
        return renderBalanceUpdated(await this.balances.balanceUpdate(params, this.gates.clientOf(request), requestIdOf((request as { raw?: IncomingMessage }).raw ?? request)));
      default:
        // The guard already refuses unknown methods; this keeps the switch honest.
        throw new LegacyError('unknown_method');
    }
  }
}
