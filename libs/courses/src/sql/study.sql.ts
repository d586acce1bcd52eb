import { defineQuery } from '@cqo/core';
import type { AttentionCheckOption } from '../study/attention-question-source';

// SQL of online study (ProgressService): study sessions, their heartbeats and attention checks.
// Tables: study_sessions, lesson_progress, lessons, content_files, enrollments, course_versions,
// attention_checks, course_version_topics, topics (courses).

export interface StudyTargetRow {
  trainee_id: string;
  status: string;
  type: string;
  minutes: number;
  completion_share: string;
  attention_check_min_minutes: number | null;
  attention_check_max_minutes: number | null;
  content_file_id: string | null;
  file_kind: 'video' | 'document' | null;
  mime_type: string | null;
  duration_seconds: number | null;
}

/** The enrolment and lesson a study session is asked for (the lesson columns null when it is not the version's). */
export const studyTargetQuery = defineQuery<[enrollmentId: string, lessonId: string], StudyTargetRow>(
  'courses.study.target',
  `SELECT e.trainee_id, e.status, l.type, l.minutes, v.completion_share, v.attention_check_min_minutes, v.attention_check_max_minutes,
              l.content_file_id, f.kind AS file_kind, f.mime_type, f.duration_seconds
         FROM enrollments e JOIN course_versions v ON v.id = e.course_version_id
         LEFT JOIN lessons l ON l.course_version_id = e.course_version_id AND l.id = $2
         LEFT JOIN content_files f ON f.id = l.content_file_id
        WHERE e.id = $1`,
);

/** One trainee's session starts are serialized (transaction-scoped advisory lock on `study:<trainee>`). */
export const lockTraineeStudyQuery = defineQuery<[key: string]>('courses.study.lockTrainee', 'SELECT pg_advisory_xact_lock(hashtext($1))');

export const ensureLessonProgressQuery = defineQuery<[enrollmentId: string, lessonId: string, requiredSeconds: number, now: Date]>(
  'courses.study.ensureLessonProgress',
  `INSERT INTO lesson_progress (enrollment_id, lesson_id, active_seconds, required_seconds, updated_at) VALUES ($1, $2, 0, $3, $4)
         ON CONFLICT (enrollment_id, lesson_id) DO NOTHING`,
);

export const supersedeOpenSessionsQuery = defineQuery<[traineeId: string, now: Date], { id: string }>(
  'courses.study.supersedeOpenSessions',
  `UPDATE study_sessions SET ended_at = $2, ended_reason = 'superseded' WHERE trainee_id = $1 AND ended_at IS NULL RETURNING id`,
);

/**
 * Opens the session where the lesson's playback stopped last time, and answers what its first
 * heartbeat needs (the state {@link beatStateQuery} would read), so that heartbeat is one statement.
 */
export const insertStudySessionQuery = defineQuery<
  [enrollmentId: string, lessonId: string, traineeId: string, now: Date, device: string | null, nextCheckAtSeconds: number | null],
  { id: string; position: number | null; last_beat_ms: number; session_xmin: string }
>(
  'courses.study.insertSession',
  `INSERT INTO study_sessions (enrollment_id, lesson_id, trainee_id, started_at, last_beat_at, device, next_check_at_seconds, position)
         SELECT $1, $2, $3, $4, $4, $5, $6, lp.last_position FROM lesson_progress lp WHERE lp.enrollment_id = $1 AND lp.lesson_id = $2
         RETURNING id, position, (extract(epoch FROM last_beat_at) * 1000)::float8 AS last_beat_ms, xmin::text AS session_xmin`,
);

export const lessonProgressQuery = defineQuery<
  [enrollmentId: string, lessonId: string],
  {
    active_seconds: number;
    required_seconds: number;
    completed_at: Date | null;
    furthest_position: number;
    last_position: number;
    progress_xmin: string;
  }
>(
  'courses.study.lessonProgress',
  `SELECT active_seconds, required_seconds, completed_at, furthest_position, last_position, xmin::text AS progress_xmin
     FROM lesson_progress WHERE enrollment_id = $1 AND lesson_id = $2`,
);

