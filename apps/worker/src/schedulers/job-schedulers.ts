import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { closeQueues } from '../close-queues';
import {
  AppConfig,
  DependencyMonitor,
  isRedisConnectionError,
  JobQueues,
  QueueName,
  queuePrefix,
  redisConnectionOptions,
  reportRedisErrors,
} from '@cqo/core';
import { complianceSchedules } from './compliance.scheduler';
import type { JobSchedule } from './job-schedule';
import { identitySchedules } from './identity.scheduler';
import { maintenanceSchedules } from './maintenance.scheduler';
import { registrySchedules } from './registry.scheduler';

/** How often the schedulers are upserted again (Redis may have been restarted empty). */
const REASSERT_MS = 10 * 60_000;

/** Registers every repeatable job of the product (compliance, registry, identity) with BullMQ. */
@Injectable()
export class JobSchedulers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobSchedulers.name);
  private readonly queues = new Map<QueueName, Queue>();
  private timer?: NodeJS.Timeout;
  private running: Promise<boolean> | null = null;
  private stopped = false;

  constructor(
    private readonly config: AppConfig,
    private readonly monitor: DependencyMonitor,
  ) {}

  schedules(): JobSchedule[] {
    const tz = this.config.rulesTimeZone;
    return [...complianceSchedules(tz), ...registrySchedules(tz), ...identitySchedules(tz), ...maintenanceSchedules(tz)];
  }

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
      for (const s of this.schedules()) {
        if (this.stopped) return false;
        await this.queue(JobQueues[s.job]).upsertJobScheduler(s.id, s.repeat, {
          name: s.job,
          data: {},
          opts: {
            attempts: 3,
            backoff: { type: 'exponential', delay: 5000 },
            removeOnComplete: { count: 100 },
            removeOnFail: { count: 100 },
          },
        });
      }
      return true;
    } catch (error) {
      // An outage is logged once, by the monitor; the next pass registers them.
      if (isRedisConnectionError(error)) this.monitor.reportDown('redis', error);
      else this.logger.warn(`job schedulers not registered, will retry: ${String(error)}`);
      return false;
    }
  }

  private queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        prefix: queuePrefix(this.config),
        // Fail fast while Redis is away; the next pass tries again.
        connection: { ...redisConnectionOptions(this.config), enableOfflineQueue: false, maxRetriesPerRequest: 1 },
      });
      reportRedisErrors(queue, this.monitor);
      this.queues.set(name, queue);
    }
    return queue;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    // A pass waiting on Redis that is away would hold the stop: bounded like the close.
    await Promise.race([this.running, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
    await closeQueues(this.queues.values());
  }
}
