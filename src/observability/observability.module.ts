import { Global, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { Db } from '../database/db.service.js';
import { MetricsController } from './metrics.controller.js';
import { MetricsService } from './metrics.service.js';

@Global()
@Module({ providers: [MetricsService], controllers: [MetricsController], exports: [MetricsService] })
export class ObservabilityModule implements OnApplicationBootstrap {
  constructor(
    private readonly metrics: MetricsService,
    private readonly db: Db,
  ) {}

  onApplicationBootstrap(): void {
    const driver = this.db.dataSource.driver as { master?: { totalCount: number; idleCount: number; waitingCount: number } };
    this.metrics.watchPool(() => (driver.master && typeof driver.master.totalCount === 'number' ? driver.master : null));
  }
}
