import { defineQuery, Queryable, runQuery } from '@cqo/core';

// Public reads of regions for other libs. Tables: regions (organizations).

export const regionPathQuery = defineQuery<[regionId: string], { path: string }>('organizations.regions.path', 'SELECT path FROM regions WHERE id = $1');

/** A region's materialized path (e.g. `/62/6201`), or undefined when no region has the id. */
export async function regionPathOf(db: Queryable, regionId: string): Promise<string | undefined> {
  const [row] = await runQuery(db, regionPathQuery, [regionId]);
  return row?.path;
}
