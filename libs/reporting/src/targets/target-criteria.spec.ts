import type { TargetCriteria, TargetFactsRow } from './target-criteria';
import { criteriaSql, meetsCriteria } from './target-criteria';

// The notice's 2021 group as seeded: 中国质量奖（含提名奖）、甘肃省人民政府质量奖（含提名奖）及市州政府质量奖.
const AWARDS_2021: TargetCriteria = {
  kind: 'awards',
  awards: [
    { level: 'china', standings: ['awarded', 'nominated'] },
    { level: 'provincial', standings: ['awarded', 'nominated'] },
    { level: 'city', standings: ['awarded'] },
  ],
  obtainedByYear: 2021,
};
const NONE: TargetFactsRow = {
  stateOwned: false,
  aboveDesignatedSize: false,
  production: false,
  chinaQualityAward: 'none',
  chinaQualityAwardYear: null,
  provincialQualityAward: 'none',
  provincialQualityAwardYear: null,
  cityQualityAward: 'none',
  cityQualityAwardYear: null,
};

describe('target criteria', () => {
  it.each<[string, Partial<TargetFactsRow>, boolean]>([
    ['a China Quality Award nominee of 2019', { chinaQualityAward: 'nominated', chinaQualityAwardYear: 2019 }, true],
    ['a Gansu award nominee of 2021', { provincialQualityAward: 'nominated', provincialQualityAwardYear: 2021 }, true],
    ['a city award winner of 2020', { cityQualityAward: 'awarded', cityQualityAwardYear: 2020 }, true],
    [
      'a city award nominee (含提名奖 qualifies the China and Gansu awards only)',
      { cityQualityAward: 'nominated', cityQualityAwardYear: 2020 },
      false,
    ],
    ['a Gansu award won in 2022', { provincialQualityAward: 'awarded', provincialQualityAwardYear: 2022 }, false],
    ['an award without a year', { chinaQualityAward: 'awarded', chinaQualityAwardYear: null }, false],
    ['no award', {}, false],
  ])('2021 group: %s → %s', (_name, facts, expected) => {
    expect(meetsCriteria(AWARDS_2021, { ...NONE, ...facts })).toBe(expected);
  });

  it.each<[string, Partial<TargetFactsRow>, boolean]>([
    ['state-owned', { stateOwned: true }, true],
    ['above designated size and production', { aboveDesignatedSize: true, production: true }, true],
    ['above designated size, not production', { aboveDesignatedSize: true }, false],
    ['production, not above designated size', { production: true }, false],
  ])('2025 group: %s → %s', (_name, facts, expected) => {
    expect(meetsCriteria({ kind: 'ownership_or_size' }, { ...NONE, ...facts })).toBe(expected);
  });

  it('writes the same predicate as SQL, from validated data only', () => {
    expect(criteriaSql(AWARDS_2021, 'v')).toBe(
      "((v.china_quality_award IN ('awarded', 'nominated') AND v.china_quality_award_year <= 2021) OR " +
        "(v.provincial_quality_award IN ('awarded', 'nominated') AND v.provincial_quality_award_year <= 2021) OR " +
        "(v.city_quality_award IN ('awarded') AND v.city_quality_award_year <= 2021))",
    );
    expect(() =>
      criteriaSql(
        { kind: 'awards', awards: [{ level: 'china', standings: ["x'; DROP TABLE t; --" as 'awarded'] }], obtainedByYear: 2021 },
        'v',
      ),
    ).toThrow();
  });
});
