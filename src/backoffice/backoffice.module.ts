import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { ExchangeRatesModule } from '../exchange-rates/exchange-rates.module.js';
import { IdempotencyModule } from '../idempotency/idempotency.module.js';
import { LedgerModule } from '../ledger/ledger.module.js';
import { SchedulerModule } from '../scheduler/scheduler.module.js';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module.js';
import { TokenActionsModule } from '../token-actions/token-actions.module.js';
import { AdjustmentsController } from './adjustments.controller.js';
import { AuditController } from './audit.controller.js';
import { AssetTotalsController } from './asset-totals.controller.js';
import { AssetTotalsService } from './asset-totals.service.js';
import { BackofficeUsers } from './backoffice-users.js';
import { BalancesReportService } from './balances-report.service.js';
import { BalancesController } from './balances.controller.js';
import { ExchangeRatesController } from './exchange-rates.controller.js';
import { ExportController } from './export.controller.js';
import { FreezesController } from './freezes.controller.js';
import { HoldsController } from './holds.controller.js';
import { IdempotentRequests } from './idempotent-requests.js';
import { LedgerCheckController } from './ledger-check.controller.js';
import { PointInTimeController } from './point-in-time.controller.js';
import { EventsController } from './events.controller.js';
import { ProductsController } from './products.controller.js';
import { ReversalsController } from './reversals.controller.js';
import { SubscriptionsController } from './subscriptions.controller.js';
import { TokenActionsController } from './token-actions.controller.js';
import { TestClockController } from './test-clock.controller.js';
import { TransactionsController } from './transactions.controller.js';
import { UsersController } from './users.controller.js';
import { WebhooksController } from './webhooks.controller.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';

/** REST controllers for operators, over the feature modules; no money logic of its own. */
@Module({
  imports: [AuthModule, LedgerModule, TokenActionsModule, ExchangeRatesModule, SubscriptionsModule, IdempotencyModule, SchedulerModule, WebhooksModule],
  controllers: [
    UsersController,
    BalancesController,
    TransactionsController,
    PointInTimeController,
    EventsController,
    ExportController,
    AdjustmentsController,
    ReversalsController,
    HoldsController,
    TokenActionsController,
    ExchangeRatesController,
    ProductsController,
    LedgerCheckController,
    TestClockController,
    AssetTotalsController,
    SubscriptionsController,
    FreezesController,
    AuditController,
    WebhooksController,
  ],
  providers: [BackofficeUsers, AssetTotalsService, BalancesReportService, IdempotentRequests],
})
export class BackofficeModule {}
