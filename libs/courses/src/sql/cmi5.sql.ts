import { defineQuery } from '@cqo/core';
import { PUBLIC_USER_NAMES } from '@cqo/identity';
import type { Cmi5Course } from '../cmi5/cmi5-structure';

// SQL of cmi5 lessons (Cmi5Service). Tables: cmi5_launches, cmi5_au_states, xapi_statements,
// enrollments, lessons, course_versions, content_packages, lesson_progress (courses); learners'
// usernames through identity's public view.

export interface Cmi5TargetRow {
  trainee_id: string;
  status: string;
  username: string;
  organization_id: string;
  package_id: string | null;
  structure: Cmi5Course | null;
  type: string;
  minutes: number;
  completion_share: string;
}

/** An enrolment's lesson with its package and learner, for a launch or a waiver. */
export const cmi5TargetQuery = defineQuery<[enrollmentId: string, lessonId: string], Cmi5TargetRow>(
  'courses.cmi5.target',
  `SELECT e.trainee_id, e.status, u.username, v.organization_id, p.id AS package_id, p.structure, l.type, l.minutes, v.completion_share
     FROM enrollments e JOIN ${PUBLIC_USER_NAMES} u ON u.id = e.trainee_id JOIN course_versions v ON v.id = e.course_version_id
     JOIN lessons l ON l.course_version_id = e.course_version_id AND l.id = $2
     LEFT JOIN content_packages p ON p.id = l.content_package_id
    WHERE e.id = $1`,
);

export const lockCmi5Enrollment = defineQuery<[enrollmentId: string], { id: string }>(
  'courses.cmi5.lockEnrollment',
  'SELECT id FROM enrollments WHERE id = $1 FOR UPDATE',
);

/** The registration of the lesson's first launch (one registration per enrolment and lesson). */
export const firstCmi5RegistrationQuery = defineQuery<[enrollmentId: string, lessonId: string], { registration: string }>(
  'courses.cmi5.firstRegistration',
  'SELECT registration FROM cmi5_launches WHERE enrollment_id = $1 AND lesson_id = $2 ORDER BY launched_at LIMIT 1',
);

/** Launches of the lesson left open (neither terminated nor abandoned), with their last statement's time. */
export const openCmi5LaunchesQuery = defineQuery<
  [enrollmentId: string, lessonId: string],
  { id: string; au_id: string; launched_at: Date; last_at: Date | null }
>(
  'courses.cmi5.openLaunches',
  `SELECT c.id, c.au_id, c.launched_at, (SELECT max(stored_at) FROM xapi_statements s WHERE s.launch_id = c.id) AS last_at
     FROM cmi5_launches c WHERE c.enrollment_id = $1 AND c.lesson_id = $2 AND c.terminated_at IS NULL AND c.abandoned_at IS NULL`,
);

export const abandonCmi5Launch = defineQuery<[launchId: string, now: Date]>(
  'courses.cmi5.abandonLaunch',
  'UPDATE cmi5_launches SET abandoned_at = $2 WHERE id = $1',
);

export const insertCmi5Launch = defineQuery<
  [id: string, enrollmentId: string, lessonId: string, auId: string, registration: string, fetchTokenHash: string, now: Date]
