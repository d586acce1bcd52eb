import { Processor } from '@nestjs/bullmq';
import { Queues } from '@cqo/core';
import { OutboxPruner } from '../outbox/outbox-pruner';
import { JobHost } from './job-host';

/** Housekeeping of the platform's own tables: the outbox's retention. */
@Processor(Queues.maintenance, { concurrency: 1 })
export class MaintenanceProcessor extends JobHost<'maintenance.prune-outbox'> {
  constructor(private readonly pruner: OutboxPruner) {
    super();
  }

  readonly handlers = {
    'maintenance.prune-outbox': async () => this.pruner.prune(),
  };
}
