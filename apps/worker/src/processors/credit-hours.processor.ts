import { Processor } from '@nestjs/bullmq';
import { UnrecoverableError } from 'bullmq';
import { DomainError, JobPayloads, Queues } from '@cqo/core';
import { AccrualService } from '@cqo/credit-hours';
import { JobHost } from './job-host';

type CreditHoursJobs = 'credit-hours.accrue' | 'credit-hours.reconcile';

/** Accrues completed courses into the ledger, and reconciles the ones a lost job missed. */
@Processor(Queues.creditHours, { concurrency: 4 })
export class CreditHoursProcessor extends JobHost<CreditHoursJobs> {
  constructor(private readonly accrual: AccrualService) {
    super();
  }

  readonly handlers = {
    'credit-hours.accrue': async (data: JobPayloads['credit-hours.accrue']) => {
      try {
        return await this.accrual.accrueCompletion(data.eventId, data.event);
      } catch (error) {
        // A malformed completion can never succeed; the reconciliation job will log it too.
        if (error instanceof DomainError && error.kind === 'invalid') throw new UnrecoverableError(error.message);
        throw error;
      }
    },
    'credit-hours.reconcile': async () => this.accrual.reconcile(),
  };
}
