import { defineQuery } from '@cqo/core';
import { PUBLIC_USER_NAMES } from '@cqo/identity';
import { PUBLIC_TRAINING_ORGANIZATIONS } from '@cqo/organizations';
import { PUBLIC_TRAINEES } from '@cqo/trainees';
import type { EnrollmentSource, EnrollmentStatus } from '../entities/enrollment.entity';
import type { CompletionSource } from '../entities/lesson-progress.entity';
import type { LessonType } from '../entities/lesson.entity';

// SQL of enrolment and withdrawal (EnrollmentsService). Tables: enrollments, course_versions,
// lessons, lesson_progress, attendance_records, study_sessions (courses); organizations' names,
// users' names and trainees' profiles through their libs' public views.

/** An enrolment row with its version's columns, as {@link ENROLLMENT_COLUMNS} reads it. */
export interface EnrollmentRow {
  id: string;
  trainee_id: string;
  course_id: string;
  course_version_id: string;
  status: EnrollmentStatus;
  source: EnrollmentSource;
  enrolled_at: Date;
  withdrawn_at: Date | null;
  completed_at: Date | null;
  final_exam_passed_at: Date | null;
  version: number;
  title: string;
  organization_id: string;
  organization_name: string;
  category: number;
  kind: string;
  credit_hours: string;
  delivery_mode: string;
  final_exam_paper_id: string | null;
  completion_share: string;
  required_lessons: number;
  completed_required_lessons: number;
}

/** The columns of {@link EnrollmentRow}, over `enrollments e`, `course_versions v` and the organization `o`. */
const ENROLLMENT_COLUMNS = `e.id, e.trainee_id, e.course_id, e.course_version_id, e.status, e.source, e.enrolled_at, e.withdrawn_at,
    e.completed_at, e.final_exam_passed_at, v.version, v.title, v.organization_id, o.name AS organization_name, v.category, v.kind,
    v.credit_hours, v.delivery_mode, v.final_exam_paper_id, v.completion_share,
    (SELECT count(*)::int FROM lessons l WHERE l.course_version_id = v.id AND l.required) AS required_lessons,
    (SELECT count(*)::int FROM lessons l JOIN lesson_progress p ON p.lesson_id = l.id AND p.enrollment_id = e.id
      WHERE l.course_version_id = v.id AND l.required AND p.completed_at IS NOT NULL) AS completed_required_lessons`;

const ENROLLMENT_FROM = `enrollments e JOIN course_versions v ON v.id = e.course_version_id
  JOIN ${PUBLIC_TRAINING_ORGANIZATIONS} o ON o.id = v.organization_id`;

// The self-enrolment statements' shared parts (one trainee, or a group): a withdrawn enrolment
// is revived, a live one left alone; the answer is one row per enrolment written, or one empty row.
const SELF_ENROL_UPSERT = `  ON CONFLICT (trainee_id, course_version_id) DO UPDATE
    SET status = 'enrolled', source = EXCLUDED.source, enrolled_by = NULL, enrolled_at = EXCLUDED.enrolled_at, withdrawn_at = NULL
    WHERE enrollments.status = 'withdrawn'
  RETURNING id, trainee_id, course_id, course_version_id, status, source, enrolled_at, withdrawn_at, completed_at, final_exam_passed_at`;
const SELF_ENROL_RESULT = `SELECT (SELECT id FROM v) AS version_id, e.id AS enrollment_id, (SELECT count(*) FROM seat) AS seats,
    ${ENROLLMENT_COLUMNS}
  FROM (SELECT 1) AS one
  LEFT JOIN ins e ON true
  LEFT JOIN course_versions v ON v.id = e.course_version_id
  LEFT JOIN ${PUBLIC_TRAINING_ORGANIZATIONS} o ON o.id = v.organization_id`;

/**
 * A trainee enrols: lock the version row if it takes enrolments at $3, insert (or revive a
 * withdrawn) enrolment, take the seat only if that insert happened, and answer the enrolment as
 * its trainee sees it, all in one statement (one round trip, prepared). `version_id` is null when
 * the version takes no enrolment now; `enrollment_id` is null when the trainee is enrolled already.
 * The lock is FOR NO KEY UPDATE, what the seat's UPDATE takes anyway: enough to serialize seat
 * counts, without blocking rows that merely reference the version (foreign-key checks).
 */
export const enrolQuery = defineQuery<
  [courseVersionId: string, traineeId: string, now: string],
  // The enrolment's columns are null unless enrollment_id is set.
  EnrollmentRow & { version_id: string | null; enrollment_id: string | null }
>(
  'courses.enrollments.enrol',
  `
WITH v AS (
  SELECT id, course_id FROM course_versions
   WHERE id = $1 AND status = 'published'
     AND (enrollment_opens_at IS NULL OR enrollment_opens_at <= $3::timestamptz)
     AND (enrollment_closes_at IS NULL OR enrollment_closes_at > $3::timestamptz)
     AND (capacity IS NULL OR seats_taken < capacity)
   FOR NO KEY UPDATE
), ins AS (
  INSERT INTO enrollments (trainee_id, course_id, course_version_id, status, source, enrolled_at)
  SELECT $2, v.course_id, v.id, 'enrolled', 'self', $3::timestamptz FROM v
${SELF_ENROL_UPSERT}
), seat AS (
  UPDATE course_versions SET seats_taken = seats_taken + 1 WHERE id = (SELECT id FROM v) AND EXISTS (SELECT 1 FROM ins) RETURNING id
)
${SELF_ENROL_RESULT}`,
);

