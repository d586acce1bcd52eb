import type { Page, PageRequest } from '../paging/page';
import { offsetOf, pageOf } from '../paging/page';
import type { Queryable, SqlQuery, SqlTemplate } from './sql-query';
import { runQuery, runTemplate } from './sql-query';

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
  return runPageWith(db, statements, params, page, (rows) => rows.map(view));
}

/** As {@link runPage}, with the page's rows mapped together by `views` (it may read more for the whole page). */
export async function runPageWith<P extends readonly unknown[], R, V>(
  db: Queryable,
  statements: PagedStatements<P, R>,
  params: P,
  page: PageRequest,
  views: (rows: R[]) => V[] | Promise<V[]>,
): Promise<Page<V>> {
  const [{ total }] = await runQuery(db, statements.count, params);
  const rows = await runQuery(db, statements.rows, [...params, page.pageSize, offsetOf(page)]);
  return pageOf(await views(rows), Number(total), page);
}

/** The two templates of a counted listing whose filter is chosen at call time; the page's has a `page` fragment. */
export interface PagedTemplates<K extends string, R> {
  /** Takes the filter fragments and parameters; answers one row with the total. */
  count: SqlTemplate<K, { total: number | string }>;
  /** Takes the same, and `{{page}}`: `LIMIT $n OFFSET $m`, numbered after the filter's parameters. */
  rows: SqlTemplate<K | 'page', R>;
}

/**
 * As {@link runPage} for templates: the count, then the page's rows with the page terms numbered
 * after `params`; `views` maps the page's rows together (it may read more for the whole page).
 */
export async function runTemplatePage<K extends string, R, V>(
  db: Queryable,
  templates: PagedTemplates<K, R>,
  fragments: Record<K, string>,
  params: readonly unknown[],
  page: PageRequest,
  views: (rows: R[]) => V[] | Promise<V[]>,
): Promise<Page<V>> {
  const [{ total }] = await runTemplate(db, templates.count, fragments, params);
  const terms = `LIMIT $${params.length + 1} OFFSET $${params.length + 2}`;
  const rows = await runTemplate(db, templates.rows, { ...fragments, page: terms }, [...params, page.pageSize, offsetOf(page)]);
  return pageOf(await views(rows), Number(total), page);
}
