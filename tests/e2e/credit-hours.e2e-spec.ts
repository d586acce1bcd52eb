import { AccrualService, ComplianceEngine } from '@cqo/credit-hours';
import type { TestApi } from '../support/api';
import { createTestApi } from '../support/api';
import type { World } from '../support/fixtures';
import { seedWorld } from '../support/fixtures';
import { completion } from '../integration/credit-hours/support';

describe('credit hours and compliance over HTTP', () => {
  let api: TestApi;
  let world: World;
  let entryLZ: string;

  const accrue = async (traineeId: string, overrides: Parameters<typeof completion>[1]) => {
    const result = await api.get(AccrualService).accrueCompletion(null, completion(traineeId, overrides));
    await api.get(ComplianceEngine).recomputeTrainee(traineeId, result.year);
    return result.entryId;
  };

  // Each test its own database: the adjustment test adds an entry to traineeLZ, whose entries others count.
  beforeEach(async () => {
    api = await createTestApi();
    world = await seedWorld(api);
    await api
      .get(AccrualService)
      .accrueCompletion(
        null,
        completion(world.users.traineeLZ, { kind: 'appointment', creditHours: '21', completedAt: '2026-03-01T02:00:00Z' }),
      );
    entryLZ = await accrue(world.users.traineeLZ, { creditHours: '6.5', completedAt: '2026-04-01T02:00:00Z' });
    await accrue(world.users.traineeTS, { category: 2, creditHours: '12', completedAt: '2026-04-01T02:00:00Z' });
  });
  afterEach(() => api?.close());

  it('shows a trainee their own hours by year, category and kind, with the entries behind them', async () => {
    const summary = await api.request({ method: 'GET', url: '/me/credit-hours', token: world.tokens.traineeLZ });
    expect(summary.statusCode).toBe(200);
    expect(summary.json()).toEqual({
      traineeId: world.users.traineeLZ,
      appointmentHours: '21',
      years: [
        {
          year: 2026,
          totals: [
            { year: 2026, category: 1, kind: 'appointment', hours: '21' },
            { year: 2026, category: 1, kind: 'continuing', hours: '6.5' },
          ],
        },
      ],
    });
    const entries = await api.request({
      method: 'GET',
      url: '/me/credit-hours/entries?year=2026&pageSize=10',
      token: world.tokens.traineeLZ,
    });
    expect(entries.json()).toMatchObject({
      total: 2,
      items: [expect.objectContaining({ id: entryLZ, hours: '6.5', source: 'course_completion' }), expect.anything()],
    });
    const compliance = await api.request({ method: 'GET', url: '/me/compliance?year=2026', token: world.tokens.traineeLZ });
    expect(compliance.json().statuses).toEqual(
      expect.arrayContaining([expect.objectContaining({ requirement: 'appointment', periodYear: 0, accrued: '21', state: 'complete' })]),
    );
  });

  it("lets an enterprise admin see its own employees and nobody else's", async () => {
    const own = await api.request({
      method: 'GET',
      url: `/enterprises/${world.enterpriseLZ}/compliance?year=2026`,
      token: world.tokens.entAdminLZ,
    });
    expect(own.statusCode).toBe(200);
    expect(new Set(own.json().items.map((r: { traineeId: string }) => r.traineeId))).toEqual(new Set([world.users.traineeLZ]));
    const other = await api.request({
      method: 'GET',
      url: `/enterprises/${world.enterpriseTS}/compliance`,
      token: world.tokens.entAdminLZ,
    });
    expect(other.statusCode).toBe(403);
    const hours = await api.request({
      method: 'GET',
      url: `/trainees/${world.users.traineeTS}/credit-hours`,
      token: world.tokens.entAdminLZ,
    });
    expect(hours.statusCode).toBe(403);
    const ownHours = await api.request({
      method: 'GET',
      url: `/trainees/${world.users.traineeLZ}/credit-hours/entries`,
      token: world.tokens.entAdminLZ,
    });
    expect(ownHours.json().total).toBe(2);
  });

  it("lists trainees by state in a regulator's region, with filters and paging", async () => {
    const lz = await api.request({
      method: 'GET',
      url: '/compliance/statuses?year=2026&requirement=methods',
      token: world.tokens.regulatorLZ,
    });
    expect(lz.statusCode).toBe(200);
    expect(lz.json().items.map((r: { traineeId: string }) => r.traineeId)).toEqual([world.users.traineeLZ]);
    const province = await api.request({
      method: 'GET',
      url: '/compliance/statuses?year=2026&requirement=methods&pageSize=1',
      token: world.tokens.regulatorGS,
    });
    expect(province.json()).toMatchObject({ total: 2, pageSize: 1, items: [expect.anything()] });
    const filtered = await api.request({
      method: 'GET',
      url: `/compliance/statuses?requirement=appointment&state=complete&regionId=${world.regions.lanzhou}`,
      token: world.tokens.regulatorGS,
    });
    expect(filtered.json().items).toEqual([
      expect.objectContaining({ traineeId: world.users.traineeLZ, fullName: '兰州学员', state: 'complete' }),
    ]);
    const bad = await api.request({ method: 'GET', url: '/compliance/statuses?state=late', token: world.tokens.regulatorLZ });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details).toEqual([
      { field: 'state', label: '完成情况', rule: 'isEnum', message: '完成情况不是可选的值，请从列表中选择' },
    ]);
    expect((await api.request({ method: 'GET', url: '/compliance/statuses', token: world.tokens.entAdminLZ })).statusCode).toBe(403);
  });

  it('lets a regulator adjust hours in its region only, with a reason, and audits it', async () => {
    const body = {
      traineeId: world.users.traineeLZ,
      category: 2,
      kind: 'continuing',
      hours: '3.5',
      occurredOn: '2026-05-20',
      reason: '补录线下培训学时',
    };
    const ok = await api.request({ method: 'POST', url: '/credit-hours/adjustments', token: world.tokens.regulatorLZ, payload: body });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ year: 2026 });

    const outside = await api.request({ method: 'POST', url: '/credit-hours/adjustments', token: world.tokens.regulatorTS, payload: body });
    expect(outside.statusCode).toBe(403);
    const byEnterprise = await api.request({
      method: 'POST',
      url: '/credit-hours/adjustments',
      token: world.tokens.entAdminLZ,
      payload: body,
    });
    expect(byEnterprise.statusCode).toBe(403);
    const noReason = await api.request({
      method: 'POST',
      url: '/credit-hours/adjustments',
      token: world.tokens.regulatorLZ,
      payload: { ...body, reason: undefined, hours: '3.333' },
    });
    expect(noReason.statusCode).toBe(400);
    expect(
      noReason
        .json()
        .details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['hours', 'reason']);
    const future = await api.request({
      method: 'POST',
      url: '/credit-hours/adjustments',
      token: world.tokens.regulatorLZ,
      payload: { ...body, occurredOn: '2099-01-01' },
    });
    expect(future.json()).toMatchObject({ statusCode: 400, details: [{ field: 'occurredOn', message: expect.any(String) }] });

    const reversal = await api.request({
      method: 'POST',
      url: `/credit-hours/entries/${entryLZ}/reversal`,
      token: world.tokens.admin,
      payload: { reason: '课程认定撤销' },
    });
    expect(reversal.statusCode).toBe(201);
    const again = await api.request({
      method: 'POST',
      url: `/credit-hours/entries/${entryLZ}/reversal`,
      token: world.tokens.admin,
      payload: { reason: '课程认定撤销' },
    });
    expect(again.statusCode).toBe(409);

    const log = await api.request({ method: 'GET', url: '/credit-hours/audit-log', token: world.tokens.regulatorLZ });
    expect(log.json()).toMatchObject({ total: 2 });
    expect(log.json().items.map((a: { action: string; hours: string }) => [a.action, a.hours])).toEqual(
      expect.arrayContaining([
        ['adjustment', '3.5'],
        ['reversal', '-6.5'],
      ]),
    );
    expect((await api.request({ method: 'GET', url: '/credit-hours/audit-log', token: world.tokens.regulatorTS })).json().total).toBe(0);
  });

  it('publishes rule sets for platform admins only, naming every invalid field', async () => {
    const list = await api.request({ method: 'GET', url: '/compliance/rule-sets', token: world.tokens.traineeTS });
    expect(list.json()).toEqual([
      expect.objectContaining({ name: '甘肃省首席质量官学时要求', reminderDates: ['10-01', '12-01', '12-24'] }),
    ]);
    expect(list.json()[0].rules.map((r: { code: string; minHours: string }) => [r.code, r.minHours])).toEqual([
      ['appointment', '21'],
      ['continuing', '14'],
      ['methods', '30'],
    ]);
    const rules = [
      {
        code: 'continuing',
        name: '第一类继续教育',
        category: 1,
        kind: 'continuing',
        minHours: '16',
        period: 'calendar_year',
        appliesTo: 'serving_and_opted_in',
      },
    ];
    const payload = { name: '兰州市要求', regionId: world.regions.lanzhou, firstYear: 2099, rules };
    expect((await api.request({ method: 'POST', url: '/compliance/rule-sets', token: world.tokens.regulatorGS, payload })).statusCode).toBe(
      403,
    );
    const invalid = await api.request({
      method: 'POST',
      url: '/compliance/rule-sets',
      token: world.tokens.admin,
      payload: { ...payload, rules: [{ ...rules[0], minHours: 16, category: 3 }] },
    });
    expect(invalid.statusCode).toBe(400);
    expect(
      invalid
        .json()
        .details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['rules[0].category', 'rules[0].minHours']);
    const created = await api.request({ method: 'POST', url: '/compliance/rule-sets', token: world.tokens.admin, payload });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      regionName: '兰州市',
      firstYear: 2099,
      minutesPerCreditHour: 45,
      currentYearReason: null,
      effectiveFrom: '2099-01-01',
      effectiveTo: null,
    });
  });
});
