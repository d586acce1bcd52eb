import { defineQuery } from '@cqo/core';
import { activeEnterpriseAdminIdsSql } from '@cqo/identity';
import { PUBLIC_REGIONS } from '@cqo/organizations';
import { PUBLIC_TRAINEES } from '@cqo/trainees';

// SQL of yearly reminders (ComplianceRemindersService). Tables: requirement_rule_sets,
// requirement_rules, compliance_statuses with their open flags (credit-hours); regions, trainees and
// the enterprise's admins through the public views of organizations, trainees and identity.

export interface DueFlagRow {
  trainee_id: string;
  requirement: string;
  state: string;
  required: string;
  accrued: string;
  shortfall: string;
  rule_name: string;
  full_name: string;
  enterprise_id: string | null;
  admin_ids: string[];
}

/** The sets governing the year somewhere (governing_rule_set_id decides, as for the engine). */
export const governingRuleSets = defineQuery<[year: number], { id: string; reminder_dates: string[] }>(
  'creditHours.reminders.governingRuleSets',
  `SELECT id, reminder_dates FROM requirement_rule_sets
        WHERE id IN (SELECT DISTINCT governing_rule_set_id(g.id, $1::int) FROM ${PUBLIC_REGIONS} g)`,
);

/**
 * A keyset page of the open yearly flags of one rule set, in trainee order after
 * (`afterTrainee`, `afterRequirement`): the flagged statuses of the year (ix_compliance_statuses_flagged).
 */
export const openFlagsPage = defineQuery<
  [year: number, ruleSetId: string, afterTrainee: string, afterRequirement: string, limit: number],
  DueFlagRow
>(
  'creditHours.reminders.openFlagsPage',
  `SELECT s.trainee_id, s.requirement, s.state, s.required, s.accrued, s.shortfall, r.name AS rule_name,
                  p.full_name, p.enterprise_id,
                  ${activeEnterpriseAdminIdsSql('p.enterprise_id')} AS admin_ids
             FROM compliance_statuses s
             JOIN requirement_rules r ON r.id = s.rule_id
             JOIN ${PUBLIC_TRAINEES} p ON p.user_id = s.trainee_id
            WHERE s.flag_raised_at IS NOT NULL AND s.period_year = $1 AND s.rule_set_id = $2 AND r.period = 'calendar_year'
              AND (s.trainee_id, s.requirement) > ($3::uuid, $4::text)
            ORDER BY s.trainee_id, s.requirement
            LIMIT $5`,
);
