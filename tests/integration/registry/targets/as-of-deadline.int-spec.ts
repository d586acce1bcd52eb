import { TargetsHarness } from './harness';

// "Was the 2021 target met on 2021-12-31?" has one answer: figures as of a date are computed from
// history (master-data versions, appointments, ends), so later changes do not rewrite them.
describe('target figures as of a date', () => {
  const h = new TargetsHarness('2021-12-20T02:00:00Z');
  beforeAll(() => h.start());
  // Every test starts on 20 December 2021, whatever date the one before moved the clock to.
  beforeEach(() => h.clock.set('2021-12-20T02:00:00Z'));
  afterAll(() => h.close());

  it('keeps the 2021-12-31 answer when an enterprise appoints later, and shows both verdicts', async () => {
    const first = await h.enterprise({ cityQualityAward: 'awarded', cityQualityAwardYear: 2020 });
    const second = await h.enterprise({ chinaQualityAward: 'nominated', chinaQualityAwardYear: 2021 });
    // Both CQOs completed the appointment training in June 2021 (eligibility reads the ledger as of appointedOn).
    const candidate = { trainedAt: '2021-06-01T02:00:00Z' };
    expect((await h.appoint(first, { appointedOn: '2021-12-15', candidate })).res.statusCode).toBe(201);
    h.clock.set('2021-12-31T10:00:00Z');
    const atDeadline = await h.target('award_holders', '2021-12-31');
    expect(atDeadline).toMatchObject({ enterprises: 2, appointed: 1, rate: 0.5, verdict: 'not_met' });

    // In 2022 the second enterprise appoints, and a city award of 2022 joins the lists.
    h.clock.set('2022-03-01T02:00:00Z');
    expect((await h.appoint(second, { appointedOn: '2022-03-01', candidate })).res.statusCode).toBe(201);
    await h.enterprise({ cityQualityAward: 'awarded', cityQualityAwardYear: 2022 });

    expect(await h.target('award_holders', '2021-12-31')).toEqual(atDeadline);
    const today = await h.target('award_holders');
    expect(today).toMatchObject({ date: '2022-03-01', enterprises: 2, appointed: 2, verdict: 'met' });
    // The dashboard carries the deadline's verdict beside today's.
    const { date, enterprises, appointed, exceptionAppointments, futureDated, rate, verdict } = atDeadline;
    expect(today.atDeadline).toEqual({ date, enterprises, appointed, exceptionAppointments, futureDated, rate, verdict });
  });

  it('answers over HTTP with ?asOf, refusing a future date naming the field', async () => {
    h.clock.set('2022-03-01T02:00:00Z'); // 2021-12-31 has passed
    const ok = await h.api.request({ method: 'GET', url: '/regulators/dashboard?asOf=2021-12-31', token: h.world.tokens.regulatorLZ });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().asOf).toBe('2021-12-31');
    const future = await h.api.request({ method: 'GET', url: '/regulators/dashboard?asOf=2030-01-01', token: h.world.tokens.regulatorLZ });
    expect(future.statusCode).toBe(400);
    expect(future.json().details[0].field).toBe('asOf');
  });
});
