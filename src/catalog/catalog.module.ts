import { Module, type OnModuleInit } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { Db } from '../database/db.service.js';
import { AssetRegistry } from '../ledger/asset-registry.js';
import { LedgerModule } from '../ledger/ledger.module.js';
import { seedDefaultCatalog } from './seed-default-catalog.js';

/**
 * The default catalog (assets, quotes, token actions, a demo room): seeded into an empty
 * database at start, before the application serves anything. The asset registry may have been
 * loaded from an empty database (here, or while another instance was seeding it), so it is
 * loaded again once the assets exist.
 */
@Module({ imports: [LedgerModule] })
export class CatalogModule implements OnModuleInit {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly assets: AssetRegistry,
  ) {}

  async onModuleInit(): Promise<void> {
    await seedDefaultCatalog(this.db, this.clock.now());
    await this.assets.load();
  }
}
