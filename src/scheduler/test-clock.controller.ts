import { Body, Controller, HttpCode, Inject, NotFoundException, Post } from '@nestjs/common';
import { IsInt, Max, Min } from 'class-validator';
import { Roles } from '../auth/auth.decorators.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ClockOffsetStore } from './clock-offset.store.js';
import { DueWorkService } from './due-work.service.js';

export class AdvanceClockDto {
  @IsInt({ message: 'seconds must be a whole number' })
  @Min(0, { message: 'seconds must not be negative' })
  @Max(100 * 365 * 86_400, { message: 'seconds must be at most 100 years' })
  seconds!: number;
}

/**
 * The test clock (ENABLE_TEST_CLOCK=true only, never in production): moves the service's clock
 * forward and runs what became due before answering, like Stripe's test clocks.
 */
@Controller('back-api/backoffice/test-clock')
@Roles('admin')
export class TestClockController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clockOffset: ClockOffsetStore,
    private readonly dueWork: DueWorkService,
    private readonly clock: Clock,
  ) {}

  @Post('advance')
  @HttpCode(200)
  async advance(@Body() body: AdvanceClockDto): Promise<{ now: string; offsetSeconds: number }> {
    if (!this.config.enableTestClock) throw new NotFoundException('The test clock is disabled (ENABLE_TEST_CLOCK)');
    const offset = await this.clockOffset.advance(body.seconds * 1000);
    await this.dueWork.runDue();
    return { now: new Date(this.clock.now()).toISOString(), offsetSeconds: offset / 1000 };
  }
}
