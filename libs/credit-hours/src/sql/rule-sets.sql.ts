import { defineQuery } from '@cqo/core';
import { PUBLIC_REGIONS } from '@cqo/organizations';
import type { CreditCategory, CreditKind } from '../credit-entry.entity';
import type { RequirementAppliesTo, RequirementPeriod } from '../requirement-rule.entity';

// SQL of requirement rule sets (RuleSetsService). Tables: requirement_rule_sets, requirement_rules
// (credit-hours); regions through organizations' public view (the region's name and order).

export interface RuleSetRow {
  id: string;
  name: string;
  region_id: string;
  region_name: string;
  from_text: string;
  to_text: string | null;
  reminder_dates: string[];
  first_year: number;
  minutes_per_credit_hour: number;
  current_year_reason: string | null;
  created_at: Date;
}

export interface RuleRow {
  id: string;
  rule_set_id: string;
  code: string;
  name: string;
  category: CreditCategory;
  kind: CreditKind;
  min_hours: string;
  period: RequirementPeriod;
  count_appointment_hours: boolean;
  at_risk_threshold: string;
  applies_to: RequirementAppliesTo;
}

/** One publisher per region at a time. */
export const lockRegionRuleSets = defineQuery<[regionId: string]>(
  'creditHours.ruleSets.lockRegion',
  `SELECT pg_advisory_xact_lock(hashtext('requirement_rule_sets:' || $1))`,
);

export const laterRuleSet = defineQuery<[regionId: string, firstYear: number], { '?column?': number }>(
  'creditHours.ruleSets.later',
  'SELECT 1 FROM requirement_rule_sets WHERE region_id = $1 AND first_year >= $2',
);

/** Ends the region's sets still open on the new set's first day. */
export const endPreviousRuleSets = defineQuery<[regionId: string, effectiveFrom: string]>(
  'creditHours.ruleSets.endPrevious',
  `UPDATE requirement_rule_sets SET effective_to = $2::date - 1
          WHERE region_id = $1 AND (effective_to IS NULL OR effective_to >= $2::date)`,
);

export const insertRuleSet = defineQuery<
  [
    name: string,
    regionId: string,
    firstYear: number,
    effectiveFrom: string,
    minutesPerCreditHour: number,
    currentYearReason: string | null,
    reminderDates: string[],
    createdBy: string,
    createdAt: Date,
  ],
  { id: string }
>(
  'creditHours.ruleSets.insert',
  `INSERT INTO requirement_rule_sets (name, region_id, first_year, effective_from, minutes_per_credit_hour, current_year_reason, reminder_dates, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
);

export const insertRule = defineQuery<
  [
    ruleSetId: string,
    code: string,
    name: string,
    category: CreditCategory,
    kind: CreditKind,
    minHours: string,
    period: RequirementPeriod,
    countAppointmentHours: boolean,
    atRiskThreshold: string,
    appliesTo: RequirementAppliesTo,
    sortOrder: number,
  ]
>(
  'creditHours.ruleSets.insertRule',
  `INSERT INTO requirement_rules
             (rule_set_id, code, name, category, kind, min_hours, period, count_appointment_hours, at_risk_threshold, applies_to, sort_order)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
);

export const listRuleSets = defineQuery<[regionId: string | null], RuleSetRow>(
  'creditHours.ruleSets.list',
  `SELECT s.*, to_char(s.effective_from, 'YYYY-MM-DD') AS from_text, to_char(s.effective_to, 'YYYY-MM-DD') AS to_text, g.name AS region_name
         FROM requirement_rule_sets s JOIN ${PUBLIC_REGIONS} g ON g.id = s.region_id
        WHERE ($1::uuid IS NULL OR s.region_id = $1)
        ORDER BY g.path, s.first_year DESC, s.created_at DESC`,
);

export const rulesOfSets = defineQuery<[ruleSetIds: string[]], RuleRow>(
  'creditHours.ruleSets.rulesOfSets',
  'SELECT * FROM requirement_rules WHERE rule_set_id = ANY($1) ORDER BY sort_order',
);
