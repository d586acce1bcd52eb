import { TargetsHarness } from './harness';

// A target group without enterprises is 无目标企业: never met, never 0%.
describe('an empty target group', () => {
  const h = new TargetsHarness('2026-05-01T02:00:00Z');
  beforeAll(() => h.start());
  afterAll(() => h.close());

  it('is shown as no_target_enterprises, with no rate, not met', async () => {
    // 嘉峪关市 has no enterprise at all.
    const figures = await h.target('award_holders', undefined, '620000/620200');
    expect(figures).toMatchObject({ enterprises: 0, appointed: 0, rate: null, verdict: 'no_target_enterprises', met: false });
    // The province's dashboard lists it that way among its cities.
    const res = await h.api.request({ method: 'GET', url: '/regulators/dashboard', token: h.world.tokens.regulatorGS });
    expect(res.statusCode).toBe(200);
    const jiayuguan = res.json().children.find((c: { regionPath: string }) => c.regionPath === '620000/620200');
    expect(jiayuguan.targets.map((t: { verdict: string }) => t.verdict)).toEqual(['no_target_enterprises', 'no_target_enterprises']);
  });
});
