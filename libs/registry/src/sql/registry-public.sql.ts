// Public views of the registry's tables for reporting, the declared reader: it joins these as it
// would join a view instead of reading cqo_appointments or cqo_flags. Each is a subquery over one
// table, which PostgreSQL inlines: the regulator lists keep their plans and indexes. Tables:
// cqo_appointments, cqo_flags (registry).

/**
 * Appointments: id, enterprise_id, trainee_id, position_title, position_level,
 * authorization_certificate_no, appointed_on, term_years, term_ends_on, status, eligible,
 * eligibility, ended_on, end_reason, renewal_of, created_at.
 */
export const PUBLIC_CQO_APPOINTMENTS = `(SELECT id, enterprise_id, trainee_id, position_title, position_level, authorization_certificate_no,
         appointed_on, term_years, term_ends_on, status, eligible, eligibility, ended_on, end_reason, renewal_of, created_at
       FROM cqo_appointments)`;

/** Regulator flags: id, trainee_id, disqualifying_circumstance, flagged_on, cleared_at. */
export const PUBLIC_CQO_FLAGS = '(SELECT id, trainee_id, disqualifying_circumstance, flagged_on, cleared_at FROM cqo_flags)';
