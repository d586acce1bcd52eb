import { Injectable } from '@nestjs/common';
import { Actor, chinaDateOf, Clock } from '@cqo/core';
import { EnrollmentsService } from '@cqo/courses';
import { CreditCategory, CreditKind } from './credit-entry.entity';
import { ComplianceState } from './compliance-status.entity';
import { ComplianceQueries } from './compliance.queries';
import { periodPosition } from './compliance-period';
import { RequirementPeriod } from './requirement-rule.entity';

/** One requirement seen from today: what is done, what is due by now, what is on the way, where to find more. */
export interface RequirementOutlook {
  requirement: string;
  name: string;
  category: CreditCategory;
  kind: CreditKind;
  period: RequirementPeriod;
  required: string;
  accrued: string;
  shortfall: string;
  /** The compliance engine's state. */
  state: ComplianceState;
  /**
   * For a yearly requirement of an open year: required × the share of the year elapsed (CST), one
   * decimal — the figure behind 进度滞后. The required hours once the year has closed; null for `once`.
   */
  expectedByNow: string | null;
  /** Hours of the trainee's enrolled, unfinished courses of this category and kind. */
  enrolledUnfinishedHours: string;
  /** The catalog filter that lists courses counting toward this requirement. */
  catalog: { category: CreditCategory; kind: CreditKind };
}

export interface HoursOutlook {
  year: number;
  /** 31 December of the year: the deadline of every yearly requirement (China Standard Time). */
  deadline: string;
  /** Calendar days from today (CST) to 31 December, today included; 0 once the year has closed. */
  daysLeft: number;
  closed: boolean;
  requirements: RequirementOutlook[];
}

const DAY_MS = 86_400_000;

/**
 * The trainee's way out of a gap, computed on the server: days left to 31 December (CST), hours
 * expected by now, hours already enrolled but not finished, and the catalog filter per
 * requirement. Requirements and their states are the compliance engine's output only (read
 * through ComplianceQueries, which judges a trainee on first read); nothing here picks a rule set.
 */
@Injectable()
export class HoursOutlookService {
  constructor(
    private readonly compliance: ComplianceQueries,
    private readonly enrollments: EnrollmentsService,
    private readonly clock: Clock,
  ) {}

  async outlookOf(actor: Actor, traineeId: string, year: number): Promise<HoursOutlook> {
    const now = this.clock.now();
    const position = periodPosition(year, now);
    // The year's statuses include the `once` requirements (period year 0): appointment training shows until met.
    const statuses = await this.compliance.statusesOf(actor, traineeId, { year });
    const unfinished = await this.enrollments.unfinishedHours(traineeId);
    const onTheWay = (category: number, kind: string) => unfinished.find((u) => u.category === category && u.kind === kind)?.hours ?? '0';
    const expected = (period: RequirementPeriod, required: string) =>
      period === 'once' ? null : (Math.round(Number(required) * Number(position.elapsedShare) * 10) / 10).toFixed(1);

    const rows = new Map<string, RequirementOutlook>();
    for (const s of statuses) {
      if (s.period === 'calendar_year' && s.periodYear !== year) continue;
      rows.set(s.requirement, {
        requirement: s.requirement,
        name: s.ruleName,
        category: s.category,
        kind: s.kind,
        period: s.period,
        required: s.required,
        accrued: s.accrued,
        shortfall: s.shortfall,
        state: s.state,
        expectedByNow: expected(s.period, s.required),
        enrolledUnfinishedHours: onTheWay(s.category, s.kind),
        catalog: { category: s.category, kind: s.kind },
      });
    }
    const deadline = `${year}-12-31`;
    const today = chinaDateOf(now);
    const daysLeft = position.closed
      ? 0
      : today < `${year}-01-01`
        ? 365
        : Math.round((Date.parse(deadline) - Date.parse(today)) / DAY_MS) + 1;
    return { year, deadline, daysLeft, closed: position.closed, requirements: [...rows.values()] };
  }
}
