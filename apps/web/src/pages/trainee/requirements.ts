import type { ComplianceState, ComplianceStatus } from '../../api/types';

export interface RequirementRow {
  code: string;
  name: string;
  period: 'once' | 'calendar_year';
  required: string;
  accrued: string;
  shortfall: string;
  state: ComplianceState;
}

/** The calendar year in China Standard Time, as the rules count it. */
export function chinaYear(at: Date = new Date()): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(at));
}

/**
 * One row per requirement for `year`: the compliance engine's statuses, as the server judged
 * them (the yearly ones of `year` and the once-only appointment training). The web never
 * re-sums hours against a rule; a requirement the engine has not judged is not shown.
 */
export function requirementRows(year: number, statuses: ComplianceStatus[]): RequirementRow[] {
  return statuses
    .filter((s) => s.period === 'once' || s.periodYear === year)
    .map((s) => ({
      code: s.requirement,
      name: s.ruleName,
      period: s.period,
      required: s.required,
      accrued: s.accrued,
      shortfall: s.shortfall,
      state: s.state,
    }));
}
