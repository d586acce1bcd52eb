import { TargetsHarness } from './harness';

// What counts toward a target: a serving appointment whose appointee was eligible (no exception)
// on the date, not disqualified. Exception and future-dated appointments are their own figures.
describe('what counts as appointed', () => {
  const h = new TargetsHarness('2026-05-01T02:00:00Z');
  // The seeded world's own enterprises of the group (none with a CQO).
  let base = 0;
  beforeAll(async () => {
    await h.start();
    base = (await h.target('state_owned_or_large_production')).enterprises;
  });
  afterAll(() => h.close());

  // Figures before each test's own enterprises: the other tests appoint in the same group.
  it('does not count an exception appointment, and shows it on its own', async () => {
    const start = await h.target('state_owned_or_large_production');
    const a = await h.enterprise({ stateOwned: true });
    const b = await h.enterprise({ stateOwned: true });
    const eligible = await h.appoint(a, { appointedOn: '2026-04-20' });
    expect(eligible.res.statusCode).toBe(201);
    const exception = await h.appoint(b, {
      appointedOn: '2026-04-20',
      candidate: { appointmentHours: '0', certificate: false },
      body: { eligibilityExceptionReason: '尚未完成任职培训，先行聘任' },
    });
    expect(exception.res.statusCode).toBe(201);
    expect(exception.res.json().exceptionFlagged).toBe(true);

    const figures = await h.target('state_owned_or_large_production');
    expect(figures).toMatchObject({
      enterprises: start.enterprises + 2,
      appointed: start.appointed + 1,
      exceptionAppointments: start.exceptionAppointments + 1,
      futureDated: start.futureDated,
      verdict: 'not_met',
      met: false,
    });
    expect(figures.rate).toBe(Math.round(((start.appointed + 1) / (start.enterprises + 2)) * 10_000) / 10_000);
    expect(start.enterprises).toBeGreaterThanOrEqual(base);
  });

  it('shows a future-dated appointment as its own figure, counted from its date on', async () => {
    const start = await h.target('state_owned_or_large_production');
    const c = await h.enterprise({ stateOwned: true });
    const future = await h.appoint(c, { appointedOn: '2026-06-01' });
    expect(future.res.statusCode).toBe(201);
    expect(future.res.json().termState).toBe('future');
    const now = await h.target('state_owned_or_large_production');
    expect(now).toMatchObject({ enterprises: start.enterprises + 1, appointed: start.appointed, futureDated: start.futureDated + 1 });
    expect(await h.target('state_owned_or_large_production', '2026-06-01')).toMatchObject({
      appointed: now.appointed + 1,
      futureDated: now.futureDated - 1,
    });
  });

  it('stops counting a CQO while a disqualifying flag is open', async () => {
    const d = await h.enterprise({ stateOwned: true });
    const { who } = await h.appoint(d, { appointedOn: '2026-04-25' });
    const before = await h.target('state_owned_or_large_production');
    const flag = await h.api.request({
      method: 'POST',
      url: `/regulators/cqos/${who.userId}/flags`,
      token: h.world.tokens.regulatorLZ,
      payload: { reason: '经查在质量岗位工作中造成重大失误', disqualifyingCircumstance: 'serious_quality_violation' },
    });
    expect(flag.statusCode).toBe(201);
    const after = await h.target('state_owned_or_large_production');
    expect(after.appointed).toBe(before.appointed - 1);
    expect(after.exceptionAppointments).toBe(before.exceptionAppointments + 1);
  });
});
