import { defineTemplate } from '@cqo/core';
import type { QuestionType, StoredOption } from '../exam-types';

// SQL of the question bank (QuestionsService). Tables: questions, question_versions (exams).
// The list's filters are optional and many: its condition is built from the owner column
// (`ownerWhere`) and the filter's `$n` terms, so it is a template.

export interface QuestionRow {
  id: string;
  archived_at: Date | null;
  created_at: Date;
  updated_at: Date;
  version_id: string;
  version: number;
  type: QuestionType;
  stem: string;
  options: StoredOption[];
  correct_option_ids: string[];
  category: number;
  topics: string[];
  difficulty: number;
  explanation: string | null;
}

/** Every version of one question of the owner, newest first; `ownerCondition` is `ownerWhere('q', owner, 1)`. */
export const questionVersions = defineTemplate<'ownerCondition', QuestionRow>(
  'exams.questions.versions',
  ['ownerCondition'],
  (f) => `SELECT q.id, q.archived_at, q.created_at, q.updated_at, v.id AS version_id, v.version, v.type, v.stem, v.options,
              v.correct_option_ids, v.category, v.topics, v.difficulty, v.explanation
         FROM questions q JOIN question_versions v ON v.question_id = q.id
        WHERE q.id = $2 AND ${f.ownerCondition}
        ORDER BY v.version DESC`,
);

export const countQuestions = defineTemplate<'condition', { total: string }>(
  'exams.questions.count',
  ['condition'],
  (f) =>
    `SELECT count(*) AS total FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version WHERE ${f.condition}`,
);

/** Current versions matching `condition`, then `tail` (order and page). */
export const currentQuestions = defineTemplate<'condition' | 'tail', QuestionRow>(
  'exams.questions.current',
  ['condition', 'tail'],
  (f) => `SELECT q.id, q.archived_at, q.created_at, q.updated_at, v.id AS version_id, v.version, v.type, v.stem, v.options,
              v.correct_option_ids, v.category, v.topics, v.difficulty, v.explanation
         FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
        WHERE ${f.condition} ${f.tail}`,
);
