import { randomUUID } from 'node:crypto';
import { CertificateTriggersService } from '@cqo/certificates';
import { FakeClock } from '@cqo/core';
import { AccrualService, ComplianceEngine } from '@cqo/credit-hours';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import type { World } from '../../support/fixtures';
import { seedWorld } from '../../support/fixtures';
import { NOTICE_RULES } from '../../support/notice-rules';
import type { Candidate } from './support';
import { appointmentBody, candidate } from './support';

const GANSU_2026_REVISED = [
  { ...NOTICE_RULES.appointment, minHours: '24' },
  { ...NOTICE_RULES.continuing, minHours: '16' },
  NOTICE_RULES.methods,
];

/**
 * One evaluator: after a rule set is published, the engine, the certificate triggers, the
 * eligibility check, the regulator's CQO page, the shortfall list (and its export) and the
 * trainee's hours page all give the same verdict, because all of them read the engine's output.
 * And the shortfall list names a serving CQO without the appointment training.
 */
describe('one verdict everywhere', () => {
  const clock = new FakeClock(new Date('2026-06-15T02:00:00Z'));
  let api: TestApi;
  let world: World;
  let a: Candidate; // a serving CQO who met every requirement under 21/14/30
  let b: Candidate; // a serving CQO appointed by exception, without appointment training
  const get = (url: string, token: string) => api.request({ method: 'GET', url, token });

  // Each test its own database: one publishes a stricter rule set, which the other's list must not see.
  beforeEach(async () => {
    clock.set('2026-06-15T02:00:00Z');
    api = await createTestApi({ clock });
    world = await seedWorld(api);
    a = await candidate(api, { enterpriseId: world.enterpriseLZ, fullName: '甲首席' });
    b = await candidate(api, { enterpriseId: world.enterpriseTS, fullName: '乙首席', appointmentHours: '0', certificate: false });
    const appoint = async (who: Candidate, token: string, extra: Record<string, unknown> = {}) => {
      const res = await api.request({
        method: 'POST',
        url: '/registry/appointments',
        token,
        payload: appointmentBody({ username: who.username }, { appointedOn: '2026-06-10', ...extra }),
      });
      expect(res.statusCode).toBe(201);
    };
    await appoint(a, world.tokens.entAdminLZ);
    await appoint(b, world.tokens.entAdminTS, { eligibilityExceptionReason: '任职培训尚未完成，经董事会研究先行聘任，限期补训' });
    // A's 2026: 14 category-1 continuing and 30 category-2 hours (what the accrual job writes), then the recompute job.
    for (const [category, creditHours] of [
      [1, '14'],
      [2, '30'],
    ] as const) {
      await api.get(AccrualService).accrueCompletion(null, {
        enrollmentId: randomUUID(),
        traineeId: a.userId,
        courseId: randomUUID(),
        courseVersionId: randomUUID(),
        organizationId: randomUUID(),
        category,
        kind: 'continuing',
        creditHours,
        completedAt: '2026-05-10T02:00:00Z',
      });
    }
    for (const who of [a, b]) await api.get(ComplianceEngine).recomputeTrainee(who.userId, 2026);
  });
  afterEach(() => api?.close());

  it('lists a serving CQO without appointment training on the shortfall list and its export, with hours done and missing', async () => {
    const list = await get('/regulators/shortfalls?year=2026', world.tokens.regulatorTS);
    expect(list.statusCode).toBe(200);
    // The most serious gap first (the once-only appointment training), then the year's requirements at risk.
    expect(list.json().items).toEqual([
      expect.objectContaining({
        traineeId: b.userId,
        year: 2026,
        requirement: 'appointment',
        required: '21',
        accrued: '0',
        shortfall: '21',
        state: 'shortfall',
      }),
      expect.objectContaining({ traineeId: b.userId, requirement: 'continuing', state: 'at_risk' }),
      expect.objectContaining({ traineeId: b.userId, requirement: 'methods', state: 'at_risk' }),
    ]);
    const csv = await get('/regulators/exports/shortfalls?year=2026&format=csv', world.tokens.regulatorTS);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('乙首席');
    expect(csv.body).toContain(',2026,任职培训（第一类）,21.00,0.00,21.00,未完成');
    // Lanzhou's CQO has everything: not on Lanzhou's list.
    expect((await get('/regulators/shortfalls?year=2026', world.tokens.regulatorLZ)).json().items).toEqual([]);
  });

  it('gives the same verdict in every place after a new rule set is published for the year in progress', async () => {
    const before = await api.get(CertificateTriggersService).evaluate(a.userId, 2026);
    expect(typeof before.yearly).not.toBe('string'); // 14/14 and 30/30: the yearly certificate is issued
    const yearly = typeof before.yearly === 'string' ? null : before.yearly.certificate;

    const published = await api.request({
      method: 'POST',
      url: '/compliance/rule-sets',
      token: world.tokens.admin,
      payload: {
        name: '甘肃省首席质量官学时要求（2026年修订）',
        regionId: world.regions.province,
        firstYear: 2026,
        applyToCurrentYear: true,
        reason: '省局通知：本年度起提高学时要求',
        rules: GANSU_2026_REVISED,
      },
    });
    expect(published.statusCode).toBe(201);
    await api.get(ComplianceEngine).recomputeAll({ year: 2026 }); // the job the publication starts

    // 1. The engine.
    const mine = (await get('/me/compliance?year=2026', a.token)).json().statuses as {
      requirement: string;
      required: string;
      accrued: string;
      state: string;
    }[];
    const byCode = Object.fromEntries(mine.map((s) => [s.requirement, s]));
    expect(byCode.continuing).toMatchObject({ required: '16', accrued: '14' });
    expect(byCode.continuing.state).not.toBe('complete');
    expect(byCode.appointment).toMatchObject({ required: '24', accrued: '21', state: 'shortfall' });

    // 2. Certificate triggers: the year is no longer complete, so its certificate is suspended.
    const after = await api.get(CertificateTriggersService).evaluate(a.userId, 2026);
    expect(after.yearly).toEqual(expect.stringContaining('no longer complete'));
    expect(after.appointment).toEqual(expect.stringContaining('21 < 24'));
    const verify = await api.request({ method: 'GET', url: `/certificates/verify/${yearly!.verifyToken}` });
    expect(verify.json()).toMatchObject({ status: 'suspended', suspensionReason: expect.stringContaining('不满足要求') });

    // 3. Eligibility: the training condition is the rule set's 24, not a second 21.
    const check = await api.request({
      method: 'POST',
      url: '/registry/eligibility-checks',
      token: world.tokens.entAdminLZ,
      payload: { trainee: { username: a.username } },
    });
    const training = check.json().result.conditions.find((c: { code: string }) => c.code === 'APPOINTMENT_TRAINING_HOURS');
    expect(training).toMatchObject({ met: false, requirement: '第一类任职培训不少于24学时', actual: '21学时' });

    // 4. The regulator's CQO page.
    const page = (await get(`/regulators/cqos/${a.userId}`, world.tokens.regulatorLZ)).json();
    expect(page.appointmentTraining).toMatchObject({ done: false, hours: '21', requiredHours: '24' });
    const year2026 = page.years.find((y: { year: number }) => y.year === 2026);
    expect(year2026.complete).toBe(false);
    expect(year2026.requirements.find((r: { requirement: string }) => r.requirement === 'continuing')).toMatchObject({
      required: '16',
      state: byCode.continuing.state,
    });

    // 5. The shortfall list: A's appointment training is now short by 3.
    const list = (await get('/regulators/shortfalls?year=2026', world.tokens.regulatorLZ)).json().items;
    expect(list).toContainEqual(
      expect.objectContaining({
        traineeId: a.userId,
        requirement: 'appointment',
        required: '24',
        accrued: '21',
        shortfall: '3',
        state: 'shortfall',
      }),
    );

    // 6. The trainee's hours page reads the same statuses (checked in 1); the staff view of them too.
    const staff = (await get(`/trainees/${a.userId}/compliance?year=2026`, world.tokens.regulatorLZ)).json().statuses;
    expect(staff).toEqual(mine);
  });
});
