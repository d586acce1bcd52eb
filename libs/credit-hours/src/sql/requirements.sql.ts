import { defineQuery } from '@cqo/core';
import { PUBLIC_TRAINEES } from '@cqo/trainees';
import type { ComplianceState } from '../compliance-status.entity';
import type { CreditCategory, CreditKind } from '../credit-entry.entity';
import { ACCRUED_SQL, meetsSql, sumsSelect } from '../requirement-judgement';
import type { RequirementPeriod } from '../requirement-rule.entity';

// The notice reckons days in China Standard Time (the config accepts only this zone).
const CHINA_TIME_ZONE = 'Asia/Shanghai';

// SQL of the requirement verdicts (RequirementEvaluator). Tables: compliance_statuses,
// requirement_rules, credit_entries and the governing_rule_set_id function (credit-hours);
// trainees with their enterprise's region through trainees' public view.

export const governingRuleSetQuery = defineQuery<[traineeId: string, year: number], { id: string | null }>(
  'creditHours.requirements.governingRuleSet',
  `SELECT governing_rule_set_id(p.enterprise_region_id, $2::int) AS id FROM ${PUBLIC_TRAINEES} p WHERE p.user_id = $1`,
);

/** The appointment-training requirement of each (trainee, date): hours required and accrued by the end of that CST day. */
export const appointmentTrainingAsOfQuery = defineQuery<
  [traineeIds: string[], dates: string[]],
  { trainee_id: string; as_of: string; required: string; accrued: string; met: boolean }
>(
  'creditHours.requirements.appointmentTrainingAsOf',
  `WITH asked AS (
         SELECT DISTINCT q.trainee_id, q.as_of, extract(year FROM q.as_of)::int AS year
           FROM unnest($1::uuid[], $2::date[]) AS q(trainee_id, as_of)),
       subjects AS (
         SELECT q.trainee_id, q.as_of, governing_rule_set_id(tp.enterprise_region_id, q.year) AS rule_set_id
           FROM asked q JOIN ${PUBLIC_TRAINEES} tp ON tp.user_id = q.trainee_id),
       sums AS (
         SELECT q.trainee_id, q.as_of, ${sumsSelect('q.year')}
           FROM asked q JOIN credit_entries c ON c.trainee_id = q.trainee_id
          WHERE c.occurred_at < (q.as_of + 1)::timestamp AT TIME ZONE '${CHINA_TIME_ZONE}'
          GROUP BY q.trainee_id, q.as_of)
       SELECT j.trainee_id, j.as_of::text AS as_of, j.required::text, j.accrued::text, ${meetsSql('j.accrued', 'j.required')} AS met
         FROM (SELECT s.trainee_id, s.as_of, r.min_hours AS required, ${ACCRUED_SQL} AS accrued
                 FROM subjects s
                 JOIN requirement_rules r ON r.rule_set_id = s.rule_set_id AND r.period = 'once' AND r.kind = 'appointment'
                 LEFT JOIN sums x ON x.trainee_id = s.trainee_id AND x.as_of = s.as_of) j`,
);

export interface VerdictRow {
  requirement: string;
  rule_name: string;
  category: CreditCategory;
  kind: CreditKind;
  period: RequirementPeriod;
  period_year: number;
  rule_set_id: string;
  required: string;
  accrued: string;
  shortfall: string;
  state: ComplianceState;
  final: boolean;
}

export const verdictsQuery = defineQuery<[traineeId: string, years: number[]], VerdictRow>(
  'creditHours.requirements.verdicts',
  `SELECT s.requirement, r.name AS rule_name, r.category, r.kind, r.period, s.period_year, s.rule_set_id,
              s.required::text, s.accrued::text, s.shortfall::text, s.state, s.final
         FROM compliance_statuses s JOIN requirement_rules r ON r.id = s.rule_id
        WHERE s.trainee_id = $1 AND s.period_year = ANY($2::int[])
        ORDER BY s.period_year DESC, r.sort_order, s.requirement`,
);
