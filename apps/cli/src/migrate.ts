import 'reflect-metadata';
import { ConfigError, loadConfig } from '@cqo/core';
import { createSchemaDataSource, DatabaseUnavailableError, migrateDatabase } from '@cqo/schema';

/** `npm run migrate` (run pending) and `npm run migrate -- --revert` (undo the last one). */
async function main(): Promise<void> {
  const config = loadConfig();
  if (process.argv.includes('--revert')) {
    const dataSource = await createSchemaDataSource(config.databaseUrl).initialize();
    await dataSource.undoLastMigration({ transaction: 'each' });
    await dataSource.destroy();
    process.stdout.write('migrate: reverted the last migration\n');
    return;
  }
  const ran = await migrateDatabase(config.databaseUrl);
  process.stdout.write(ran.length ? `migrate: ran ${ran.join(', ')}\n` : 'migrate: schema is up to date\n');
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof DatabaseUnavailableError;
  process.stderr.write(`migrate: ${known ? (error as Error).message : error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
