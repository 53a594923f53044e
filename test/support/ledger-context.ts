import { Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuditModule } from '../../src/audit/audit.module.js';
import { CatalogModule } from '../../src/catalog/catalog.module.js';
import type { DatabaseConfig } from '../../src/config/app-config.js';
import { ConfigModule } from '../../src/config/config.module.js';
import { loadConfig } from '../../src/config/load-config.js';
import { DatabaseModule } from '../../src/database/database.module.js';
import { LedgerModule } from '../../src/ledger/ledger.module.js';
import { LifecycleModule } from '../../src/lifecycle/lifecycle.module.js';
import { loggingModule } from '../../src/observability/logging.js';
import { ObservabilityModule } from '../../src/observability/observability.module.js';
import { TEST_JWT_SECRET } from './tokens.js';

/** The modules under the ledger, wired by Nest as the application wires them, without any surface. */
@Module({})
class LedgerContextModule {
  static forRoot(env: Record<string, string>): DynamicModule {
    const config = loadConfig({ JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'silent', ...env });
    return {
      module: LedgerContextModule,
      imports: [ConfigModule.forRoot(config), LifecycleModule, loggingModule(config), ObservabilityModule, DatabaseModule, AuditModule, LedgerModule, CatalogModule],
    };
  }
}

/**
 * The ledger's services over a migrated database seeded with the default catalog, built by
 * dependency injection (so a new constructor dependency is wired here as in the app, not by hand).
 * Closing the context closes the database. `extraEnv` sets more configuration (COMMIT_DEADLINE_MS).
 */
export function ledgerContext(database: DatabaseConfig, extraEnv: Record<string, string> = {}): Promise<INestApplicationContext> {
  const env: Record<string, string> =
    database.type === 'sqlite'
      ? { DATABASE_URL: `sqlite:${database.path}` }
      : { DATABASE_URL: database.url, DATABASE_POOL_SIZE: String(database.poolSize) };
  return NestFactory.createApplicationContext(LedgerContextModule.forRoot({ ...env, ...extraEnv }), { logger: false });
}
