import type { JobSchedule } from './job-schedule';

/** The repeatable jobs of credit hours and compliance; ids are fixed, so every worker upserts the same schedulers. */
export function complianceSchedules(timeZone: string): JobSchedule[] {
  return [
    // Catches completions whose accrual job was lost (Redis down, worker killed).
    { id: 'credit-hours.reconcile', job: 'credit-hours.reconcile', repeat: { every: 5 * 60_000 } },
    // Nightly, in the small hours in China: the pro-rated share of the year has moved on for everyone.
    { id: 'compliance.recompute-all.nightly', job: 'compliance.recompute-all', repeat: { pattern: '30 2 * * *', tz: timeZone } },
    // Five minutes after 1 January 00:00 CST: finalize the year that just closed.
    { id: 'compliance.close-year', job: 'compliance.close-year', repeat: { pattern: '5 0 1 1 *', tz: timeZone } },
    // Every morning; the reminder dates themselves are data of the rule sets.
    { id: 'compliance.remind.daily', job: 'compliance.remind', repeat: { pattern: '0 9 * * *', tz: timeZone } },
  ];
}
