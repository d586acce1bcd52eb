import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, Clock, normalizeHours, OutboxWriter } from '@cqo/core';
import { currentYear } from './compliance-period';
import { CreditCategory, CreditKind } from './credit-entry.entity';
import { CreditHoursErrors } from './credit-hours.errors';
import { RequirementAppliesTo, RequirementPeriod } from './requirement-rule.entity';
import { DEFAULT_MINUTES_PER_CREDIT_HOUR, DEFAULT_REMINDER_DATES, RuleSetInput, validateRuleSet } from './rule-set.validation';

export interface RuleView {
  id: string;
  code: string;
  name: string;
  category: CreditCategory;
  kind: CreditKind;
  minHours: string;
  period: RequirementPeriod;
  countAppointmentHours: boolean;
  atRiskThreshold: string;
  appliesTo: RequirementAppliesTo;
}

export interface RuleSetView {
  id: string;
  name: string;
  regionId: string;
  regionName: string;
  /** The first calendar year the set governs. */
  firstYear: number;
  minutesPerCreditHour: number;
  /** Set when the admin applied the set to the year in progress: their reason. */
  currentYearReason: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  reminderDates: string[];
  createdAt: Date;
  rules: RuleView[];
}

/**
 * Requirement rule sets: data, not code. A set names the first year it governs; publishing it
 * ends the region's previous set on 31 December of the year before. Sets never change
 * afterwards, so a closed year keeps the set (and the verdict) it was judged by, and a year in
 * progress changes rules only when the admin says so, with a reason kept on the set.
 */
@Injectable()
export class RuleSetsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly outbox: OutboxWriter,
  ) {}

  async create(actor: Actor, input: RuleSetInput): Promise<RuleSetView> {
    const openYear = currentYear(this.clock.now());
    const issues = validateRuleSet(input, openYear);
    if (issues.length > 0) throw CreditHoursErrors.ruleSetInvalid(issues);
    const effectiveFrom = `${input.firstYear}-01-01`;
    const reason = input.applyToCurrentYear ? input.reason!.trim() : null;
    const id = await this.dataSource.transaction(async (manager) => {
      const region: { id: string }[] = await manager.query('SELECT id FROM regions WHERE id = $1', [input.regionId]);
      if (region.length === 0) throw CreditHoursErrors.regionNotFound();
      // One publisher per region at a time.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('requirement_rule_sets:' || $1))`, [input.regionId]);
      const later: unknown[] = await manager.query('SELECT 1 FROM requirement_rule_sets WHERE region_id = $1 AND first_year >= $2', [
        input.regionId,
        input.firstYear,
      ]);
      if (later.length > 0) throw CreditHoursErrors.ruleSetOverlaps();
      await manager.query(
        `UPDATE requirement_rule_sets SET effective_to = $2::date - 1
          WHERE region_id = $1 AND (effective_to IS NULL OR effective_to >= $2::date)`,
        [input.regionId, effectiveFrom],
      );
      const [set]: { id: string }[] = await manager.query(
        `INSERT INTO requirement_rule_sets (name, region_id, first_year, effective_from, minutes_per_credit_hour, current_year_reason, reminder_dates, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          input.name.trim(),
          input.regionId,
          input.firstYear,
          effectiveFrom,
          input.minutesPerCreditHour ?? DEFAULT_MINUTES_PER_CREDIT_HOUR,
          reason,
          [...(input.reminderDates ?? DEFAULT_REMINDER_DATES)].sort(),
          actor.userId,
          this.clock.now(),
        ],
      );
      for (const [i, rule] of input.rules.entries()) {
        await manager.query(
          `INSERT INTO requirement_rules
             (rule_set_id, code, name, category, kind, min_hours, period, count_appointment_hours, at_risk_threshold, applies_to, sort_order)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [
            set.id,
            rule.code,
            rule.name.trim(),
            rule.category,
            rule.kind,
            rule.minHours,
            rule.period,
            rule.countAppointmentHours ?? false,
            rule.atRiskThreshold ?? '1',
            rule.appliesTo,
            i,
          ],
        );
      }
      // The year in progress is recomputed at once when the set applies to it; otherwise the set waits for its first year.
      await this.outbox.record(manager, 'compliance.rule-set-published', { ruleSetId: set.id, effectiveFrom, firstYear: input.firstYear });
      return set.id;
    });
    return this.get(id);
  }

  async list(filter: { regionId?: string } = {}): Promise<RuleSetView[]> {
    const sets: RawRuleSet[] = await this.dataSource.query(
      `SELECT s.*, to_char(s.effective_from, 'YYYY-MM-DD') AS from_text, to_char(s.effective_to, 'YYYY-MM-DD') AS to_text, g.name AS region_name
         FROM requirement_rule_sets s JOIN regions g ON g.id = s.region_id
        WHERE ($1::uuid IS NULL OR s.region_id = $1)
        ORDER BY g.path, s.first_year DESC, s.created_at DESC`,
      [filter.regionId ?? null],
    );
    if (sets.length === 0) return [];
    const rules: RawRule[] = await this.dataSource.query('SELECT * FROM requirement_rules WHERE rule_set_id = ANY($1) ORDER BY sort_order', [
      sets.map((s) => s.id),
    ]);
    return sets.map((s) => toView(s, rules.filter((r) => r.rule_set_id === s.id)));
  }

  async get(id: string): Promise<RuleSetView> {
    const found = (await this.list()).find((s) => s.id === id);
    if (!found) throw CreditHoursErrors.ruleSetNotFound();
    return found;
  }
}

interface RawRuleSet {
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

interface RawRule {
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

function toView(s: RawRuleSet, rules: RawRule[]): RuleSetView {
  return {
    id: s.id,
    name: s.name,
    regionId: s.region_id,
    regionName: s.region_name,
    firstYear: s.first_year,
    minutesPerCreditHour: s.minutes_per_credit_hour,
    currentYearReason: s.current_year_reason,
    effectiveFrom: s.from_text,
    effectiveTo: s.to_text,
    reminderDates: s.reminder_dates,
    createdAt: s.created_at,
    rules: rules.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      category: r.category,
      kind: r.kind,
      minHours: normalizeHours(r.min_hours),
      period: r.period,
      countAppointmentHours: r.count_appointment_hours,
      atRiskThreshold: r.at_risk_threshold.replace(/\.?0+$/, '') || '0',
      appliesTo: r.applies_to,
    })),
  };
}
