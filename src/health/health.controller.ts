import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { HealthCheck, HealthCheckService, HealthIndicatorService, type HealthIndicatorFunction } from '@nestjs/terminus';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators.js';
import { Db } from '../database/db.service.js';
import { RedisConnections } from '../redis/redis-connections.js';

/** How long one check may take before it counts as down: /health answers, whatever hangs. */
const CHECK_TIMEOUT_MS = 3000;

function withinTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('health check timed out')), CHECK_TIMEOUT_MS)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Liveness and readiness: the database, and Redis when configured. 503 when either is down.
 * While Redis is down the instance still serves requests (events reach its own sockets only),
 * so the answer says which connections are up, and `/health` turns 200 again once they are back.
 */
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
  async check(@Res({ passthrough: true }) response: FastifyReply) {
    const checks: HealthIndicatorFunction[] = [() => this.database()];
    if (this.redis.enabled) checks.push(() => this.redisUp());
    try {
      return await this.health.check(checks);
    } catch (error) {
      // Down is still a report: 503 with what is up and what is down, not a bare error.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      void response.status(503);
      return error.getResponse();
    }
  }

  private async database() {
    const indicator = this.indicators.check('database');
    try {
      await withinTimeout(this.db.query('SELECT 1 AS one'));
      return indicator.up({ type: this.db.dialect });
    } catch {
      return indicator.down({ type: this.db.dialect });
    }
  }

  private async redisUp() {
    const indicator = this.indicators.check('redis');
    const state = this.redis.state();
    return (await withinTimeout(this.redis.ping()).catch(() => false)) ? indicator.up(state) : indicator.down(state);
  }
}
