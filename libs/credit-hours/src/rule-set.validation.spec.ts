import type { RuleSetInput } from './rule-set.validation';
import { isMonthDay, validateRuleSet } from './rule-set.validation';

const gansu: RuleSetInput = {
  name: '甘肃省首席质量官学时要求',
  regionId: '00000000-0000-4000-8000-000000000000',
  firstYear: 2027,
  rules: [
    { code: 'appointment', name: '任职培训', category: 1, kind: 'appointment', minHours: '21', period: 'once', appliesTo: 'everyone' },
    {
      code: 'continuing',
      name: '第一类继续教育',
      category: 1,
      kind: 'continuing',
      minHours: '14',
      period: 'calendar_year',
      appliesTo: 'serving_and_opted_in',
    },
    {
      code: 'methods',
      name: '第二类方法培训',
      category: 2,
      kind: 'continuing',
      minHours: '30',
      period: 'calendar_year',
      appliesTo: 'serving_and_opted_in',
      atRiskThreshold: '0.8',
    },
  ],
};

describe('validateRuleSet', () => {
  it('accepts the Gansu rules for next year', () => {
    expect(validateRuleSet(gansu, 2026)).toEqual([]);
  });

  it('refuses a closed year: a new set never rewrites closed periods', () => {
    expect(validateRuleSet({ ...gansu, firstYear: 2025 }, 2026)).toEqual([
      { field: 'firstYear', message: expect.stringContaining('2026') },
    ]);
  });

  it('changes the year in progress only when asked, with a reason', () => {
    expect(validateRuleSet({ ...gansu, firstYear: 2026 }, 2026)).toEqual([
      { field: 'firstYear', message: expect.stringContaining('适用于本年度') },
    ]);
    expect(validateRuleSet({ ...gansu, firstYear: 2026, applyToCurrentYear: true }, 2026)).toEqual([
      { field: 'reason', message: expect.any(String) },
    ]);
    expect(validateRuleSet({ ...gansu, firstYear: 2026, applyToCurrentYear: true, reason: '省局通知提高年度学时要求' }, 2026)).toEqual([]);
    expect(validateRuleSet({ ...gansu, applyToCurrentYear: true, reason: '省局通知提高年度学时要求' }, 2026)).toEqual([
      { field: 'applyToCurrentYear', message: expect.any(String) },
    ]);
  });

  it('takes the length of a 学时 as data, 1 to 240 minutes', () => {
    expect(validateRuleSet({ ...gansu, minutesPerCreditHour: 50 }, 2026)).toEqual([]);
    expect(validateRuleSet({ ...gansu, minutesPerCreditHour: 0 }, 2026)).toEqual([
      { field: 'minutesPerCreditHour', message: expect.any(String) },
    ]);
  });

  it('refuses category-2 appointment rules, duplicate codes, float-like hours and thresholds above 1', () => {
    const sut = validateRuleSet(
      {
        ...gansu,
        rules: [
          { ...gansu.rules[2], kind: 'appointment' },
          { ...gansu.rules[1], code: 'methods', minHours: '14.125' },
          { ...gansu.rules[1], code: 'x2', atRiskThreshold: '1.01', countAppointmentHours: true },
          { ...gansu.rules[0], code: 'a3', countAppointmentHours: true },
        ],
      },
      2026,
    );
    expect(sut.map((i) => i.field)).toEqual([
      'rules[0].kind',
      'rules[1].code',
      'rules[1].minHours',
      'rules[2].atRiskThreshold',
      'rules[3].countAppointmentHours',
    ]);
  });

  it('checks reminder dates as month-days', () => {
    expect(isMonthDay('02-29')).toBe(true);
    expect(isMonthDay('02-30')).toBe(false);
    expect(validateRuleSet({ ...gansu, reminderDates: ['10-1'] }, 2026)).toEqual([
      { field: 'reminderDates[0]', message: expect.any(String) },
    ]);
  });
});
