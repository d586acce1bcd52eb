import type { Harness } from './harness';
import { createHarness } from './harness';

// The full recomputation inserts a chunk judged for the first time (no status and no open flag in
// its trainee range) in bulk, without the diff against existing rows. It must write exactly what
// the general path writes: the same statuses, the same flags, the same counts.
describe('scenario: a cold full recomputation writes what trainee-by-trainee recomputation writes', () => {
  let h: Harness;
  const trainees: string[] = [];
  beforeAll(async () => {
    h = await createHarness('2026-09-01T02:00:00Z');
    const opted = await h.trainee({ optIn: true });
    await h.complete(opted, { creditHours: '14' });
    await h.complete(opted, { creditHours: '21', kind: 'appointment' });
    const behind = await h.trainee({ optIn: true });
    await h.complete(behind, { creditHours: '2' });
    const onTrack = await h.trainee({ optIn: true });
    await h.complete(onTrack, { creditHours: '12' });
    await h.complete(onTrack, { creditHours: '20', category: 2 });
    const bystander = await h.trainee();
    await h.complete(bystander, { creditHours: '3' });
    const serving = await h.trainee();
    await h.serve(serving, '2025-01-01');
    await h.complete(serving, { creditHours: '5', completedAt: '2025-06-01T02:00:00Z' });
    const nominated = await h.trainee();
    await h.serve(nominated, '2027-01-01');
    const idle = await h.trainee();
    trainees.push(opted, behind, onTrack, bystander, serving, nominated, idle);
  });
  afterAll(() => h.close());

  const snapshot = async () => ({
    statuses: await h.db.query(
      `SELECT trainee_id, requirement, period_year, rule_set_id, rule_id, required::text, accrued::text, shortfall::text, state, final
         FROM compliance_statuses ORDER BY trainee_id, requirement, period_year`,
    ),
    flags: await h.db.query(
      `SELECT trainee_id, requirement, period_year, state, raised_state, cleared_at IS NULL AS open, cleared_state
         FROM compliance_flags ORDER BY trainee_id, requirement, period_year, raised_at`,
    ),
  });

  it('gives the same statuses, flags and counts', async () => {
    await h.db.query('TRUNCATE compliance_statuses, compliance_flag_history');
    for (const trainee of trainees) await h.engine.recomputeTrainee(trainee);
    const oneByOne = await snapshot();

    await h.db.query('TRUNCATE compliance_statuses, compliance_flag_history');
    const counts = await h.engine.recomputeAll({ year: 2026 });
    const cold = await snapshot();

    expect(cold).toEqual(oneByOne);
    expect(cold.statuses.length).toBeGreaterThanOrEqual(trainees.length * 3);
    expect(cold.flags.some((f: { state: string }) => f.state === 'at_risk')).toBe(true);
    expect(cold.flags.some((f: { state: string }) => f.state === 'shortfall')).toBe(true);
    expect(counts).toEqual({ changed: cold.statuses.length, removed: 0, flagsRaised: cold.flags.length, flagsCleared: 0 });

    // The next run takes the general path and finds nothing to change.
    expect(await h.engine.recomputeAll({ year: 2026 })).toEqual({ changed: 0, removed: 0, flagsRaised: 0, flagsCleared: 0 });
    expect(await snapshot()).toEqual(cold);
  });

  // On 1 January the new year's statuses are absent but the `once` ones are not: the year is
  // inserted in bulk and the `once` statuses judged against those there (a nominated CQO's term
  // starting that day turns their appointment training from at risk to short).
  it('on 1 January inserts the new year in bulk, judges the `once` statuses against those it finds, and writes what one by one would', async () => {
    await h.db.query('TRUNCATE compliance_statuses, compliance_flag_history');
    await h.engine.recomputeAll({ year: 2026 });
    await h.db.query('DROP TABLE IF EXISTS dec31_statuses, dec31_history');
    await h.db.query('CREATE TABLE dec31_statuses AS SELECT * FROM compliance_statuses');
    await h.db.query('CREATE TABLE dec31_history AS SELECT * FROM compliance_flag_history');
    const backToDecember31 = async () => {
      await h.db.query('TRUNCATE compliance_statuses, compliance_flag_history');
      await h.db.query('INSERT INTO compliance_statuses SELECT * FROM dec31_statuses');
      await h.db.query('INSERT INTO compliance_flag_history SELECT * FROM dec31_history');
    };
    const engine = h.engine as unknown as { passes(...args: unknown[]): Promise<{ year: boolean; once: boolean; write: string }[]> };
    const passes = jest.spyOn(engine, 'passes');
    h.clock.set('2027-01-01T01:00:00Z'); // 09:00 in China
    try {
      for (const trainee of trainees) await h.engine.recomputeTrainee(trainee);
      const oneByOne = await snapshot();
      await backToDecember31();

      const counts = await h.engine.recomputeAll({ year: 2027 });
      const newYear = await snapshot();
      expect(newYear).toEqual(oneByOne);
      // Chunks holding trainees split; the empty ones (no status at all) stay one bulk statement.
      const chosen = await Promise.all(passes.mock.results.map((r) => r.value as Promise<unknown>));
      const split = [
        { year: true, once: false, write: 'bulk' },
        { year: false, once: true, write: 'diff' },
      ];
      expect(chosen).toContainEqual(split);
      for (const chunk of chosen) expect([split, [{ year: true, once: true, write: 'bulk' }]]).toContainEqual(chunk);
      const [{ rows2027 }] = await h.db.query(`SELECT count(*)::int AS rows2027 FROM compliance_statuses WHERE period_year = 2027`);
      expect(rows2027).toBeGreaterThanOrEqual(trainees.length * 2);
      // Every 2027 row is new; of the `once` rows only the nominated CQO's changed.
      expect(counts.changed).toBe(rows2027 + 1);
      // The 2026 statuses were left as they were.
      const kept = await h.db.query(
        `SELECT count(*)::int AS n FROM compliance_statuses s JOIN dec31_statuses d USING (trainee_id, requirement, period_year)
          WHERE s.period_year = 2026 AND (s.state, s.accrued, s.updated_at) = (d.state, d.accrued, d.updated_at)`,
      );
      expect(kept[0].n).toBe(trainees.length * 2);
    } finally {
      passes.mockRestore();
      h.clock.set('2026-09-01T02:00:00Z');
      await h.db.query('DROP TABLE IF EXISTS dec31_statuses, dec31_history');
    }
  });
});
