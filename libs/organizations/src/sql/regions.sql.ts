import type { Queryable } from '@cqo/core';
import { defineQuery, runQuery } from '@cqo/core';

// Public reads of regions, enterprises and training organizations for other libs. Tables:
// regions, enterprises, training_organizations (organizations).
//
// The public views are what other libs join in their own statements (`JOIN ${PUBLIC_REGIONS} g
// ON g.id = …`): the columns listed are what organizations promises to keep; its tables may change
// behind them. PUBLIC_ENTERPRISES is a database view (its name); PUBLIC_REGIONS and
// PUBLIC_TRAINING_ORGANIZATIONS are still subqueries written out in each statement. PostgreSQL
// expands either form the same way, and drops a LEFT JOIN whose columns are not used.

/** Regions: id, code, name, level (province, city, county), parent_id, path (e.g. `/62/6201`), sort_order. */
export const PUBLIC_REGIONS = '(SELECT id, code, name, level, parent_id, path, sort_order FROM regions)';

/**
 * Enterprises with their region's path: id, name, region_id, region_path (null without a region).
 * The view `public_enterprises`, declared in migration PublicEnterprisesTraineesViews1795676200000;
 * its columns are organizations' promise to the other libs.
 */
export const PUBLIC_ENTERPRISES = 'public_enterprises';

/** Training organizations: id, name, region_id, region_path (null without a region). */
export const PUBLIC_TRAINING_ORGANIZATIONS = `(SELECT o.id, o.name, o.region_id, r.path AS region_path
     FROM training_organizations o LEFT JOIN regions r ON r.id = o.region_id)`;

export const regionPathQuery = defineQuery<[regionId: string], { path: string }>(
  'organizations.regions.path',
  'SELECT path FROM regions WHERE id = $1',
);

/** A region's materialized path (e.g. `/62/6201`), or undefined when no region has the id. */
export async function regionPathOf(db: Queryable, regionId: string): Promise<string | undefined> {
  const [row] = await runQuery(db, regionPathQuery, [regionId]);
  return row?.path;
}
