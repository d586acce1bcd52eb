import { FakeClock } from '@cqo/core';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import type { World } from '../../support/fixtures';
import { seedWorld, testEnterprise } from '../../support/fixtures';
import { appointmentBody, candidate } from './support';

// The notice, 二 (二) and 三 (一): who may be appointed CQO, and how the enterprise registers it.
describe('CQO appointments (registry)', () => {
  let api: TestApi;
  let world: World;
  const clock = new FakeClock(new Date('2026-05-01T02:00:00Z'));

  beforeAll(async () => {
    api = await createTestApi({ clock });
    world = await seedWorld(api);
  });
  afterAll(() => api.close());

  const check = (who: object, token = world.tokens.entAdminLZ) =>
    api.request({ method: 'POST', url: '/registry/eligibility-checks', token, payload: { trainee: who } });
  // Each test that appoints does so in a Lanzhou enterprise of its own: one serving CQO per enterprise.
  let enterprises = 0;
  const lanzhouEnterprise = () => testEnterprise(api, world.regions.lanzhou, `兰州企业${++enterprises}号`);
  /** Appoints an eligible candidate of the enterprise; answers the appointment. */
  const appointed = async (enterprise: { id: string; adminToken: string }) => {
    const c = await candidate(api, { enterpriseId: enterprise.id });
    const res = await api.request({
      method: 'POST',
      url: '/registry/appointments',
      token: enterprise.adminToken,
      payload: appointmentBody({ username: c.username }),
    });
    expect(res.statusCode).toBe(201);
    return { id: res.json().id as string, cqo: c };
  };

  it('answers eligible for a candidate meeting every condition, named by user name or by ID number', async () => {
    const c = await candidate(api, { enterpriseId: world.enterpriseLZ });
    for (const who of [{ username: c.username }, { idNumber: c.idNumber }]) {
      const res = await check(who);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ candidate: { traineeId: c.userId }, result: { eligible: true, failures: [] } });
      expect(res.body).not.toContain(c.idNumber);
      expect(res.json().candidate.idNumberMasked).toMatch(/^\d{6}\*+\d{3}[\dX]$/);
    }
  });

  it.each([
    ['4 years of quality work', { qualityWorkYears: 4 }, 'QUALITY_WORK_YEARS'],
    ['an associate degree', { educationLevel: 'associate' as const }, 'EDUCATION_LEVEL'],
    ['a primary qualification and no senior title', { qualityQualification: 'primary' as const }, 'QUALITY_QUALIFICATION'],
    ['20.5 appointment hours', { appointmentHours: '20.5' }, 'APPOINTMENT_TRAINING_HOURS'],
    ['no appointment-training certificate', { certificate: false }, 'APPOINTMENT_TRAINING_CERTIFICATE'],
  ])('answers not eligible for %s, naming that condition alone', async (_name, options, code) => {
    const c = await candidate(api, { enterpriseId: world.enterpriseLZ, ...options });
    const res = await check({ username: c.username });
    expect(res.statusCode).toBe(200);
    const result = res.json().result;
    expect(result.eligible).toBe(false);
    expect(result.failures).toEqual([code]);
    expect(result.conditions.find((x: { code: string }) => x.code === code).message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('accepts a related senior title in place of the intermediate qualification', async () => {
    const c = await candidate(api, { enterpriseId: world.enterpriseLZ, qualityQualification: 'none', relatedSeniorTitle: true });
    expect((await check({ username: c.username })).json().result.eligible).toBe(true);
  });

  it('finds only the enterprise’s own people, and needs exactly one identifier', async () => {
    expect((await check({ username: 'traineets' })).json()).toMatchObject({
      code: 'TRAINEE_NOT_FOUND',
      details: [{ field: 'trainee.username' }],
    });
    expect((await check({ username: 'nobody-here' })).statusCode).toBe(400);
    expect((await check({})).json().code).toBe('TRAINEE_IDENTIFIER_REQUIRED');
    expect((await check({ username: 'traineelz', idNumber: '620102198001010011' })).json().code).toBe('TRAINEE_IDENTIFIER_REQUIRED');
    expect((await check({ username: 'traineelz' }, world.tokens.regulatorLZ)).statusCode).toBe(403);
  });

  it('refuses an ineligible appointment without an exception, naming each failing condition', async () => {
    const enterprise = await lanzhouEnterprise();
    const c = await candidate(api, { enterpriseId: enterprise.id, qualityWorkYears: 2, certificate: false });
    const res = await api.request({
      method: 'POST',
      url: '/registry/appointments',
      token: enterprise.adminToken,
      payload: appointmentBody({ username: c.username }),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'CQO_NOT_ELIGIBLE' });
    expect(res.json().details.map((d: { field: string }) => d.field)).toEqual([
      'eligibility.QUALITY_WORK_YEARS',
      'eligibility.APPOINTMENT_TRAINING_CERTIFICATE',
    ]);
    const list = await api.request({ method: 'GET', url: '/registry/appointments', token: enterprise.adminToken });
    expect(list.json().total).toBe(0);
  });

  describe('the exception path and the term', () => {
    it('appoints an ineligible person with a recorded exception, which regulators see flagged', async () => {
      const enterprise = await lanzhouEnterprise();
      const cqo = await candidate(api, { enterpriseId: enterprise.id, educationLevel: 'associate' });
      const res = await api.request({
        method: 'POST',
        url: '/registry/appointments',
        token: enterprise.adminToken,
        payload: appointmentBody(
          { idNumber: cqo.idNumber },
          { appointedOn: '2026-04-01', eligibilityExceptionReason: '该同志从事质量工作二十年，学历为大专，经董事会研究破格聘任' },
        ),
      });
      expect(res.statusCode).toBe(201);
      const body = res.json();
      const appointmentId = body.id;
      expect(body).toMatchObject({
        traineeId: cqo.userId,
        status: 'serving',
        eligible: false,
        exceptionFlagged: true,
        termYears: 3,
        appointedOn: '2026-04-01',
        termEndsOn: '2029-03-31',
        eligibility: { failures: ['EDUCATION_LEVEL'] },
      });
      expect(res.body).not.toContain(cqo.idNumber);
      const flagged = await api.request({
        method: 'GET',
        url: `/registry/appointments?exceptionsOnly=true&enterpriseId=${enterprise.id}`,
        token: world.tokens.regulatorLZ,
      });
      expect(flagged.json().items.map((a: { id: string }) => a.id)).toEqual([appointmentId]);
      const province = await api.request({
        method: 'GET',
        url: `/registry/appointments/${appointmentId}`,
        token: world.tokens.regulatorGS,
      });
      expect(province.json()).toMatchObject({ exceptionFlagged: true, eligibilityExceptionReason: expect.stringContaining('破格') });
    });

    it('allows one serving CQO per enterprise', async () => {
      const enterprise = await lanzhouEnterprise();
      const { cqo } = await appointed(enterprise);
      const other = await candidate(api, { enterpriseId: enterprise.id });
      // Named before the form: the check already says what will refuse the appointment, in words.
      const check = (username: string) =>
        api.request({
          method: 'POST',
          url: '/registry/eligibility-checks',
          token: enterprise.adminToken,
          payload: { trainee: { username } },
        });
      expect((await check(other.username)).json().obstacles).toEqual([
        { code: 'ENTERPRISE_HAS_SERVING_CQO', message: '本企业已有在任首席质量官，请先登记其离任' },
      ]);
      expect((await check(cqo.username)).json().obstacles).toEqual([
        expect.objectContaining({ code: 'TRAINEE_SERVING_HERE', message: expect.stringContaining('已是本企业在任首席质量官') }),
      ]);
      const res = await api.request({
        method: 'POST',
        url: '/registry/appointments',
        token: enterprise.adminToken,
        payload: appointmentBody({ username: other.username }),
      });
      expect(res.json().code).toBe('ENTERPRISE_HAS_SERVING_CQO');
      const again = await api.request({
        method: 'POST',
        url: '/registry/appointments',
        token: enterprise.adminToken,
        payload: appointmentBody({ username: cqo.username }),
      });
      expect(again.json()).toMatchObject({ statusCode: 409, code: 'TRAINEE_SERVING_HERE' });
    });

    it('records a resignation and keeps the history', async () => {
      const enterprise = await lanzhouEnterprise();
      const { id: appointmentId } = await appointed(enterprise);
      const res = await api.request({
        method: 'POST',
        url: `/registry/appointments/${appointmentId}/end`,
        token: enterprise.adminToken,
        payload: { reason: 'resignation', endedOn: '2026-04-30', note: '个人原因辞职' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: 'ended', endReason: 'resignation', endReasonLabel: '辞职', endedOn: '2026-04-30' });
      const again = await api.request({
        method: 'POST',
        url: `/registry/appointments/${appointmentId}/end`,
        token: enterprise.adminToken,
        payload: { reason: 'dismissal' },
      });
      expect(again.json().code).toBe('APPOINTMENT_ALREADY_ENDED');
      const history = await api.request({ method: 'GET', url: '/registry/appointments', token: enterprise.adminToken });
      expect(history.json().items).toEqual([expect.objectContaining({ id: appointmentId, status: 'ended' })]);
    });

    it('needs a reason for a position below deputy general manager', async () => {
      const enterprise = await lanzhouEnterprise();
      const c = await candidate(api, { enterpriseId: enterprise.id });
      const without = await api.request({
        method: 'POST',
        url: '/registry/appointments',
        token: enterprise.adminToken,
        payload: appointmentBody({ username: c.username }, { positionLevel: 'below_deputy', positionTitle: '质量部部长' }),
      });
      expect(without.json()).toMatchObject({ code: 'POSITION_EXCEPTION_REQUIRED', details: [{ field: 'positionExceptionReason' }] });
      const withReason = await api.request({
        method: 'POST',
        url: '/registry/appointments',
        token: enterprise.adminToken,
        payload: appointmentBody(
          { username: c.username },
          {
            positionLevel: 'below_deputy',
            positionTitle: '质量部部长',
            positionExceptionReason: '小微企业，未设副总经理',
            termYears: 2,
            appointedOn: '2026-05-01',
          },
        ),
      });
      expect(withReason.statusCode).toBe(201);
      expect(withReason.json()).toMatchObject({ eligible: true, exceptionFlagged: true, termEndsOn: '2028-04-30' });
    });

    it('rejects bad input naming the field', async () => {
      const res = await api.request({
        method: 'POST',
        url: '/registry/appointments',
        token: world.tokens.entAdminLZ,
        payload: appointmentBody({ username: 'x' }, { appointedOn: '2026-02-29', positionLevel: 'boss' }),
      });
      expect(res.statusCode).toBe(400);
      expect(
        res
          .json()
          .details.map((d: { field: string }) => d.field)
          .sort(),
      ).toEqual(['appointedOn', 'positionLevel']);
    });
  });

  describe('region scoping', () => {
    let lzAppointment: string;
    let lzCqo: string;
    let lzEnterprise: string;

    beforeAll(async () => {
      const enterprise = await testEnterprise(api, world.regions.lanzhou, '兰州在任企业');
      const { id, cqo } = await appointed(enterprise);
      [lzAppointment, lzCqo, lzEnterprise] = [id, cqo.userId, enterprise.id];
    });

    it('answers 403 to another city’s regulator and enterprise, 404 for what does not exist', async () => {
      const ts = world.tokens.regulatorTS;
      expect((await api.request({ method: 'GET', url: `/registry/appointments/${lzAppointment}`, token: ts })).statusCode).toBe(403);
      expect(
        (await api.request({ method: 'GET', url: `/registry/appointments/${lzAppointment}`, token: world.tokens.entAdminTS })).statusCode,
      ).toBe(403);
      expect((await api.request({ method: 'GET', url: `/regulators/enterprises/${lzEnterprise}`, token: ts })).statusCode).toBe(403);
      expect((await api.request({ method: 'GET', url: `/regulators/cqos/${lzCqo}`, token: ts })).statusCode).toBe(403);
      expect(
        (await api.request({ method: 'POST', url: `/regulators/cqos/${lzCqo}/flags`, token: ts, payload: { reason: '越权标记' } }))
          .statusCode,
      ).toBe(403);
      expect(
        (await api.request({ method: 'GET', url: `/regulators/exports/appointments?regionId=${world.regions.lanzhou}`, token: ts }))
          .statusCode,
      ).toBe(403);
      expect(
        (await api.request({ method: 'GET', url: `/regulators/exports/shortfalls?enterpriseId=${lzEnterprise}`, token: ts })).statusCode,
      ).toBe(403);
      expect(
        (await api.request({ method: 'GET', url: `/regulators/dashboard?regionId=${world.regions.lanzhou}`, token: ts })).statusCode,
      ).toBe(403);
      const unknown = '00000000-0000-4000-8000-000000000000';
      expect((await api.request({ method: 'GET', url: `/registry/appointments/${unknown}`, token: ts })).statusCode).toBe(404);
      expect((await api.request({ method: 'GET', url: `/regulators/enterprises/${unknown}`, token: ts })).statusCode).toBe(404);
      expect((await api.request({ method: 'GET', url: `/regulators/cqos/${unknown}`, token: ts })).statusCode).toBe(404);
    });

    it('lets each city see its own and the province see all', async () => {
      expect((await api.request({ method: 'GET', url: '/registry/appointments', token: world.tokens.regulatorTS })).json().total).toBe(0);
      expect(
        (await api.request({ method: 'GET', url: '/registry/appointments', token: world.tokens.regulatorLZ })).json().total,
      ).toBeGreaterThan(0);
      expect((await api.request({ method: 'GET', url: `/regulators/cqos/${lzCqo}`, token: world.tokens.regulatorGS })).statusCode).toBe(
        200,
      );
      const tsExport = await api.request({
        method: 'GET',
        url: '/regulators/exports/appointments?status=all',
        token: world.tokens.regulatorTS,
      });
      expect(tsExport.statusCode).toBe(200);
      expect(tsExport.body.trim().split(/\r?\n/)).toHaveLength(1);
      const gsExport = await api.request({
        method: 'GET',
        url: '/regulators/exports/appointments?status=all',
        token: world.tokens.regulatorGS,
      });
      expect(gsExport.body).toContain('兰州在任企业');
    });
  });
});
