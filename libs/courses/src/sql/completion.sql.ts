import { defineQuery } from '@cqo/core';
import type { EnrollmentStatus } from '../entities/enrollment.entity';
import type { CompletionSource } from '../entities/lesson-progress.entity';

// SQL of lesson and course completion (CourseCompletionService). Tables: enrollments,
// course_versions, lessons, lesson_progress (courses).

export interface EnrollmentRefRow {
  id: string;
  trainee_id: string;
  course_id: string;
  course_version_id: string;
  status: EnrollmentStatus;
  enrolled_at: Date;
  completed_at: Date | null;
  final_exam_passed_at: Date | null;
  final_exam_paper_id: string | null;
}

export const activeEnrollmentQuery = defineQuery<[traineeId: string, courseVersionId: string], EnrollmentRefRow>(
  'courses.completion.activeEnrollment',
  `SELECT e.id, e.trainee_id, e.course_id, e.course_version_id, e.status, e.enrolled_at, e.completed_at, e.final_exam_passed_at, v.final_exam_paper_id
         FROM enrollments e JOIN course_versions v ON v.id = e.course_version_id
        WHERE e.trainee_id = $1 AND e.course_version_id = $2 AND e.status <> 'withdrawn'`,
);

export const setFinalExamPassedQuery = defineQuery<[enrollmentId: string, passedAt: Date]>(
  'courses.completion.setFinalExamPassed',
  'UPDATE enrollments SET final_exam_passed_at = $2 WHERE id = $1',
);

/** Marks the lesson complete if its time reached the requirement; no row otherwise. */
export const completeLessonIfDueQuery = defineQuery<
  [enrollmentId: string, lessonId: string, at: Date, via: CompletionSource],
  { lesson_id: string }
>(
  'courses.completion.completeLessonIfDue',
  `UPDATE lesson_progress SET completed_at = $3, completed_via = $4, updated_at = $3
        WHERE enrollment_id = $1 AND lesson_id = $2 AND completed_at IS NULL AND active_seconds >= required_seconds
        RETURNING lesson_id`,
);

/** Marks the lesson complete whatever its time (its content reported it satisfied); no row when it was already. */
export const completeLessonSatisfiedQuery = defineQuery<
  [enrollmentId: string, lessonId: string, at: Date, via: CompletionSource],
  { lesson_id: string }
>(
  'courses.completion.completeLessonSatisfied',
  `UPDATE lesson_progress SET completed_at = $3, completed_via = $4, updated_at = $3
        WHERE enrollment_id = $1 AND lesson_id = $2 AND completed_at IS NULL RETURNING lesson_id`,
);

export interface LockedEnrollmentRow {
  id: string;
  status: EnrollmentStatus;
  trainee_id: string;
  course_id: string;
  course_version_id: string;
  final_exam_passed_at: Date | null;
  organization_id: string;
  category: number;
  kind: 'appointment' | 'continuing';
  credit_hours: string;
  final_exam_paper_id: string | null;
}

/** The enrolment, locked, with what completing its course needs. */
export const lockEnrollmentForCompletionQuery = defineQuery<[enrollmentId: string], LockedEnrollmentRow>(
  'courses.completion.lockEnrollment',
  `SELECT e.id, e.status, e.trainee_id, e.course_id, e.course_version_id, e.final_exam_passed_at,
              v.organization_id, v.category, v.kind, v.credit_hours, v.final_exam_paper_id
         FROM enrollments e JOIN course_versions v ON v.id = e.course_version_id
        WHERE e.id = $1 FOR UPDATE OF e`,
);

/** Required lessons not yet complete, and when the last one was completed. */
export const requiredLessonsStateQuery = defineQuery<
  [enrollmentId: string, courseVersionId: string],
  { missing: number; last_done: Date | null }
>(
  'courses.completion.requiredLessonsState',
  `SELECT count(*) FILTER (WHERE p.completed_at IS NULL)::int AS missing, max(p.completed_at) AS last_done
         FROM lessons l
         LEFT JOIN lesson_progress p ON p.enrollment_id = $1 AND p.lesson_id = l.id
        WHERE l.course_version_id = $2 AND l.required`,
);

export const completeEnrollmentQuery = defineQuery<[enrollmentId: string, completedAt: Date]>(
  'courses.completion.completeEnrollment',
  `UPDATE enrollments SET status = 'completed', completed_at = $2 WHERE id = $1`,
);
