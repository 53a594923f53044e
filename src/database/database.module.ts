import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Clock } from '../common/clock.js';
import { seedDefaultCatalog } from '../catalog/seed-default-catalog.js';
import { Db } from './db.service.js';
import { openDatabase } from './open-database.js';

@Global()
@Module({
  providers: [
    {
      provide: Db,
      inject: [APP_CONFIG, Clock],
      useFactory: async (config: AppConfig, clock: Clock) => {
        const db = await openDatabase(config.database);
        await seedDefaultCatalog(db, clock.now());
        return db;
      },
    },
  ],
  exports: [Db],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(Db) private readonly db: Db) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.db.dataSource.isInitialized) await this.db.close();
  }
}
