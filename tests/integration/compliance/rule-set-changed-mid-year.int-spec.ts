import type { Harness } from './harness';
import { createHarness } from './harness';

const RULES_16 = [
  {
    code: 'appointment',
    name: '任职培训',
    category: 1 as const,
    kind: 'appointment' as const,
    minHours: '21',
    period: 'once' as const,
    appliesTo: 'everyone' as const,
  },
  {
    code: 'continuing',
    name: '第一类继续教育',
    category: 1 as const,
    kind: 'continuing' as const,
    minHours: '16',
    period: 'calendar_year' as const,
    appliesTo: 'serving_and_opted_in' as const,
  },
  {
    code: 'methods',
    name: '第二类方法培训',
    category: 2 as const,
    kind: 'continuing' as const,
    minHours: '30',
    period: 'calendar_year' as const,
    appliesTo: 'serving_and_opted_in' as const,
  },
];

// Rule: a rule set names the first year it governs and governs whole years. A change published
// during a year leaves that year alone unless the admin applies it to the year in progress, with
// a reason that is kept; closed years keep their verdicts; the ledger is never rewritten.
describe('scenario: a rule set changed in the middle of a year', () => {
  let h: Harness;
  let province: string;
  // Each test its own harness (database, clock): a rule set published or a clock moved by one is not seen by another.
  beforeEach(async () => {
    h = await createHarness('2025-12-20T02:00:00Z');
    province = (await h.db.query(`SELECT id FROM regions WHERE code = '620000'`))[0].id;
  });
  afterEach(() => h?.close());

  it('applies 16 hours to the year in progress only when the admin says so, with an audited reason; 2025 keeps 14', async () => {
    const trainee = await h.trainee({ optIn: true });
    await h.complete(trainee, { creditHours: '14' }); // 2025, under the Gansu set
    h.clock.set('2026-03-15T02:00:00Z');
    await h.complete(trainee, { creditHours: '14' }); // 2026
    await h.engine.recomputeAll({ year: 2025 }); // the year-close run
    const ledgerBefore = await h.db.query('SELECT * FROM credit_entries WHERE trainee_id = $1 ORDER BY id', [trainee]);

    h.clock.set('2026-12-02T02:00:00Z'); // 29 days left in 2026
    const published = await h.ruleSets.create(h.admin, {
      name: '甘肃省首席质量官学时要求（2026年修订）',
      regionId: province,
      firstYear: 2026,
      applyToCurrentYear: true,
      reason: '省局通知：自2026年度起第一类继续教育不少于16学时',
      rules: RULES_16,
    });
    expect(published).toMatchObject({
      firstYear: 2026,
      currentYearReason: '省局通知：自2026年度起第一类继续教育不少于16学时',
      effectiveFrom: '2026-01-01',
    });
    await h.engine.recomputeAll({ year: 2026 });
    expect(await h.status(trainee, 'continuing', 2026)).toMatchObject({ required: '16.00', accrued: '14.00', shortfall: '2.00' });
    // 2025 was closed under the old set and stays so, even when recomputed again.
    await h.engine.recomputeTrainee(trainee, 2025);
    expect(await h.status(trainee, 'continuing', 2025)).toMatchObject({
      required: '14.00',
      accrued: '14.00',
      state: 'complete',
      final: true,
    });
    // Hours are facts: the ledger is byte for byte what it was.
    expect(await h.db.query('SELECT * FROM credit_entries WHERE trainee_id = $1 ORDER BY id', [trainee])).toEqual(ledgerBefore);
    const sets = await h.ruleSets.list({ regionId: province });
    expect(sets.map((s) => [s.firstYear, s.effectiveFrom, s.effectiveTo])).toEqual([
      [2026, '2026-01-01', null],
      [2021, '2021-01-01', '2025-12-31'],
    ]);
  });

  it('refuses to change the year in progress without the admin saying so, and any closed year', async () => {
    h.clock.set('2026-03-15T02:00:00Z'); // 2026 in progress, 2025 closed
    const base = { name: '回溯规则', regionId: province, rules: [RULES_16[1]] };
    await expect(h.ruleSets.create(h.admin, { ...base, firstYear: 2027 - 1 })).rejects.toMatchObject({
      code: 'RULE_SET_INVALID',
      details: [{ field: 'firstYear', message: expect.stringContaining('适用于本年度') }],
    });
    await expect(h.ruleSets.create(h.admin, { ...base, firstYear: 2025 })).rejects.toMatchObject({
      code: 'RULE_SET_INVALID',
      details: [{ field: 'firstYear', message: expect.any(String) }],
    });
  });
});
