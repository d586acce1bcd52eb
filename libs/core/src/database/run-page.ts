import type { Page, PageRequest } from '../paging/page';
import { offsetOf, pageOf } from '../paging/page';
import type { Queryable, SqlQuery } from './sql-query';
import { runQuery } from './sql-query';

/** The two statements of a counted listing: the total for the filter, and one page of rows. */
export interface PagedStatements<P extends readonly unknown[], R> {
  /** Takes the filter parameters `P`; answers one row with the total. */
  count: SqlQuery<P, { total: number | string }>;
  /** Takes the filter parameters `P`, then the limit and the offset. */
  rows: SqlQuery<[...P, limit: number, offset: number], R>;
}

/** Runs a counted listing for one page (the count first, then the page's rows) and maps each row by `view`. */
export async function runPage<P extends readonly unknown[], R, V>(
  db: Queryable,
  statements: PagedStatements<P, R>,
  params: P,
  page: PageRequest,
  view: (row: R) => V,
): Promise<Page<V>> {
  const [{ total }] = await runQuery(db, statements.count, params);
  const rows = await runQuery(db, statements.rows, [...params, page.pageSize, offsetOf(page)]);
  return pageOf(rows.map(view), Number(total), page);
}
