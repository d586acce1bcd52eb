import { Processor } from '@nestjs/bullmq';
import { chinaYearOf, Clock, Queues } from '@cqo/core';
import { AccrualService } from '@cqo/credit-hours';
import { MailLogPruner } from '@cqo/notifications';
import { OutboxPruner } from '../outbox/outbox-pruner';
import { JobHost } from './job-host';

/**
 * Housekeeping of the platform's own tables: the outbox's and the mail log's retention, and the
 * ledger's partitions ahead of time. A queue of its own, so its schedulers never sit among the credit-hours jobs.
 */
@Processor(Queues.maintenance, { concurrency: 1 })
export class MaintenanceProcessor extends JobHost<
  'maintenance.prune-outbox' | 'maintenance.prune-mail-log' | 'maintenance.ensure-ledger-partitions'
> {
  constructor(
    private readonly pruner: OutboxPruner,
    private readonly mailLog: MailLogPruner,
    private readonly accrual: AccrualService,
    private readonly clock: Clock,
  ) {
    super();
  }

  readonly handlers = {
    'maintenance.prune-outbox': async () => this.pruner.prune(),
    'maintenance.prune-mail-log': async () => this.mailLog.prune(),
    'maintenance.ensure-ledger-partitions': async () => {
      const year = chinaYearOf(this.clock.now());
      return { created: await this.accrual.ensurePartitions([year, year + 1]) };
    },
  };
}
