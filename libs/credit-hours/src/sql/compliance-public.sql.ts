// Public views of the compliance engine's tables for other libs (registry, reporting): they join
// these as they would join a view (`JOIN ${PUBLIC_COMPLIANCE_STATUSES} s ON s.trainee_id = …`)
// instead of reading compliance_statuses, requirement_rules or requirement_rule_sets. Each is a
// subquery over one table, which PostgreSQL inlines: a statement joining it plans as one joining
// the table. Tables: compliance_statuses, requirement_rules, requirement_rule_sets (credit-hours).

/**
 * A trainee's standing per requirement and period (period_year 0: the once-only appointment
 * training): trainee_id, requirement, period_year, rule_set_id, rule_id, required, accrued,
 * shortfall, state, final, updated_at.
 */
export const PUBLIC_COMPLIANCE_STATUSES = `(SELECT trainee_id, requirement, period_year, rule_set_id, rule_id, required, accrued, shortfall,
         state, final, updated_at FROM compliance_statuses)`;

/** Requirement rules: id, rule_set_id, code, name, category, kind, min_hours, period, applies_to, sort_order. */
export const PUBLIC_REQUIREMENT_RULES = `(SELECT id, rule_set_id, code, name, category, kind, min_hours, period, applies_to, sort_order
       FROM requirement_rules)`;

/** Requirement rule sets: id, name, region_id, first_year, effective_from, effective_to. */
export const PUBLIC_REQUIREMENT_RULE_SETS =
  '(SELECT id, name, region_id, first_year, effective_from, effective_to FROM requirement_rule_sets)';
