import type { DrawRule, TopicCategory } from './exam-types';
import type { Random } from './prng';
import { sample, seededRandom, shuffled } from './prng';

/** A question as the draw sees it: its current version and the tags rules filter on. */
export interface DrawCandidate {
  questionId: string;
  versionId: string;
  category: TopicCategory;
  topics: readonly string[];
  difficulty: number;
  /** Option ids in authored order. */
  optionIds: readonly string[];
}

export interface DrawInput {
  seed: string;
  /** The paper's fixed questions, in the paper's order. */
  fixed: readonly { candidate: DrawCandidate; points: number }[];
  rules: readonly DrawRule[];
  /** Every question rules may draw from (order does not matter: it is sorted here). */
  pool: readonly DrawCandidate[];
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
}

/** One question of an attempt, frozen at start: which version, its worth and the option order shown. */
export interface DrawnItem {
  /** 1-based position shown to the trainee. */
  position: number;
  questionId: string;
  versionId: string;
  points: number;
  optionOrder: string[];
}

/** A rule the pool cannot satisfy: which rule (0-based), how many it needs and how many there are. */
export class DrawShortage extends Error {
  constructor(
    readonly ruleIndex: number,
    readonly needed: number,
    readonly available: number,
  ) {
    super(`draw rule ${ruleIndex} needs ${needed} questions, ${available} available`);
  }
}

export function matchesRule(rule: DrawRule, q: DrawCandidate): boolean {
  return (
    (rule.category === null || q.category === rule.category) &&
    (rule.topic === null || q.topics.includes(rule.topic)) &&
    (rule.difficultyMin === null || q.difficulty >= rule.difficultyMin) &&
    (rule.difficultyMax === null || q.difficulty <= rule.difficultyMax)
  );
}

/**
 * Fixes the questions of an attempt. Deterministic: the same seed over the same pool gives the
 * same questions in the same order with the same option orders. Rules are applied in order and
 * never pick a question already fixed or picked by an earlier rule. Separate streams (derived
 * from the seed) drive the draw, the question order and each question's option order, so e.g.
 * turning on question shuffling does not change which questions are drawn.
 */
export function drawAttempt(input: DrawInput): DrawnItem[] {
  const taken = new Set(input.fixed.map((f) => f.candidate.questionId));
  const pool = [...input.pool].sort((a, b) => (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0));
  const drawRandom = seededRandom(`${input.seed}:draw`);
  const chosen: { candidate: DrawCandidate; points: number }[] = [...input.fixed];
  input.rules.forEach((rule, index) => {
    const candidates = pool.filter((q) => !taken.has(q.questionId) && matchesRule(rule, q));
    if (candidates.length < rule.count) throw new DrawShortage(index, rule.count, candidates.length);
    for (const q of sample(candidates, rule.count, drawRandom)) {
      taken.add(q.questionId);
      chosen.push({ candidate: q, points: rule.points });
    }
  });
  const ordered = input.shuffleQuestions ? shuffled(chosen, seededRandom(`${input.seed}:order`)) : chosen;
  return ordered.map(({ candidate, points }, i) => ({
    position: i + 1,
    questionId: candidate.questionId,
    versionId: candidate.versionId,
    points,
    optionOrder: input.shuffleOptions
      ? shuffled(candidate.optionIds, optionRandom(input.seed, candidate.versionId))
      : [...candidate.optionIds],
  }));
}

function optionRandom(seed: string, versionId: string): Random {
  return seededRandom(`${seed}:options:${versionId}`);
}

/**
 * How many questions each rule could draw from, rules applied in order (for publishing a paper:
 * a rule that cannot be met is refused then, not at a trainee's start).
 */
export function checkDrawable(fixedIds: readonly string[], rules: readonly DrawRule[], pool: readonly DrawCandidate[]): DrawShortage[] {
  // Greedy check: each rule must be satisfiable after the earlier ones took their share. The
  // draw takes a random subset, so the worst case is checked: earlier rules take questions that
  // later rules also match.
  const shortages: DrawShortage[] = [];
  const fixed = new Set(fixedIds);
  rules.forEach((rule, index) => {
    const own = pool.filter((q) => !fixed.has(q.questionId) && matchesRule(rule, q)).length;
    const sharedByEarlier = rules
      .slice(0, index)
      .reduce(
        (n, earlier) =>
          n +
          Math.min(earlier.count, pool.filter((q) => !fixed.has(q.questionId) && matchesRule(earlier, q) && matchesRule(rule, q)).length),
        0,
      );
    const available = own - sharedByEarlier;
    if (available < rule.count) shortages.push(new DrawShortage(index, rule.count, Math.max(0, available)));
  });
  return shortages;
}
