import type { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from './prepared-query';

/**
 * One SQL statement, written out in full, with the types of its positional parameters (`P`, a
 * tuple: `$1` is `P[0]`) and of the rows it answers (`R`). The text is sent as written: no
 * builder, no rewriting, so a statement tuned by hand stays the statement that runs. Every
 * definition is written to the lib's `queries/*.sql` snapshot (`npm run sql:snapshot`), so a
 * change of SQL shows in review.
 */
export interface SqlQuery<P extends readonly unknown[], R> {
  /** Unique in the process; for a prepared statement, the name PostgreSQL knows it by. */
  readonly name: string;
  readonly text: string;
  /** Phantom fields carrying the types; never set. */
  readonly params?: P;
  readonly row?: R;
}

/** Defines a statement; see {@link SqlQuery}. */
export function defineQuery<P extends readonly unknown[], R = never>(name: string, text: string): SqlQuery<P, R> {
  // A public view interpolated before its module finished loading (an import cycle) reads "undefined".
  if (/\bundefined\b/.test(text)) throw new Error(`SQL ${name} holds "undefined": a fragment it interpolates was not loaded yet`);
  return Object.freeze({ name, text });
}

/**
 * A statement with parts chosen at call time from a closed set of fragments (a scope condition,
 * optional columns). `build` must only place the fragments it is given; the snapshot shows the
 * text with each fragment as `{{key}}`, and the fragments themselves are snapshot too when they
 * are constants of the query module.
 */
export interface SqlTemplate<K extends string, R> {
  readonly name: string;
  readonly keys: readonly K[];
  readonly build: (fragments: Record<K, string>) => string;
  readonly row?: R;
}

export function defineTemplate<K extends string, R = never>(
  name: string,
  keys: readonly K[],
  build: (fragments: Record<K, string>) => string,
): SqlTemplate<K, R> {
  return Object.freeze({ name, keys, build });
}

/** A data source or a (transaction's) entity manager: where a query runs. */
export type Queryable = DataSource | EntityManager;

/** What a statement answers: its rows and, for INSERT/UPDATE/DELETE, how many rows it touched. */
export interface SqlResult<R> {
  rows: R[];
  rowCount: number;
}

/** Runs a defined statement through TypeORM (the manager's transaction if it has one) and answers its rows. */
export async function runQuery<P extends readonly unknown[], R>(db: Queryable, query: SqlQuery<P, R>, params: P): Promise<R[]> {
  return (await execute(db, query.text, params)).rows as R[];
}

/** As {@link runQuery}, with the count of rows written (an UPDATE without RETURNING answers no rows). */
export async function runCommand<P extends readonly unknown[], R>(db: Queryable, query: SqlQuery<P, R>, params: P): Promise<SqlResult<R>> {
  return (await execute(db, query.text, params)) as SqlResult<R>;
}

/** Runs a template with its fragments chosen; parameters are positional as the fragments number them. */
export async function runTemplate<K extends string, R>(
  db: Queryable,
  template: SqlTemplate<K, R>,
  fragments: Record<K, string>,
  params: readonly unknown[],
): Promise<R[]> {
  return (await execute(db, template.build(fragments), params)).rows as R[];
}

/**
 * Runs a defined statement as a named prepared statement on the driver's pool ({@link preparedQuery}):
 * its name is the statement's name, planned once per connection.
 */
export function runPrepared<P extends readonly unknown[], R>(dataSource: DataSource, query: SqlQuery<P, R>, params: P): Promise<R[]> {
  return preparedQuery<R>(dataSource, query.name, query.text, params as unknown as unknown[]);
}

async function execute(db: Queryable, text: string, params: readonly unknown[]): Promise<SqlResult<unknown>> {
  // TypeORM's plain `query` answers [rows, count] for UPDATE/DELETE and rows otherwise; the
  // structured result is one shape for every statement.
  const manager = 'connection' in db ? db : db.manager;
  const own = manager.queryRunner ? null : manager.connection.createQueryRunner();
  const runner = manager.queryRunner ?? own!;
  try {
    const result = await runner.query(text, params as unknown[], true);
    return { rows: result.records ?? [], rowCount: result.affected ?? 0 };
  } finally {
    if (own) await own.release();
  }
}
