import { Module } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { Db } from '../database/db.service.js';
import { seedDefaultCatalog } from './seed-default-catalog.js';

/** Whether this start seeded an empty database; a dependency of whatever reads the catalog's assets. */
export class DefaultCatalog {
  constructor(readonly seededNow: boolean) {}
}

/**
 * The default catalog (assets, quotes, token actions, a demo room), seeded into an empty
 * database at start. Readers of the catalog inject DefaultCatalog, so they run after the seed.
 */
@Module({
  providers: [
    {
      provide: DefaultCatalog,
      inject: [Db, Clock],
      useFactory: async (db: Db, clock: Clock) => new DefaultCatalog(await seedDefaultCatalog(db, clock.now())),
    },
  ],
  exports: [DefaultCatalog],
})
export class CatalogModule {}
