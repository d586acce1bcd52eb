import type { QuestionType } from './exam-types';

/** What grading needs of one item: the key (frozen with the question version) and the saved answer. */
export interface GradableItem {
  type: QuestionType;
  correctOptionIds: readonly string[];
  points: number;
  /** The trainee's saved selection; null or empty means unanswered. */
  selectedOptionIds: readonly string[] | null;
}

export interface ItemGrade {
  correct: boolean;
  awardedPoints: number;
}

export interface AttemptGrade {
  items: ItemGrade[];
  score: number;
  maxScore: number;
  /** Score as a percentage with two decimals, as text (exact, never a float in storage). */
  percent: string;
  passed: boolean;
}

/**
 * One item, all or nothing. Single choice and true/false: exactly the one key option. Multiple
 * choice: exactly the key set (a missing or an extra option scores nothing, 多选、少选、错选均不得分).
 */
export function gradeItem(item: GradableItem): ItemGrade {
  const selected = new Set(item.selectedOptionIds ?? []);
  const key = new Set(item.correctOptionIds);
  let correct: boolean;
  switch (item.type) {
    case 'single':
    case 'true_false':
      correct = selected.size === 1 && key.size === 1 && key.has([...selected][0]);
      break;
    case 'multiple':
      correct = selected.size > 0 && selected.size === key.size && [...selected].every((id) => key.has(id));
      break;
    default: {
      const unreachable: never = item.type;
      throw new Error(`unknown question type ${String(unreachable)}`);
    }
  }
  return { correct, awardedPoints: correct ? item.points : 0 };
}

/**
 * A whole attempt: the sum of awarded points against the sum of points. Passing compares in
 * integers (score × 100 ≥ pass mark × max score), so 59.995 % never rounds up to a pass.
 */
export function gradeAttempt(items: readonly GradableItem[], passMarkPercent: number): AttemptGrade {
  const grades = items.map(gradeItem);
  const score = grades.reduce((s, g) => s + g.awardedPoints, 0);
  const maxScore = items.reduce((s, i) => s + i.points, 0);
  return {
    items: grades,
    score,
    maxScore,
    percent: percentText(score, maxScore),
    passed: maxScore > 0 && score * 100 >= passMarkPercent * maxScore,
  };
}

/** `score / maxScore` as a percentage rounded half up to two decimals, e.g. "66.67". */
export function percentText(score: number, maxScore: number): string {
  if (maxScore <= 0) return '0.00';
  const hundredths = Math.floor((score * 10000 * 2 + maxScore) / (2 * maxScore));
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}
