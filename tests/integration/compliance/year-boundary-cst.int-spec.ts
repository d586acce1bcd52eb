import type { Harness } from './harness';
import { createHarness } from './harness';

// Rule: the calendar year is the year in China Standard Time of the moment of completion.
describe('scenario: a completion at 2025-12-31T16:30Z counts for 2026', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness('2026-01-02T04:00:00Z');
  });
  afterAll(() => h.close());

  it('puts 16:30Z on 31 December into 2026 and 15:59Z into 2025', async () => {
    const trainee = await h.trainee({ optIn: true });
    const late = await h.complete(trainee, { category: 2, kind: 'continuing', creditHours: '30', completedAt: '2025-12-31T16:30:00Z' });
    const early = await h.complete(trainee, { category: 2, kind: 'continuing', creditHours: '4', completedAt: '2025-12-31T15:59:59Z' });
    expect(late.year).toBe(2026);
    expect(early.year).toBe(2025);

    expect(await h.status(trainee, 'methods', 2026)).toMatchObject({ accrued: '30.00', state: 'complete' });
    expect(await h.queries.accruedHours(trainee, { year: 2025 })).toEqual([{ year: 2025, category: 2, kind: 'continuing', hours: '4' }]);
  });
});
