import type { Harness } from './harness';
import { createHarness } from './harness';

// Rule: category-2 courses are continuing education; their hours count toward the 30-hour methods requirement.
describe('scenario: category-2 hours are continuing and count toward methods training', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness('2026-04-01T02:00:00Z');
  });
  afterAll(() => h.close());

  it('ledgers a category-2 completion as continuing even when the event says appointment', async () => {
    const trainee = await h.trainee({ optIn: true });
    await h.complete(trainee, { category: 2, kind: 'appointment', creditHours: '12' });
    await h.complete(trainee, { category: 2, kind: 'continuing', creditHours: '18' });
    expect(await h.queries.accruedHours(trainee)).toEqual([{ year: 2026, category: 2, kind: 'continuing', hours: '30' }]);
    expect(await h.status(trainee, 'methods', 2026)).toMatchObject({ required: '30.00', accrued: '30.00', state: 'complete' });
    // Category-2 hours are not category-1 hours.
    expect(await h.status(trainee, 'continuing', 2026)).toMatchObject({ accrued: '0.00' });
    expect(await h.status(trainee, 'appointment', 0)).toMatchObject({ accrued: '0.00' });
  });

  it('refuses to ledger a category-2 appointment entry at the database too', async () => {
    const trainee = await h.trainee();
    await expect(
      h.db.query(
        `INSERT INTO credit_entries (trainee_id, category, kind, hours, year, occurred_at, source) VALUES ($1, 2, 'appointment', 1, 2026, now(), 'in_person')`,
        [trainee],
      ),
    ).rejects.toThrow(/ck_credit_entries_kind/);
  });
});
