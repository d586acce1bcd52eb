import { defineQuery } from '@cqo/core';
import type { PaperKind, QuestionType, RevealPolicy, StoredOption, Submission } from '../exam-types';

// SQL of grading (AttemptGrader). Tables: exam_attempts (with each item's grade), exam_attempt_items, exam_papers,
// question_versions, capability_results (exams); outbox_events (core: the event, written in the
// same statement). The two prepared statements keep the names PostgreSQL knows them by.

/** An attempt and its stored answers, as grading reads them before claiming it. */
export interface LoadedAttempt extends Omit<ClaimedAttempt, 'submitted_at' | 'submission'> {
  status: string;
  answer_saves: number;
  items: { position: number; version_id: string; points: number; option_order: string[]; selected_option_ids: string[] | null }[] | null;
}

export const loadForGrading = defineQuery<[attemptId: string], LoadedAttempt>(
  'cqo_exam_grading_load',
  `SELECT a.id, a.trainee_id, a.paper_id, a.attempt_no, a.status, a.answer_saves, a.started_at, a.deadline_at, a.grace_seconds,
                a.question_count, a.max_score, a.pass_mark_percent, a.reveal_answers, a.enrollment_id,
                p.kind, p.title, p.organization_id, p.region_id,
                (SELECT json_agg(json_build_object('position', i.position, 'version_id', i.question_version_id, 'points', i.points,
                                                   'option_order', i.option_order, 'selected_option_ids', i.selected_option_ids) ORDER BY i.position)
                   FROM exam_attempt_items i WHERE i.attempt_id = a.id) AS items
           FROM exam_attempts a JOIN exam_papers p ON p.id = a.paper_id
          WHERE a.id = $1`,
);

/**
 * The claim (open, and no answer save since the read), the score, every item's grade (arrays in
 * position order, on the attempt row), the capability conclusion and the event: one statement.
 */
export const claimAndGrade = defineQuery<
  [
    attemptId: string,
    now: Date,
    by: 'trainee' | 'deadline',
    answerSaves: number,
    correct: boolean[],
    awarded: number[],
    score: number,
    percent: string,
    passed: boolean,
    eventType: string,
    eventPayload: string,
  ],
  { submitted_at: Date; submission: Submission }
>(
  'cqo_exam_grading_write',
  `WITH claimed AS (
           UPDATE exam_attempts a
              SET status = 'submitted', submitted_at = $2, score = $7, percent = $8, passed = $9,
                  item_correct = $5, item_awarded_points = $6,
                  -- A submit after the deadline and its grace counts as the deadline's.
                  submission = CASE WHEN $2 > a.deadline_at + a.grace_seconds * interval '1 second' THEN 'deadline' ELSE $3 END
            WHERE a.id = $1 AND a.status = 'open' AND a.answer_saves = $4
              AND ($3 = 'trainee' OR a.deadline_at + a.grace_seconds * interval '1 second' <= $2)
           RETURNING a.id, a.paper_id, a.trainee_id, a.max_score, a.submitted_at, a.submission),
         -- A capability test's conclusion goes on the trainee's record (能力测试结论).
         conclusion AS (
           INSERT INTO capability_results (attempt_id, paper_id, trainee_id, organization_id, region_id, title, passed, score, max_score, percent, concluded_at)
           SELECT c.id, c.paper_id, c.trainee_id, p.organization_id, p.region_id, p.title, $9, $7, c.max_score, $8, $2
             FROM claimed c JOIN exam_papers p ON p.id = c.paper_id
            WHERE p.kind = 'capability_test'
           ON CONFLICT (attempt_id) DO NOTHING),
         event AS (
           INSERT INTO outbox_events (type, payload) SELECT $10, $11::jsonb FROM claimed)
         SELECT submitted_at, submission FROM claimed`,
);

/** The locking way's claim by the trainee ($4): flips an open attempt to submitted. */
export const claimLockedByTrainee = defineQuery<[attemptId: string, now: Date, by: 'trainee', traineeId: string], ClaimedAttempt>(
  'exams.grading.claimLockedByTrainee',
  `UPDATE exam_attempts a
            SET status = 'submitted', submitted_at = $2,
                -- A submit after the deadline and its grace counts as the deadline's.
                submission = CASE WHEN $2 > a.deadline_at + a.grace_seconds * interval '1 second' THEN 'deadline' ELSE $3 END
           FROM exam_papers p
          WHERE a.id = $1 AND a.status = 'open' AND p.id = a.paper_id AND a.trainee_id = $4
      RETURNING a.id, a.trainee_id, a.paper_id, a.attempt_no, a.started_at, a.deadline_at, a.grace_seconds, a.submitted_at,
                a.submission, a.question_count, a.max_score, a.pass_mark_percent, a.reveal_answers, a.enrollment_id,
                p.kind, p.title, p.organization_id, p.region_id`,
);

