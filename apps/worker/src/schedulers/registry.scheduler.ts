import type { JobSchedule } from './job-schedule';

/** The registry's repeatable jobs; fixed ids, so every worker upserts the same schedulers. */
export function registrySchedules(timeZone: string): JobSchedule[] {
  return [
    // The dashboards' precomputed per-region figures: at most five minutes old.
    { id: 'registry.refresh-stats', job: 'registry.refresh-stats', repeat: { every: 5 * 60_000 } },
    // Just after midnight in China: a term whose last day was yesterday ends today.
    { id: 'registry.expire-terms.daily', job: 'registry.expire-terms', repeat: { pattern: '10 0 * * *', tz: timeZone } },
    // Every morning: the 90- and 30-day reminders (the days are data of the eligibility rule set).
    { id: 'registry.term-reminders.daily', job: 'registry.term-reminders', repeat: { pattern: '15 9 * * *', tz: timeZone } },
    // 15 January: every city's report to the province on the year just closed (after year close has finalized it).
    { id: 'registry.request-city-reports.yearly', job: 'registry.request-city-reports', repeat: { pattern: '0 3 15 1 *', tz: timeZone } },
  ];
}
