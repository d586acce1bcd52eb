import type { Harness } from './harness';
import { createHarness, NOTICE_RULES } from './harness';

// The recomputation reads this year's partition of the ledger for the yearly totals and only the
// entries an all-years total counts (the appointment hours through their partial index) for the
// once-only rules. Whatever rules a set holds, each status must still count exactly the hours its
// rule names, in every year it names them, whichever way the statuses are written.
describe('scenario: every kind of total counts its own hours from every year it names', () => {
  let h: Harness;
  let trainee: string;
  // Three years of every kind of hours: appointment, continuing (category 1) and methods (category 2).
  const entries = [
    { year: 2024, kind: 'appointment', category: 1, creditHours: '5' },
    { year: 2024, kind: 'continuing', category: 1, creditHours: '3' },
    { year: 2024, kind: 'continuing', category: 2, creditHours: '4' },
    { year: 2025, kind: 'appointment', category: 1, creditHours: '6' },
    { year: 2025, kind: 'continuing', category: 1, creditHours: '7' },
    { year: 2025, kind: 'continuing', category: 2, creditHours: '8' },
    { year: 2026, kind: 'appointment', category: 1, creditHours: '2' },
    { year: 2026, kind: 'continuing', category: 1, creditHours: '1.5' },
    { year: 2026, kind: 'continuing', category: 2, creditHours: '9' },
  ] as const;

  // Each test its own harness (database, clock): the rule set one publishes is not seen by the other.
  beforeEach(async () => {
    h = await createHarness('2026-06-01T02:00:00Z');
    trainee = await h.trainee({ optIn: true });
    for (const e of entries)
      await h.complete(trainee, {
        kind: e.kind,
        category: e.category,
        creditHours: e.creditHours,
        completedAt: `${e.year}-05-01T02:00:00Z`,
      });
  });
  afterEach(() => h?.close());

  // The open year's statuses and the once-only ones (the earlier years were judged when their hours landed).
  const accrued = async () =>
    Object.fromEntries(
      (
        await h.db.query(
          `SELECT requirement, period_year, accrued::text FROM compliance_statuses WHERE trainee_id = $1 AND period_year IN (0, 2026) ORDER BY requirement`,
          [trainee],
        )
      ).map((r: { requirement: string; period_year: number; accrued: string }) => [`${r.requirement}@${r.period_year}`, r.accrued]),
    );

  it('under the notice: appointment hours of all years, this year only for continuing and methods', async () => {
    const expected = { 'appointment@0': '13.00', 'continuing@2026': '1.50', 'methods@2026': '9.00' };
    expect(await accrued()).toEqual(expected);
    await h.db.query('TRUNCATE compliance_statuses, compliance_flag_history');
    await h.engine.recomputeAll({ year: 2026 });
    expect(await accrued()).toEqual(expected);
  });

  it('under a set that asks for every total: all-years continuing and methods, appointment hours counted in', async () => {
    const province = (await h.db.query(`SELECT id FROM regions WHERE code = '620000'`))[0].id;
    await h.ruleSets.create(h.admin, {
      name: '试行：各类学时合计',
      regionId: province,
      firstYear: 2026,
      applyToCurrentYear: true,
      reason: '核对各类学时的合计口径',
      rules: [
        NOTICE_RULES.appointment,
        { ...NOTICE_RULES.continuing, name: '第一类继续教育（含任职培训）', countAppointmentHours: true },
        NOTICE_RULES.methods,
        { ...NOTICE_RULES.methods, code: 'methods_total', name: '第二类累计', minHours: '40', period: 'once', appliesTo: 'everyone' },
        {
          ...NOTICE_RULES.continuing,
          code: 'continuing_total',
          name: '第一类累计（含任职培训）',
          minHours: '30',
          period: 'once',
          appliesTo: 'everyone',
          countAppointmentHours: true,
        },
      ],
    });
    const expected = {
      'appointment@0': '13.00', // 5 + 6 + 2
      'continuing@2026': '3.50', // 1.5 + this year's 2 appointment hours
      'methods@2026': '9.00',
      'methods_total@0': '21.00', // 4 + 8 + 9
      'continuing_total@0': '24.50', // 3 + 7 + 1.5 continuing, 5 + 6 + 2 appointment
    };
    // One trainee (the accrual's path), a cold full run (bulk insert) and a steady full run (diff).
    await h.engine.recomputeTrainee(trainee);
    expect(await accrued()).toEqual(expected);
    await h.db.query('TRUNCATE compliance_statuses, compliance_flag_history');
    await h.engine.recomputeAll({ year: 2026 });
    expect(await accrued()).toEqual(expected);
    expect(await h.engine.recomputeAll({ year: 2026 })).toMatchObject({ changed: 0, removed: 0 });
    expect(await accrued()).toEqual(expected);
  });
});
