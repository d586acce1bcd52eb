import type { Harness } from './harness';
import { createHarness } from './harness';
import { completion } from '../credit-hours/support';

// Rule: hours accrue when a course is completed, and they are the course's declared hours, never
// more: one completion accrues once however often it is delivered.
describe('scenario: a completion accrues its declared hours once', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness('2026-04-01T02:00:00Z');
  });
  afterAll(() => h.close());

  it('accrues exactly the declared 2.5 hours, once, for three deliveries of the same completion', async () => {
    const trainee = await h.trainee({ optIn: true });
    const event = completion(trainee, { creditHours: '2.50' });
    const results = await Promise.all([1, 2, 3].map((n) => h.accrual.accrueCompletion(String(n), event)));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.entryId)).size).toBe(1);
    expect(await h.queries.accruedHours(trainee)).toEqual([{ year: 2026, category: 1, kind: 'continuing', hours: '2.5' }]);
    const events = await h.db.query(
      `SELECT count(*)::int AS n FROM outbox_events WHERE type = 'credit.accrued' AND payload->>'traineeId' = $1`,
      [trainee],
    );
    expect(events).toEqual([{ n: 1 }]);
  });

  it('refuses a completion whose hours are not an exact decimal', async () => {
    const trainee = await h.trainee();
    for (const creditHours of ['2.345', '-1', '0', 'abc', 2 as unknown as string]) {
      await expect(h.accrual.accrueCompletion(null, completion(trainee, { creditHours }))).rejects.toMatchObject({
        code: 'COURSE_COMPLETION_INVALID',
        details: [{ field: 'creditHours', message: expect.any(String) }],
      });
    }
    expect(await h.queries.accruedHours(trainee)).toEqual([]);
  });
});
