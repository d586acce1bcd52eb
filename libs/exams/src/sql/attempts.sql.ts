import { defineQuery, defineTemplate } from '@cqo/core';
import { PUBLIC_REGIONS } from '@cqo/organizations';
import type { AttemptStatus, QuestionType, RevealPolicy, Submission } from '../exam-types';

// SQL of a trainee's attempts (AttemptsService). Tables: exam_attempts, exam_attempt_items,
// exam_papers, exam_paper_questions, question_versions, questions (exams); outbox_events (core,
// written in the start statement's CTE); regions through organizations' public view.

/** An attempt row with its paper's title, as read by raw SQL. */
export interface AttemptRow {
  id: string;
  paper_id: string;
  paper_title: string;
  trainee_id: string;
  attempt_no: number;
  status: AttemptStatus;
  started_at: Date;
  deadline_at: Date;
  grace_seconds: number;
  submitted_at: Date | null;
  submission: Submission | null;
  score: number | null;
  max_score: number;
  percent: string | null;
  passed: boolean | null;
  pass_mark_percent: number;
  reveal_answers: RevealPolicy;
  question_count: number;
}

export interface HistoryRow {
  count: string;
  max_no: number | null;
  last_submitted_at: Date | null;
  passed: boolean | null;
  open_id: string | null;
}

/** What the start statement answers: the state it checked, and the attempt number when it wrote the attempt. */
export interface StartRow {
  status: string | null;
  count: number;
  max_no: number;
  last_submitted_at: Date | null;
  passed: boolean;
  open_id: string | null;
  current: boolean;
  attempt_no: number | null;
}

/**
 * Counting the save locks the attempt until commit and tells grading that answers changed: a
 * grading that read the answers before this save does not claim the attempt (it reads them
 * again), and a claim that came first makes this save find the attempt submitted.
 */
export const countAnswerSave = defineQuery<[attemptId: string, traineeId: string], { status: AttemptStatus; due: Date }>(
  'exams.attempts.countAnswerSave',
  `UPDATE exam_attempts SET answer_saves = answer_saves + 1 WHERE id = $1 AND trainee_id = $2
         RETURNING status, deadline_at + grace_seconds * interval '1 second' AS due`,
);

export const itemsToAnswer = defineQuery<
  [attemptId: string, positions: number[]],
  { position: number; option_order: string[]; type: QuestionType }
>(
  'exams.attempts.itemsToAnswer',
  `SELECT i.position, i.option_order, v.type FROM exam_attempt_items i JOIN question_versions v ON v.id = i.question_version_id
          WHERE i.attempt_id = $1 AND i.position = ANY($2::int[])`,
);

export const saveAnswers = defineQuery<[attemptId: string, answersJson: string, answeredAt: Date]>(
  'exams.attempts.saveAnswers',
  `UPDATE exam_attempt_items i SET selected_option_ids = x.ids, answered_at = $3
           FROM jsonb_to_recordset($2::jsonb) AS x(position int, ids text[])
          WHERE i.attempt_id = $1 AND i.position = x.position`,
);

/**
 * The key columns of an item, read only when the paper's review policy shows them: its options' key
 * and explanation, and its grade from the attempt's array.
 */
export const ITEM_KEY_COLUMNS = ', v.correct_option_ids, v.explanation, a.item_correct[i.position] AS correct';

/** An attempt's items; `keyColumns` is {@link ITEM_KEY_COLUMNS} or empty. Row: GradedItemRow. */
export const attemptItems = defineTemplate<'keyColumns'>(
  'exams.attempts.items',
  ['keyColumns'],
  (f) => `SELECT i.position, i.points, i.option_order, i.selected_option_ids, v.type, v.stem, v.options
              ${f.keyColumns}
         FROM exam_attempt_items i JOIN question_versions v ON v.id = i.question_version_id JOIN exam_attempts a ON a.id = i.attempt_id
        WHERE i.attempt_id = $1 ORDER BY i.position`,
);

export const countOwnAttempts = defineQuery<[traineeId: string, paperId: string | null], { total: string }>(
  'exams.attempts.countOwn',
  `SELECT count(*) AS total FROM exam_attempts a WHERE a.trainee_id = $1 AND ($2::uuid IS NULL OR a.paper_id = $2)`,
);

export const listOwnAttempts = defineQuery<[traineeId: string, paperId: string | null, limit: number, offset: number], AttemptRow>(
  'exams.attempts.listOwn',
  `SELECT a.*, p.title AS paper_title FROM exam_attempts a JOIN exam_papers p ON p.id = a.paper_id
        WHERE a.trainee_id = $1 AND ($2::uuid IS NULL OR a.paper_id = $2) ORDER BY a.started_at DESC, a.id LIMIT $3 OFFSET $4`,
);

export const fixedQuestionTotals = defineQuery<[paperId: string], { fixed_count: string; fixed_points: string | null }>(
  'exams.attempts.fixedQuestionTotals',
  'SELECT count(*) AS fixed_count, sum(points) AS fixed_points FROM exam_paper_questions WHERE paper_id = $1',
);

