import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
// Relative imports: jest's module mapper does not apply to global setup, and these files
// depend on nothing of ours but each other.
import { buildDataSourceOptions } from '../../libs/core/src/database/data-source-options';
import { runMigrationsLocked } from '../../libs/core/src/database/migrate';
import { ALL_MIGRATIONS } from '../../libs/schema/src/migrations';
import { createEmptyDatabase, databaseUrl, templateName } from '../../libs/testing/src/test-database';

/** Migrates one template database for this run; every test file clones it. */
export default async function globalSetup(): Promise<void> {
  const run = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  process.env.CQO_TEST_RUN = run;
  await createEmptyDatabase(templateName(run));
  const dataSource = new DataSource(buildDataSourceOptions(databaseUrl(templateName(run)), [], ALL_MIGRATIONS));
  await dataSource.initialize();
  try {
    await runMigrationsLocked(dataSource);
  } finally {
    await dataSource.destroy();
    // TypeORM keeps its decorator registry on the global object. Running in band, Jest gives each
    // test file's sandbox this process's globals, so a registry left here would collect every
    // file's entity classes, and through them each file's whole module graph, for the whole run.
    delete (globalThis as { typeormMetadataArgsStorage?: unknown }).typeormMetadataArgsStorage;
  }
}