/** The state one heartbeat needs; see {@link beatStateQuery}. */
export interface BeatStateRow {
  enrollment_id: string;
  lesson_id: string;
  /** `last_beat_at` in epoch milliseconds: a number, so the hot path parses and formats no dates. */
  last_beat_ms: number;
  ended: boolean;
  ended_reason: string | null;
  position: number | null;
  watched: [number, number][];
  beats: number;
  credited_seconds: number;
  next_check_at_seconds: number | null;
  pending_check_id: string | null;
  furthest_position: number;
  active_seconds: number;
  required_seconds: number;
  completed: boolean;
  content_file_id: string | null;
  file_kind: 'video' | 'document' | null;
  duration_seconds: number | null;
  /** The two rows' versions as read (PostgreSQL's xmin): a cached state is written back only while they still match. */
  session_xmin: string;
  progress_xmin: string;
}

/** The state one heartbeat needs, by primary key (and the trainee: another's session reads nothing). Run prepared. */
export const beatStateQuery = defineQuery<[sessionId: string, traineeId: string], BeatStateRow>(
  'courses.study.beatState',
  `SELECT s.enrollment_id, s.lesson_id, (extract(epoch FROM s.last_beat_at) * 1000)::float8 AS last_beat_ms,
       s.ended_at IS NOT NULL AS ended, s.ended_reason, s.position, s.watched, s.beats,
       s.credited_seconds, s.next_check_at_seconds, s.pending_check_id,
       lp.furthest_position, lp.active_seconds, lp.required_seconds, lp.completed_at IS NOT NULL AS completed,
       l.content_file_id, f.kind AS file_kind, f.duration_seconds, s.xmin::text AS session_xmin, lp.xmin::text AS progress_xmin
  FROM study_sessions s
  JOIN lesson_progress lp ON lp.enrollment_id = s.enrollment_id AND lp.lesson_id = s.lesson_id
  JOIN lessons l ON l.id = s.lesson_id
  LEFT JOIN content_files f ON f.id = l.content_file_id
 WHERE s.id = $1 AND s.trainee_id = $2`,
);

export interface BeatUpdateRow {
  session_seconds: number;
  active_seconds: number;
  required_seconds: number;
  furthest_position: number;
  completed: boolean;
  session_xmin: string;
  progress_xmin: string;
}

/**
 * Writes one heartbeat's outcome to the session and the lesson's progress in one statement. The
 * `beats = $old` condition makes two concurrent heartbeats of one session credit once. When the
 * state came from this process's cache ($9, $10: the rows' xmin as the cache saw them), the
 * write happens only if neither row changed since, whoever changed it (another API process,
 * an answered check, a completion, a correction); otherwise nothing is written and the caller
 * reads the state afresh. Times ($3, $8) are ISO 8601 text. Run prepared.
 */
export const beatUpdateQuery = defineQuery<
  [
    sessionId: string,
    beats: number,
    lastBeatAt: string,
    position: number | null,
    watched: string,
    credit: number,
    furthestPosition: number,
    now: string,
    sessionXmin: string | null,
    progressXmin: string | null,
    traineeId: string,
  ],
  BeatUpdateRow
>(
  'courses.study.beatUpdate',
  `
WITH beat AS (
  UPDATE study_sessions s
     SET last_beat_at = $3::timestamptz, position = $4, watched = $5::jsonb, credited_seconds = s.credited_seconds + $6,
         beats = s.beats + 1, uncredited_beats = s.uncredited_beats + CASE WHEN $6 = 0 THEN 1 ELSE 0 END
   WHERE s.id = $1 AND s.beats = $2 AND s.ended_at IS NULL AND s.trainee_id = $11
     AND ($9::text IS NULL OR (s.xmin::text = $9::text AND EXISTS (
           SELECT 1 FROM lesson_progress lp0 WHERE lp0.enrollment_id = s.enrollment_id AND lp0.lesson_id = s.lesson_id AND lp0.xmin::text = $10::text)))
  RETURNING s.enrollment_id, s.lesson_id, s.credited_seconds, s.xmin::text AS session_xmin
), p AS (
  UPDATE lesson_progress lp
     SET active_seconds = lp.active_seconds + $6, furthest_position = GREATEST(lp.furthest_position, $7),
         last_position = COALESCE($4, lp.last_position), updated_at = $8::timestamptz
    FROM beat WHERE lp.enrollment_id = beat.enrollment_id AND lp.lesson_id = beat.lesson_id
  RETURNING lp.active_seconds, lp.required_seconds, lp.furthest_position, lp.completed_at IS NOT NULL AS completed, lp.xmin::text AS progress_xmin
)
SELECT beat.credited_seconds AS session_seconds, p.active_seconds, p.required_seconds, p.furthest_position, p.completed,
       beat.session_xmin, p.progress_xmin
  FROM beat JOIN p ON TRUE`,
);

