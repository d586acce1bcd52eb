import { defineQuery } from '@cqo/core';
import { PUBLIC_USER_NAMES } from '@cqo/identity';
import { PUBLIC_TRAINEES } from '@cqo/trainees';
import type { StoredCmi } from '../scorm/scorm-cmi';
import type { ScormPackage } from '../scorm/scorm-manifest';

// SQL of SCORM lessons (ScormService). Tables: scorm_sessions, scorm_attempts, enrollments,
// lessons, course_versions, content_packages, lesson_progress (courses); learners' names through
// identity's and trainees' public views.

/** A session with its package, as the commit and file routes read it. */
export interface ScormSessionRow {
  id: string;
  enrollment_id: string;
  lesson_id: string;
  sco_id: string;
  token_hash: string;
  launched_at: Date;
  counted_until: Date;
  observed_seconds: number;
  credited_seconds: number;
  reported_seconds: number | null;
  finished_at: Date | null;
  ended_reason: string | null;
  standard: string;
  structure: ScormPackage;
  storage_prefix: string;
  enrollment_status?: string;
}

export const scormLaunchTargetQuery = defineQuery<
  [enrollmentId: string, lessonId: string],
  {
    trainee_id: string;
    status: string;
    type: string;
    minutes: number;
    completion_share: string;
    package_id: string | null;
    standard: string | null;
    structure: ScormPackage | null;
  }
>(
  'courses.scorm.launchTarget',
  `SELECT e.trainee_id, e.status, l.type, l.minutes, v.completion_share, p.id AS package_id, p.standard, p.structure
     FROM enrollments e JOIN course_versions v ON v.id = e.course_version_id
     JOIN lessons l ON l.course_version_id = e.course_version_id AND l.id = $2
     LEFT JOIN content_packages p ON p.id = l.content_package_id
    WHERE e.id = $1`,
);

/** Launches and commits of an enrolment are serialized by its row. */
export const lockScormEnrollment = defineQuery<[enrollmentId: string], { id: string }>(
  'courses.scorm.lockEnrollment',
  'SELECT id FROM enrollments WHERE id = $1 FOR UPDATE',
);

/** The SCO the trainee is on: the last launched (the open session first among launches of the same instant). */
export const lastScormSessionQuery = defineQuery<[enrollmentId: string, lessonId: string], { sco_id: string }>(
  'courses.scorm.lastSession',
  `SELECT sco_id FROM scorm_sessions WHERE enrollment_id = $1 AND lesson_id = $2
    ORDER BY launched_at DESC, finished_at DESC NULLS FIRST LIMIT 1`,
);

/** Ends the lesson's open session: 'superseded' by a launch of the same SCO, 'navigated' away from it otherwise. */
export const endOpenScormSessions = defineQuery<[enrollmentId: string, lessonId: string, now: Date, scoId: string]>(
  'courses.scorm.endOpenSessions',
  `UPDATE scorm_sessions SET finished_at = $3, ended_reason = CASE WHEN sco_id = $4 THEN 'superseded' ELSE 'navigated' END
    WHERE enrollment_id = $1 AND lesson_id = $2 AND finished_at IS NULL`,
);

export const insertScormSession = defineQuery<
  [id: string, enrollmentId: string, lessonId: string, scoId: string, traineeId: string, tokenHash: string, now: Date]
>(
  'courses.scorm.insertSession',
  `INSERT INTO scorm_sessions (id, enrollment_id, lesson_id, sco_id, trainee_id, token_hash, launched_at, counted_until)
   VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`,
);

export const ensureScormProgress = defineQuery<[enrollmentId: string, lessonId: string, requiredSeconds: number, now: Date]>(
  'courses.scorm.ensureProgress',
  `INSERT INTO lesson_progress (enrollment_id, lesson_id, required_seconds, updated_at) VALUES ($1, $2, $3, $4)
   ON CONFLICT (enrollment_id, lesson_id) DO NOTHING`,
);

export const completedScosQuery = defineQuery<[enrollmentId: string, lessonId: string], { sco_id: string }>(
  'courses.scorm.completedScos',
  'SELECT sco_id FROM scorm_attempts WHERE enrollment_id = $1 AND lesson_id = $2 AND completed_at IS NOT NULL',
);

