import { defineQuery, Queryable, runQuery } from '@cqo/core';

// Public reads of trainee profiles for other libs: they call these instead of joining
// trainee_profiles themselves. Tables: trainee_profiles (trainees); enterprises, regions (organizations).

export const traineeRegionPathQuery = defineQuery<[userId: string], { path: string | null }>(
  'trainees.profiles.regionPath',
  `SELECT r.path FROM trainee_profiles t LEFT JOIN enterprises e ON e.id = t.enterprise_id LEFT JOIN regions r ON r.id = e.region_id WHERE t.user_id = $1`,
);

/**
 * The path of the region of a trainee's enterprise: `undefined` when the user has no trainee
 * profile, `null` when the profile has no enterprise.
 */
export async function traineeRegionPath(db: Queryable, userId: string): Promise<string | null | undefined> {
  const [row] = await runQuery(db, traineeRegionPathQuery, [userId]);
  return row ? row.path : undefined;
}
