import { Client } from 'pg';
import { describeConnectionError, isConnectionError, runMigrationsLocked } from '@cqo/core';
import { createSchemaDataSource } from './data-source';

/** Thrown for failures a person can fix (server down, bad URL); its message is one line. */
export class DatabaseUnavailableError extends Error {}

/** Creates the database named in the URL if the server does not have it yet (a fresh machine). */
export async function ensureDatabaseExists(databaseUrl: string): Promise<boolean> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    return true;
  } catch (error) {
    if (isConnectionError(error)) throw new DatabaseUnavailableError(describeConnectionError(databaseUrl, error));
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates the database if needed and runs pending migrations under the advisory lock. */
export async function migrateDatabase(databaseUrl: string): Promise<string[]> {
  await ensureDatabaseExists(databaseUrl);
  const dataSource = createSchemaDataSource(databaseUrl);
  try {
    await dataSource.initialize();
  } catch (error) {
    throw isConnectionError(error) ? new DatabaseUnavailableError(describeConnectionError(databaseUrl, error)) : error;
  }
  try {
    return await runMigrationsLocked(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
