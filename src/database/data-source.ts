import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadEnvFile } from '../config/env-file.js';
import { loadConfig } from '../config/load-config.js';
import { dataSourceOptions } from './data-source-options.js';

/** For the TypeORM CLI (`npm run migration:run`): the same options as the running service. */
loadEnvFile(); // as the server does, so both use the same DATABASE_URL
export default new DataSource(dataSourceOptions(loadConfig().database));
