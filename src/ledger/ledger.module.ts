import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { BalanceApiModule } from '../balance-api/balance-api.module.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Db } from '../database/db.service.js';
import { AssetRegistry } from './asset-registry.js';
import { BalancesAt } from './balances-at.js';
import { FreezesService } from './freezes.js';
import { HoldsService } from './holds.service.js';
import { LedgerCheckService } from './ledger-check.service.js';
import { LedgerEvents } from './ledger-events.js';
import { LedgerExport } from './ledger-export.js';
import { LedgerHistory } from './ledger-history.js';
import { LedgerGateway } from './ledger.gateway.js';
import { LedgerService } from './ledger.service.js';
import { LedgerTransaction } from './ledger-transaction.js';
import { ReversalsService } from './reversals.service.js';
import { UserTransfersService } from './user-transfers.service.js';
import { EventSequencer } from './events/event-sequencer.js';
import { EventsFeed } from './events/events-feed.js';
import { EventsPurge } from './events/events-purge.js';
import { Outbox } from './events/outbox.js';
import { LedgerStore } from './store/ledger.store.js';

@Module({
  imports: [AuthModule, BalanceApiModule],
  providers: [
    LedgerStore,
    {
      provide: AssetRegistry,
      inject: [Db, APP_CONFIG],
      useFactory: async (db: Db, config: AppConfig) => {
        const registry = new AssetRegistry(db, config.limits.maxAmount);
        await registry.load();
        return registry;
      },
    },
    LedgerEvents,
    LedgerService,
    HoldsService,
    LedgerCheckService,
    UserTransfersService,
    LedgerHistory,
    LedgerTransaction,
    LedgerExport,
    BalancesAt,
    LedgerGateway,
    FreezesService,
    ReversalsService,
    // The transactional outbox, its sequencer, the feed and the purge (CONTRACT §9).
    EventSequencer,
    Outbox,
    EventsFeed,
    EventsPurge,
  ],
  exports: [Outbox, EventsFeed, EventsPurge, EventSequencer, AssetRegistry, LedgerEvents, LedgerService, HoldsService, LedgerCheckService, UserTransfersService, LedgerHistory, LedgerTransaction, LedgerExport, BalancesAt, FreezesService, ReversalsService],
})
export class LedgerModule {}
