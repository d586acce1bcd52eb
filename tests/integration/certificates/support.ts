import type { DataSource } from 'typeorm';
import type { CourseCompletedEvent } from '@cqo/core';

/**
 * Rows of the courses lib's tables, inserted by SQL: the certificate tests need a course
 * version to print and an enrolment to point at, not the whole course workflow.
 */
export async function insertCourseVersion(
  dataSource: DataSource,
  organizationId: string,
  course: { title: string; category?: 1 | 2; kind?: 'appointment' | 'continuing'; creditHours?: string },
): Promise<{ courseId: string; courseVersionId: string }> {
  const [{ id: courseId }]: { id: string }[] = await dataSource.query('INSERT INTO courses (organization_id) VALUES ($1) RETURNING id', [
    organizationId,
  ]);
  const [{ id: courseVersionId }]: { id: string }[] = await dataSource.query(
    `INSERT INTO course_versions (course_id, organization_id, version, status, title, description, category, kind, credit_hours, delivery_mode, published_at)
     VALUES ($1, $2, 1, 'published', $3, '测试课程', $4, $5, $6, 'online', now()) RETURNING id`,
    [courseId, organizationId, course.title, course.category ?? 1, course.kind ?? 'continuing', course.creditHours ?? '14'],
  );
  return { courseId, courseVersionId };
}

export async function insertEnrollment(
  dataSource: DataSource,
  traineeId: string,
  version: { courseId: string; courseVersionId: string },
  at: { completedAt: string; finalExamPassedAt?: string | null },
): Promise<string> {
  const [{ id }]: { id: string }[] = await dataSource.query(
    `INSERT INTO enrollments (trainee_id, course_id, course_version_id, status, enrolled_at, completed_at, final_exam_passed_at)
     VALUES ($1, $2, $3, 'completed', $4, $4, $5) RETURNING id`,
    [traineeId, version.courseId, version.courseVersionId, at.completedAt, at.finalExamPassedAt ?? null],
  );
  return id;
}

/** A `course.completed` event as the courses lib writes it. */
export function completedEvent(
  enrollmentId: string,
  traineeId: string,
  organizationId: string,
  version: { courseId: string; courseVersionId: string },
  overrides: Partial<CourseCompletedEvent> = {},
): CourseCompletedEvent {
  return {
    enrollmentId,
    traineeId,
    courseId: version.courseId,
    courseVersionId: version.courseVersionId,
    organizationId,
    category: 1,
    kind: 'continuing',
    creditHours: '14',
    completedAt: '2026-03-14T16:30:00.000Z',
    ...overrides,
  };
}