/** The locking way's claim at the deadline: only once the deadline and grace have passed. */
export const claimLockedAtDeadline = defineQuery<[attemptId: string, now: Date, by: 'deadline'], ClaimedAttempt>(
  'exams.grading.claimLockedAtDeadline',
  `UPDATE exam_attempts a
            SET status = 'submitted', submitted_at = $2,
                -- A submit after the deadline and its grace counts as the deadline's.
                submission = CASE WHEN $2 > a.deadline_at + a.grace_seconds * interval '1 second' THEN 'deadline' ELSE $3 END
           FROM exam_papers p
          WHERE a.id = $1 AND a.status = 'open' AND p.id = a.paper_id AND a.deadline_at + a.grace_seconds * interval '1 second' <= $2
      RETURNING a.id, a.trainee_id, a.paper_id, a.attempt_no, a.started_at, a.deadline_at, a.grace_seconds, a.submitted_at,
                a.submission, a.question_count, a.max_score, a.pass_mark_percent, a.reveal_answers, a.enrollment_id,
                p.kind, p.title, p.organization_id, p.region_id`,
);

export const itemsWithKeys = defineQuery<[attemptId: string], GradedItemRow>(
  'exams.grading.itemsWithKeys',
  `SELECT i.position, i.points, i.option_order, i.selected_option_ids, v.type, v.stem, v.options, v.correct_option_ids, v.explanation
           FROM exam_attempt_items i JOIN question_versions v ON v.id = i.question_version_id
          WHERE i.attempt_id = $1 ORDER BY i.position`,
);

/** Every item's grade (arrays in position order), the capability conclusion, the score and the event: one statement. */
export const writeLockedGrade = defineQuery<
  [
    attemptId: string,
    correct: boolean[],
    awarded: number[],
    score: number,
    percent: string,
    passed: boolean,
    now: Date,
    eventType: string,
    eventPayload: string,
  ]
>(
  'exams.grading.writeLockedGrade',
  `WITH
         -- A capability test's conclusion goes on the trainee's record (能力测试结论).
         conclusion AS (
           INSERT INTO capability_results (attempt_id, paper_id, trainee_id, organization_id, region_id, title, passed, score, max_score, percent, concluded_at)
           SELECT a.id, a.paper_id, a.trainee_id, p.organization_id, p.region_id, p.title, $6, $4, a.max_score, $5, $7
             FROM exam_attempts a JOIN exam_papers p ON p.id = a.paper_id
            WHERE a.id = $1 AND p.kind = 'capability_test'
           ON CONFLICT (attempt_id) DO NOTHING
           RETURNING 1),
         event AS (
           INSERT INTO outbox_events (type, payload) VALUES ($8, $9::jsonb) RETURNING 1)
         UPDATE exam_attempts SET score = $4, percent = $5, passed = $6, item_correct = $2, item_awarded_points = $3 WHERE id = $1`,
);

export const attemptState = defineQuery<[attemptId: string], { status: string; trainee_id: string; due: Date }>(
  'exams.grading.attemptState',
  `SELECT status, trainee_id, deadline_at + grace_seconds * interval '1 second' AS due FROM exam_attempts WHERE id = $1`,
);

/** The attempt as the grading claim returns it. */
export interface ClaimedAttempt {
  id: string;
  trainee_id: string;
  paper_id: string;
  attempt_no: number;
  started_at: Date;
  deadline_at: Date;
  grace_seconds: number;
  submitted_at: Date;
  submission: Submission;
  question_count: number;
  max_score: number;
  pass_mark_percent: number;
  reveal_answers: RevealPolicy;
  enrollment_id: string | null;
  kind: PaperKind;
  title: string;
  organization_id: string | null;
  region_id: string | null;
}

/** An item with its key: for grading and, filtered through the trainee view, for the response. */
export interface GradedItemRow {
  position: number;
  points: number;
  option_order: string[];
  selected_option_ids: string[] | null;
  type: QuestionType;
  stem: string;
  options: StoredOption[];
  correct_option_ids: string[];
  explanation: string | null;
  correct?: boolean;
}
