import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService, type HealthIndicatorFunction } from '@nestjs/terminus';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators.js';
import { Db } from '../database/db.service.js';
import { RedisConnections } from '../redis/redis-connections.js';

/** Liveness and readiness: the database, and Redis when configured. 503 when either is down. */
@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly db: Db,
    private readonly redis: RedisConnections,
  ) {}

  @Public()
  @Get()
  @HealthCheck()
  check() {
    const checks: HealthIndicatorFunction[] = [() => this.database()];
    if (this.redis.enabled) checks.push(() => this.redisUp());
    return this.health.check(checks);
  }

  private async database() {
    const indicator = this.indicators.check('database');
    try {
      await this.db.query('SELECT 1 AS one');
      return indicator.up({ type: this.db.dialect });
    } catch {
      return indicator.down({ type: this.db.dialect });
    }
  }

  private async redisUp() {
    const indicator = this.indicators.check('redis');
    return (await this.redis.ping()) ? indicator.up() : indicator.down();
  }
}