/** Published capability tests, newest first, with the path of the region that runs each (null: an organization). */
export const publishedCapabilityTests = defineQuery<[], { id: string; owner_path: string | null }>(
  'exams.attempts.publishedCapabilityTests',
  `SELECT p.id, r.path AS owner_path FROM exam_papers p LEFT JOIN ${PUBLIC_REGIONS} r ON r.id = p.region_id
        WHERE p.kind = 'capability_test' AND p.status = 'published' ORDER BY p.published_at DESC, p.id LIMIT 200`,
);

/**
 * The start of an attempt in one prepared statement: checks the paper is still published, reads
 * the trainee's attempts at it (open one, passed, limit, cooldown), checks every drawn version is
 * still current and active, and writes the attempt, its items and its event. Option orders travel
 * as JSON: unnest cannot take a ragged text[][].
 */
export const startAttempt = defineQuery<
  [
    attemptId: string,
    paperId: string,
    traineeId: string,
    seed: string,
    enrollmentId: string | null,
    now: Date,
    deadline: Date,
    graceSeconds: number,
    passMarkPercent: number,
    revealAnswers: RevealPolicy,
    questionCount: number,
    maxScore: number,
    maxAttempts: number | null,
    cooldownMinutes: number,
    drawnVersionIds: string[],
    itemsJson: string,
    eventType: string,
    eventPayload: string,
    fixedVersionIds: string[],
  ],
  StartRow
>(
  'cqo_exam_attempt_start_v3',
  `WITH paper AS (SELECT status FROM exam_papers WHERE id = $2),
       history AS (
         SELECT count(*)::int AS count, coalesce(max(attempt_no), 0) AS max_no, max(submitted_at) AS last_submitted_at,
                coalesce(bool_or(passed), false) AS passed, (array_agg(id) FILTER (WHERE status = 'open'))[1] AS open_id
           FROM exam_attempts WHERE paper_id = $2 AND trainee_id = $3),
       -- Every version still the current one of its question, and every rule-drawn one still active
       -- (the pool may be older than the bank; fixed questions stay fixed when archived, as always).
       current AS (
         SELECT count(*) = cardinality($15::uuid[]) + cardinality($19::uuid[]) AS ok
           FROM question_versions v JOIN questions q ON q.id = v.question_id AND q.current_version = v.version
          WHERE (v.id = ANY($15::uuid[]) AND q.archived_at IS NULL) OR v.id = ANY($19::uuid[])),
       attempt AS (
         INSERT INTO exam_attempts (id, paper_id, trainee_id, attempt_no, status, seed, enrollment_id, started_at, deadline_at,
                                    grace_seconds, pass_mark_percent, reveal_answers, question_count, max_score)
         SELECT $1, $2, $3, h.max_no + 1, 'open', $4, $5, $6, $7, $8, $9, $10, $11, $12
           FROM paper, history h, current
          WHERE paper.status = 'published' AND current.ok AND h.open_id IS NULL AND NOT h.passed
            AND ($13::int IS NULL OR h.count < $13::int)
            AND ($14::int = 0 OR h.last_submitted_at IS NULL OR h.last_submitted_at + $14::int * interval '1 minute' <= $6)
         RETURNING id, attempt_no),
       items AS (
         INSERT INTO exam_attempt_items (attempt_id, position, question_version_id, points, option_order)
         SELECT attempt.id, x.position, x.version_id, x.points, x.option_order
           FROM attempt, jsonb_to_recordset($16::jsonb) AS x(position int, version_id uuid, points int, option_order text[])),
       event AS (
         INSERT INTO outbox_events (type, payload) SELECT $17, $18::jsonb FROM attempt)
       SELECT paper.status, h.count, h.max_no, h.last_submitted_at, h.passed, h.open_id, current.ok AS current,
              (SELECT attempt_no FROM attempt) AS attempt_no
         FROM history h CROSS JOIN current LEFT JOIN paper ON TRUE`,
);

export const attemptHistory = defineQuery<[paperId: string, traineeId: string], HistoryRow>(
  'exams.attempts.history',
  `SELECT count(*) AS count, max(attempt_no) AS max_no, max(submitted_at) AS last_submitted_at, bool_or(passed) AS passed,
              (array_agg(id) FILTER (WHERE status = 'open'))[1] AS open_id
         FROM exam_attempts WHERE paper_id = $1 AND trainee_id = $2`,
);

export const openAttemptId = defineQuery<[paperId: string, traineeId: string], { id: string }>(
  'exams.attempts.openAttemptId',
  `SELECT id FROM exam_attempts WHERE paper_id = $1 AND trainee_id = $2 AND status = 'open'`,
);

export const ownAttempt = defineQuery<[attemptId: string, traineeId: string], AttemptRow>(
  'exams.attempts.own',
  `SELECT a.*, p.title AS paper_title FROM exam_attempts a JOIN exam_papers p ON p.id = a.paper_id WHERE a.id = $1 AND a.trainee_id = $2`,
);
