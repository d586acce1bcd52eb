/**
 * The port through which an attention check (弹题) draws a question from the course's bank. The
 * question bank lives in the exams lib, which depends on this one; so courses only declares what it
 * needs here and the exams lib provides it (ExamsModule). Without a provider, checks are the
 * built-in confirmation.
 */
export const ATTENTION_QUESTION_SOURCE = Symbol('ATTENTION_QUESTION_SOURCE');

/** What the bank needs to know of the course: whose bank, and which of its questions fit. */
export interface AttentionQuestionScope {
  organizationId: string;
  /** The course's topic category (1 or 2). */
  category: number;
  /** The course's topic codes. */
  topicCodes: readonly string[];
}

/** One option as the trainee sees it: a random id (never a position) and its text. */
export interface AttentionCheckOption {
  id: string;
  text: string;
}

export interface AttentionQuestion {
  questionId: string;
  prompt: string;
  options: AttentionCheckOption[];
  /** The id of the one correct option; stays on the server. */
  answerKey: string;
}

export interface AttentionQuestionSource {
  /** A random single-answer question of the course's bank, or null when it has none. */
  draw(scope: AttentionQuestionScope): Promise<AttentionQuestion | null>;
}
