import { loadConfig } from '@cqo/core';
import { createSchemaDataSource } from './data-source';

/** For the TypeORM CLI (`npm run migration:generate`): the data source named by DATABASE_URL. */
export default createSchemaDataSource(loadConfig().databaseUrl);
