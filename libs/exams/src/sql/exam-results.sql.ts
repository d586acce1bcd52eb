import { defineQuery } from '@cqo/core';
import { PUBLIC_USER_NAMES } from '@cqo/identity';
import { PUBLIC_TRAINEES } from '@cqo/trainees';
import type { AttemptStatus, QuestionType, Submission } from '../exam-types';

// SQL of a paper's results for its owner (ExamResultsService). Tables: exam_attempts,
// exam_attempt_items, question_versions (exams); names through the public views of identity and trainees.

/** One attempt of the results list. */
export interface ResultRow {
  id: string;
  trainee_id: string;
  trainee_name: string;
  id_number_masked: string | null;
  enterprise_name: string | null;
  attempt_no: number;
  status: AttemptStatus;
  started_at: Date;
  submitted_at: Date | null;
  submission: Submission | null;
  score: number | null;
  max_score: number;
  percent: string | null;
  passed: boolean | null;
}

/** The results' filter: `$1` the paper, `$2` a status or null, `$3` passed or null. */
const FILTER = 'a.paper_id = $1 AND ($2::text IS NULL OR a.status = $2) AND ($3::boolean IS NULL OR a.passed = $3)';

export const resultsSummary = defineQuery<
  [paperId: string, status: AttemptStatus | null, passed: boolean | null],
  { attempts: string; graded: string; passed: string; mean: string | null }
>(
  'exams.results.summary',
  `SELECT count(*) AS attempts, count(*) FILTER (WHERE a.status = 'submitted') AS graded, count(*) FILTER (WHERE a.passed) AS passed,
              round(avg(a.score * 100.0 / NULLIF(a.max_score, 0)) FILTER (WHERE a.status = 'submitted'), 2)::text AS mean
         FROM exam_attempts a WHERE ${FILTER}`,
);

const RESULT_ROWS = `SELECT a.id, a.trainee_id, COALESCE(t.full_name, u.display_name) AS trainee_name, t.id_number_masked, t.enterprise_name,
              a.attempt_no, a.status, a.started_at, a.submitted_at, a.submission, a.score, a.max_score, a.percent, a.passed
         FROM exam_attempts a
         JOIN ${PUBLIC_USER_NAMES} u ON u.id = a.trainee_id
         LEFT JOIN ${PUBLIC_TRAINEES} t ON t.user_id = a.trainee_id`;

export const resultsPage = defineQuery<
  [paperId: string, status: AttemptStatus | null, passed: boolean | null, limit: number, offset: number],
  ResultRow
>(
  'exams.results.page',
  `${RESULT_ROWS}
        WHERE ${FILTER}
        ORDER BY a.started_at DESC, a.id LIMIT $4 OFFSET $5`,
);

/** Every attempt of the paper, for the CSV export. */
export const allResults = defineQuery<[paperId: string], ResultRow>(
  'exams.results.all',
  `${RESULT_ROWS}
        WHERE a.paper_id = $1
        ORDER BY a.started_at DESC, a.id`,
);

export const gradedItems = defineQuery<
  [paperId: string],
  { attempt_id: string; score: number; max_score: number; question_version_id: string; correct: boolean; points: number }
>(
  'exams.results.gradedItems',
  `SELECT a.id AS attempt_id, a.score, a.max_score, i.question_version_id, a.item_correct[i.position] AS correct, i.points
           FROM exam_attempts a JOIN exam_attempt_items i ON i.attempt_id = a.id
          WHERE a.paper_id = $1 AND a.status = 'submitted'`,
);

export const versionsById = defineQuery<
  [versionIds: string[]],
  { id: string; question_id: string; version: number; type: QuestionType; stem: string }
>('exams.results.versionsById', 'SELECT id, question_id, version, type, stem FROM question_versions WHERE id = ANY($1::uuid[])');
