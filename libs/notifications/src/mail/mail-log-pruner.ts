import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig, Clock, runQuery } from '@cqo/core';
import { pruneMailLogBatch } from '../sql/mail.sql';

const BATCH = 5000;
const DAY_MS = 24 * 3600 * 1000;

/**
 * Deletes the log of mail sent longer ago than `MAIL_LOG_RETENTION_DAYS` (default 180): each row
 * holds an e-mail address, kept only as evidence that a notice went out. Its idempotency key
 * guards against sending twice, which needs it only while the event behind it can still be
 * replayed (relayed outbox events go after `OUTBOX_RETENTION_DAYS`, far sooner).
 *
 * Oldest first, in short batches (each its own statement), so a night's pass never holds a long
 * lock; idempotent, and two workers at once delete each row once.
 */
@Injectable()
export class MailLogPruner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async prune(options: { batch?: number } = {}): Promise<{ deleted: number }> {
    const cutoff = new Date(this.clock.now().getTime() - this.config.mail.logRetentionDays * DAY_MS);
    const batch = options.batch ?? BATCH;
    let deleted = 0;
    for (;;) {
      const [step] = await runQuery(this.dataSource, pruneMailLogBatch, [cutoff, batch]);
      deleted += step.n;
      if (step.n < batch) return { deleted };
    }
  }
}
