import { Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { ApiInvalid, BackofficeController } from './api-docs.js';
import { ref } from './api-schemas.js';
import { AUDIT_PAGE_EXAMPLE, AuditQueryDto } from './audit.dto.js';
import { pagingOf, pagingView } from './paging.js';
import { toEpochMs } from './request-values.js';

/** The operators' audit trail, read only: no route changes or deletes a record. */
@BackofficeController('audit')
export class AuditController {
  constructor(private readonly audit: AuditTrail) {}

  @Get('audit')
  @ApiOperation({
    summary: 'Every change an operator made, newest first',
    description:
      'Each record is written in the same transaction as its change and chained by hash to the one before; GET /ledger/check verifies the chain. Refused requests are not recorded.',
  })
  @ApiOkResponse({ schema: ref('AuditPage'), example: AUDIT_PAGE_EXAMPLE })
  @ApiInvalid('from must be an ISO 8601 date or epoch milliseconds, on a day the month has (2025-02-28, not 2025-02-30)')
  async list(@Query() query: AuditQueryDto) {
    const paging = pagingOf(query);
    const from = query.from === undefined ? undefined : toEpochMs(query.from);
    const to = query.to === undefined ? undefined : toEpochMs(query.to);
    const { total, records } = await this.audit.page({ actor: query.actor, action: query.action, target: query.target, from, to }, paging.offset, paging.per_page);
    const filters = {
      actor: query.actor,
      action: query.action,
      target: query.target,
      from: from === undefined ? undefined : new Date(from).toISOString(),
      to: to === undefined ? undefined : new Date(to).toISOString(),
    };
    return { filters: JSON.parse(JSON.stringify(filters)) as Partial<typeof filters>, paging: pagingView(paging, total), data: records };
  }
}
