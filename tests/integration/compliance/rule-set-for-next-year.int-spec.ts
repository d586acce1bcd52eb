import type { Harness } from './harness';
import { createHarness, NOTICE_RULES } from './harness';

// Rule: a rule set published for next year leaves this year alone (a 14 → 16 change with 29 days
// left does not apply to the year in progress); it governs from 1 January of its first year.
describe('scenario: a rule set published for next year', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness('2026-12-02T02:00:00Z');
  });
  afterAll(() => h.close());

  it('judges 2026 by 14 hours to its end and 2027 by 16', async () => {
    const province = (await h.db.query(`SELECT id FROM regions WHERE code = '620000'`))[0].id;
    const trainee = await h.trainee({ optIn: true });
    await h.complete(trainee, { creditHours: '14' });
    expect(await h.status(trainee, 'continuing', 2026)).toMatchObject({ required: '14.00', state: 'complete' });

    await h.ruleSets.create(h.admin, {
      name: '甘肃省首席质量官学时要求（2027年起）',
      regionId: province,
      firstYear: 2027,
      rules: [NOTICE_RULES.appointment, { ...NOTICE_RULES.continuing, minHours: '16' }, NOTICE_RULES.methods],
    });
    await h.engine.recomputeAll({ year: 2026 }); // what publishing triggers
    expect(await h.status(trainee, 'continuing', 2026)).toMatchObject({ required: '14.00', state: 'complete' });

    h.clock.set('2026-12-31T15:59:00Z'); // 23:59 CST on 31 December: still 2026's rules
    await h.engine.recomputeTrainee(trainee);
    expect(await h.status(trainee, 'continuing', 2026)).toMatchObject({ required: '14.00', state: 'complete' });

    h.clock.set('2027-01-01T01:00:00Z');
    await h.engine.recomputeAll({ year: 2026 }); // year close: 2026 final under 14
    await h.engine.recomputeAll({ year: 2027 });
    expect(await h.status(trainee, 'continuing', 2026)).toMatchObject({ required: '14.00', state: 'complete', final: true });
    expect(await h.status(trainee, 'continuing', 2027)).toMatchObject({ required: '16.00', accrued: '0.00' });
  });
});