/** One heartbeat's write as {@link beatGroupUpdateQuery} takes it (the parameters of {@link beatUpdateQuery}). */
export interface BeatWrite {
  sessionId: string;
  beats: number;
  lastBeatAt: string;
  position: number | null;
  watched: string;
  credit: number;
  furthestPosition: number;
  now: string;
  sessionXmin: string | null;
  progressXmin: string | null;
  traineeId: string;
  enrollmentId: string;
}

/**
 * {@link beatUpdateQuery} for many heartbeats in one statement (group commit): each element of
 * the arrays is one heartbeat with that statement's conditions, checked row by row. A heartbeat
 * whose conditions fail writes nothing and has no row; `ord` (1-based) says which heartbeat a
 * row answers. The group holds no two heartbeats of one session or one lesson's progress
 * (GroupCommit's keys). Run prepared.
 */
export const beatGroupUpdateQuery = defineQuery<
  [
    sessionIds: string[],
    beats: number[],
    lastBeatAts: string[],
    positions: (number | null)[],
    watched: string[],
    credits: number[],
    furthestPositions: number[],
    nows: string[],
    sessionXmins: (string | null)[],
    progressXmins: (string | null)[],
    traineeIds: string[],
    enrollmentIds: string[],
  ],
  BeatUpdateRow & { ord: string }
>(
  'courses.study.beatGroupUpdate',
  // The `= ANY` conditions keep both updates on their primary keys whatever the group's size
  // (joined to the unnested input alone, the planner may scan the tables).
  `
WITH i AS (
  SELECT * FROM unnest($1::uuid[], $2::int[], $3::timestamptz[], $4::float8[], $5::jsonb[], $6::int[], $7::float8[],
                       $8::timestamptz[], $9::text[], $10::text[], $11::uuid[])
    WITH ORDINALITY AS i(session_id, beats, last_beat_at, position, watched, credit, furthest_position, now, session_xmin, progress_xmin, trainee_id, ord)
), beat AS (
  UPDATE study_sessions s
     SET last_beat_at = i.last_beat_at, position = i.position, watched = i.watched, credited_seconds = s.credited_seconds + i.credit,
         beats = s.beats + 1, uncredited_beats = s.uncredited_beats + CASE WHEN i.credit = 0 THEN 1 ELSE 0 END
    FROM i
   WHERE s.id = ANY($1::uuid[]) AND s.id = i.session_id AND s.beats = i.beats AND s.ended_at IS NULL AND s.trainee_id = i.trainee_id
     AND (i.session_xmin IS NULL OR (s.xmin::text = i.session_xmin AND EXISTS (
           SELECT 1 FROM lesson_progress lp0 WHERE lp0.enrollment_id = s.enrollment_id AND lp0.lesson_id = s.lesson_id AND lp0.xmin::text = i.progress_xmin)))
  RETURNING i.ord, s.enrollment_id, s.lesson_id, s.credited_seconds, s.xmin::text AS session_xmin,
            i.credit, i.furthest_position, i.position, i.now
)
UPDATE lesson_progress lp
   SET active_seconds = lp.active_seconds + beat.credit, furthest_position = GREATEST(lp.furthest_position, beat.furthest_position),
       last_position = COALESCE(beat.position, lp.last_position), updated_at = beat.now
  FROM beat
 WHERE lp.enrollment_id = ANY($12::uuid[]) AND lp.enrollment_id = beat.enrollment_id AND lp.lesson_id = beat.lesson_id
RETURNING beat.ord, beat.credited_seconds AS session_seconds, lp.active_seconds, lp.required_seconds, lp.furthest_position,
          lp.completed_at IS NOT NULL AS completed, beat.session_xmin, lp.xmin::text AS progress_xmin`,
);

