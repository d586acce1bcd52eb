import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { APP_CONFIG, AppConfig, JobName, JobQueues, QueueName, redisConnectionOptions } from '@cqo/core';

/** The registry's repeatable jobs; fixed ids, so every worker upserts the same schedulers. */
export function registrySchedules(timeZone: string): { id: string; job: JobName; repeat: { every: number } | { pattern: string; tz: string } }[] {
  return [
    // The dashboards' precomputed per-region figures: at most five minutes old.
    { id: 'registry.refresh-stats', job: 'registry.refresh-stats', repeat: { every: 5 * 60_000 } },
    // Just after midnight in China: a term whose last day was yesterday ends today.
    { id: 'registry.expire-terms.daily', job: 'registry.expire-terms', repeat: { pattern: '10 0 * * *', tz: timeZone } },
    // Every morning: the 90- and 30-day reminders (the days are data of the eligibility rule set).
    { id: 'registry.term-reminders.daily', job: 'registry.term-reminders', repeat: { pattern: '15 9 * * *', tz: timeZone } },
    // 15 January: every city's report to the province on the year just closed (after year close has finalized it).
    { id: 'registry.request-city-reports.yearly', job: 'registry.request-city-reports', repeat: { pattern: '0 3 15 1 *', tz: timeZone } },
  ];
}

/** How often the schedulers are upserted again (Redis may have been restarted empty). */
const REASSERT_MS = 10 * 60_000;

@Injectable()
export class RegistryScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RegistryScheduler.name);
  private readonly queues = new Map<QueueName, Queue>();
  private timer?: NodeJS.Timeout;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  onApplicationBootstrap(): void {
    void this.upsertAll();
    this.timer = setInterval(() => void this.upsertAll(), REASSERT_MS);
    this.timer.unref();
  }

  /** Upserts every scheduler; a Redis outage is logged and retried at the next pass, never fatal. */
  async upsertAll(): Promise<boolean> {
    try {
      for (const s of registrySchedules(this.config.rulesTimeZone)) {
        await this.queue(JobQueues[s.job]).upsertJobScheduler(s.id, s.repeat, {
          name: s.job,
          data: {},
          opts: { attempts: 3, backoff: { type: 'exponential', delay: 5000 }, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
        });
      }
      return true;
    } catch (error) {
      this.logger.warn(`registry job schedulers not registered, will retry: ${String(error)}`);
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
    if (this.timer) clearInterval(this.timer);
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
  }
}
