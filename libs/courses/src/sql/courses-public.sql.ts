import type { Queryable } from '@cqo/core';
import { defineQuery, runQuery } from '@cqo/core';
import { PUBLIC_TRAINING_ORGANIZATIONS } from '@cqo/organizations';

// Public reads of courses for other libs (exams, certificates): they call these instead of
// reading course_versions, enrollments or topics. Tables: course_versions, enrollments, topics
// (courses); training organizations through organizations' public view.

export const versionsWithFinalExamQuery = defineQuery<[paperId: string], { id: string }>(
  'courses.public.versionsWithFinalExam',
  'SELECT id FROM course_versions WHERE final_exam_paper_id = $1',
);

/** The course versions whose final exam is the paper (`course_versions.final_exam_paper_id`). */
export async function courseVersionIdsWithFinalExam(db: Queryable, paperId: string): Promise<string[]> {
  return (await runQuery(db, versionsWithFinalExamQuery, [paperId])).map((r) => r.id);
}

export const topicNamesQuery = defineQuery<[], { name: string; category: number }>(
  'courses.public.topicNames',
  'SELECT name, category FROM topics ORDER BY category, code',
);

export const topicsQuery = defineQuery<[], { code: string; name: string; category: number }>(
  'courses.public.topics',
  'SELECT code, name, category FROM topics',
);

/** Every topic's name and category, by category and code. */
export function topicNames(db: Queryable): Promise<{ name: string; category: number }[]> {
  return runQuery(db, topicNamesQuery, []);
}

/** Every topic: code, name, category (unordered). */
export function topics(db: Queryable): Promise<{ code: string; name: string; category: number }[]> {
  return runQuery(db, topicsQuery, []);
}

export const courseNamesQuery = defineQuery<[courseVersionId: string, organizationId: string], { title: string; name: string }>(
  'courses.public.courseNames',
  `SELECT v.title, o.name
         FROM course_versions v, ${PUBLIC_TRAINING_ORGANIZATIONS} o
        WHERE v.id = $1 AND o.id = $2`,
);

/** The printed names of a course version and its organization; null when either is missing. */
export async function courseNamesOf(
  db: Queryable,
  courseVersionId: string,
  organizationId: string,
): Promise<{ courseTitle: string; organizationName: string } | null> {
  const [row] = await runQuery(db, courseNamesQuery, [courseVersionId, organizationId]);
  return row ? { courseTitle: row.title, organizationName: row.name } : null;
}

export const appointmentExamPassedAtQuery = defineQuery<[traineeId: string], { passed_at: Date | null }>(
  'courses.public.appointmentExamPassedAt',
  `SELECT max(e.final_exam_passed_at) AS passed_at
         FROM enrollments e JOIN course_versions v ON v.id = e.course_version_id
        WHERE e.trainee_id = $1 AND v.category = 1 AND v.kind = 'appointment' AND e.final_exam_passed_at IS NOT NULL`,
);

/**
 * The latest pass of the final exam of a category-1 appointment course version the trainee is
 * enrolled in (`enrollments.final_exam_passed_at`), or null.
 */
export async function appointmentExamPassedAt(db: Queryable, traineeId: string): Promise<Date | null> {
  const [row] = await runQuery(db, appointmentExamPassedAtQuery, [traineeId]);
  return row?.passed_at ?? null;
}

/**
 * Course versions as other libs' statements may join them (`JOIN ${PUBLIC_COURSE_VERSIONS} v ON v.id = …`):
 * id, title, category, kind, final_exam_paper_id.
 */
export const PUBLIC_COURSE_VERSIONS = '(SELECT id, title, category, kind, final_exam_paper_id FROM course_versions)';
