import type { Harness } from './harness';
import { createHarness, NOTICE_RULES } from './harness';

// Rule: appointment-training hours do not count toward the same year's continuing-education hours
// (unless a rule set says otherwise: the switch is data, default off).
describe('scenario: appointment hours do not count toward continuing hours', () => {
  let h: Harness;
  // Each test its own harness (database, clock): a rule set published or a clock moved by one is not seen by another.
  beforeEach(async () => {
    h = await createHarness('2026-06-01T02:00:00Z');
  });
  afterEach(() => h?.close());

  it('keeps 21 appointment hours out of the 14-hour continuing requirement of the same year', async () => {
    const trainee = await h.trainee({ optIn: true });
    await h.complete(trainee, { kind: 'appointment', creditHours: '21' });
    await h.complete(trainee, { kind: 'continuing', creditHours: '3' });
    expect(await h.status(trainee, 'appointment', 0)).toMatchObject({ accrued: '21.00', state: 'complete' });
    expect(await h.status(trainee, 'continuing', 2026)).toMatchObject({ required: '14.00', accrued: '3.00', shortfall: '11.00' });
    expect(await h.status(trainee, 'methods', 2026)).toMatchObject({ accrued: '0.00' });
  });

  it('counts them when a rule set turns countAppointmentHours on', async () => {
    const trainee = await h.trainee({ optIn: true });
    await h.complete(trainee, { kind: 'appointment', creditHours: '21' });
    const province = (await h.db.query(`SELECT id FROM regions WHERE code = '620000'`))[0].id;
    await h.ruleSets.create(h.admin, {
      name: '试行：任职培训学时计入当年继续教育',
      regionId: province,
      firstYear: 2026,
      applyToCurrentYear: true,
      reason: '试行期间任职培训学时计入当年',
      rules: [NOTICE_RULES.appointment, { ...NOTICE_RULES.continuing, countAppointmentHours: true }],
    });
    await h.engine.recomputeTrainee(trainee);
    expect(await h.status(trainee, 'continuing', 2026)).toMatchObject({ accrued: '21.00', state: 'complete' });
  });
});
