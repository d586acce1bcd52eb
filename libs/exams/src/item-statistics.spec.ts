import type { ScoredAttempt } from './item-statistics';
import { itemStatistics } from './item-statistics';

/** An attempt over items i1..iN, each worth 1, correct where the pattern says 1. */
function attempt(id: string, pattern: string, keys = ['i1', 'i2', 'i3', 'i4']): ScoredAttempt {
  const items = keys.map((key, i) => ({ key, correct: pattern[i] === '1', points: 1 }));
  return { attemptId: id, score: items.filter((i) => i.correct).length, maxScore: items.length, items };
}

describe('itemStatistics', () => {
  it('computes difficulty as the share correct', () => {
    const sut = itemStatistics([attempt('a', '1100'), attempt('b', '1000'), attempt('c', '1010'), attempt('d', '1001')]);
    expect(sut.map((s) => [s.key, s.attempts, s.difficulty])).toEqual([
      ['i1', 4, 1],
      ['i2', 4, 0.25],
      ['i3', 4, 0.25],
      ['i4', 4, 0.25],
    ]);
  });

  it('gives a discriminating item a high index and an inverted one a negative index', () => {
    // Ten attempts: strong ones get i1..i3 right; i4 is answered right only by the weak ones.
    const attempts = [
      attempt('a1', '1110'),
      attempt('a2', '1110'),
      attempt('a3', '1110'),
      attempt('a4', '1100'),
      attempt('a5', '1100'),
      attempt('a6', '1001'),
      attempt('a7', '1001'),
      attempt('a8', '0001'),
      attempt('a9', '0001'),
      attempt('a10', '0001'),
    ];
    const byKey = Object.fromEntries(itemStatistics(attempts).map((s) => [s.key, s]));
    // 27 % of 10 → groups of 3: upper a1..a3, lower a8..a10.
    expect(byKey.i2.discrimination).toBe(1);
    expect(byKey.i4.discrimination).toBe(-1);
    expect(byKey.i2.pointBiserial!).toBeGreaterThan(0);
    expect(byKey.i4.pointBiserial!).toBeLessThan(-0.5);
  });

  it('has no correlation for an item everyone answered alike, and no index for tiny samples', () => {
    const three = [attempt('a', '1100'), attempt('b', '1010'), attempt('c', '1001')];
    const sut = itemStatistics(three);
    expect(sut.find((s) => s.key === 'i1')).toMatchObject({ difficulty: 1, pointBiserial: null, discrimination: null });
  });

  it('judges each item on the attempts that contained it (drawn papers)', () => {
    const attempts = [
      attempt('a', '11', ['x', 'y']),
      attempt('b', '10', ['x', 'z']),
      attempt('c', '01', ['w', 'y']),
      attempt('d', '00', ['w', 'z']),
    ];
    const byKey = Object.fromEntries(itemStatistics(attempts).map((s) => [s.key, s]));
    expect(byKey.x).toMatchObject({ attempts: 2, difficulty: 1 });
    expect(byKey.z).toMatchObject({ attempts: 2, difficulty: 0 });
  });
});
