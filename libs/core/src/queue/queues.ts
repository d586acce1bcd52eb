import type { JobsOptions } from 'bullmq';
import type { CourseCompletedEvent } from '../outbox/course-completed.event';

/**
 * Every queue and job of the product, in one place. Producers (the outbox relay, schedulers)
 * and processors (apps/worker) both read from here, so a name is never spelled twice.
 */
export const Queues = {
  notifications: 'notifications',
  creditHours: 'credit-hours',
  compliance: 'compliance',
  exams: 'exams',
  certificates: 'certificates',
  registry: 'registry',
  identity: 'identity',
  maintenance: 'maintenance',
  mail: 'mail',
} as const;
export type QueueName = (typeof Queues)[keyof typeof Queues];

/** Job name → its payload. Payloads carry ids, never entities. */
export interface JobPayloads {
  'notifications.welcome': { eventId: string; userId: string };
  /** Writes the ledger entry of one completion (idempotent on the enrolment). */
  'credit-hours.accrue': { eventId: string; event: CourseCompletedEvent };
  /** Repeatable: accrues completions whose entry is missing (lost job, Redis down, worker killed). */
  'credit-hours.reconcile': Record<string, never>;
  /** Recomputes one trainee's compliance statuses for a year (and the `once` requirements). */
  'compliance.recompute-trainee': { eventId: string; traineeId: string; year: number };
  /** Set-based recomputation of every trainee's statuses for the current year (nightly, after rule changes). */
  'compliance.recompute-all': { reason: string };
  /** Finalizes the year that just closed (CST); `year` defaults to last year. */
  'compliance.close-year': { year?: number };
  /** Daily: sends the shortfall reminders due today (dates are data of the rule set). */
  'compliance.remind': Record<string, never>;
  /** Grades what an exam attempt saved, once its deadline (plus grace) has passed. */
  'exams.auto-submit': { eventId: string; attemptId: string };
  /** Issues the completion certificate (结业证书) of one completed enrolment (idempotent on the enrolment). */
  'certificates.issue-course': { eventId: string; event: CourseCompletedEvent };
  /** Issues a trainee's appointment-training and yearly certificates whose conditions now hold. */
  'certificates.evaluate-trainee': { eventId: string; traineeId: string; year: number };
  /** Daily: ends the CQO appointments whose term has run out (status history kept). */
  'registry.expire-terms': Record<string, never>;
  /** Daily: reminders 90 and 30 days (rule-set data) before a CQO term ends, once each (dedupe keys). */
  'registry.term-reminders': Record<string, never>;
  /** Generates a city's yearly report to the province (PDF and XLSX); a stale generation does nothing. */
  'registry.generate-city-report': { eventId: string; reportId: string; generation: number };
  /** Yearly (January): asks for every city's report on the year just closed (`year` defaults to last year). */
  'registry.request-city-reports': { year?: number };
  /** Every few minutes: recomputes the per-region figures the regulators' dashboards read. */
  'registry.refresh-stats': Record<string, never>;
  /** Daily: deletes audit-log rows older than the retention (at least 180 days), and only those. */
  'identity.purge-audit-log': Record<string, never>;
  /** Daily: makes the ledger's partitions of the current and next year (CST) ahead of their first entry. */
  'maintenance.ensure-ledger-partitions': Record<string, never>;
  /** Daily: deletes outbox events relayed longer ago than the retention, in batches (docs/scaling.md). */
  'maintenance.prune-outbox': Record<string, never>;
  'maintenance.prune-mail-log': Record<string, never>;
  /** Mails one in-app notification (reminders: the day's digest), once per idempotency key. */
  'mail.notification': { eventId: string; notificationId: string };
  /** Mails a reset link to every active account holding the address (nothing if none). */
  'mail.password-reset': { eventId: string; email: string };
  /** Mails a verification link for the address an account gave. */
  'mail.email-verification': { eventId: string; userId: string; email: string };
}
export type JobName = keyof JobPayloads;

/** Which queue each job runs on. */
export const JobQueues: { readonly [J in JobName]: QueueName } = {
  'notifications.welcome': Queues.notifications,
  'credit-hours.accrue': Queues.creditHours,
  'credit-hours.reconcile': Queues.creditHours,
  'compliance.recompute-trainee': Queues.compliance,
  'compliance.recompute-all': Queues.compliance,
  'compliance.close-year': Queues.compliance,
  'compliance.remind': Queues.compliance,
  'exams.auto-submit': Queues.exams,
  'certificates.issue-course': Queues.certificates,
  'certificates.evaluate-trainee': Queues.certificates,
  'registry.expire-terms': Queues.registry,
  'registry.term-reminders': Queues.registry,
  'registry.generate-city-report': Queues.registry,
  'registry.request-city-reports': Queues.registry,
  'registry.refresh-stats': Queues.registry,
  'identity.purge-audit-log': Queues.identity,
  'maintenance.ensure-ledger-partitions': Queues.maintenance,
  'maintenance.prune-outbox': Queues.maintenance,
  'maintenance.prune-mail-log': Queues.maintenance,
  'mail.notification': Queues.mail,
  'mail.password-reset': Queues.mail,
  'mail.email-verification': Queues.mail,
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
