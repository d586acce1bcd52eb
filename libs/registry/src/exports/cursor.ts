import { DataSource } from 'typeorm';

/**
 * Reads a query's rows in batches through a server-side cursor, on its own connection and in one
 * REPEATABLE READ snapshot, so memory holds one batch whatever the size of the result. Stopping
 * early (a client that went away) closes the cursor and releases the connection.
 */
export async function* cursorBatches(dataSource: DataSource, sql: string, params: unknown[], batchSize = 2000): AsyncGenerator<Record<string, unknown>[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction('REPEATABLE READ');
    // The whole result is read: plan for all rows (hash joins), not for the first 10% (the default for cursors).
    await runner.query('SET LOCAL cursor_tuple_fraction = 1');
    await runner.query(`DECLARE registry_export NO SCROLL CURSOR FOR ${sql}`, params);
    for (;;) {
      const rows: Record<string, unknown>[] = await runner.query(`FETCH ${Math.trunc(batchSize)} FROM registry_export`);
      if (rows.length === 0) break;
      yield rows;
      if (rows.length < batchSize) break;
    }
    await runner.commitTransaction();
  } finally {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    await runner.release();
  }
}