/**
 * {@link enrolQuery} for many trainees enrolling in one version at once (group commit): the
 * version is locked once, the enrolments are inserted (or withdrawn ones revived) in one
 * statement, and the seats taken by those inserted. Only for a version without a capacity
 * taking enrolments at every one of the times $3: otherwise `version_id` is null and nothing is
 * written (the caller enrols each alone, by the exact rules). One row per enrolment written,
 * with `trainee_id`; a trainee without a row was enrolled already. Run prepared.
 */
export const enrolGroupQuery = defineQuery<
  [courseVersionId: string, traineeIds: string[], nows: string[]],
  // The enrolment's columns are null unless enrollment_id is set.
  EnrollmentRow & { version_id: string | null; enrollment_id: string | null }
>(
  'courses.enrollments.enrolGroup',
  `
WITH i AS (
  SELECT * FROM unnest($2::uuid[], $3::timestamptz[]) AS i(trainee_id, now)
), v AS (
  SELECT id, course_id FROM course_versions
   WHERE id = $1 AND status = 'published' AND capacity IS NULL
     AND (enrollment_opens_at IS NULL OR enrollment_opens_at <= (SELECT min(now) FROM i))
     AND (enrollment_closes_at IS NULL OR enrollment_closes_at > (SELECT max(now) FROM i))
   FOR NO KEY UPDATE
), ins AS (
  INSERT INTO enrollments (trainee_id, course_id, course_version_id, status, source, enrolled_at)
  SELECT i.trainee_id, v.course_id, v.id, 'enrolled', 'self', i.now FROM v, i
${SELF_ENROL_UPSERT}
), seat AS (
  UPDATE course_versions SET seats_taken = seats_taken + (SELECT count(*) FROM ins)
   WHERE id = (SELECT id FROM v) AND EXISTS (SELECT 1 FROM ins) RETURNING id
)
${SELF_ENROL_RESULT}`,
);

/** Why a version took no enrolment: its state. */
export const versionEnrolmentStateQuery = defineQuery<
  [courseVersionId: string],
  { status: string; capacity: number | null; seats_taken: number; opens: Date | null; closes: Date | null }
>(
  'courses.enrollments.versionEnrolmentState',
  'SELECT status, capacity, seats_taken, enrollment_opens_at AS opens, enrollment_closes_at AS closes FROM course_versions WHERE id = $1',
);

export const enrollmentOwnerQuery = defineQuery<[enrollmentId: string], { trainee_id: string; course_version_id: string }>(
  'courses.enrollments.owner',
  'SELECT trainee_id, course_version_id FROM enrollments WHERE id = $1',
);

/** Locks the version first, then the enrolment: the same order as enrolling. */
export const lockVersionForWithdrawalQuery = defineQuery<[courseVersionId: string], { enrollment_closes_at: Date | null }>(
  'courses.enrollments.lockVersionForWithdrawal',
  'SELECT enrollment_closes_at FROM course_versions WHERE id = $1 FOR UPDATE',
);

export const withdrawQuery = defineQuery<[enrollmentId: string, now: Date], { id: string }>(
  'courses.enrollments.withdraw',
  `UPDATE enrollments SET status = 'withdrawn', withdrawn_at = $2 WHERE id = $1 AND status = 'enrolled' RETURNING id`,
);

export const releaseSeatQuery = defineQuery<[courseVersionId: string]>(
  'courses.enrollments.releaseSeat',
  'UPDATE course_versions SET seats_taken = seats_taken - 1 WHERE id = $1',
);

export const endEnrollmentSessionsQuery = defineQuery<[enrollmentId: string, now: Date]>(
  'courses.enrollments.endSessions',
  'UPDATE study_sessions SET ended_at = $2 WHERE enrollment_id = $1 AND ended_at IS NULL',
);

export const unfinishedHoursQuery = defineQuery<[traineeId: string], { category: number; kind: string; hours: string; courses: number }>(
  'courses.enrollments.unfinishedHours',
  `SELECT cv.category, cv.kind, sum(cv.credit_hours)::text AS hours, count(*)::int AS courses
         FROM enrollments e JOIN course_versions cv ON cv.id = e.course_version_id
        WHERE e.trainee_id = $1 AND e.status = 'enrolled'
        GROUP BY cv.category, cv.kind ORDER BY cv.category, cv.kind`,
);

/** $2: a status, or null for every enrolment. */
export const countOwnEnrollmentsQuery = defineQuery<[traineeId: string, status: EnrollmentStatus | null], { total: number }>(
  'courses.enrollments.countOwn',
  'SELECT count(*)::int AS total FROM enrollments e WHERE e.trainee_id = $1 AND ($2::text IS NULL OR e.status = $2)',
);

