import type { JobSchedule } from './job-schedule';

/** Accounts' repeatable jobs. */
export function identitySchedules(timeZone: string): JobSchedule[] {
  return [
    // Every night: audit-log rows past their retention go (only those).
    { id: 'identity.purge-audit-log.daily', job: 'identity.purge-audit-log', repeat: { pattern: '40 2 * * *', tz: timeZone } },
  ];
}
