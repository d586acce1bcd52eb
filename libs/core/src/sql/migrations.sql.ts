import { defineQuery } from '../database/sql-query';

// SQL of the migration lock (runMigrationsLocked): a session-level advisory lock, no table.

export const migrationLock = defineQuery<[key: number]>('core.migrations.lock', 'SELECT pg_advisory_lock($1)');

export const migrationUnlock = defineQuery<[key: number]>('core.migrations.unlock', 'SELECT pg_advisory_unlock($1)');
