import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, Clock, normalizeHours, OutboxWriter, runQuery } from '@cqo/core';
import { regionPathOf } from '@cqo/organizations';
import { currentYear } from './compliance-period';
import { CreditCategory, CreditKind } from './credit-entry.entity';
import { CreditHoursErrors } from './credit-hours.errors';
import { RequirementAppliesTo, RequirementPeriod } from './requirement-rule.entity';
import { DEFAULT_MINUTES_PER_CREDIT_HOUR, DEFAULT_REMINDER_DATES, RuleSetInput, validateRuleSet } from './rule-set.validation';
import * as sql from './sql/rule-sets.sql';
import { RuleRow, RuleSetRow } from './sql/rule-sets.sql';

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
    private readonly dataSource: DataSource,
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
      if ((await regionPathOf(manager, input.regionId)) === undefined) throw CreditHoursErrors.regionNotFound();
      // One publisher per region at a time.
      await runQuery(manager, sql.lockRegionRuleSets, [input.regionId]);
      const later = await runQuery(manager, sql.laterRuleSet, [input.regionId, input.firstYear]);
      if (later.length > 0) throw CreditHoursErrors.ruleSetOverlaps();
      await runQuery(manager, sql.endPreviousRuleSets, [input.regionId, effectiveFrom]);
      const [set] = await runQuery(manager, sql.insertRuleSet, [
        input.name.trim(),
        input.regionId,
        input.firstYear,
        effectiveFrom,
        input.minutesPerCreditHour ?? DEFAULT_MINUTES_PER_CREDIT_HOUR,
        reason,
        [...(input.reminderDates ?? DEFAULT_REMINDER_DATES)].sort(),
        actor.userId,
        this.clock.now(),
      ]);
      for (const [i, rule] of input.rules.entries()) {
        await runQuery(manager, sql.insertRule, [
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
        ]);
      }
      // The year in progress is recomputed at once when the set applies to it; otherwise the set waits for its first year.
      await this.outbox.record(manager, 'compliance.rule-set-published', { ruleSetId: set.id, effectiveFrom, firstYear: input.firstYear });
      return set.id;
    });
    return this.get(id);
  }

  async list(filter: { regionId?: string } = {}): Promise<RuleSetView[]> {
    const sets = await runQuery(this.dataSource, sql.listRuleSets, [filter.regionId ?? null]);
    if (sets.length === 0) return [];
    const rules = await runQuery(this.dataSource, sql.rulesOfSets, [sets.map((s) => s.id)]);
    return sets.map((s) =>
      toView(
        s,
        rules.filter((r) => r.rule_set_id === s.id),
      ),
    );
  }

  async get(id: string): Promise<RuleSetView> {
    const found = (await this.list()).find((s) => s.id === id);
    if (!found) throw CreditHoursErrors.ruleSetNotFound();
    return found;
  }
}

function toView(s: RuleSetRow, rules: RuleRow[]): RuleSetView {
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
