import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig, Clock, outboxSql, runQuery } from '@cqo/core';
import { AccrualService } from '@cqo/credit-hours';

const BATCH = 5000;
const DAY_MS = 24 * 3600 * 1000;

export interface PruneResult {
  deleted: number;
  batches: number;
}

/**
 * Deletes outbox events relayed longer ago than `OUTBOX_RETENTION_DAYS` (docs/scaling.md: the
 * outbox is the largest table after a year). A relayed event is only kept for investigation:
 * every consumer is idempotent and already ran. One exception: `course.completed` events are the
 * accrual reconciliation's list of completions, so they go only once its watermark has passed
 * them (known accrued).
 *
 * Batches walk the primary key from the oldest event, each one short statement (its own
 * transaction), and stop at the first batch reaching events younger than the retention: a night's
 * pass reads the old events and one batch more, never the whole table. Idempotent, and two
 * workers pruning at once delete each row once (a row deleted by the other is simply gone).
 */
@Injectable()
export class OutboxPruner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accrual: AccrualService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async prune(options: { retentionDays?: number; batch?: number } = {}): Promise<PruneResult> {
    const retentionDays = options.retentionDays ?? this.config.outboxRetentionDays;
    const batch = options.batch ?? BATCH;
    const cutoff = new Date(this.clock.now().getTime() - retentionDays * DAY_MS);
    const completionsUpTo = await this.accrual.reconciledUpTo();
    let after = '0';
    let deleted = 0;
    let batches = 0;
    for (;;) {
      const [step] = await runQuery(this.dataSource, outboxSql.pruneStep, [after, batch, cutoff, completionsUpTo]);
      batches += 1;
      deleted += step.deleted;
      if (step.seen < batch || step.reached || step.last === null) break;
      after = step.last;
    }
    return { deleted, batches };
  }
}
