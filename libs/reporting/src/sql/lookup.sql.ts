import { defineQuery } from '@cqo/core';
import { PUBLIC_CERTIFICATES } from '@cqo/certificates';
import type { ComplianceState } from '@cqo/credit-hours';
import { PUBLIC_COMPLIANCE_STATUSES, PUBLIC_REQUIREMENT_RULES } from '@cqo/credit-hours';
import { PUBLIC_USER_NAMES } from '@cqo/identity';
import { PUBLIC_ENTERPRISE_RECORDS } from '@cqo/organizations';
import { PUBLIC_CQO_APPOINTMENTS } from '@cqo/registry';
import { PUBLIC_TRAINEE_QUALIFICATIONS } from '@cqo/trainees';
import type { LookupKeyKind } from '../entities/registry-access-log.entity';

// SQL of the regulators' CQO status lookup (CqoStatusService) and its access log
// (AccessLogService). Tables: registry_access_log (reporting); certificates, trainee profiles,
// enterprises, appointments, accounts and compliance statuses through their libs' public views.

const ACCESS_LOG_WHERE = 'WHERE ($1::uuid IS NULL OR l.actor_id = $1) AND ($2::uuid IS NULL OR l.subject_id = $2)';

export const countAccessLog = defineQuery<[actorId: string | null, subjectId: string | null], { total: number }>(
  'reporting.accessLog.count',
  `SELECT count(*)::int AS total FROM registry_access_log l ${ACCESS_LOG_WHERE}`,
);

export const listAccessLog = defineQuery<
  [actorId: string | null, subjectId: string | null, limit: number, offset: number],
  {
    id: string;
    at: Date;
    actor_id: string | null;
    actor_name: string | null;
    actor_role: string;
    subject_id: string | null;
    subject_name: string | null;
    key_kind: LookupKeyKind;
    result_count: number;
    request_id: string | null;
  }
>(
  'reporting.accessLog.list',
  `SELECT l.*, u.display_name AS actor_name, p.full_name AS subject_name
           FROM registry_access_log l
           LEFT JOIN ${PUBLIC_USER_NAMES} u ON u.id = l.actor_id
           LEFT JOIN ${PUBLIC_TRAINEE_QUALIFICATIONS} p ON p.user_id = l.subject_id
          ${ACCESS_LOG_WHERE}
          ORDER BY l.at DESC, l.id LIMIT $3 OFFSET $4`,
);

export const traineesByCertificateSerial = defineQuery<[serial: string], { trainee_id: string }>(
  'reporting.lookup.byCertificateSerial',
  `SELECT trainee_id FROM ${PUBLIC_CERTIFICATES} c WHERE serial = $1`,
);

/** Exact name; the enterprise by id, or by part of its name (an ILIKE pattern, escaped); the profile's employer or any appointment's. */
export const traineesByNameAndEnterprise = defineQuery<
  [fullName: string, enterpriseId: string | null, enterpriseNamePart: string | null],
  { user_id: string }
>(
  'reporting.lookup.byNameAndEnterprise',
  `SELECT DISTINCT p.user_id
             FROM ${PUBLIC_TRAINEE_QUALIFICATIONS} p
             JOIN ${PUBLIC_ENTERPRISE_RECORDS} e ON e.id = p.enterprise_id
                OR e.id IN (SELECT a.enterprise_id FROM ${PUBLIC_CQO_APPOINTMENTS} a WHERE a.trainee_id = p.user_id)
            WHERE p.full_name = $1
              AND ($2::uuid IS NULL OR e.id = $2)
              AND ($3::text IS NULL OR e.name ILIKE '%' || $3 || '%')
            ORDER BY p.user_id
            LIMIT 50`,
);

export const statusProfile = defineQuery<
  [traineeId: string],
  {
    full_name: string;
    id_number_masked: string;
    enterprise_id: string | null;
    enterprise_name: string | null;
    education_level: string;
    quality_work_years: string;
    quality_qualification: string;
    related_senior_title: boolean;
  }
>(
  'reporting.lookup.profile',
  `SELECT p.full_name, p.id_number_masked, p.enterprise_id, e.name AS enterprise_name,
                p.education_level, p.quality_work_years, p.quality_qualification, p.related_senior_title
           FROM ${PUBLIC_TRAINEE_QUALIFICATIONS} p LEFT JOIN ${PUBLIC_ENTERPRISE_RECORDS} e ON e.id = p.enterprise_id WHERE p.user_id = $1`,
);

/** compliance_statuses is the credit-hours lib's cache of the ledger, maintained by its engine. */
export const statusRequirements = defineQuery<
  [traineeId: string, year: number, previousYear: number],
  {
    requirement: string;
    period_year: number;
    rule_name: string;
    category: number;
    kind: string;
    period: string;
    required: string;
    accrued: string;
    shortfall: string;
    state: ComplianceState;
    final: boolean;
  }
>(
  'reporting.lookup.requirements',
  `SELECT s.requirement, s.period_year, r.name AS rule_name, r.category, r.kind, r.period,
                s.required::text, s.accrued::text, s.shortfall::text, s.state, s.final
           FROM ${PUBLIC_COMPLIANCE_STATUSES} s JOIN ${PUBLIC_REQUIREMENT_RULES} r ON r.id = s.rule_id
          WHERE s.trainee_id = $1 AND s.period_year IN ($2, $3)
          ORDER BY s.period_year DESC, r.sort_order, s.requirement`,
);
