import type { JobName, JobPayloads } from '../queue/queues';
import type { CourseCompletedEvent } from './course-completed.event';

export type { CourseCompletedEvent } from './course-completed.event';

/**
 * Domain events written to the outbox in the same transaction as the change they announce.
 * The relay turns each into the jobs listed in {@link OutboxRoutes}.
 */
export interface OutboxEventPayloads {
  'user.registered': { userId: string };
  /**
   * An enrolment was completed (all required lessons done, final exam passed if any). It carries
   * the facts the credit-hour ledger needs, frozen from the course version enrolled in.
   */
  'course.completed': CourseCompletedEvent;
  /**
   * A credit-hour ledger entry was written (a completion accrued, an adjustment, a reversal). Its
   * consumers recompute the trainee's compliance status; certificates may react to it too.
   */
  'credit.accrued': CreditAccruedEvent;
  /** A requirement rule set was published; statuses are recomputed under it. */
  'compliance.rule-set-published': { ruleSetId: string; effectiveFrom: string; firstYear?: number };
  /** An exam attempt started; its deadline is fixed. Schedules the auto-submit. */
  'exam.attempt.started': { attemptId: string; deadline: string; autoSubmitAt: string };
  /** An exam attempt was graded (once). */
  'exam.attempt.graded': ExamAttemptGradedEvent;
  /** A trainee asked for their certificates (lost, or never received): re-evaluated, the same ones returned. */
  'certificate.requested': { traineeId: string; year: number };
  /**
   * A CQO appointment began or ended (registered, resigned, dismissed, term expired). The
   * `serving_cqo_terms` view changed for the trainee: their statuses are recomputed for `year`.
   */
  'cqo.appointment.changed': {
    appointmentId: string;
    traineeId: string;
    enterpriseId: string;
    change: 'appointed' | 'ended';
    year: number;
  };
  /** A city's yearly report to the province was asked for (or asked for again: `generation`). */
  'cqo.city-report.requested': { reportId: string; generation: number };
  /**
   * An in-app notification was created: written by a trigger on `notifications` in the same
   * transaction (every sender, CTE inserts included), so mail follows whatever is shown in-app.
   */
  'notification.created': { notificationId: string };
  /** Someone asked for a password-reset link for an address; the worker looks up the accounts (the API never does). */
  'identity.password-reset-requested': { email: string };
  /** An address was given (registration, settings) and must be verified by a mailed link. */
  'identity.email-verification-requested': { userId: string; email: string };
}

export interface ExamAttemptGradedEvent {
  attemptId: string;
  paperId: string;
  traineeId: string;
  /** Set when the paper is the final exam of a course version the trainee is enrolled in. */
  enrollmentId: string | null;
  passed: boolean;
  score: number;
  maxScore: number;
  /** Exact percentage as text, e.g. "66.67". */
  percent: string;
  /** ISO 8601 instant of grading. */
  gradedAt: string;
}

export interface CreditAccruedEvent {
  entryId: string;
  traineeId: string;
  /** The CST calendar year the entry counts for. */
  year: number;
  source: 'course_completion' | 'in_person' | 'manual_adjustment' | 'external_claim' | 'reversal';
  category: 1 | 2;
  kind: 'appointment' | 'continuing';
  /** Exact decimal text; negative for a reversal. */
  hours: string;
}

export type OutboxEventType = keyof OutboxEventPayloads;

type Route<E extends OutboxEventType> = {
  [J in JobName]: {
    job: J;
    payload: (eventId: string, event: OutboxEventPayloads[E]) => JobPayloads[J];
    /** Milliseconds to hold the job back, from the event and the relay's now (≤ 0: run at once). */
    delay?: (event: OutboxEventPayloads[E], now: Date) => number;
  };
}[JobName];

/** Event → the jobs it starts. An event with no route is still recorded and marked relayed. */
export const OutboxRoutes: { readonly [E in OutboxEventType]: readonly Route<E>[] } = {
  'user.registered': [{ job: 'notifications.welcome', payload: (eventId, e) => ({ eventId, userId: e.userId }) }],
  'course.completed': [
    { job: 'credit-hours.accrue', payload: (eventId, e) => ({ eventId, event: e }) },
    { job: 'certificates.issue-course', payload: (eventId, e) => ({ eventId, event: e }) },
  ],
  'credit.accrued': [
    { job: 'compliance.recompute-trainee', payload: (eventId, e) => ({ eventId, traineeId: e.traineeId, year: e.year }) },
    { job: 'certificates.evaluate-trainee', payload: (eventId, e) => ({ eventId, traineeId: e.traineeId, year: e.year }) },
  ],
  'compliance.rule-set-published': [{ job: 'compliance.recompute-all', payload: (_eventId, e) => ({ reason: `rule-set:${e.ruleSetId}` }) }],
  'exam.attempt.started': [
    {
      job: 'exams.auto-submit',
      payload: (eventId, e) => ({ eventId, attemptId: e.attemptId }),
      delay: (e, now) => Date.parse(e.autoSubmitAt) - now.getTime(),
    },
  ],
  'exam.attempt.graded': [],
  'certificate.requested': [
    { job: 'certificates.evaluate-trainee', payload: (eventId, e) => ({ eventId, traineeId: e.traineeId, year: e.year }) },
  ],
  'cqo.appointment.changed': [
    { job: 'compliance.recompute-trainee', payload: (eventId, e) => ({ eventId, traineeId: e.traineeId, year: e.year }) },
  ],
  'cqo.city-report.requested': [
    { job: 'registry.generate-city-report', payload: (eventId, e) => ({ eventId, reportId: e.reportId, generation: e.generation }) },
  ],
  'notification.created': [{ job: 'mail.notification', payload: (eventId, e) => ({ eventId, notificationId: e.notificationId }) }],
  'identity.password-reset-requested': [{ job: 'mail.password-reset', payload: (eventId, e) => ({ eventId, email: e.email }) }],
  'identity.email-verification-requested': [
    { job: 'mail.email-verification', payload: (eventId, e) => ({ eventId, userId: e.userId, email: e.email }) },
  ],
};

export const OUTBOX_CHANNEL = 'outbox_events';
