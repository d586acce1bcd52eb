import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { TargetsHarness } from './targets/harness';
import { appointmentBody, candidate } from '../../e2e/registry/support';

// Appointments that hold up: the declaration is required and a declared circumstance or an open
// disqualifying flag refuses; appointedOn stays within 30 days back and 90 ahead (older with the
// city's approval); re-appointment checks the last term's continuing education; renewal (续聘).
describe('appointment refusals and renewal', () => {
  const h = new TargetsHarness('2026-05-01T02:00:00Z');
  let enterprise: string;
  let token: string;
  beforeAll(async () => {
    await h.start();
    enterprise = await h.enterprise({ stateOwned: true });
    token = await h.adminToken(enterprise);
  });
  // The renewal case moves the clock to 2027: every case starts on 1 May 2026.
  beforeEach(() => h.clock.set('2026-05-01T02:00:00Z'));
  afterAll(() => h.close());
  const post = (url: string, payload: object, t = token) => h.api.request({ method: 'POST', url, token: t, payload });

  it('refuses a candidate without a declaration', async () => {
    const c = await candidate(h.api, { enterpriseId: enterprise, declaration: false });
    const res = await post('/registry/appointments', appointmentBody({ username: c.username }));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'DISQUALIFICATION_DECLARATION_REQUIRED', details: [{ field: 'declaration' }] });
  });

  it('refuses a candidate who declares a disqualifying circumstance, naming it', async () => {
    const c = await candidate(h.api, { enterpriseId: enterprise, declaration: false });
    const answers = {
      serious_quality_violation: false,
      improper_gain: false,
      abuse_of_office: true,
      leaked_secrets: false,
      other_harm: false,
    };
    expect(
      (await post('/registry/declarations', { trainee: { username: c.username }, declaredOn: '2026-04-30', answers })).statusCode,
    ).toBe(201);
    const res = await post('/registry/appointments', appointmentBody({ username: c.username }));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('CQO_DISQUALIFIED_DECLARED');
    expect(res.json().message).toContain('滥用职权');
    expect(res.json().details).toEqual([
      expect.objectContaining({ field: 'declaration.abuse_of_office', message: expect.stringContaining('滥用职权') }),
    ]);
  });

  it('refuses a person with an open disqualifying regulator flag, and accepts once it is cleared', async () => {
    const c = await candidate(h.api, { enterpriseId: enterprise });
    const flag = await post(
      `/regulators/cqos/${c.userId}/flags`,
      { reason: '经查泄露合作伙伴信息', disqualifyingCircumstance: 'leaked_secrets' },
      h.world.tokens.regulatorLZ,
    );
    expect(flag.statusCode).toBe(201);
    const refused = await post('/registry/appointments', appointmentBody({ username: c.username }));
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'CQO_DISQUALIFIED_FLAGGED', details: [{ field: 'flag.leaked_secrets' }] });
    // A flag of no disqualifying kind does not block.
    expect(
      (await post(`/regulators/flags/${flag.json().id}/clear`, { reason: '经复核不属实' }, h.world.tokens.regulatorLZ)).statusCode,
    ).toBeLessThan(300);
    expect((await post(`/regulators/cqos/${c.userId}/flags`, { reason: '请关注其学时进度' }, h.world.tokens.regulatorLZ)).statusCode).toBe(
      201,
    );
    const ok = await post('/registry/appointments', appointmentBody({ username: c.username }));
    expect(ok.statusCode).toBe(201);
    // Leave the enterprise free for the next cases.
    expect((await post(`/registry/appointments/${ok.json().id}/end`, { reason: 'resignation', endedOn: '2026-05-01' })).statusCode).toBe(
      200,
    );
  });

  it('refuses a backdated appointment, and accepts it with the city’s approval (used once)', async () => {
    const c = await candidate(h.api, { enterpriseId: enterprise });
    const backdated = await post('/registry/appointments', appointmentBody({ username: c.username }, { appointedOn: '2026-03-31' }));
    expect(backdated.statusCode).toBe(400);
    expect(backdated.json()).toMatchObject({
      code: 'APPOINTED_ON_TOO_EARLY',
      details: [{ field: 'appointedOn', message: expect.stringContaining('2026-04-01') }],
    });
    const ahead = await post('/registry/appointments', appointmentBody({ username: c.username }, { appointedOn: '2026-07-31' }));
    expect(ahead.statusCode).toBe(400);
    expect(ahead.json()).toMatchObject({ code: 'APPOINTED_ON_TOO_LATE', details: [{ field: 'appointedOn' }] });
    // Another city's regulator cannot approve.
    const approval = {
      enterpriseId: enterprise,
      traineeId: c.userId,
      appointedOn: '2026-03-31',
      reason: '聘任文件日期为3月31日，登记延误',
    };
    expect((await post('/regulators/appointment-backdate-approvals', approval, h.world.tokens.regulatorTS)).statusCode).toBe(403);
    expect((await post('/regulators/appointment-backdate-approvals', approval, h.world.tokens.regulatorLZ)).statusCode).toBe(201);
    const ok = await post('/registry/appointments', appointmentBody({ username: c.username }, { appointedOn: '2026-03-31' }));
    expect(ok.statusCode).toBe(201);
    expect(ok.json().backdateApprovalId).toEqual(expect.any(String));
    const [audit] = await h.api
      .get<DataSource>(getDataSourceToken())
      .query('SELECT reason, approved_by, used_by_appointment_id FROM appointment_backdate_approvals WHERE trainee_id = $1', [c.userId]);
    expect(audit).toMatchObject({ reason: approval.reason, approved_by: h.world.users.regulatorLZ, used_by_appointment_id: ok.json().id });
    expect((await post(`/registry/appointments/${ok.json().id}/end`, { reason: 'dismissal', endedOn: '2026-05-01' })).statusCode).toBe(200);
  });

  it('judges eligibility as of appointedOn (the rule set then, the date recorded)', async () => {
    const c = await candidate(h.api, { enterpriseId: enterprise });
    const res = await post('/registry/appointments', appointmentBody({ username: c.username }, { appointedOn: '2026-07-15' }));
    expect(res.statusCode).toBe(201);
    expect(res.json().eligibility.checkedOn).toBe('2026-07-15');
    expect(res.json().termState).toBe('future');
    expect((await post(`/registry/appointments/${res.json().id}/end`, { reason: 'resignation', endedOn: '2026-07-15' })).statusCode).toBe(
      200,
    );
  });

  it('refuses re-appointing someone with a final yearly shortfall in the last term', async () => {
    const c = await candidate(h.api, { enterpriseId: enterprise });
    const ds = h.api.get<DataSource>(getDataSourceToken());
    // A past term 2022–2025 and the compliance engine's final verdict on 2024.
    const [{ id: oldId }] = await ds.query(
      `INSERT INTO cqo_appointments (enterprise_id, trainee_id, position_title, position_level, authorization_certificate_no, appointed_on, term_years,
              term_ends_on, eligibility, eligible, status, ended_on, end_reason, created_at, updated_at)
       VALUES ($1, $2, '副总经理', 'deputy_general_manager', 'OLD-1', '2022-03-01', 3, '2025-02-28', '{}', true, 'ended', '2025-02-28', 'term_expired', now(), now())
       RETURNING id`,
      [enterprise, c.userId],
    );
    const [rule] = await ds.query(
      `SELECT r.id, r.rule_set_id, r.code FROM requirement_rules r WHERE r.period = 'calendar_year' ORDER BY r.sort_order LIMIT 1`,
    );
    await ds.query(
      `INSERT INTO compliance_statuses (trainee_id, requirement, period_year, rule_set_id, rule_id, required, accrued, shortfall, state, final, updated_at,
                                        flag_raised_at, flag_raised_state)
       VALUES ($1, $2, 2024, $3, $4, 14, 10, 4, 'shortfall', true, now(), now(), 'shortfall')`,
      [c.userId, rule.code, rule.rule_set_id, rule.id],
    );
    const res = await post('/registry/appointments', appointmentBody({ username: c.username }));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'REAPPOINTMENT_CONTINUING_EDUCATION_SHORTFALL',
      details: [{ field: 'continuingEducation.2024' }],
    });
    // The expired, unrenewed term shows as such, and cannot be renewed either.
    const old = await h.api.request({ method: 'GET', url: `/registry/appointments/${oldId}`, token });
    expect(old.json().termState).toBe('expired_unrenewed');
    expect((await post(`/registry/appointments/${oldId}/renew`, { authorizationCertificateNo: 'OLD-2' })).json().code).toBe(
      'REAPPOINTMENT_CONTINUING_EDUCATION_SHORTFALL',
    );
  });

  it('renews a term within 90 days of its end: the next term starts the day after', async () => {
    const other = await h.enterprise({ stateOwned: true });
    const { res, token: otherToken } = await h.appoint(other, { appointedOn: '2026-04-20', body: { termYears: 1 } });
    expect(res.statusCode).toBe(201);
    const early = await post(`/registry/appointments/${res.json().id}/renew`, { authorizationCertificateNo: 'R-1' }, otherToken);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('APPOINTMENT_NOT_RENEWABLE');
    h.clock.set('2027-03-01T02:00:00Z');
    const renewed = await post(`/registry/appointments/${res.json().id}/renew`, { authorizationCertificateNo: 'R-1' }, otherToken);
    expect(renewed.statusCode).toBe(201);
    expect(renewed.json()).toMatchObject({ appointedOn: '2027-04-20', renewalOf: res.json().id, termState: 'future' });
    const old = await h.api.request({ method: 'GET', url: `/registry/appointments/${res.json().id}`, token: otherToken });
    expect(old.json()).toMatchObject({ endedOn: '2027-04-19', endReason: 'renewed', termState: 'renewed' });
    // The enterprise counts toward its target without a gap.
    expect((await h.target('state_owned_or_large_production', '2027-04-19')).appointed).toBeGreaterThanOrEqual(1);
  });
});
