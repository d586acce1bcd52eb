import { defineQuery, regionScopeOrAllSql } from '@cqo/core';
import { PUBLIC_CERTIFICATES } from '@cqo/certificates';
import { PUBLIC_COMPLIANCE_STATUSES, PUBLIC_REQUIREMENT_RULES } from '@cqo/credit-hours';
import { PUBLIC_ENTERPRISE_RECORDS, PUBLIC_REGIONS } from '@cqo/organizations';
import { PUBLIC_CQO_APPOINTMENTS } from '@cqo/registry';
import { PUBLIC_TRAINEE_QUALIFICATIONS } from '@cqo/trainees';

// SQL of the regulators' lists (registry-lists.ts), shared by the paged JSON endpoints and the
// streamed exports (which wrap the text in COPY). `$1` is always the region path of the caller's
// scope (null: everywhere). Tables: none of reporting's; appointments, enterprises, regions,
// trainee profiles, compliance statuses and certificates through their libs' public views.

export type ShortfallParams = [
  scopePath: string | null,
  year: number,
  enterpriseId: string | null,
  requirement: string | null,
  state: string | null,
  today: string,
];

/** A row of the shortfall list. */
export interface ShortfallListRow {
  trainee_id: string;
  full_name: string;
  id_number_masked: string;
  enterprise_id: string;
  enterprise_name: string;
  region_name: string;
  year: number;
  appointment_state: string;
  requirement: string;
  rule_name: string;
  required: string;
  accrued: string;
  shortfall: string;
  state: string;
  final: boolean;
}

/** See shortfallsQuery. Uses ix_cqo_appointments_trainee_id and compliance_statuses' primary key. */
export const shortfallsList = defineQuery<ShortfallParams, ShortfallListRow>(
  'reporting.lists.shortfalls',
  `
      WITH cqo AS (
        SELECT a.trainee_id,
               (array_agg(a.enterprise_id ORDER BY a.appointed_on DESC))[1] AS enterprise_id,
               CASE WHEN bool_or(a.appointed_on <= $6::date AND LEAST(COALESCE(a.ended_on, a.term_ends_on), a.term_ends_on) >= $6::date) THEN 'serving'
                    WHEN bool_or(a.status = 'serving' AND a.appointed_on > $6::date) THEN 'nominated'
                    ELSE 'ended' END AS appointment_state
          FROM ${PUBLIC_CQO_APPOINTMENTS} a
          JOIN ${PUBLIC_ENTERPRISE_RECORDS} e ON e.id = a.enterprise_id
          JOIN ${PUBLIC_REGIONS} g ON g.id = e.region_id
         WHERE ${regionScopeOrAllSql('g.path', '$1')}
           AND ((a.appointed_on <= make_date($2::int, 12, 31) AND COALESCE(a.ended_on, a.term_ends_on) >= make_date($2::int, 1, 1))
                OR ($2::int = extract(year FROM $6::date)::int AND a.status = 'serving' AND a.appointed_on > $6::date))
           AND ($3::uuid IS NULL OR a.enterprise_id = $3)
         GROUP BY a.trainee_id
      )
      SELECT p.user_id AS trainee_id, p.full_name, p.id_number_masked, e.id AS enterprise_id, e.name AS enterprise_name,
             g.name AS region_name, $2::int AS year, c.appointment_state, s.requirement, r.name AS rule_name,
             s.required::text AS required, s.accrued::text AS accrued, s.shortfall::text AS shortfall, s.state, s.final
        FROM cqo c
        JOIN ${PUBLIC_COMPLIANCE_STATUSES} s ON s.trainee_id = c.trainee_id AND s.period_year IN ($2::int, 0)
        JOIN ${PUBLIC_REQUIREMENT_RULES} r ON r.id = s.rule_id
        JOIN ${PUBLIC_TRAINEE_QUALIFICATIONS} p ON p.user_id = c.trainee_id
        JOIN ${PUBLIC_ENTERPRISE_RECORDS} e ON e.id = c.enterprise_id
        JOIN ${PUBLIC_REGIONS} g ON g.id = e.region_id
       WHERE s.state IN ('at_risk', 'shortfall')
         AND ($4::text IS NULL OR s.requirement = $4)
         AND ($5::text IS NULL OR s.state = $5)
       ORDER BY g.path, e.name, p.full_name, p.user_id, s.period_year, r.sort_order, s.requirement`,
);

export const countShortfalls = defineQuery<ShortfallParams, { total: number }>(
  'reporting.lists.countShortfalls',
  `SELECT count(*)::int AS total FROM (${shortfallsList.text}) q`,
);

export const pageShortfalls = defineQuery<[...ShortfallParams, limit: number, offset: number], ShortfallListRow>(
  'reporting.lists.pageShortfalls',
  `${shortfallsList.text} LIMIT $7 OFFSET $8`,
);

/** CQO appointments (status $2: serving, ended or all) at enterprises in scope. Uses ix_cqo_appointments_status_term_ends_on. */
export const appointmentsList = defineQuery<
  [scopePath: string | null, status: string, enterpriseId: string | null],
  Record<string, unknown>
>(
  'reporting.lists.appointments',
  `
      SELECT a.id, g.name AS region_name, e.name AS enterprise_name, e.credit_code, p.full_name, p.id_number_masked,
             a.position_title, a.authorization_certificate_no, a.appointed_on::text AS appointed_on,
             a.term_ends_on::text AS term_ends_on, a.status, a.ended_on::text AS ended_on, a.end_reason,
             a.eligible, (NOT a.eligible OR a.position_level = 'below_deputy') AS exception_flagged
        FROM ${PUBLIC_CQO_APPOINTMENTS} a
        JOIN ${PUBLIC_ENTERPRISE_RECORDS} e ON e.id = a.enterprise_id
        JOIN ${PUBLIC_REGIONS} g ON g.id = e.region_id
        JOIN ${PUBLIC_TRAINEE_QUALIFICATIONS} p ON p.user_id = a.trainee_id
       WHERE ${regionScopeOrAllSql('g.path', '$1')}
         AND ($2::text = 'all' OR a.status = $2)
         AND ($3::uuid IS NULL OR a.enterprise_id = $3)
       ORDER BY a.id`,
);

/** Certificates of the region (the region of the holder's enterprise at issue), current versions. */
export const certificatesList = defineQuery<[scopePath: string | null, year: number | null, kind: string | null], Record<string, unknown>>(
  'reporting.lists.certificates',
  `
      SELECT c.serial, c.kind, g.name AS region_name, c.content->'holder'->>'name' AS holder_name,
             c.content->'holder'->>'idNumberMasked' AS id_number_masked, c.year, c.status,
             (c.issued_at AT TIME ZONE 'Asia/Shanghai')::date::text AS issued_on
        FROM ${PUBLIC_CERTIFICATES} c
        JOIN ${PUBLIC_REGIONS} g ON g.id = c.region_id
       WHERE ${regionScopeOrAllSql('g.path', '$1')}
         AND c.status <> 'superseded'
         AND ($2::int IS NULL OR c.year = $2)
         AND ($3::text IS NULL OR c.kind = $3)
       ORDER BY c.serial`,
);
