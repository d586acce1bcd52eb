/**
 * The seam between compliance and the CQO appointment registry (libs/registry, a later issue).
 *
 * The yearly requirements bind serving CQOs. Compliance reads who serves from one SQL view,
 * `serving_cqo_terms (trainee_id uuid, served_from date, served_to date)`: one row per term of
 * appointment, `served_to` null while the term is open. Until the registry lands the view is
 * empty (nobody is a serving CQO; the yearly rules bind only trainees who opted in). The registry
 * migration replaces it with `CREATE OR REPLACE VIEW serving_cqo_terms AS SELECT … FROM
 * cqo_appointments …` keeping exactly these three columns and types, then enqueues a
 * `compliance.recompute-all` (or waits for the nightly run).
 *
 * A trainee serves in year Y when a term overlaps Y; serves now when a term contains today (CST).
 */
export const SERVING_CQO_TERMS_VIEW = 'serving_cqo_terms';
