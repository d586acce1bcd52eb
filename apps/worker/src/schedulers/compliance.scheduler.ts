import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { APP_CONFIG, AppConfig, JobName, JobQueues, QueueName, redisConnectionOptions } from '@cqo/core';

/** The repeatable jobs of credit hours and compliance; ids are fixed, so every worker upserts the same schedulers. */
export function complianceSchedules(timeZone: string): { id: string; job: JobName; repeat: { every: number } | { pattern: string; tz: string } }[] {
  return [
    // Catches completions whose accrual job was lost (Redis down, worker killed).
    { id: 'credit-hours.reconcile', job: 'credit-hours.reconcile', repeat: { every: 5 * 60_000 } },
    // Nightly, in the small hours in China: the pro-rated share of the year has moved on for everyone.
    { id: 'compliance.recompute-all.nightly', job: 'compliance.recompute-all', repeat: { pattern: '30 2 * * *', tz: timeZone } },
    // Five minutes after 1 January 00:00 CST: finalize the year that just closed.
    { id: 'compliance.close-year', job: 'compliance.close-year', repeat: { pattern: '5 0 1 1 *', tz: timeZone } },
    // Every morning; the reminder dates themselves are data of the rule sets.
    { id: 'compliance.remind.daily', job: 'compliance.remind', repeat: { pattern: '0 9 * * *', tz: timeZone } },
  ];
}

/** How often the schedulers are upserted again (Redis may have been restarted empty). */
const REASSERT_MS = 10 * 60_000;

@Injectable()
export class ComplianceScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ComplianceScheduler.name);
  private readonly queues = new Map<QueueName, Queue>();
  private timer?: NodeJS.Timeout;
  private running: Promise<boolean> | null = null;
  private stopped = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  onApplicationBootstrap(): void {
    this.reassert();
    this.timer = setInterval(() => this.reassert(), REASSERT_MS);
    this.timer.unref();
  }

  private reassert(): void {
    if (this.running || this.stopped) return;
    this.running = this.upsertAll().finally(() => (this.running = null));
  }

  /** Upserts every scheduler; a Redis outage is logged and retried at the next pass, never fatal. */
  async upsertAll(): Promise<boolean> {
    try {
      for (const s of complianceSchedules(this.config.rulesTimeZone)) {
        if (this.stopped) return false;
        await this.queue(JobQueues[s.job]).upsertJobScheduler(s.id, s.repeat, {
          name: s.job,
          data: {},
          opts: { attempts: 3, backoff: { type: 'exponential', delay: 5000 }, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
        });
      }
      return true;
    } catch (error) {
      this.logger.warn(`job schedulers not registered, will retry: ${String(error)}`);
      return false;
    }
  }

  private queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        prefix: this.config.redisPrefix,
        connection: { ...redisConnectionOptions(this.config), enableOfflineQueue: false, maxRetriesPerRequest: 1 },
      });
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
  }
}
