import { Processor } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { Clock, JobPayloads, Queues } from '@cqo/core';
import { currentYear } from '@cqo/credit-hours';
import { AppointmentsService, TermRemindersService } from '@cqo/registry';
import { CityReportsService, DashboardsService } from '@cqo/reporting';
import { JobHost, requireIds } from './job-host';

type RegistryJobs =
  | 'registry.expire-terms'
  | 'registry.term-reminders'
  | 'registry.generate-city-report'
  | 'registry.request-city-reports'
  | 'registry.refresh-stats';

/** The registry's jobs: term expiry and reminders (daily), the cities' yearly reports (on request and each January). */
@Processor(Queues.registry, { concurrency: 2 })
export class RegistryProcessor extends JobHost<RegistryJobs> {
  constructor(
    private readonly appointments: AppointmentsService,
    private readonly reminders: TermRemindersService,
    private readonly cityReports: CityReportsService,
    private readonly dashboards: DashboardsService,
    private readonly clock: Clock,
  ) {
    super();
  }

  readonly handlers = {
    'registry.expire-terms': async () => this.appointments.expireDue(),
    'registry.refresh-stats': async () => this.dashboards.refreshStats(),
    'registry.term-reminders': async () => this.reminders.sendDue(),
    'registry.generate-city-report': async (
      data: JobPayloads['registry.generate-city-report'],
      job: Job<JobPayloads['registry.generate-city-report']>,
    ) => {
      requireIds(data, 'reportId');
      if (!Number.isInteger(data.generation) || data.generation < 1)
        throw new UnrecoverableError('payload field generation must be a positive integer');
      try {
        return await this.cityReports.generate(data.reportId, data.generation);
      } catch (error) {
        // The last attempt: the report says it failed, so the regulator is not left waiting.
        if (error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
          await this.cityReports.markFailed(data.reportId, data.generation, error instanceof Error ? error.message : String(error));
        }
        throw error;
      }
    },
    'registry.request-city-reports': async (data: JobPayloads['registry.request-city-reports']) => {
      const open = currentYear(this.clock.now());
      const year = data.year ?? open - 1;
      if (!Number.isInteger(year) || year < 2000 || year > open)
        throw new UnrecoverableError('payload field year must be a year not after this one');
      return this.cityReports.requestAll(year);
    },
  };
}
