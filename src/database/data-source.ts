import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/load-config.js';
import { dataSourceOptions } from './data-source-options.js';

/** For the TypeORM CLI (`npm run migration:run`): the same options as the running service. */
export default new DataSource(dataSourceOptions(loadConfig().database));
