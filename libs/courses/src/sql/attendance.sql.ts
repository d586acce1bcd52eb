import { defineQuery } from '@cqo/core';

// SQL of live-session attendance (AttendanceService). Tables: lessons, course_versions,
// enrollments, attendance_records, lesson_progress (courses).

export interface LiveLessonRow {
  id: string;
  course_version_id: string;
  organization_id: string;
  type: string;
  minutes: number;
  completion_share: string;
  starts_at: Date | null;
  ends_at: Date | null;
}

export const liveLessonQuery = defineQuery<[lessonId: string], LiveLessonRow>(
  'courses.attendance.lesson',
  `SELECT l.id, l.course_version_id, v.organization_id, l.type, l.minutes, v.completion_share, l.starts_at, l.ends_at
         FROM lessons l JOIN course_versions v ON v.id = l.course_version_id WHERE l.id = $1`,
);

/** The live enrolments of the listed trainees in a version. */
export const sheetEnrollmentsQuery = defineQuery<
  [courseVersionId: string, traineeIds: string[]],
  { id: string; trainee_id: string; enrolled_at: Date }
>(
  'courses.attendance.sheetEnrollments',
  `SELECT id, trainee_id, enrolled_at FROM enrollments WHERE course_version_id = $1 AND trainee_id = ANY($2) AND status <> 'withdrawn'`,
);

export const traineeEnrollmentQuery = defineQuery<[traineeId: string, courseVersionId: string], { id: string; enrolled_at: Date }>(
  'courses.attendance.traineeEnrollment',
  `SELECT id, enrolled_at FROM enrollments WHERE trainee_id = $1 AND course_version_id = $2 AND status <> 'withdrawn'`,
);

export const lockEnrollmentQuery = defineQuery<[enrollmentId: string], { id: string }>(
  'courses.attendance.lockEnrollment',
  'SELECT id FROM enrollments WHERE id = $1 FOR UPDATE',
);

export const upsertAttendanceQuery = defineQuery<
  [enrollmentId: string, lessonId: string, signedInAt: Date, signedOutAt: Date, recordedBy: string, recordedAt: Date]
>(
  'courses.attendance.upsert',
  `INSERT INTO attendance_records (enrollment_id, lesson_id, signed_in_at, signed_out_at, recorded_by, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (enrollment_id, lesson_id) DO UPDATE
         SET signed_in_at = EXCLUDED.signed_in_at, signed_out_at = EXCLUDED.signed_out_at, recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at`,
);

/** The sheet is the record of a live session: a correction replaces the observed time. */
export const setAttendedSecondsQuery = defineQuery<
  [enrollmentId: string, lessonId: string, attendedSeconds: number, requiredSeconds: number, now: Date]
>(
  'courses.attendance.setAttendedSeconds',
  `INSERT INTO lesson_progress (enrollment_id, lesson_id, active_seconds, required_seconds, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (enrollment_id, lesson_id) DO UPDATE SET active_seconds = EXCLUDED.active_seconds, updated_at = EXCLUDED.updated_at`,
);

export const lessonCompletedAtQuery = defineQuery<[enrollmentId: string, lessonId: string], { completed_at: Date | null }>(
  'courses.attendance.lessonCompletedAt',
  'SELECT completed_at FROM lesson_progress WHERE enrollment_id = $1 AND lesson_id = $2',
);
