import type { JobsOptions } from 'bullmq';

/**
 * Every queue and job of the product, in one place. Producers (the outbox relay, schedulers)
 * and processors (apps/worker) both read from here, so a name is never spelled twice.
 */
export const Queues = {
  notifications: 'notifications',
} as const;
export type QueueName = (typeof Queues)[keyof typeof Queues];

/** Job name → its payload. Payloads carry ids, never entities. */
export interface JobPayloads {
  'notifications.welcome': { eventId: string; userId: string };
}
export type JobName = keyof JobPayloads;

/** Which queue each job runs on. */
export const JobQueues: { readonly [J in JobName]: QueueName } = {
  'notifications.welcome': Queues.notifications,
};

/** Retries with backoff for transient failures; finished jobs are kept a while for inspection. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** BullMQ refuses ':' in custom ids; ids made here are deterministic so a duplicate add is a no-op. */
export function jobIdFor(...parts: (string | number)[]): string {
  return parts.map((p) => String(p).replace(/[^a-zA-Z0-9_.-]/g, '_')).join('-');
}
