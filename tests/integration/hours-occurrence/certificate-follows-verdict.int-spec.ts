import { DataSource } from 'typeorm';
import { CertificateTriggersService } from '@cqo/certificates';
import { FakeClock, Role } from '@cqo/core';
import { AdjustmentsService, ComplianceEngine } from '@cqo/credit-hours';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import type { World } from '../../support/fixtures';
import { seedWorld } from '../../support/fixtures';

// Rule: a yearly certificate follows its year's verdict. A reversal that turns the closed year
// into a shortfall suspends it (with the reason, in plain words on the public page; holder and
// regulators told); hours that make the year complete again reinstate it, with history.
describe('scenario: a yearly certificate after a reversal', () => {
  const clock = new FakeClock(new Date('2026-11-20T02:00:00Z'));
  let api: TestApi;
  let world: World;
  let db: DataSource;
  beforeAll(async () => {
    api = await createTestApi({ clock });
    world = await seedWorld(api);
    db = api.get(DataSource);
  });
  afterAll(() => api.close());

  it('is suspended when 2026 falls to shortfall and valid again when it is complete', async () => {
    const trainee = world.users.traineeLZ;
    await db.query('UPDATE trainee_profiles SET yearly_requirements_opt_in = true WHERE user_id = $1', [trainee]);
    const admin = {
      userId: world.users.admin,
      role: Role.PlatformAdmin,
      organizationId: null,
      enterpriseId: null,
      regionId: null,
      regionPath: null,
    };
    const adjustments = api.get(AdjustmentsService);
    const triggers = api.get(CertificateTriggersService);
    const add = (category: 1 | 2, hours: string, occurredOn: string) =>
      adjustments.adjust(admin, { traineeId: trainee, category, kind: 'continuing', hours, occurredOn, reason: '补录线下培训学时' });
    await add(1, '14', '2026-10-10');
    const methods = await add(2, '30', '2026-10-11');
    const issued = await triggers.evaluate(trainee, 2026);
    expect(typeof issued.yearly).not.toBe('string');
    const certificate = typeof issued.yearly === 'string' ? null : issued.yearly.certificate;

    clock.set('2027-01-05T02:00:00Z');
    await api.get(ComplianceEngine).recomputeAll({ year: 2026 }); // year close: complete, final
    await adjustments.reverse(admin, methods.entryId, '培训机构撤销该课程的结业认定');
    const suspended = await triggers.evaluate(trainee, 2026); // the job `credit.accrued` starts
    expect(suspended.yearly).toEqual(expect.stringContaining(`certificate ${certificate!.serial} suspended`));
    const page = await api.request({ method: 'GET', url: `/verify/${certificate!.verifyToken}` });
    expect(page.body).toContain('已暂停');
    expect(page.body).toContain('2026年度学时经重新认定不满足要求');
    const json = (await api.request({ method: 'GET', url: `/certificates/verify/${certificate!.verifyToken}` })).json();
    expect(json).toMatchObject({ status: 'suspended', suspendedOn: '2027-01-05' });
    const told: { user_id: string }[] = await db.query(
      `SELECT user_id FROM notifications WHERE kind = 'certificate.suspended' ORDER BY user_id`,
    );
    expect(told.map((n) => n.user_id).sort()).toEqual([trainee, world.users.regulatorLZ, world.users.regulatorGS].sort());

    clock.set('2027-01-06T02:00:00Z');
    await add(2, '30', '2026-12-20'); // the course is recognised again, late
    const reinstated = await triggers.evaluate(trainee, 2026);
    expect(typeof reinstated.yearly === 'string' ? reinstated.yearly : reinstated.yearly.certificate.status).toBe('valid');
    expect((await api.request({ method: 'GET', url: `/certificates/verify/${certificate!.verifyToken}` })).json()).toMatchObject({
      status: 'valid',
      suspensionReason: null,
    });
    const history = await db.query(`SELECT type FROM certificate_events WHERE certificate_id = $1 ORDER BY at, type`, [certificate!.id]);
    expect(history.map((e: { type: string }) => e.type)).toEqual(['issued', 'suspended', 'reinstated']);
    // Evaluating again changes nothing.
    await triggers.evaluate(trainee, 2026);
    expect(await db.query(`SELECT count(*)::int AS n FROM certificate_events WHERE certificate_id = $1`, [certificate!.id])).toEqual([
      { n: 3 },
    ]);
  });
});
