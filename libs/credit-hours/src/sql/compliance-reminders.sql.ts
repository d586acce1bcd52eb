import { defineQuery } from '@cqo/core';
import { activeEnterpriseAdminIdsSql } from '@cqo/identity';
import { PUBLIC_REGIONS } from '@cqo/organizations';
import { PUBLIC_TRAINEES } from '@cqo/trainees';

// SQL of yearly reminders (ComplianceRemindersService). Tables: requirement_rule_sets,
// requirement_rules, compliance_flags, compliance_statuses (credit-hours); regions, trainees and
// the enterprise's admins through the public views of organizations, trainees and identity.

export interface DueFlagRow {
  id: string;
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

/** A keyset page of the open yearly flags of one rule set. */
export const openFlagsPage = defineQuery<[year: number, ruleSetId: string, after: string, limit: number], DueFlagRow>(
  'creditHours.reminders.openFlagsPage',
  `SELECT f.id, f.trainee_id, f.requirement, f.state, s.required, s.accrued, s.shortfall, r.name AS rule_name,
                  p.full_name, p.enterprise_id,
                  ${activeEnterpriseAdminIdsSql('p.enterprise_id')} AS admin_ids
             FROM compliance_flags f
             JOIN compliance_statuses s ON s.trainee_id = f.trainee_id AND s.requirement = f.requirement AND s.period_year = f.period_year
             JOIN requirement_rules r ON r.id = s.rule_id
             JOIN ${PUBLIC_TRAINEES} p ON p.user_id = f.trainee_id
            WHERE f.cleared_at IS NULL AND f.period_year = $1 AND s.rule_set_id = $2 AND r.period = 'calendar_year'
              AND f.id > $3
            ORDER BY f.id
            LIMIT $4`,
);
