/** The three question types of the bank. */
export const QUESTION_TYPES = ['single', 'multiple', 'true_false'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const QUESTION_TYPE_LABELS: Readonly<Record<QuestionType, string>> = {
  single: '单选题',
  multiple: '多选题',
  true_false: '判断题',
};

/** The notice's two categories of training content. */
export type TopicCategory = 1 | 2;

/** Difficulty is a level 1 (easiest) to 5; the words map to bands of levels. */
export type DifficultyBand = 'easy' | 'medium' | 'hard';
export const DIFFICULTY_BANDS: Readonly<Record<DifficultyBand, { min: number; max: number; level: number }>> = {
  // `level` is what a question tagged with the word gets; `min..max` is what a draw rule with the word matches.
  easy: { min: 1, max: 2, level: 1 },
  medium: { min: 3, max: 3, level: 3 },
  hard: { min: 4, max: 5, level: 5 },
};

/** An answer option as stored on a question version. The id is random, never a position. */
export interface StoredOption {
  id: string;
  text: string;
}

/** Whether a trainee may see the answer key of a graded attempt. */
export const REVEAL_POLICIES = ['never', 'when_passed', 'always'] as const;
export type RevealPolicy = (typeof REVEAL_POLICIES)[number];

/** A paper is either a course's exam or a capability test not tied to a course (考试或能力测试). */
export const PAPER_KINDS = ['course_exam', 'capability_test'] as const;
export type PaperKind = (typeof PAPER_KINDS)[number];

export type PaperStatus = 'draft' | 'published' | 'archived';
export type AttemptStatus = 'open' | 'submitted';
/** Who ended the attempt: the trainee, or the deadline (the auto-submit job or a late submit). */
export type Submission = 'trainee' | 'deadline';

/** One draw rule: `count` questions matching every filter that is set. */
export interface DrawRule {
  count: number;
  category: TopicCategory | null;
  topic: string | null;
  difficultyMin: number | null;
  difficultyMax: number | null;
  /** Points each drawn question is worth. */
  points: number;
}