>(
  'courses.cmi5.insertLaunch',
  `INSERT INTO cmi5_launches (id, enrollment_id, lesson_id, au_id, registration, fetch_token_hash, launched_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
);

/** A waiver's launch: no fetch token (never usable), fetched and terminated when made. */
export const insertCmi5WaiverLaunch = defineQuery<
  [id: string, enrollmentId: string, lessonId: string, auId: string, registration: string, fetchTokenHash: string, now: Date]
>(
  'courses.cmi5.insertWaiverLaunch',
  `INSERT INTO cmi5_launches (id, enrollment_id, lesson_id, au_id, registration, fetch_token_hash, fetch_used_at, launched_at, terminated_at)
   VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $7)`,
);

export const ensureCmi5Progress = defineQuery<[enrollmentId: string, lessonId: string, requiredSeconds: number, now: Date]>(
  'courses.cmi5.ensureProgress',
  `INSERT INTO lesson_progress (enrollment_id, lesson_id, required_seconds, updated_at) VALUES ($1, $2, $3, $4)
   ON CONFLICT (enrollment_id, lesson_id) DO NOTHING`,
);

export const cmi5AuSatisfiedQuery = defineQuery<[enrollmentId: string, lessonId: string, auId: string], { one: number }>(
  'courses.cmi5.auSatisfied',
  'SELECT 1 AS one FROM cmi5_au_states WHERE enrollment_id = $1 AND lesson_id = $2 AND au_id = $3 AND satisfied_at IS NOT NULL',
);

export const cmi5LessonCompletedAtQuery = defineQuery<[enrollmentId: string, lessonId: string], { completed_at: Date | null }>(
  'courses.cmi5.lessonCompletedAt',
  'SELECT completed_at FROM lesson_progress WHERE enrollment_id = $1 AND lesson_id = $2',
);

/** The one-time fetch token becomes the AU's credentials: used once, within its time, never on an abandoned launch. */
export const useCmi5FetchToken = defineQuery<[tokenHash: string, now: Date, secretHash: string, launchedAfter: Date], { id: string }>(
  'courses.cmi5.useFetchToken',
  `UPDATE cmi5_launches SET fetch_used_at = $2, auth_secret_hash = $3
    WHERE fetch_token_hash = $1 AND fetch_used_at IS NULL AND abandoned_at IS NULL AND launched_at > $4 RETURNING id`,
);

export const cmi5StructureOfLessonQuery = defineQuery<[lessonId: string], { structure: Cmi5Course }>(
  'courses.cmi5.structureOfLesson',
  'SELECT p.structure FROM lessons l JOIN content_packages p ON p.id = l.content_package_id WHERE l.id = $1',
);

export const terminateCmi5Launch = defineQuery<[launchId: string, now: Date]>(
  'courses.cmi5.terminateLaunch',
  'UPDATE cmi5_launches SET terminated_at = $2 WHERE id = $1 AND terminated_at IS NULL',
);

export const markCmi5AuState = defineQuery<
  [enrollmentId: string, lessonId: string, auId: string, completedAt: Date | null, passedAt: Date | null],
  { completed_at: Date | null; passed_at: Date | null; satisfied_at: Date | null }
>(
  'courses.cmi5.markAuState',
  `INSERT INTO cmi5_au_states (enrollment_id, lesson_id, au_id, completed_at, passed_at) VALUES ($1, $2, $3, $4, $5)
   ON CONFLICT (enrollment_id, lesson_id, au_id) DO UPDATE SET completed_at = COALESCE(cmi5_au_states.completed_at, EXCLUDED.completed_at),
          passed_at = COALESCE(cmi5_au_states.passed_at, EXCLUDED.passed_at)
   RETURNING completed_at, passed_at, satisfied_at`,
);

export const satisfyCmi5Au = defineQuery<[enrollmentId: string, lessonId: string, auId: string, now: Date]>(
  'courses.cmi5.satisfyAu',
  'UPDATE cmi5_au_states SET satisfied_at = $4 WHERE enrollment_id = $1 AND lesson_id = $2 AND au_id = $3',
);

export const countSatisfiedCmi5Aus = defineQuery<[enrollmentId: string, lessonId: string, auIds: string[]], { n: number }>(
  'courses.cmi5.countSatisfiedAus',
  `SELECT count(*)::int AS n FROM cmi5_au_states
    WHERE enrollment_id = $1 AND lesson_id = $2 AND satisfied_at IS NOT NULL AND au_id = ANY($3)`,
);

/** A statement the LMS writes itself (cmi5 "defined" statements), stored with its launch. */
export const insertLmsStatement = defineQuery<
  [
    id: string,
    enrollmentId: string,
    lessonId: string,
    launchId: string,
    verb: string,
    contentHash: string,
    now: Date,
    registration: string,
    statement: object,
  ]
>(
  'courses.cmi5.insertLmsStatement',
  `INSERT INTO xapi_statements (id, enrollment_id, lesson_id, launch_id, verb, credited_seconds, content_hash, statement_timestamp, stored_at, registration, statement)
   VALUES ($1, $2, $3, $4, $5, 0, $6, $7, $7, $8, $9)`,
);
