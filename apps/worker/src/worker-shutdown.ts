import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { DependencyMonitor, JobName, RedisClient } from '@cqo/core';
import { within } from './close-queues';
import { JobHost } from './processors/job-host';

/** Jobs in flight get this long to finish on a stop; the rest go back to their queues (BullMQ's stalled check). */
export const JOB_GRACE_MS = 5000;

/**
 * Stops the BullMQ workers before Nest closes anything else, in bounded time whatever is down.
 * BullMQ's own close waits for Redis to take its last commands, so with Redis away it never
 * returns: here the workers stop taking jobs, get JOB_GRACE_MS for the jobs in flight (none if
 * Redis is down: their results could not be stored anyway), then close without waiting for
 * Redis. A job cut short keeps its lock
 * until it expires and is then retried: jobs are idempotent.
 */
@Injectable()
export class WorkerShutdown implements BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerShutdown.name);

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly monitor: DependencyMonitor,
    private readonly redis: RedisClient,
  ) {}

  async beforeApplicationShutdown(): Promise<void> {
    const workers = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is JobHost<JobName> => instance instanceof JobHost)
      .flatMap((host) => {
        // A stop during start-up can come before @nestjs/bullmq has made a host's worker.
        try {
          return [host.worker];
        } catch {
          return [];
        }
      });
    const redisUp = !this.monitor.isDown('redis') && (await this.redis.ping());
    if (redisUp) {
      const finished = await within(
        Promise.all(workers.map((w) => w.pause().catch(() => undefined))).then(() => true),
        JOB_GRACE_MS,
      );
      if (!finished) this.logger.warn(`jobs still running after ${JOB_GRACE_MS / 1000} s; left to BullMQ's retry`);
    } else {
      this.logger.warn('Redis unreachable: stopping without waiting for jobs in flight (BullMQ retries them)');
    }
    // Forced: drops the connections without waiting for Redis (BullMQ keeps this promise, so
    // @nestjs/bullmq's own close later returns at once).
    const closed = await within(
      Promise.all(workers.map((w) => w.close(true).catch(() => undefined))).then(() => true),
      1000,
    );
    // Still closing: a lock renewal or a blocking read waits on Redis that is away (a worker's
    // connection retries commands forever). Dropping the connections fails them, and close ends.
    if (!closed) await within(Promise.all(workers.map((w) => w.disconnect().catch(() => undefined))), 1000);
  }
}
