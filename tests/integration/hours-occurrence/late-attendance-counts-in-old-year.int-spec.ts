import { DataSource } from 'typeorm';
import { FakeClock } from '@cqo/core';
import { ComplianceEngine } from '@cqo/credit-hours';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import type { World } from '../../support/fixtures';
import { seedWorld } from '../../support/fixtures';
import { enrolledInCourse, newYearsEveSession, runAccrualJobs } from './support';

// Rule: hours are earned at the session's sign-out. A session ending 23:59 CST on 31 December that
// is entered on 2 January counts for the old year; the closed year's verdict is recomputed, the
// change audited (before/after) and the trainee, the enterprise admin and the city regulator told.
describe('scenario: attendance at 23:59 CST on 31 December, recorded on 2 January', () => {
  const clock = new FakeClock(new Date('2026-12-20T02:00:00Z'));
  let api: TestApi;
  let world: World;
  let db: DataSource;
  beforeAll(async () => {
    api = await createTestApi({ clock });
    world = await seedWorld(api);
    db = api.get(DataSource);
  });
  afterAll(() => api.close());

  it('counts in 2026, flips 2026 from shortfall to complete, audits and notifies', async () => {
    const trainee = world.users.traineeLZ;
    const { version } = await enrolledInCourse(api, world, clock, newYearsEveSession());
    clock.set('2027-01-01T00:30:00Z'); // 08:30 CST on 1 January: the year-close run
    await api.get(ComplianceEngine).recomputeAll({ year: 2026 });
    const status = async (year: number) =>
      (
        await db.query(
          `SELECT state, accrued::text, final FROM compliance_statuses WHERE trainee_id = $1 AND requirement = 'methods' AND period_year = $2`,
          [trainee, year],
        )
      )[0];
    expect(await status(2026)).toEqual({ state: 'shortfall', accrued: '0.00', final: true });

    clock.set('2027-01-02T02:00:00Z'); // entered on 2 January
    const res = await api.request({
      method: 'POST',
      url: `/lessons/${version.lessons[0].id}/attendance`,
      token: world.tokens.orgAdminA,
      payload: { traineeId: trainee, signedInAt: '2026-12-31T20:05:00+08:00', signedOutAt: '2026-12-31T23:59:00+08:00' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ lessonCompleted: true, courseCompleted: true });

    expect(await runAccrualJobs(api, trainee)).toEqual([2026]);
    const [entry] = await db.query(`SELECT year, occurred_at FROM credit_entries WHERE trainee_id = $1`, [trainee]);
    expect(entry).toEqual({ year: 2026, occurred_at: new Date('2026-12-31T15:59:00Z') });
    expect(await status(2026)).toEqual({ state: 'complete', accrued: '30.00', final: true });
    // Nothing moved into 2027.
    expect((await status(2027))?.accrued ?? '0.00').toBe('0.00');

    const audit = await db.query(
      `SELECT requirement, before_state, after_state, before_accrued::text, after_accrued::text FROM compliance_verdict_changes WHERE trainee_id = $1`,
      [trainee],
    );
    expect(audit).toEqual([
      { requirement: 'methods', before_state: 'shortfall', after_state: 'complete', before_accrued: '0.00', after_accrued: '30.00' },
    ]);
    const told: { user_id: string; body: string }[] = await db.query(
      `SELECT user_id, body FROM notifications WHERE kind = 'compliance.verdict-changed' ORDER BY user_id`,
    );
    expect(told.map((n) => n.user_id).sort()).toEqual([trainee, world.users.entAdminLZ, world.users.regulatorLZ].sort());
    expect(told[0].body).toContain('学时不足（0学时） → 已完成（30学时）');

    // The job delivered twice changes nothing twice.
    await runAccrualJobs(api, trainee);
    expect(await db.query(`SELECT count(*)::int AS n FROM compliance_verdict_changes WHERE trainee_id = $1`, [trainee])).toEqual([
      { n: 1 },
    ]);
  });
});
