import type { Readable } from 'node:stream';
import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import { runQuery } from '@cqo/core';
import { quoteLiterals } from '../sql/exports.sql';

type PoolDriver = { obtainMasterConnection(): Promise<[PoolClient, (error?: unknown) => void]> };

/**
 * Puts a list query's parameters into its text as literals quoted by PostgreSQL itself
 * (`quote_nullable`), because COPY takes no bind parameters. The values are ids, dates, codes
 * and the caller's region path — and even a free-text filter is safe: PostgreSQL quotes it.
 */
export async function inlineParameters(dataSource: DataSource, sql: string, params: unknown[]): Promise<string> {
  if (params.length === 0) return sql;
  const quoted = await runQuery(dataSource, quoteLiterals, [params.map((p) => (p === null || p === undefined ? null : String(p)))]);
  return sql.replace(/\$(\d+)(?!\d)/g, (_, n: string) => `(${quoted[Number(n) - 1].q})`);
}

/**
 * `COPY (query) TO STDOUT` as a Node stream, on a connection of its own: PostgreSQL formats the
 * rows (CSV with its quoting; or text, one line per row), Node only passes bytes on, as fast as
 * the client reads (the socket's backpressure reaches the server). A stream stopped early (a
 * client gone) closes the connection rather than returning it to the pool mid-COPY.
 */
export async function copyOut(dataSource: DataSource, sql: string, format: 'csv' | 'text'): Promise<Readable> {
  const [client, release] = await (dataSource.driver as unknown as PoolDriver).obtainMasterConnection();
  let released = false;
  const done = (error?: unknown) => {
    if (released) return;
    released = true;
    release(error);
  };
  try {
    const stream = client.query(copyTo(`COPY (${sql}) TO STDOUT WITH (FORMAT ${format})`));
    stream.once('end', () => done());
    stream.once('error', (error) => done(error));
    stream.once('close', () => done(new Error('COPY stopped before its end')));
    return stream;
  } catch (error) {
    done(error);
    throw error;
  }
}
