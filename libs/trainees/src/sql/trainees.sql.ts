import { defineQuery } from '@cqo/core';
import { PUBLIC_USER_ACCOUNTS } from '@cqo/identity';
import { PUBLIC_ENTERPRISES } from '@cqo/organizations';
import type { EducationLevel, QualityQualification } from '../trainee-profile.entity';

// SQL of trainee profiles and employer links (TraineesService). Tables: trainee_profiles
// (trainees); enterprises through organizations' public view, accounts through identity's.

export const idNumberHolder = defineQuery<[hash: string, except: string | null], { user_id: string }>(
  'trainees.profiles.idNumberHolder',
  'SELECT user_id FROM trainee_profiles WHERE id_number_hash = $1 AND ($2::uuid IS NULL OR user_id <> $2)',
);

export const pendingEmployees = defineQuery<
  [enterpriseId: string],
  { user_id: string; full_name: string; id_number_masked: string; employer_requested_at: Date }
>(
  'trainees.profiles.pendingEmployees',
  `SELECT user_id, full_name, id_number_masked, employer_requested_at FROM trainee_profiles
        WHERE requested_enterprise_id = $1 ORDER BY employer_requested_at, user_id LIMIT 500`,
);

export const lockPendingEmployerLink = defineQuery<[userId: string, enterpriseId: string], { found: number }>(
  'trainees.profiles.lockPendingEmployerLink',
  'SELECT 1 AS found FROM trainee_profiles WHERE user_id = $1 AND requested_enterprise_id = $2 FOR UPDATE',
);

export const decideEmployerLink = defineQuery<[userId: string, enterpriseId: string, confirm: boolean, now: Date]>(
  'trainees.profiles.decideEmployerLink',
  `UPDATE trainee_profiles SET enterprise_id = CASE WHEN $3 THEN $2::uuid ELSE enterprise_id END,
                employer_linked_at = CASE WHEN $3 THEN $4 ELSE employer_linked_at END,
                requested_enterprise_id = NULL, employer_requested_at = NULL, updated_at = $4 WHERE user_id = $1`,
);

export const lockEmployee = defineQuery<[userId: string, enterpriseId: string], { id_number_masked: string }>(
  'trainees.profiles.lockEmployee',
  'SELECT id_number_masked FROM trainee_profiles WHERE user_id = $1 AND enterprise_id = $2 FOR UPDATE',
);

export const countEmployees = defineQuery<[enterpriseId: string], { total: number }>(
  'trainees.profiles.countEmployees',
  'SELECT count(*)::int AS total FROM trainee_profiles WHERE enterprise_id = $1',
);

export const employeesPage = defineQuery<
  [enterpriseId: string, limit: number, offset: number],
  { user_id: string; full_name: string; id_number_masked: string; employer_linked_at: Date | null }
>(
  'trainees.profiles.employeesPage',
  `SELECT user_id, full_name, id_number_masked, employer_linked_at FROM trainee_profiles
        WHERE enterprise_id = $1 ORDER BY full_name, user_id LIMIT $2 OFFSET $3`,
);

export const employeesById = defineQuery<
  [enterpriseId: string, userIds: string[]],
  { user_id: string; full_name: string; id_number_masked: string; status: string }
>(
  'trainees.profiles.employeesById',
  `SELECT p.user_id, p.full_name, p.id_number_masked, u.status FROM trainee_profiles p JOIN ${PUBLIC_USER_ACCOUNTS} u ON u.id = p.user_id
        WHERE p.enterprise_id = $1 AND p.user_id = ANY($2::uuid[])`,
);

export const lockOwnProfile = defineQuery<
  [userId: string],
  { id_number_hash: string; enterprise_id: string | null; requested_enterprise_id: string | null; employer_requested_at: Date | null }
>(
  'trainees.profiles.lockOwn',
  'SELECT id_number_hash, enterprise_id, requested_enterprise_id, employer_requested_at FROM trainee_profiles WHERE user_id = $1 FOR UPDATE',
);

export const enterpriseRegionPath = defineQuery<[enterpriseId: string], { path: string | null }>(
  'trainees.profiles.enterpriseRegionPath',
  `SELECT e.region_path AS path FROM ${PUBLIC_ENTERPRISES} e WHERE e.id = $1`,
);

export const userIdByIdNumberHash = defineQuery<[hash: string], { user_id: string }>(
  'trainees.profiles.byIdNumberHash',
  'SELECT user_id FROM trainee_profiles WHERE id_number_hash = $1',
);

export const enterpriseExists = defineQuery<[enterpriseId: string], { found: number }>(
  'trainees.profiles.enterpriseExists',
  `SELECT 1 AS found FROM ${PUBLIC_ENTERPRISES} e WHERE e.id = $1`,
);

export interface ProfileRow {
  user_id: string;
  full_name: string;
  id_number_masked: string;
  phone_masked: string | null;
  enterprise_id: string | null;
  enterprise_name: string | null;
  requested_enterprise_id: string | null;
  pending_enterprise_name: string | null;
  education_level: EducationLevel;
  quality_work_years: string;
  quality_qualification: QualityQualification;
  related_senior_title: boolean;
  title_name: string | null;
  yearly_requirements_opt_in: boolean;
}

export const profileById = defineQuery<[userId: string], ProfileRow>(
  'trainees.profiles.byId',
  `SELECT p.*, e.name AS enterprise_name, q.name AS pending_enterprise_name
         FROM trainee_profiles p
         LEFT JOIN ${PUBLIC_ENTERPRISES} e ON e.id = p.enterprise_id
         LEFT JOIN ${PUBLIC_ENTERPRISES} q ON q.id = p.requested_enterprise_id
        WHERE p.user_id = $1`,
);
