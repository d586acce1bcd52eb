import { defineQuery, defineTemplate } from '@cqo/core';
import type { DrawRule, PaperKind, QuestionType, RevealPolicy, StoredOption } from '../exam-types';

// SQL of what drawing reads (PaperDrawCache, QuestionPoolRepository, QuestionVersionCache,
// BankAttentionQuestions). Tables: exam_papers, exam_paper_questions, questions,
// question_versions (exams).

export interface PaperRow {
  id: string;
  organization_id: string | null;
  region_id: string | null;
  kind: PaperKind;
  title: string;
  status: string;
  pass_mark_percent: number;
  time_limit_minutes: number;
  max_attempts: number | null;
  cooldown_minutes: number;
  grace_seconds: number;
  shuffle_questions: boolean;
  shuffle_options: boolean;
  reveal_answers: RevealPolicy;
  draw_rules: DrawRule[];
  fixed: { question_id: string; points: number }[];
}

/** A paper with its fixed questions (JSON), as the draw cache keeps it. */
export const paperToDraw = defineQuery<[paperId: string], PaperRow>(
  'exams.draw.paper',
  `SELECT p.id, p.organization_id, p.region_id, p.kind, p.title, p.status, p.pass_mark_percent, p.time_limit_minutes, p.max_attempts,
              p.cooldown_minutes, p.grace_seconds, p.shuffle_questions, p.shuffle_options, p.reveal_answers, p.draw_rules,
              (SELECT coalesce(json_agg(json_build_object('question_id', q.question_id, 'points', q.points) ORDER BY q.position), '[]')
                 FROM exam_paper_questions q WHERE q.paper_id = p.id) AS fixed
         FROM exam_papers p WHERE p.id = $1`,
);

export interface CandidateRow {
  question_id: string;
  version_id: string;
  category: number;
  topics: string[];
  difficulty: number;
  option_ids: string[];
}

/** Current versions as the draw sees them (tags, option ids; never the key); `condition` names the owner and the rules' terms. */
export const drawCandidates = defineTemplate<'condition', CandidateRow>(
  'exams.draw.candidates',
  ['condition'],
  (f) => `SELECT q.id AS question_id, v.id AS version_id, v.category, v.topics, v.difficulty,
                jsonb_path_query_array(v.options, '$[*].id') AS option_ids
           FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
          WHERE ${f.condition}`,
);

export const versionBodies = defineQuery<
  [versionIds: string[]],
  { id: string; type: QuestionType; stem: string; options: StoredOption[]; correct_option_ids: string[]; explanation: string | null }
>(
  'exams.draw.versionBodies',
  'SELECT id, type, stem, options, correct_option_ids, explanation FROM question_versions WHERE id = ANY($1::uuid[])',
);

/** One random active single-answer question of the organization's bank on the category and one of the topics. */
export const attentionQuestion = defineQuery<
  [organizationId: string, category: number, topicCodes: string[]],
  { question_id: string; stem: string; options: StoredOption[]; correct_option_ids: string[] }
>(
  'exams.draw.attentionQuestion',
  `SELECT q.id AS question_id, v.stem, v.options, v.correct_option_ids
         FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
        WHERE q.organization_id = $1 AND q.archived_at IS NULL AND v.type IN ('single', 'true_false')
          AND v.category = $2 AND v.topics && $3::text[] AND cardinality(v.correct_option_ids) = 1
        ORDER BY random() LIMIT 1`,
);
