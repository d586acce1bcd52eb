import type { Harness } from './harness';
import { createHarness } from './harness';

// Rule: after the year closes a trainee is complete or shortfall (shortfall = requirement − accrued
// when positive); the year-close run makes the closed year's statuses final.
describe('scenario: the year closes at 1 January 00:00 CST', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness('2026-12-31T15:00:00Z'); // 23:00 CST on 31 December
  });
  afterAll(() => h.close());

  it("turns at risk into shortfall and keeps complete, final, under the year's rule set", async () => {
    const short = await h.trainee({ optIn: true });
    const done = await h.trainee({ optIn: true });
    const notBound = await h.trainee();
    await h.complete(short, { creditHours: '13.5' });
    await h.complete(done, { creditHours: '14' });
    await h.complete(notBound, { creditHours: '1' });
    expect(await h.status(short, 'continuing', 2026)).toMatchObject({ state: 'at_risk', final: false });

    h.clock.set('2026-12-31T16:05:00Z'); // 00:05 CST on 1 January 2027
    await h.engine.recomputeAll({ year: 2026 });
    expect(await h.status(short, 'continuing', 2026)).toMatchObject({
      accrued: '13.50',
      shortfall: '0.50',
      state: 'shortfall',
      final: true,
    });
    expect(await h.status(done, 'continuing', 2026)).toMatchObject({ state: 'complete', final: true });
    expect(await h.status(notBound, 'continuing', 2026)).toMatchObject({ state: 'not_applicable', shortfall: '0.00', final: true });
    // The shortfall flag is the at-risk flag, now a shortfall.
    const flags = await h.db.query(
      `SELECT raised_state, state, cleared_at FROM compliance_flags WHERE trainee_id = $1 AND requirement = 'continuing' AND period_year = 2026`,
      [short],
    );
    expect(flags).toEqual([{ raised_state: 'at_risk', state: 'shortfall', cleared_at: null }]);

    // The new year starts from nothing; a completion at 00:30 CST counts for 2027.
    await h.complete(short, { creditHours: '2' });
    expect(await h.status(short, 'continuing', 2027)).toMatchObject({ accrued: '2.00', final: false });
    expect(await h.status(short, 'continuing', 2026)).toMatchObject({ accrued: '13.50', state: 'shortfall' });
  });
});
