import { isMonthDay, RuleSetInput, validateRuleSet } from './rule-set.validation';

const gansu: RuleSetInput = {
  name: '甘肃省首席质量官学时要求',
  regionId: '00000000-0000-4000-8000-000000000000',
  effectiveFrom: '2026-07-01',
  rules: [
    { code: 'appointment', name: '任职培训', category: 1, kind: 'appointment', minHours: '21', period: 'once', appliesTo: 'everyone' },
    { code: 'continuing', name: '第一类继续教育', category: 1, kind: 'continuing', minHours: '14', period: 'calendar_year', appliesTo: 'serving_and_opted_in' },
    { code: 'methods', name: '第二类方法培训', category: 2, kind: 'continuing', minHours: '30', period: 'calendar_year', appliesTo: 'serving_and_opted_in', atRiskThreshold: '0.8' },
  ],
};

describe('validateRuleSet', () => {
  it('accepts the Gansu rules', () => {
    expect(validateRuleSet(gansu, '2026-06-20')).toEqual([]);
  });

  it('refuses a start in the past: a new set never rewrites closed periods', () => {
    expect(validateRuleSet(gansu, '2026-07-02')).toEqual([{ field: 'effectiveFrom', message: expect.any(String) }]);
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
      '2026-06-20',
    );
    expect(sut.map((i) => i.field)).toEqual(['rules[0].kind', 'rules[1].code', 'rules[1].minHours', 'rules[2].atRiskThreshold', 'rules[3].countAppointmentHours']);
  });

  it('checks reminder dates as month-days', () => {
    expect(isMonthDay('02-29')).toBe(true);
    expect(isMonthDay('02-30')).toBe(false);
    expect(validateRuleSet({ ...gansu, reminderDates: ['10-1'] }, '2026-06-20')).toEqual([{ field: 'reminderDates[0]', message: expect.any(String) }]);
  });
});
