import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { chinaYearStart, runQuery, toCentiHours } from '@cqo/core';
import { CreditCategory } from '@cqo/credit-hours';
import { claimLimits, hoursCounted } from './sql/external-claims.sql';

/** The limits that govern a trainee's claims for one year (rule data, `external_claim_rules`). */
export interface ExternalClaimLimits {
  ruleSetId: string;
  /** Hours a year that may come from approved claims, per category (exact decimal text). */
  maxHours: Record<CreditCategory, string>;
  lateWindowDays: number;
}

const DAY_MS = 86_400_000;

/** The last instant a claim for `year` is taken: the year's end (CST) plus the late window. */
export function lateWindowEnd(year: number, lateWindowDays: number): Date {
  return new Date(chinaYearStart(year + 1).getTime() + lateWindowDays * DAY_MS);
}

/** Whether `already` claimed hours plus `more` stay within `max` (exact decimals). */
export function withinLimit(already: string, more: string, max: string): boolean {
  return toCentiHours(already) + toCentiHours(more) <= toCentiHours(max);
}

/**
 * The one place that decides how much may be claimed and until when: the row of the requirement
 * rule set governing the trainee's region in the claim's year (`governing_rule_set_id`, the same
 * choice the compliance engine makes).
 */
@Injectable()
export class ExternalClaimRules {
  constructor(private readonly dataSource: DataSource) {}

  async limitsFor(traineeId: string, year: number, manager: EntityManager = this.dataSource.manager): Promise<ExternalClaimLimits | null> {
    const rows = await runQuery(manager, claimLimits, [traineeId, year]);
    const row = rows[0];
    if (!row) return null;
    return {
      ruleSetId: row.rule_set_id,
      maxHours: { 1: row.max_category1_hours, 2: row.max_category2_hours },
      lateWindowDays: row.late_window_days,
    };
  }

  /** Hours of the trainee's claims in `year` and `category` that count against the limit. */
  async hoursCounted(
    manager: EntityManager,
    traineeId: string,
    year: number,
    category: CreditCategory,
    statuses: readonly string[],
  ): Promise<string> {
    const [{ total }] = await runQuery(manager, hoursCounted, [traineeId, year, category, [...statuses]]);
    return total;
  }
}
