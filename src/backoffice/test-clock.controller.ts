import { Body, HttpCode, Inject, NotFoundException, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { AuditCaller } from '../audit/audit-record.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ClockOffsetStore } from '../scheduler/clock-offset.store.js';
import { DueWorkService } from '../scheduler/due-work.service.js';
import { ApiInvalid, BackofficeController } from './api-docs.js';
import { ref } from './api-schemas.js';
import { RestCaller } from './rest-caller.js';
import { AdvanceClockDto } from './test-clock.dto.js';

/**
 * The test clock (ENABLE_TEST_CLOCK=true only, never in production): moves the service's clock
 * forward and runs what became due before answering, like Stripe's test clocks.
 */
@BackofficeController('test clock')
export class TestClockController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clockOffset: ClockOffsetStore,
    private readonly dueWork: DueWorkService,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  @Post('test-clock/advance')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move the service clock forward (ENABLE_TEST_CLOCK=true only; 404 otherwise) and run what became due',
    description: 'Holds that became due expire first, then each elapsed renewal period is charged in order, before the answer. The offset is kept in the database.',
  })
  @ApiOkResponse({ description: 'The new time', schema: ref('TestClock'), example: { now: '2025-03-02T12:00:00.000Z', offsetSeconds: 86400 } })
  @ApiInvalid('seconds must be a whole number')
  @ApiNotFoundResponse({
    description: 'The test clock is off (ENABLE_TEST_CLOCK is not true)',
    schema: ref('Error'),
    example: { statusCode: 404, message: 'The test clock is disabled (ENABLE_TEST_CLOCK)' },
  })
  async advance(@Body() body: AdvanceClockDto, @RestCaller() caller: AuditCaller): Promise<{ now: string; offsetSeconds: number }> {
    if (!this.config.enableTestClock) throw new NotFoundException('The test clock is disabled (ENABLE_TEST_CLOCK)');
    const offset = await this.clockOffset.advance(body.seconds * 1000, async (tx, before, after) => {
      // Advancing by 0 (reading the time, running what is due) moves nothing.
      if (after !== before) {
        await this.audit.record(tx, caller, { action: 'test_clock.advance', target: 'test_clock', before: { offsetSeconds: before / 1000 }, after: { offsetSeconds: after / 1000 } });
      }
    });
    await this.dueWork.runDue();
    return { now: new Date(this.clock.now()).toISOString(), offsetSeconds: offset / 1000 };
  }
}