export const scormAttemptQuery = defineQuery<
  [enrollmentId: string, lessonId: string, scoId: string],
  { cmi: StoredCmi; total_seconds: number }
>('courses.scorm.attempt', 'SELECT cmi, total_seconds FROM scorm_attempts WHERE enrollment_id = $1 AND lesson_id = $2 AND sco_id = $3');

/** The session's learner as the SCO sees them (cmi learner id and name). */
export const scormLearnerQuery = defineQuery<[sessionId: string], { username: string; full_name: string | null }>(
  'courses.scorm.learner',
  `SELECT u.username, tp.full_name FROM scorm_sessions s JOIN ${PUBLIC_USER_NAMES} u ON u.id = s.trainee_id
     LEFT JOIN ${PUBLIC_TRAINEES} tp ON tp.user_id = u.id WHERE s.id = $1`,
);

export const scormSessionForUpdate = defineQuery<[sessionId: string], ScormSessionRow>(
  'courses.scorm.sessionForUpdate',
  'SELECT * FROM scorm_sessions WHERE id = $1 FOR UPDATE',
);

export const scormProgressQuery = defineQuery<[enrollmentId: string, lessonId: string], { completed_at: Date | null }>(
  'courses.scorm.progress',
  'SELECT completed_at FROM lesson_progress WHERE enrollment_id = $1 AND lesson_id = $2',
);

export const updateScormSession = defineQuery<
  [
    sessionId: string,
    countedUntil: Date,
    observedSeconds: number,
    creditSeconds: number,
    reportedSeconds: number | null,
    finish: boolean,
    now: Date,
  ]
>(
  'courses.scorm.updateSession',
  `UPDATE scorm_sessions SET counted_until = $2, observed_seconds = $3, credited_seconds = credited_seconds + $4, reported_seconds = $5, commits = commits + 1,
          finished_at = CASE WHEN $6 THEN COALESCE(finished_at, $7::timestamptz) ELSE finished_at END,
          ended_reason = CASE WHEN $6 THEN 'finished' ELSE ended_reason END
    WHERE id = $1`,
);

export const addScormActiveSeconds = defineQuery<
  [enrollmentId: string, lessonId: string, seconds: number, now: Date],
  { active_seconds: number }
>(
  'courses.scorm.addActiveSeconds',
  `UPDATE lesson_progress SET active_seconds = active_seconds + $3, updated_at = $4 WHERE enrollment_id = $1 AND lesson_id = $2
   RETURNING active_seconds`,
);

/** The SCO's CMI (what resumes it) in its own attempt row: a commit of one SCO never touches another's. */
export const upsertScormAttempt = defineQuery<
  [enrollmentId: string, lessonId: string, scoId: string, cmi: StoredCmi, addSeconds: number, completedAt: Date | null, now: Date]
>(
  'courses.scorm.upsertAttempt',
  `INSERT INTO scorm_attempts (enrollment_id, lesson_id, sco_id, cmi, total_seconds, completed_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
   ON CONFLICT (enrollment_id, lesson_id, sco_id) DO UPDATE SET cmi = EXCLUDED.cmi, total_seconds = scorm_attempts.total_seconds + EXCLUDED.total_seconds,
          completed_at = COALESCE(scorm_attempts.completed_at, EXCLUDED.completed_at), updated_at = EXCLUDED.updated_at`,
);

export const countCompletedScos = defineQuery<[enrollmentId: string, lessonId: string, scoIds: string[]], { n: number }>(
  'courses.scorm.countCompletedScos',
  `SELECT count(*)::int AS n FROM scorm_attempts
    WHERE enrollment_id = $1 AND lesson_id = $2 AND completed_at IS NOT NULL AND sco_id = ANY($3)`,
);

export const scormSessionByToken = defineQuery<[tokenHash: string], ScormSessionRow>(
  'courses.scorm.sessionByToken',
  `SELECT s.*, p.standard, p.structure, p.storage_prefix, e.status AS enrollment_status FROM scorm_sessions s
     JOIN enrollments e ON e.id = s.enrollment_id
     JOIN lessons l ON l.id = s.lesson_id JOIN content_packages p ON p.id = l.content_package_id
    WHERE s.token_hash = $1`,
);
