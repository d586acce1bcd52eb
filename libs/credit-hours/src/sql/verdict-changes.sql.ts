import { defineQuery } from '@cqo/core';
import { activeEnterpriseAdminIdsSql, activeRegulatorIdsOverSql } from '@cqo/identity';
import { PUBLIC_TRAINEES } from '@cqo/trainees';
import type { ComplianceState } from '../compliance-status.entity';

// SQL of closed-year verdict changes (VerdictChangesService). Tables: compliance_statuses,
// requirement_rules, compliance_verdict_changes (credit-hours); who is told through the public
// SQL of trainees and identity.

/** One requirement's verdict of a year, as the engine left it. */
export interface VerdictRow {
  requirement: string;
  state: ComplianceState;
  accrued: string;
  final: boolean;
}

export const yearVerdicts = defineQuery<[traineeId: string, year: number], VerdictRow>(
  'creditHours.verdicts.year',
  `SELECT requirement, state, accrued::text AS accrued, final FROM compliance_statuses
        WHERE trainee_id = $1 AND period_year = $2 ORDER BY requirement`,
);

export const requirementNames = defineQuery<[traineeId: string, year: number], { code: string; name: string }>(
  'creditHours.verdicts.requirementNames',
  `SELECT DISTINCT ON (r.code) r.code, r.name FROM requirement_rules r
         JOIN compliance_statuses s ON s.rule_id = r.id WHERE s.trainee_id = $1 AND s.period_year = $2`,
);

export const insertVerdictChange = defineQuery<
  [
    traineeId: string,
    year: number,
    requirement: string,
    beforeState: ComplianceState | null,
    afterState: ComplianceState | null,
    beforeAccrued: string | null,
    afterAccrued: string | null,
    cause: string,
    createdAt: Date,
  ]
>(
  'creditHours.verdicts.insertChange',
  `INSERT INTO compliance_verdict_changes (trainee_id, period_year, requirement, before_state, after_state, before_accrued, after_accrued, cause, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
);

/** The trainee's name, the enterprise's admins and the regulators of the enterprise's city. */
export const whoToTell = defineQuery<[traineeId: string], { full_name: string; admin_ids: string[]; regulator_ids: string[] }>(
  'creditHours.verdicts.whoToTell',
  `SELECT p.full_name,
              ${activeEnterpriseAdminIdsSql('p.enterprise_id')} AS admin_ids,
              ${activeRegulatorIdsOverSql('p.enterprise_region_path', { cityOnly: true })} AS regulator_ids
         FROM ${PUBLIC_TRAINEES} p
        WHERE p.user_id = $1`,
);
