// Public view of trainee profiles with the qualifications eligibility rests on, for other libs
// (reporting): a subquery over one table, which PostgreSQL inlines. Table: trainee_profiles
// (trainees).

/**
 * Trainee profiles: user_id, full_name, id_number_masked, enterprise_id, education_level,
 * quality_work_years, quality_qualification, related_senior_title.
 */
export const PUBLIC_TRAINEE_QUALIFICATIONS = `(SELECT user_id, full_name, id_number_masked, enterprise_id, education_level, quality_work_years,
         quality_qualification, related_senior_title FROM trainee_profiles)`;
