import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import { DelayedError, Job, UnrecoverableError } from 'bullmq';
import { isUUID } from 'class-validator';
import { DependencyMonitor, JobName, JobPayloads } from '@cqo/core';

type Handlers<J extends JobName> = { [K in J]: (data: JobPayloads[K], job: Job<JobPayloads[K]>, token?: string) => Promise<unknown> };

/**
 * A BullMQ processor for a set of job names. It logs every job with its name, id and attempt,
 * rethrows failures so BullMQ retries them, and turns a malformed payload into a permanent
 * failure (retrying it could never succeed).
 */
export abstract class JobHost<J extends JobName> extends WorkerHost {
  protected readonly logger = new Logger(this.constructor.name);

  /** The job names this processor handles; the worker checks each job has exactly one handler. */
  abstract readonly handlers: Handlers<J>;

  // Property injection keeps the processors' constructors about their own dependencies.
  @Inject(DependencyMonitor)
  private readonly monitor!: DependencyMonitor;

  /**
   * Connection trouble (Redis away or restarting): BullMQ reconnects by itself with backoff. The
   * monitor logs the outage once for the process, not once per processor per retry.
   */
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.monitor.reportDown('redis', error);
  }

  handles(): JobName[] {
    return Object.keys(this.handlers) as JobName[];
  }

  async process(job: Job, token?: string): Promise<unknown> {
    const handler = (this.handlers as Record<string, (data: unknown, job: Job, token?: string) => Promise<unknown>>)[job.name];
    const context = { job: job.name, jobId: job.id, attempt: job.attemptsMade + 1 };
    if (!handler) throw new UnrecoverableError(`no handler for job ${job.name} on ${this.constructor.name}`);
    const started = Date.now();
    try {
      const result = await handler(job.data, job, token);
      this.logger.log({ ...context, ms: Date.now() - started }, 'job done');
      return result;
    } catch (error) {
      // A job that moved itself to later (job.moveToDelayed) has not failed.
      if (error instanceof DelayedError) throw error;
      this.logger.warn({ ...context, err: error }, 'job failed');
      throw error;
    }
  }
}

/** Checks that payload fields which must be ids are ids; a bad payload fails for good. */
export function requireIds<T extends object>(data: T, ...fields: (keyof T & string)[]): T {
  for (const field of fields) {
    if (!isUUID(data[field])) throw new UnrecoverableError(`payload field ${field} must be a UUID`);
  }
  return data;
}
