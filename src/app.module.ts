import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { BackofficeModule } from './backoffice/backoffice.module.js';
import { CatalogModule } from './catalog/catalog.module.js';
import { DatabaseModule } from './database/database.module.js';
import { ExchangeRatesModule } from './exchange-rates/exchange-rates.module.js';
import { HealthModule } from './health/health.module.js';
import { LedgerModule } from './ledger/ledger.module.js';
import { LegacyApiModule } from './legacy-api/legacy-api.module.js';
import { LifecycleModule } from './lifecycle/lifecycle.module.js';
import { loggingModule } from './observability/logging.js';
import { ObservabilityModule } from './observability/observability.module.js';
import { RealtimeModule } from './realtime/realtime.module.js';
import { SchedulerModule } from './scheduler/scheduler.module.js';
import { SubscriptionsModule } from './subscriptions/subscriptions.module.js';
import { TokenActionsModule } from './token-actions/token-actions.module.js';

/** Wires the feature modules; no logic. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LifecycleModule,
        loggingModule(config),
        ObservabilityModule,
        DatabaseModule,
        AuditModule,
        AuthModule,
        LedgerModule,
        CatalogModule,
        RealtimeModule,
        TokenActionsModule,
        ExchangeRatesModule,
        SubscriptionsModule,
        SchedulerModule,
        BackofficeModule,
        LegacyApiModule,
        HealthModule,
      ],
    };
  }
}
