import type { Harness } from './harness';
import { createHarness } from './harness';

// Rule: the yearly requirements bind every serving CQO and trainees who ask for them; appointment
// training applies to everyone. "Serving" comes from the serving_cqo_terms view (the registry's seam).
describe('scenario: who the yearly requirements apply to', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness('2026-09-01T02:00:00Z');
  });
  afterAll(() => h.close());

  it('is not applicable to a trainee who is neither serving nor opted in, with hours still counted', async () => {
    const trainee = await h.trainee();
    await h.complete(trainee, { creditHours: '3' });
    expect(await h.status(trainee, 'continuing', 2026)).toMatchObject({ accrued: '3.00', shortfall: '0.00', state: 'not_applicable' });
    expect(await h.status(trainee, 'appointment', 0)).toMatchObject({ state: 'on_track' });
  });

  it('applies to a trainee who opted in', async () => {
    const trainee = await h.trainee({ optIn: true });
    await h.engine.recomputeTrainee(trainee);
    expect(await h.status(trainee, 'continuing', 2026)).toMatchObject({ accrued: '0.00', shortfall: '14.00', state: 'at_risk' });
  });

  it('applies to a serving CQO for the years a term overlaps, and not before', async () => {
    const trainee = await h.trainee();
    await h.serve(trainee, '2026-03-01');
    await h.complete(trainee, { creditHours: '14', completedAt: '2025-06-01T02:00:00Z' });
    await h.engine.recomputeAll({ year: 2025 });
    await h.engine.recomputeTrainee(trainee);
    expect(await h.status(trainee, 'continuing', 2026)).toMatchObject({ state: 'at_risk' });
    expect(await h.status(trainee, 'continuing', 2025)).toMatchObject({ accrued: '14.00', state: 'not_applicable', final: true });
  });
});
