import type { DataSource } from 'typeorm';
import { migrationLock, migrationUnlock } from '../sql/migrations.sql';
import { runCommand } from './sql-query';

// An arbitrary, fixed key: every process that migrates takes the same lock.
const MIGRATION_LOCK_KEY = 7_402_163_001;

/**
 * Runs pending migrations under a PostgreSQL advisory lock, so API, worker and the one-shot
 * migrate step can all start at once without racing. Returns the names of the migrations run.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runCommand(runner.manager, migrationLock, [MIGRATION_LOCK_KEY]);
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await runCommand(runner.manager, migrationUnlock, [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}

/** Turns a connection failure into one line that says where we tried to connect. */
export function describeConnectionError(databaseUrl: string, error: unknown): string {
  let target = 'PostgreSQL';
  try {
    const url = new URL(databaseUrl);
    target = `PostgreSQL at ${url.hostname}:${url.port || '5432'}${url.pathname}`;
  } catch {
    // keep the generic name; the URL was validated at boot
  }
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return `Cannot connect to ${target} (DATABASE_URL): ${reason}`;
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET', '28P01', '28000', '3D000']);

/** Whether an error means "PostgreSQL cannot be reached or refuses us", as opposed to a bug. */
export function isConnectionError(error: unknown): boolean {
  const e = error as { code?: string; errors?: { code?: string }[]; message?: string };
  if (e?.code && CONNECTION_CODES.has(e.code)) return true;
  if (Array.isArray(e?.errors) && e.errors.some((inner) => inner.code && CONNECTION_CODES.has(inner.code))) return true;
  return /timeout exceeded when trying to connect|Connection terminated/i.test(e?.message ?? '');
}
