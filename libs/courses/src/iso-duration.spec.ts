import { parseIsoDuration } from './iso-duration';

describe('parseIsoDuration', () => {
  it('reads the durations xAPI content sends, in whole seconds', () => {
    expect(parseIsoDuration('PT30S')).toBe(30);
    expect(parseIsoDuration('PT1H30M')).toBe(5400);
    expect(parseIsoDuration('PT45.75S')).toBe(45);
    expect(parseIsoDuration('PT0.5M')).toBe(30);
    expect(parseIsoDuration('P1DT2H')).toBe(93600);
    expect(parseIsoDuration('P1W')).toBe(604800);
    expect(parseIsoDuration('PT0S')).toBe(0);
  });
  it('refuses what is not a duration, and years and months (of no fixed length)', () => {
    for (const bad of ['', 'P', 'PT', '30S', 'PT-5S', 'P1Y', 'P2M', 'PT1H30', 'P1DT', 'pt30s', '90 minutes']) {
      expect([bad, parseIsoDuration(bad)]).toEqual([bad, null]);
    }
  });
});
