import { Module } from '@nestjs/common';
import { Db } from '../database/db.service.js';
import { AssetRegistry } from './asset-registry.js';
import { HoldsService } from './holds.service.js';
import { LedgerCheckService } from './ledger-check.service.js';
import { LedgerEvents } from './ledger-events.js';
import { LedgerService } from './ledger.service.js';

@Module({
  providers: [
    {
      provide: AssetRegistry,
      inject: [Db],
      useFactory: async (db: Db) => {
        const registry = new AssetRegistry(db);
        await registry.load();
        return registry;
      },
    },
    LedgerEvents,
    LedgerService,
    HoldsService,
    LedgerCheckService,
  ],
  exports: [AssetRegistry, LedgerEvents, LedgerService, HoldsService, LedgerCheckService],
})
export class LedgerModule {}
