import type { JobSchedule } from './job-schedule';

/** The platform's housekeeping jobs. */
export function maintenanceSchedules(timeZone: string): JobSchedule[] {
  return [
    // Every night: outbox events relayed longer ago than OUTBOX_RETENTION_DAYS go, in batches.
    { id: 'maintenance.prune-outbox.daily', job: 'maintenance.prune-outbox', repeat: { pattern: '50 2 * * *', tz: timeZone } },
    // Every night: the log of mail sent longer ago than MAIL_LOG_RETENTION_DAYS goes.
    { id: 'maintenance.prune-mail-log.daily', job: 'maintenance.prune-mail-log', repeat: { pattern: '55 2 * * *', tz: timeZone } },
    // Daily: the ledger's partitions of this year and next exist long before 1 January.
    {
      id: 'maintenance.ensure-ledger-partitions.daily',
      job: 'maintenance.ensure-ledger-partitions',
      repeat: { pattern: '20 3 * * *', tz: timeZone },
    },
  ];
}
