import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from './src/config/load-config.js';
import { dataSourceOptions } from './src/database/data-source-options.js';

/** The DataSource the TypeORM CLI uses: the same options as the running service. */
export default new DataSource(dataSourceOptions(loadConfig().database));
