import type { Harness } from './harness';
import { createHarness } from './harness';

// Rule: a rule set has a region scope; the deepest region containing the trainee's enterprise wins.
describe('scenario: a city rule set overrides the province for that city only', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness('2026-05-01T02:00:00Z');
  });
  afterAll(() => h.close());

  it('holds Lanzhou trainees to 20 continuing hours and Tianshui trainees to the provincial 14', async () => {
    const lanzhou = (await h.db.query(`SELECT id FROM regions WHERE code = '620100'`))[0].id;
    await h.ruleSets.create(h.admin, {
      name: '兰州市首席质量官学时要求',
      regionId: lanzhou,
      firstYear: 2026,
      applyToCurrentYear: true,
      reason: '兰州市局要求本年度起执行更高的继续教育学时',
      reminderDates: ['11-15'],
      rules: [
        { code: 'appointment', name: '任职培训', category: 1, kind: 'appointment', minHours: '21', period: 'once', appliesTo: 'everyone' },
        {
          code: 'continuing',
          name: '第一类继续教育',
          category: 1,
          kind: 'continuing',
          minHours: '20',
          period: 'calendar_year',
          appliesTo: 'serving_and_opted_in',
        },
      ],
    });
    const lz = await h.trainee({ optIn: true, enterpriseId: await h.enterprise('620100') });
    const ts = await h.trainee({ optIn: true, enterpriseId: await h.enterprise('620500') });
    const none = await h.trainee({ optIn: true });
    for (const t of [lz, ts, none]) await h.complete(t, { creditHours: '14' });
    expect(await h.status(lz, 'continuing', 2026)).toMatchObject({ required: '20.00', state: 'on_track' });
    expect(await h.status(lz, 'methods', 2026)).toBeUndefined(); // the city set has no methods rule
    expect(await h.status(ts, 'continuing', 2026)).toMatchObject({ required: '14.00', state: 'complete' });
    expect(await h.status(none, 'continuing', 2026)).toMatchObject({ required: '14.00', state: 'complete' });
  });

  it('names every invalid field of a rule set', async () => {
    const province = (await h.db.query(`SELECT id FROM regions WHERE code = '620000'`))[0].id;
    await expect(
      h.ruleSets.create(h.admin, {
        name: '错',
        regionId: province,
        firstYear: 2025,
        reminderDates: ['13-01', '10-01', '10-01'],
        rules: [
          {
            code: 'Bad Code',
            name: '方法',
            category: 2,
            kind: 'appointment',
            minHours: '0',
            period: 'weekly' as never,
            appliesTo: 'everyone',
            atRiskThreshold: '1.5',
          },
        ],
      }),
    ).rejects.toMatchObject({
      code: 'RULE_SET_INVALID',
      details: expect.arrayContaining(
        [
          'name',
          'firstYear',
          'reminderDates[0]',
          'reminderDates',
          'rules[0].code',
          'rules[0].kind',
          'rules[0].minHours',
          'rules[0].period',
          'rules[0].atRiskThreshold',
        ].map((field) => ({ field, message: expect.any(String) })),
      ),
    });
  });
});
