import type { DrawCandidate } from './draw';
import { checkDrawable, drawAttempt, DrawShortage } from './draw';
import type { DrawRule } from './exam-types';

function q(n: number, over: Partial<DrawCandidate> = {}): DrawCandidate {
  const id = `q${String(n).padStart(3, '0')}`;
  return {
    questionId: id,
    versionId: `v-${id}`,
    category: 1,
    topics: ['C1-01'],
    difficulty: 3,
    optionIds: [`${id}a`, `${id}b`, `${id}c`, `${id}d`],
    ...over,
  };
}
function rule(over: Partial<DrawRule>): DrawRule {
  return { count: 1, category: null, topic: null, difficultyMin: null, difficultyMax: null, points: 1, ...over };
}

// 40 questions: topics alternate C1-01 / C1-02, difficulty cycles 1..5.
const pool = Array.from({ length: 40 }, (_, i) => q(i, { topics: [i % 2 === 0 ? 'C1-01' : 'C1-02'], difficulty: (i % 5) + 1 }));

describe('drawAttempt', () => {
  const base = { fixed: [], pool, shuffleQuestions: false, shuffleOptions: false };

  it('is deterministic under a seed, whatever order the pool comes in', () => {
    const rules = [rule({ count: 5, topic: 'C1-01' }), rule({ count: 3, difficultyMin: 4, difficultyMax: 5 })];
    const sut = drawAttempt({ ...base, seed: 'abc', rules, shuffleQuestions: true, shuffleOptions: true });
    const again = drawAttempt({ ...base, seed: 'abc', rules, pool: [...pool].reverse(), shuffleQuestions: true, shuffleOptions: true });
    expect(again).toEqual(sut);
    const other = drawAttempt({ ...base, seed: 'abd', rules, shuffleQuestions: true, shuffleOptions: true });
    expect(other.map((i) => i.questionId)).not.toEqual(sut.map((i) => i.questionId));
  });

  it('draws N questions of topic X at difficulty Y, each once', () => {
    const rules = [rule({ count: 4, topic: 'C1-02', difficultyMin: 2, difficultyMax: 2, points: 3 })];
    const sut = drawAttempt({ ...base, seed: 's1', rules });
    expect(sut).toHaveLength(4);
    for (const item of sut) {
      const source = pool.find((p) => p.questionId === item.questionId)!;
      expect(source.topics).toContain('C1-02');
      expect(source.difficulty).toBe(2);
      expect(item.points).toBe(3);
    }
    expect(new Set(sut.map((i) => i.questionId)).size).toBe(4);
    expect(sut.map((i) => i.position)).toEqual([1, 2, 3, 4]);
  });

  it('puts fixed questions first and never draws them again; later rules skip earlier picks', () => {
    const fixed = [
      { candidate: pool[0], points: 5 },
      { candidate: pool[2], points: 5 },
    ];
    // Every C1-01 question but the fixed ones (18) must be taken by the two rules together.
    const rules = [rule({ count: 10, topic: 'C1-01' }), rule({ count: 8, topic: 'C1-01' })];
    const sut = drawAttempt({ ...base, seed: 'fx', fixed, rules });
    expect(sut.slice(0, 2).map((i) => [i.questionId, i.points])).toEqual([
      ['q000', 5],
      ['q002', 5],
    ]);
    expect(new Set(sut.map((i) => i.questionId)).size).toBe(20);
  });

  it('refuses a rule the pool cannot meet, naming the rule', () => {
    const rules = [rule({ count: 2, topic: 'C1-01' }), rule({ count: 9, topic: 'C1-02', difficultyMin: 5, difficultyMax: 5 })];
    expect(() => drawAttempt({ ...base, seed: 'x', rules })).toThrow(DrawShortage);
    try {
      drawAttempt({ ...base, seed: 'x', rules });
    } catch (e) {
      expect(e).toMatchObject({ ruleIndex: 1, needed: 9, available: 4 });
    }
  });

  it('shuffles options only when asked, keeping every option id', () => {
    const rules = [rule({ count: 10 })];
    const plain = drawAttempt({ ...base, seed: 'o', rules });
    for (const item of plain) expect(item.optionOrder).toEqual(pool.find((p) => p.questionId === item.questionId)!.optionIds);
    const mixed = drawAttempt({ ...base, seed: 'o', rules, shuffleOptions: true });
    expect(mixed.map((i) => i.questionId)).toEqual(plain.map((i) => i.questionId));
    expect(mixed.some((m, i) => m.optionOrder.join() !== plain[i].optionOrder.join())).toBe(true);
    for (const m of mixed)
      expect([...m.optionOrder].sort()).toEqual([...pool.find((p) => p.questionId === m.questionId)!.optionIds].sort());
  });

  it('spreads draws over the pool (no favourite questions)', () => {
    const counts = new Map<string, number>();
    for (let s = 0; s < 2000; s++) {
      for (const item of drawAttempt({ ...base, seed: `spread-${s}`, rules: [rule({ count: 4, topic: 'C1-01' })] })) {
        counts.set(item.questionId, (counts.get(item.questionId) ?? 0) + 1);
      }
    }
    // 20 questions match; each is drawn with probability 4/20, so about 400 times in 2000 draws.
    expect(counts.size).toBe(20);
    for (const n of counts.values()) expect(Math.abs(n - 400)).toBeLessThan(90);
  });
});

describe('checkDrawable', () => {
  it('accepts rules the pool meets and reports the ones it does not', () => {
    expect(checkDrawable([], [rule({ count: 20, topic: 'C1-01' })], pool)).toEqual([]);
    const shortages = checkDrawable(['q000'], [rule({ count: 20, topic: 'C1-01' })], pool);
    expect(shortages).toHaveLength(1);
    expect(shortages[0]).toMatchObject({ ruleIndex: 0, needed: 20, available: 19 });
  });

  it('counts what earlier overlapping rules may take', () => {
    // 8 questions at difficulty 5; the first rule may take 4 of them, so the second cannot count on 6.
    const rules = [rule({ count: 4, difficultyMin: 4 }), rule({ count: 6, difficultyMin: 5 })];
    expect(checkDrawable([], rules, pool)).toHaveLength(1);
    expect(checkDrawable([], [rule({ count: 4, difficultyMin: 4 }), rule({ count: 4, difficultyMin: 5 })], pool)).toEqual([]);
  });
});
