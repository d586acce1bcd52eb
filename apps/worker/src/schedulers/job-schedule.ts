import type { JobName } from '@cqo/core';

/**
 * A repeatable job: a fixed id, so every worker process upserts the same BullMQ job scheduler
 * (an upsert of an unchanged scheduler keeps its one pending job; a test runs two workers).
 */
export interface JobSchedule {
  id: string;
  job: JobName;
  repeat: { every: number } | { pattern: string; tz: string };
}
