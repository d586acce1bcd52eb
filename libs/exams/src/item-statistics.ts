/** One graded attempt as item statistics see it. */
export interface ScoredAttempt {
  attemptId: string;
  score: number;
  maxScore: number;
  items: readonly { key: string; correct: boolean; points: number }[];
}

export interface ItemStatistic {
  /** The item (a question version). */
  key: string;
  /** Graded attempts that contained the item. */
  attempts: number;
  /** Classical difficulty: the share of those attempts that answered it correctly (0–1; higher is easier). */
  difficulty: number;
  /**
   * Upper–lower discrimination index D = p(upper 27 %) − p(lower 27 %): attempts are ranked by
   * their score share over the whole paper; null when a group has no attempt containing the item
   * or there are fewer than 4 graded attempts.
   */
  discrimination: number | null;
  /**
   * Corrected point-biserial correlation between answering the item correctly and the score
   * share on the other items of the same attempt; null when everyone (or no one) got it right,
   * or the rest scores do not vary.
   */
  pointBiserial: number | null;
}

/** The share of attempts in each of the upper and lower groups (Kelley's 27 %). */
export const UPPER_LOWER_SHARE = 0.27;

/**
 * Item statistics for a paper's graded attempts. Attempts of a drawn paper hold different items,
 * so each item is judged on the attempts that contained it, and ranking uses score shares.
 */
export function itemStatistics(attempts: readonly ScoredAttempt[]): ItemStatistic[] {
  const share = (a: ScoredAttempt) => (a.maxScore > 0 ? a.score / a.maxScore : 0);
  const ranked = [...attempts].sort((x, y) => share(y) - share(x) || (x.attemptId < y.attemptId ? -1 : 1));
  const groupSize = attempts.length >= 4 ? Math.max(1, Math.round(attempts.length * UPPER_LOWER_SHARE)) : 0;
  const upper = new Set(ranked.slice(0, groupSize).map((a) => a.attemptId));
  const lower = new Set(ranked.slice(ranked.length - groupSize).map((a) => a.attemptId));

  const byItem = new Map<string, { correct: boolean; rest: number | null; attemptId: string }[]>();
  for (const a of attempts) {
    for (const item of a.items) {
      const restMax = a.maxScore - item.points;
      const rest = restMax > 0 ? (a.score - (item.correct ? item.points : 0)) / restMax : null;
      const list = byItem.get(item.key) ?? [];
      list.push({ correct: item.correct, rest, attemptId: a.attemptId });
      byItem.set(item.key, list);
    }
  }

  return [...byItem.entries()]
    .map(([key, rows]) => {
      const n = rows.length;
      const right = rows.filter((r) => r.correct).length;
      const inUpper = rows.filter((r) => upper.has(r.attemptId));
      const inLower = rows.filter((r) => lower.has(r.attemptId));
      const discrimination =
        groupSize > 0 && inUpper.length > 0 && inLower.length > 0
          ? round3(inUpper.filter((r) => r.correct).length / inUpper.length - inLower.filter((r) => r.correct).length / inLower.length)
          : null;
      return { key, attempts: n, difficulty: round3(right / n), discrimination, pointBiserial: pointBiserial(rows) };
    })
    .sort((x, y) => (x.key < y.key ? -1 : 1));
}

function pointBiserial(rows: readonly { correct: boolean; rest: number | null }[]): number | null {
  const usable = rows.filter((r): r is { correct: boolean; rest: number } => r.rest !== null);
  const n = usable.length;
  const n1 = usable.filter((r) => r.correct).length;
  if (n < 2 || n1 === 0 || n1 === n) return null;
  const mean = usable.reduce((s, r) => s + r.rest, 0) / n;
  const sd = Math.sqrt(usable.reduce((s, r) => s + (r.rest - mean) ** 2, 0) / n);
  if (sd === 0) return null;
  const m1 = usable.filter((r) => r.correct).reduce((s, r) => s + r.rest, 0) / n1;
  const m0 = usable.filter((r) => !r.correct).reduce((s, r) => s + r.rest, 0) / (n - n1);
  const p = n1 / n;
  return round3(((m1 - m0) / sd) * Math.sqrt(p * (1 - p)));
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
