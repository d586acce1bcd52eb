import type { Queryable } from '@cqo/core';
import { defineQuery, runQuery } from '@cqo/core';
import { PUBLIC_ENTERPRISES } from '@cqo/organizations';

// Public reads of trainee profiles for other libs: they join the public view or call these
// functions instead of reading trainee_profiles. Tables: trainee_profiles (trainees); enterprises
// and regions through organizations' public view.

/**
 * Trainees as other libs' statements may join them (`JOIN ${PUBLIC_TRAINEES} t ON t.user_id = …`):
 * user_id, full_name, id_number_masked, enterprise_id, enterprise_name, enterprise_region_id,
 * enterprise_region_path (the enterprise columns null without an enterprise). The view
 * `public_trainees` (on organizations' `public_enterprises`), declared in migration
 * PublicEnterprisesTraineesViews1795676200000; its columns are trainees' promise to the other libs.
 */
export const PUBLIC_TRAINEES = 'public_trainees';

export const traineeRegionPathQuery = defineQuery<[userId: string], { path: string | null }>(
  'trainees.profiles.regionPath',
  `SELECT e.region_path AS path FROM trainee_profiles t LEFT JOIN ${PUBLIC_ENTERPRISES} e ON e.id = t.enterprise_id WHERE t.user_id = $1`,
);

/**
 * The path of the region of a trainee's enterprise: `undefined` when the user has no trainee
 * profile, `null` when the profile has no enterprise.
 */
export async function traineeRegionPath(db: Queryable, userId: string): Promise<string | null | undefined> {
  const [row] = await runQuery(db, traineeRegionPathQuery, [userId]);
  return row ? row.path : undefined;
}
