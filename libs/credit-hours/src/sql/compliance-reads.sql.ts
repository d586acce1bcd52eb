import { defineQuery, defineTemplate, regionScopeSql } from '@cqo/core';
import { PUBLIC_ENTERPRISES, PUBLIC_REGIONS } from '@cqo/organizations';
import { PUBLIC_TRAINEES } from '@cqo/trainees';
import type { ComplianceState } from '../compliance-status.entity';
import type { CreditCategory, CreditKind } from '../credit-entry.entity';
import type { RequirementPeriod } from '../requirement-rule.entity';

// SQL of the compliance reads (ComplianceQueries). Tables: compliance_statuses, the
// compliance_flags view (open flags on the statuses and the cleared ones in compliance_flag_history),
// requirement_rules (credit-hours); trainees, enterprises and regions through
// their owners' public views.

export interface StatusRow {
  trainee_id: string;
  requirement: string;
  period_year: number;
  rule_set_id: string;
  rule_name: string;
  category: CreditCategory;
  kind: CreditKind;
  period: RequirementPeriod;
  required: string;
  accrued: string;
  shortfall: string;
  state: ComplianceState;
  final: boolean;
  updated_at: Date;
}

export interface FlagRow {
  requirement: string;
  period_year: number;
  state: string;
  raised_state: string;
  raised_at: Date;
  cleared_at: Date | null;
  cleared_state: string | null;
}

/** Whether the trainee's `once` requirements were ever judged (the first read judges them). */
export const traineeJudged = defineQuery<[traineeId: string], { judged: boolean }>(
  'creditHours.complianceReads.judged',
  'SELECT EXISTS (SELECT 1 FROM compliance_statuses WHERE trainee_id = $1 AND period_year = 0) AS judged',
);

export const traineeStatuses = defineQuery<[traineeId: string, year: number | null], StatusRow>(
  'creditHours.complianceReads.traineeStatuses',
  `SELECT s.*, r.name AS rule_name, r.category, r.kind, r.period
         FROM compliance_statuses s JOIN requirement_rules r ON r.id = s.rule_id
        WHERE s.trainee_id = $1 AND ($2::int IS NULL OR s.period_year IN ($2, 0))
        ORDER BY s.period_year DESC, r.sort_order, s.requirement`,
);

export const traineeFlags = defineQuery<[traineeId: string], FlagRow>(
  'creditHours.complianceReads.traineeFlags',
  'SELECT * FROM compliance_flags WHERE trainee_id = $1 ORDER BY raised_at DESC, period_year DESC, requirement',
);

export const enterpriseRegionPath = defineQuery<[enterpriseId: string], { path: string }>(
  'creditHours.complianceReads.enterpriseRegionPath',
  `SELECT e.region_path AS path FROM ${PUBLIC_ENTERPRISES} e WHERE e.id = $1`,
);

/** The scope columns of the compliance list's condition. */
export const COMPLIANCE_LIST_SCOPE = { enterprise: 'p.enterprise_id', regionPath: 'g.path' } as const;

/**
 * Statuses of the year `$1` (and `once` ones) with their trainee, enterprise and region,
 * filtered by requirement `$2`, state `$3`, enterprise `$4`, region `$5`, and a scope condition.
 */
const LIST_FROM = (scope: string) => `FROM compliance_statuses s
       JOIN requirement_rules r ON r.id = s.rule_id
       JOIN ${PUBLIC_TRAINEES} p ON p.user_id = s.trainee_id
       LEFT JOIN ${PUBLIC_REGIONS} g ON g.id = p.enterprise_region_id
      WHERE s.period_year IN ($1, 0)
        AND ($2::text IS NULL OR s.requirement = $2)
        AND ($3::text IS NULL OR s.state = $3)
        AND ($4::uuid IS NULL OR p.enterprise_id = $4)
        AND ($5::uuid IS NULL OR ${regionScopeSql('g.path', `(SELECT x.path FROM ${PUBLIC_REGIONS} x WHERE x.id = $5)`)})
        AND ${scope}`;

export const countComplianceList = defineTemplate<'scope', { total: number }>(
  'creditHours.complianceReads.countList',
  ['scope'],
  (f) => `SELECT count(*)::int AS total ${LIST_FROM(f.scope)}`,
);

export const complianceListPage = defineTemplate<
  'scope' | 'page',
  StatusRow & { full_name: string; enterprise_id: string | null; enterprise_name: string | null; region_name: string | null }
>(
  'creditHours.complianceReads.listPage',
  ['scope', 'page'],
  (f) => `SELECT s.*, r.name AS rule_name, r.category, r.kind, r.period,
                p.full_name, p.enterprise_id, p.enterprise_name, g.name AS region_name
           ${LIST_FROM(f.scope)}
          ORDER BY p.full_name, s.trainee_id, s.period_year DESC, r.sort_order
          ${f.page}`,
);
