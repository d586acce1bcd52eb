import { Processor } from '@nestjs/bullmq';
import { UnrecoverableError } from 'bullmq';
import { Clock, JobPayloads, Queues } from '@cqo/core';
import { ComplianceEngine, ComplianceRemindersService, currentYear } from '@cqo/credit-hours';
import { JobHost, requireIds } from './job-host';

type ComplianceJobs = 'compliance.recompute-trainee' | 'compliance.recompute-all' | 'compliance.close-year' | 'compliance.remind';

function requireYear(year: unknown): number {
  if (!Number.isInteger(year) || (year as number) < 2000 || (year as number) > 2200)
    throw new UnrecoverableError('payload field year must be a year');
  return year as number;
}

/** Keeps compliance statuses current: per trainee after each ledger change, nightly, at year close; sends reminders. */
@Processor(Queues.compliance, { concurrency: 4 })
export class ComplianceProcessor extends JobHost<ComplianceJobs> {
  constructor(
    private readonly engine: ComplianceEngine,
    private readonly reminders: ComplianceRemindersService,
    private readonly clock: Clock,
  ) {
    super();
  }

  readonly handlers = {
    'compliance.recompute-trainee': async (data: JobPayloads['compliance.recompute-trainee']) =>
      this.engine.recomputeTrainee(requireIds(data, 'traineeId').traineeId, requireYear(data.year)),
    'compliance.recompute-all': async () => this.engine.recomputeAll({ year: currentYear(this.clock.now()) }),
    // Shortly after 1 January 00:00 CST: last year's statuses become final (complete or shortfall).
    'compliance.close-year': async (data: JobPayloads['compliance.close-year']) => {
      const open = currentYear(this.clock.now());
      const year = data.year === undefined ? open - 1 : requireYear(data.year);
      if (year >= open) throw new UnrecoverableError(`year ${year} has not closed yet`);
      const closed = await this.engine.recomputeAll({ year });
      const opened = await this.engine.recomputeAll({ year: open });
      return { closed, opened };
    },
    'compliance.remind': async () => this.reminders.sendDue(),
  };
}