export const ownEnrollmentsQuery = defineQuery<
  [traineeId: string, status: EnrollmentStatus | null, limit: number, offset: number],
  EnrollmentRow
>(
  'courses.enrollments.listOwn',
  `SELECT ${ENROLLMENT_COLUMNS}
  FROM ${ENROLLMENT_FROM}
 WHERE e.trainee_id = $1 AND ($2::text IS NULL OR e.status = $2)
 ORDER BY e.enrolled_at DESC, e.id ASC LIMIT $3 OFFSET $4`,
);

/** Run prepared. */
export const enrollmentByIdQuery = defineQuery<[enrollmentId: string], EnrollmentRow>(
  'courses.enrollments.byId',
  `SELECT ${ENROLLMENT_COLUMNS}
  FROM ${ENROLLMENT_FROM}
 WHERE e.id = $1`,
);

export interface LessonProgressRow {
  id: string;
  position: number;
  title: string;
  type: LessonType;
  minutes: number;
  required: boolean;
  active_seconds: number | null;
  required_seconds: number | null;
  completed_at: Date | null;
  completed_via: CompletionSource | null;
  signed_in_at: Date | null;
  signed_out_at: Date | null;
}

export const enrollmentLessonsQuery = defineQuery<[enrollmentId: string, courseVersionId: string], LessonProgressRow>(
  'courses.enrollments.lessons',
  `SELECT l.id, l.position, l.title, l.type, l.minutes, l.required, p.active_seconds, p.required_seconds, p.completed_at, p.completed_via,
              a.signed_in_at, a.signed_out_at
         FROM lessons l
         LEFT JOIN lesson_progress p ON p.lesson_id = l.id AND p.enrollment_id = $1
         LEFT JOIN attendance_records a ON a.lesson_id = l.id AND a.enrollment_id = $1
        WHERE l.course_version_id = $2 ORDER BY l.position`,
);

export const versionOrganizationQuery = defineQuery<[courseVersionId: string], { organization_id: string }>(
  'courses.enrollments.versionOrganization',
  'SELECT organization_id FROM course_versions WHERE id = $1',
);

/** $2: a status, or null for every enrolment. */
export const countRosterQuery = defineQuery<[courseVersionId: string, status: EnrollmentStatus | null], { total: number }>(
  'courses.enrollments.countRoster',
  'SELECT count(*)::int AS total FROM enrollments e WHERE e.course_version_id = $1 AND ($2::text IS NULL OR e.status = $2)',
);

export interface RosterRow {
  id: string;
  trainee_id: string;
  username: string;
  full_name: string | null;
  id_number_masked: string | null;
  enterprise_name: string | null;
  status: EnrollmentStatus;
  source: EnrollmentSource;
  enrolled_at: Date;
  completed_at: Date | null;
  final_exam_passed_at: Date | null;
  required_lessons: number;
  completed_required_lessons: number;
}

export const rosterQuery = defineQuery<
  [courseVersionId: string, status: EnrollmentStatus | null, limit: number, offset: number],
  RosterRow
>(
  'courses.enrollments.roster',
  `SELECT e.id, e.trainee_id, u.username, t.full_name, t.id_number_masked, t.enterprise_name, e.status, e.source,
              e.enrolled_at, e.completed_at, e.final_exam_passed_at,
              (SELECT count(*)::int FROM lessons l WHERE l.course_version_id = e.course_version_id AND l.required) AS required_lessons,
              (SELECT count(*)::int FROM lessons l JOIN lesson_progress p ON p.lesson_id = l.id AND p.enrollment_id = e.id
                WHERE l.course_version_id = e.course_version_id AND l.required AND p.completed_at IS NOT NULL) AS completed_required_lessons
         FROM enrollments e JOIN ${PUBLIC_USER_NAMES} u ON u.id = e.trainee_id
         LEFT JOIN ${PUBLIC_TRAINEES} t ON t.user_id = e.trainee_id
        WHERE e.course_version_id = $1 AND ($2::text IS NULL OR e.status = $2)
        ORDER BY e.enrolled_at ASC, e.id ASC LIMIT $3 OFFSET $4`,
);

/** Inserts a live enrolment or revives the trainee's withdrawn one in the version; no row when enrolled already. */
export const insertEnrollmentQuery = defineQuery<
  [traineeId: string, courseId: string, courseVersionId: string, source: EnrollmentSource, by: string | null, at: Date],
  { id: string }
>(
  'courses.enrollments.insert',
  `INSERT INTO enrollments (trainee_id, course_id, course_version_id, status, source, enrolled_by, enrolled_at)
       VALUES ($1, $2, $3, 'enrolled', $4, $5, $6)
       ON CONFLICT (trainee_id, course_version_id) DO UPDATE
         SET status = 'enrolled', source = EXCLUDED.source, enrolled_by = EXCLUDED.enrolled_by, enrolled_at = EXCLUDED.enrolled_at, withdrawn_at = NULL
         WHERE enrollments.status = 'withdrawn'
       RETURNING id`,
);
