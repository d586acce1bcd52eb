// Its own module because the job payloads (queue/queues.ts) carry it too: no import cycle.
export interface CourseCompletedEvent {
  enrollmentId: string;
  /** The trainee's user id. */
  traineeId: string;
  courseId: string;
  courseVersionId: string;
  organizationId: string;
  category: 1 | 2;
  kind: 'appointment' | 'continuing';
  /** Exact decimal as text, e.g. "2.5": never a float. */
  creditHours: string;
  /** ISO 8601 instant of completion. */
  completedAt: string;
}
