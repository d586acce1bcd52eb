import type { FieldIssue } from '@cqo/core';
import type { DifficultyBand, QuestionType, TopicCategory } from './exam-types';
import { DIFFICULTY_BANDS, QUESTION_TYPES } from './exam-types';

/** A question as authored (by the API or a row of an imported file). Option ids are assigned on save. */
export interface QuestionInput {
  type: QuestionType;
  stem: string;
  options: { text: string; correct: boolean }[];
  category: TopicCategory;
  topics: string[];
  /** 1–5, or a word (easy/medium/hard) mapped to a level. */
  difficulty: number | DifficultyBand;
  explanation?: string | null;
}

/** Tells which category a topic code belongs to, or undefined for an unknown code. */
export interface TopicLookup {
  categoryOf(code: string): TopicCategory | undefined;
  /** The code of a topic written by its Chinese name (国家质量发展政策) or its code; undefined when neither. */
  codeOf?(nameOrCode: string): string | undefined;
}

export const STEM_MAX = 2000;
export const OPTION_MAX = 500;
export const EXPLANATION_MAX = 2000;
export const OPTIONS_MIN = 2;
export const OPTIONS_MAX = 8;

export function difficultyLevel(value: number | DifficultyBand): number {
  return typeof value === 'number' ? value : DIFFICULTY_BANDS[value].level;
}

/**
 * Checks a question against the bank's rules and names every offending field, prefixed (e.g.
 * `rows[4].`) for imports. `keyField` is where a wrong number of correct options is reported:
 * `options` for the API, `answer` for an imported row.
 */
export function validateQuestion(input: QuestionInput, topics: TopicLookup, prefix = '', keyField = 'options'): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (field: string, message: string) => issues.push({ field: `${prefix}${field}`, message });

  if (!QUESTION_TYPES.includes(input.type)) add('type', '题型必须是单选题、多选题或判断题');
  const stem = input.stem?.trim() ?? '';
  if (!stem) add('stem', '题干不能为空');
  else if (stem.length > STEM_MAX) add('stem', `题干不能超过${STEM_MAX}个字符`);

  const options = input.options ?? [];
  if (input.type === 'true_false' && options.length !== 2) add('options', '判断题必须恰好有两个选项');
  else if (options.length < OPTIONS_MIN || options.length > OPTIONS_MAX) add('options', `选项数必须在${OPTIONS_MIN}到${OPTIONS_MAX}之间`);
  else if (input.type === 'multiple' && options.length < 3) add('options', '多选题至少需要三个选项');
  const seen = new Set<string>();
  options.forEach((o, i) => {
    const text = o.text?.trim() ?? '';
    if (!text) add(`options[${i}].text`, '选项内容不能为空');
    else if (text.length > OPTION_MAX) add(`options[${i}].text`, `选项内容不能超过${OPTION_MAX}个字符`);
    else if (seen.has(text)) add(`options[${i}].text`, '选项内容重复');
    seen.add(text);
  });
  const correct = options.filter((o) => o.correct).length;
  if (options.length > 0) {
    if ((input.type === 'single' || input.type === 'true_false') && correct !== 1) add(keyField, '单选题和判断题必须恰好有一个正确答案');
    // 多选题 has, by definition, at least two correct options.
    if (input.type === 'multiple' && correct < 2) add(keyField, '多选题须有至少两个正确答案');
  }

  if (input.category !== 1 && input.category !== 2) add('category', '类别必须是1（第一类）或2（第二类）');
  const codes = input.topics ?? [];
  if (codes.length === 0) add('topics', '至少须标注一个知识点');
  for (const code of codes) {
    const category = topics.categoryOf(code);
    if (category === undefined) add('topics', `未知的知识点代码：${code}`);
    else if ((input.category === 1 || input.category === 2) && category !== input.category)
      add('topics', `知识点${code}不属于第${input.category === 1 ? '一' : '二'}类`);
  }
  if (new Set(codes).size !== codes.length) add('topics', '知识点重复');

  const level =
    typeof input.difficulty === 'string' && input.difficulty in DIFFICULTY_BANDS ? difficultyLevel(input.difficulty) : input.difficulty;
  if (typeof level !== 'number' || !Number.isInteger(level) || level < 1 || level > 5)
    add('difficulty', '难度必须是1到5的整数，或 easy/medium/hard');

  if (input.explanation && input.explanation.length > EXPLANATION_MAX) add('explanation', `解析不能超过${EXPLANATION_MAX}个字符`);
  return issues;
}
