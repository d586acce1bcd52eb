import { TargetsHarness } from './harness';

// The notice: 到2021年底，已获得中国质量奖（含提名奖）、甘肃省人民政府质量奖（含提名奖）及市州政府质量奖的企业.
// 含提名奖 qualifies the China and the Gansu awards only; the award must be obtained by the end of 2021.
describe('the 2021 target group', () => {
  const h = new TargetsHarness('2026-05-01T02:00:00Z');
  beforeAll(() => h.start());
  afterAll(() => h.close());

  it('holds award holders and China/Gansu nominees obtained by 2021, not city nominees nor 2022 awards', async () => {
    const before = (await h.target('award_holders')).enterprises;
    await h.enterprise({ chinaQualityAward: 'nominated', chinaQualityAwardYear: 2019 });
    await h.enterprise({ provincialQualityAward: 'nominated', provincialQualityAwardYear: 2021 });
    await h.enterprise({ cityQualityAward: 'awarded', cityQualityAwardYear: 2020 });
    const cityNominee = await h.enterprise({ cityQualityAward: 'nominated', cityQualityAwardYear: 2020 });
    const won2022 = await h.enterprise({ provincialQualityAward: 'awarded', provincialQualityAwardYear: 2022 });
    const noYear = await h.enterprise({ chinaQualityAward: 'awarded' });

    expect((await h.target('award_holders')).enterprises - before).toBe(3);
    // The enterprise drill-down says the same, per enterprise.
    for (const id of [cityNominee, won2022, noYear]) {
      const res = await h.api.request({ method: 'GET', url: `/regulators/enterprises/${id}`, token: h.world.tokens.regulatorLZ });
      expect(res.statusCode).toBe(200);
      expect(res.json().targetGroups).not.toContain('award_holders');
    }
  });

  it('puts state-owned and above-size production enterprises in the 2025 group, not above-size non-production ones', async () => {
    const before = (await h.target('state_owned_or_large_production')).enterprises;
    await h.enterprise({ stateOwned: true });
    await h.enterprise({ aboveDesignatedSize: true, production: true });
    await h.enterprise({ aboveDesignatedSize: true });
    expect((await h.target('state_owned_or_large_production')).enterprises - before).toBe(2);
  });
});
