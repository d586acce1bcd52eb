import type { Harness } from './harness';
import { createHarness, NOTICE_RULES } from './harness';

// Rule: during the year a trainee is on track, at risk (accrued below threshold × required ×
// share of the year elapsed, CST) or complete; the nightly run moves people as time passes.
describe('scenario: at risk against the pro-rated share of the year', () => {
  let h: Harness;
  // Each test its own harness (database, clock): a rule set published or a clock moved by one is not seen by another.
  beforeEach(async () => {
    h = await createHarness('2026-01-01T00:00:00Z'); // 08:00 CST on 1 January
  });
  afterEach(() => h?.close());

  it('moves from on track to at risk as the year passes, and to complete when the hours are in', async () => {
    const trainee = await h.trainee({ optIn: true });
    await h.complete(trainee, { category: 2, kind: 'continuing', creditHours: '15' }); // half of 30 on 1 January
    expect(await h.status(trainee, 'methods', 2026)).toMatchObject({ accrued: '15.00', shortfall: '15.00', state: 'on_track' });

    // 1 July 00:00 CST: 181 of 365 days gone → the pro-rated requirement is 14.88 hours; 15 is enough.
    h.clock.set('2026-06-30T16:00:00Z');
    await h.engine.recomputeAll({ year: 2026 });
    expect(await h.status(trainee, 'methods', 2026)).toMatchObject({ state: 'on_track' });

    // 3 July: 183 days → 15.04 hours due; 15 is behind.
    h.clock.set('2026-07-02T16:00:00Z');
    await h.engine.recomputeAll({ year: 2026 });
    expect(await h.status(trainee, 'methods', 2026)).toMatchObject({ state: 'at_risk', shortfall: '15.00' });

    await h.complete(trainee, { category: 2, kind: 'continuing', creditHours: '15' });
    expect(await h.status(trainee, 'methods', 2026)).toMatchObject({ accrued: '30.00', shortfall: '0.00', state: 'complete' });
  });

  it("uses the rule set's threshold: at 0.5 a trainee is at risk only below half the pro-rated hours", async () => {
    h.clock.set('2026-07-03T02:00:00Z');
    const province = (await h.db.query(`SELECT id FROM regions WHERE code = '620000'`))[0].id;
    await h.ruleSets.create(h.admin, {
      name: '宽松进度提醒',
      regionId: province,
      firstYear: 2026,
      applyToCurrentYear: true,
      reason: '下半年放宽进度提醒阈值',
      rules: [{ ...NOTICE_RULES.methods, atRiskThreshold: '0.5' }],
    });
    const onTrack = await h.trainee({ optIn: true });
    await h.complete(onTrack, { category: 2, creditHours: '8' }); // 30 × 0.5 × 0.50 ≈ 7.5 → on track
    const behind = await h.trainee({ optIn: true });
    await h.complete(behind, { category: 2, creditHours: '7' });
    expect(await h.status(onTrack, 'methods', 2026)).toMatchObject({ state: 'on_track' });
    expect(await h.status(behind, 'methods', 2026)).toMatchObject({ state: 'at_risk' });
  });
});
