import type { DataSourceOptions, MixedList } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type ClassList = MixedList<Function | string>;

/** The one place PostgreSQL options are decided, for the API, the worker, the CLI and the tests. */
export function buildDataSourceOptions(databaseUrl: string, entities: ClassList, migrations: ClassList): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities,
    migrations,
    // The schema changes by migrations only (see libs/schema).
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    // gen_random_uuid() is built into PostgreSQL 13+; no extension needed.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    applicationName: 'cqo-lms',
    extra: { max: 20, connectionTimeoutMillis: 5000 },
  };
}
