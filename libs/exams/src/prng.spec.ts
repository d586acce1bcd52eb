import { newSeed, sample, seededRandom, shuffled } from './prng';

describe('seeded PRNG', () => {
  it('gives the same stream for the same seed and a different one for another seed', () => {
    const a = seededRandom('seed-1');
    const b = seededRandom('seed-1');
    const c = seededRandom('seed-2');
    const sa = Array.from({ length: 20 }, a);
    expect(Array.from({ length: 20 }, b)).toEqual(sa);
    expect(Array.from({ length: 20 }, c)).not.toEqual(sa);
    for (const x of sa) expect(x >= 0 && x < 1).toBe(true);
  });

  it('is roughly uniform', () => {
    const sut = seededRandom('uniform');
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) buckets[Math.floor(sut() * 10)]++;
    for (const n of buckets) expect(Math.abs(n - 10_000)).toBeLessThan(500);
  });

  it('samples distinct items and shuffles without losing any', () => {
    const items = Array.from({ length: 30 }, (_, i) => i);
    const picked = sample(items, 10, seededRandom('s'));
    expect(new Set(picked).size).toBe(10);
    expect(sample(items, 10, seededRandom('s'))).toEqual(picked);
    expect(shuffled(items, seededRandom('t')).sort((x, y) => x - y)).toEqual(items);
    expect(() => sample(items, 31, seededRandom('s'))).toThrow(RangeError);
  });

  it('makes 32-hex-digit seeds', () => {
    expect(newSeed()).toMatch(/^[0-9a-f]{32}$/);
    expect(newSeed()).not.toBe(newSeed());
  });
});
