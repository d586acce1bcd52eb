import type { Queryable } from '@cqo/core';
import { defineQuery, runQuery } from '@cqo/core';

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
