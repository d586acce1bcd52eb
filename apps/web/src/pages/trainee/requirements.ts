import type { ComplianceState, ComplianceStatus, HoursSummary, RuleSet } from '../../api/types';

export interface RequirementRow {
  code: string;
  name: string;
  period: 'once' | 'calendar_year';
  required: string;
  accrued: string;
  shortfall: string;
  state?: ComplianceState;
}

/** The calendar year in China Standard Time, as the rules count it. */
export function chinaYear(at: Date = new Date()): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(at));
}

/**
 * One row per requirement for `year`. The compliance engine's statuses are authoritative; where
 * it has none yet (nothing accrued, or not computed), the row comes from the rule set in force
 * and the ledger totals, without a state.
 */
export function requirementRows(year: number, summary: HoursSummary, statuses: ComplianceStatus[], ruleSets: RuleSet[]): RequirementRow[] {
  const rows = new Map<string, RequirementRow>();
  for (const s of statuses) {
    if (s.period === 'calendar_year' && s.periodYear !== year) continue;
    rows.set(s.requirement, { code: s.requirement, name: s.ruleName, period: s.period, required: s.required, accrued: s.accrued, shortfall: s.shortfall, state: s.state });
  }
  const inForce = pickRuleSet(year, ruleSets);
  const totals = summary.years.find((y) => y.year === year)?.totals ?? [];
  for (const rule of inForce?.rules ?? []) {
    if (rows.has(rule.code)) continue;
    const accrued =
      rule.period === 'once' && rule.kind === 'appointment'
        ? Number(summary.appointmentHours)
        : totals.filter((x) => x.category === rule.category && x.kind === rule.kind).reduce((sum, x) => sum + Number(x.hours), 0);
    const required = Number(rule.minHours);
    rows.set(rule.code, {
      code: rule.code,
      name: rule.name,
      period: rule.period,
      required: rule.minHours,
      accrued: String(Math.round(accrued * 100) / 100),
      shortfall: String(Math.max(0, Math.round((required - accrued) * 100) / 100)),
    });
  }
  const order = inForce?.rules.map((r) => r.code) ?? [];
  return [...rows.values()].sort((a, b) => rank(order, a.code) - rank(order, b.code));
}

const rank = (order: string[], code: string) => (order.includes(code) ? order.indexOf(code) : order.length);

/** The rule set in force on the last day of `year` (or today, for the open year); the broadest region first. */
function pickRuleSet(year: number, sets: RuleSet[]): RuleSet | undefined {
  const day = `${year}-12-31`;
  const candidates = sets.filter((s) => s.effectiveFrom <= day && (s.effectiveTo === null || s.effectiveTo >= `${year}-01-01`));
  return candidates.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
}