export const endSessionQuery = defineQuery<[sessionId: string, traineeId: string, now: Date]>(
  'courses.study.endSession',
  `UPDATE study_sessions SET ended_at = $3, ended_reason = 'ended' WHERE id = $1 AND trainee_id = $2 AND ended_at IS NULL`,
);

/** The open session with its course's check settings, locked for the answer. */
export const sessionForAnswerQuery = defineQuery<
  [sessionId: string, traineeId: string],
  { pending_check_id: string | null; credited_seconds: number; min: number | null; max: number | null }
>(
  'courses.study.sessionForAnswer',
  `SELECT s.pending_check_id, s.credited_seconds, v.attention_check_min_minutes AS min, v.attention_check_max_minutes AS max
           FROM study_sessions s JOIN enrollments e ON e.id = s.enrollment_id JOIN course_versions v ON v.id = e.course_version_id
          WHERE s.id = $1 AND s.trainee_id = $2 AND s.ended_at IS NULL FOR UPDATE OF s`,
);

export const attentionCheckKeyQuery = defineQuery<[checkId: string], { kind: string; answer_key: string | null; due_at: Date }>(
  'courses.study.attentionCheckKey',
  'SELECT kind, answer_key, due_at FROM attention_checks WHERE id = $1',
);

export const answerAttentionCheckQuery = defineQuery<[checkId: string, now: Date, answer: string | null, passed: boolean]>(
  'courses.study.answerAttentionCheck',
  'UPDATE attention_checks SET answered_at = $2, answer = $3, passed = $4 WHERE id = $1',
);

/** The check is closed and the session's clock restarts now (time spent on the check is not study time). */
export const resumeAfterCheckQuery = defineQuery<[sessionId: string, nextCheckAtSeconds: number | null, now: Date]>(
  'courses.study.resumeAfterCheck',
  'UPDATE study_sessions SET pending_check_id = NULL, next_check_at_seconds = $2, last_beat_at = $3 WHERE id = $1',
);

export const attentionCheckSettingsQuery = defineQuery<
  [enrollmentId: string],
  { timeout: number; from_bank: boolean; organization_id: string; category: number; topic_codes: string[] }
>(
  'courses.study.attentionCheckSettings',
  `SELECT v.attention_check_timeout_seconds AS timeout, v.attention_check_from_bank AS from_bank, v.organization_id, v.category,
              ARRAY(SELECT t.code FROM course_version_topics cvt JOIN topics t ON t.id = cvt.topic_id WHERE cvt.course_version_id = v.id) AS topic_codes
         FROM enrollments e JOIN course_versions v ON v.id = e.course_version_id WHERE e.id = $1`,
);

/** Issues a check unless one is open already (no row answered then). */
export const insertAttentionCheckQuery = defineQuery<
  [
    sessionId: string,
    enrollmentId: string,
    lessonId: string,
    kind: 'confirm' | 'question',
    prompt: string,
    options: string,
    answerKey: string | null,
    questionId: string | null,
    position: number | null,
    issuedAt: Date,
    dueAt: Date,
  ],
  { id: string }
>(
  'courses.study.insertAttentionCheck',
  `INSERT INTO attention_checks (session_id, enrollment_id, lesson_id, kind, prompt, options, answer_key, question_id, position, issued_at, due_at)
         SELECT $1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11 FROM study_sessions WHERE id = $1 AND pending_check_id IS NULL RETURNING id`,
);

export const markCheckPendingQuery = defineQuery<[sessionId: string, checkId: string]>(
  'courses.study.markCheckPending',
  'UPDATE study_sessions SET pending_check_id = $2, next_check_at_seconds = NULL WHERE id = $1',
);

export const openAttentionCheckQuery = defineQuery<
  [checkId: string],
  { id: string; kind: 'confirm' | 'question'; prompt: string; options: AttentionCheckOption[]; issued_at: Date; due_at: Date }
>('courses.study.openAttentionCheck', 'SELECT id, kind, prompt, options, issued_at, due_at FROM attention_checks WHERE id = $1');
