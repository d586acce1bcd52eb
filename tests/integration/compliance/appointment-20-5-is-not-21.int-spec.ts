import type { Harness } from './harness';
import { createHarness } from './harness';

// Rule: appointment training needs at least 21 category-1 appointment hours, exactly (decimal, not float).
describe('scenario: 20.5 hours of appointment training is not 21', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness('2026-05-10T02:00:00Z');
  });
  afterAll(() => h.close());

  it('is short by 0.5 at 20.5 hours and complete at 21, over several courses and years', async () => {
    const trainee = await h.trainee();
    await h.complete(trainee, { kind: 'appointment', creditHours: '10.25', completedAt: '2025-11-01T02:00:00Z' });
    await h.complete(trainee, { kind: 'appointment', creditHours: '10.25' });
    expect(await h.status(trainee, 'appointment', 0)).toMatchObject({
      required: '21.00',
      accrued: '20.50',
      shortfall: '0.50',
      state: 'on_track',
    });
    expect(await h.queries.appointmentHoursTotal(trainee)).toBe('20.5');

    await h.complete(trainee, { kind: 'appointment', creditHours: '0.5' });
    expect(await h.status(trainee, 'appointment', 0)).toMatchObject({ accrued: '21.00', shortfall: '0.00', state: 'complete' });
  });

  it('calls it a shortfall for a serving CQO, who should have had it before appointment', async () => {
    const trainee = await h.trainee();
    await h.serve(trainee, '2026-01-01');
    await h.complete(trainee, { kind: 'appointment', creditHours: '20.5' });
    expect(await h.status(trainee, 'appointment', 0)).toMatchObject({ accrued: '20.50', shortfall: '0.50', state: 'shortfall' });
  });
});
