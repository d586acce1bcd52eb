import type { Queryable } from '@cqo/core';
import { defineQuery, runQuery } from '@cqo/core';
import { PUBLIC_ENTERPRISES } from '@cqo/organizations';

// Public functions of trainee profiles for other libs' transactions: they call these instead of
// reading or locking trainee_profiles. Tables: trainee_profiles (trainees).

export const lockTraineeProfileQuery = defineQuery<[userId: string], { found: number }>(
  'trainees.public.lockProfile',
  'SELECT 1 AS found FROM trainee_profiles WHERE user_id = $1 FOR UPDATE',
);

/**
 * Locks the trainee's profile row until the caller's transaction ends: one write at a time per
 * trainee (e.g. claims checked against a yearly limit). Answers whether the profile exists.
 */
export async function lockTraineeProfile(db: Queryable, userId: string): Promise<boolean> {
  return (await runQuery(db, lockTraineeProfileQuery, [userId])).length > 0;
}

export const employerLinkQuery = defineQuery<[userId: string], { enterprise_id: string | null; linked_at: Date }>(
  'trainees.public.employerLink',
  'SELECT enterprise_id, COALESCE(employer_linked_at, created_at) AS linked_at FROM trainee_profiles WHERE user_id = $1',
);

/**
 * The trainee's confirmed employer and since when (the profile's creation when the link has no
 * date); undefined without a profile.
 */
export async function employerLinkOf(db: Queryable, userId: string): Promise<{ enterpriseId: string | null; linkedAt: Date } | undefined> {
  const [row] = await runQuery(db, employerLinkQuery, [userId]);
  return row ? { enterpriseId: row.enterprise_id, linkedAt: row.linked_at } : undefined;
}

/**
 * Trainees as compliance judges them (`JOIN ${PUBLIC_TRAINEE_SUBJECTS} tp ON tp.user_id = …`):
 * user_id, enterprise_id, enterprise_region_id (null without an enterprise), yearly_requirements_opt_in.
 * A range of trainees reads as an index-only scan of ix_trainee_profiles_subjects.
 */
export const PUBLIC_TRAINEE_SUBJECTS = `(SELECT p.user_id, p.enterprise_id, e.region_id AS enterprise_region_id, p.yearly_requirements_opt_in
       FROM trainee_profiles p LEFT JOIN ${PUBLIC_ENTERPRISES} e ON e.id = p.enterprise_id)`;

export const traineeCountEstimateQuery = defineQuery<[], { estimate: number }>(
  'trainees.public.countEstimate',
  `SELECT GREATEST(reltuples, 0)::float8 AS estimate FROM pg_class WHERE oid = 'trainee_profiles'::regclass`,
);

/** The planner's estimate of the number of trainee profiles (no count over a million rows). */
export async function traineeCountEstimate(db: Queryable): Promise<number> {
  const [row] = await runQuery(db, traineeCountEstimateQuery, []);
  return row?.estimate ?? 0;
}

/**
 * Trainee profiles: user_id, full_name, id_number_masked, enterprise_id, education_level,
 * quality_work_years, quality_qualification, related_senior_title.
 */
export const PUBLIC_TRAINEE_QUALIFICATIONS = `(SELECT user_id, full_name, id_number_masked, enterprise_id, education_level, quality_work_years,
         quality_qualification, related_senior_title FROM trainee_profiles)`;
