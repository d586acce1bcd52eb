import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * Runs one statement of a hot path as a named prepared statement, straight on the driver's pool:
 * PostgreSQL plans it once per connection instead of at every call (for a CTE of several
 * writes, planning costs as much as executing), and TypeORM's query-runner bookkeeping is
 * skipped. The statement runs on its own, as one autocommit transaction; `name` must stand for
 * this one text everywhere in the process.
 */
export async function preparedQuery<T>(dataSource: DataSource, name: string, text: string, values: unknown[]): Promise<T[]> {
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  const { rows } = await pool.query({ name, text, values });
  return rows as T[];
}
