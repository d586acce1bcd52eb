import { createHarness, Harness } from './harness';

// Rule: a newer rule set never rewrites hours accrued under an older one; a closed year is judged
// under the set in force on its last day, the open year under the set in force today.
describe('scenario: a rule set changed in the middle of a year', () => {
  let h: Harness;
  let province: string;
  beforeAll(async () => {
    h = await createHarness('2025-12-20T02:00:00Z');
    province = (await h.db.query(`SELECT id FROM regions WHERE code = '620000'`))[0].id;
  });
  afterAll(() => h.close());

  it('judges 2026 from 1 July by the new 16 hours, keeps 2025 under the old 14, and leaves the ledger alone', async () => {
    const trainee = await h.trainee({ optIn: true });
    await h.complete(trainee, { creditHours: '14' }); // 2025, under the Gansu set
    h.clock.set('2026-03-15T02:00:00Z');
    await h.complete(trainee, { creditHours: '14' }); // 2026, still under the Gansu set
    await h.engine.recomputeAll({ year: 2025 }); // the year-close run
    expect(await h.status(trainee, 'continuing', 2026)).toMatchObject({ required: '14.00', state: 'complete' });
    const ledgerBefore = await h.db.query('SELECT * FROM credit_entries WHERE trainee_id = $1 ORDER BY id', [trainee]);

    h.clock.set('2026-06-20T02:00:00Z');
    const published = await h.ruleSets.create(h.admin, {
      name: '甘肃省首席质量官学时要求（2026年修订）',
      regionId: province,
      effectiveFrom: '2026-07-01',
      rules: [
        { code: 'appointment', name: '任职培训', category: 1, kind: 'appointment', minHours: '21', period: 'once', appliesTo: 'everyone' },
        { code: 'continuing', name: '第一类继续教育', category: 1, kind: 'continuing', minHours: '16', period: 'calendar_year', appliesTo: 'serving_and_opted_in' },
        { code: 'methods', name: '第二类方法培训', category: 2, kind: 'continuing', minHours: '30', period: 'calendar_year', appliesTo: 'serving_and_opted_in' },
      ],
    });
    // Not yet in force: nothing changes before 1 July.
    await h.engine.recomputeAll({ year: 2026 });
    expect(await h.status(trainee, 'continuing', 2026)).toMatchObject({ required: '14.00', state: 'complete' });

    h.clock.set('2026-07-01T01:00:00Z'); // 09:00 CST on 1 July: the nightly run has picked it up
    await h.engine.recomputeAll({ year: 2026 });
    expect(await h.status(trainee, 'continuing', 2026)).toMatchObject({ required: '16.00', accrued: '14.00', shortfall: '2.00', state: 'on_track' });
    // 2025 was closed under the old set and stays so, even when recomputed again.
    await h.engine.recomputeTrainee(trainee, 2025);
    expect(await h.status(trainee, 'continuing', 2025)).toMatchObject({ required: '14.00', accrued: '14.00', state: 'complete', final: true });
    // Hours are facts: the ledger is byte for byte what it was.
    expect(await h.db.query('SELECT * FROM credit_entries WHERE trainee_id = $1 ORDER BY id', [trainee])).toEqual(ledgerBefore);

    const sets = await h.ruleSets.list({ regionId: province });
    expect(sets.map((s) => [s.effectiveFrom, s.effectiveTo])).toEqual([
      ['2026-07-01', null],
      ['2021-01-01', '2026-06-30'],
    ]);
    expect(sets[0].id).toBe(published.id);
  });

  it('refuses a rule set that would start in the past', async () => {
    await expect(
      h.ruleSets.create(h.admin, {
        name: '回溯规则',
        regionId: province,
        effectiveFrom: '2026-01-01',
        rules: [{ code: 'continuing', name: '第一类继续教育', category: 1, kind: 'continuing', minHours: '10', period: 'calendar_year', appliesTo: 'serving_and_opted_in' }],
      }),
    ).rejects.toMatchObject({ code: 'RULE_SET_INVALID', details: [{ field: 'effectiveFrom', message: expect.any(String) }] });
  });
});
