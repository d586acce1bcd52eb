import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '@cqo/core';
import { ALL_ENTITIES } from './entities';
import { ALL_MIGRATIONS } from './migrations';

/** A data source over every entity and migration, for the migrate step, the CLI and tests. */
export function createSchemaDataSource(databaseUrl: string): DataSource {
  return new DataSource(buildDataSourceOptions(databaseUrl, ALL_ENTITIES, ALL_MIGRATIONS));
}
