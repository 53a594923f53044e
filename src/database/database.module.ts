import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Db } from './db.service.js';
import { openDatabase } from './open-database.js';

@Global()
@Module({
  providers: [
    {
      provide: Db,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => openDatabase(config.database, config.commitDeadlineMs),
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
