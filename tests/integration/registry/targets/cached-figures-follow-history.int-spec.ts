import { testCreditCode } from '../../../support/fixtures';
import { TargetsHarness } from './harness';

// The dashboards cache the figures of a date (issue 14's p99 goal), under an epoch that every
// change to their sources bumps in the same transaction. A past date's figures change only when
// history is corrected — and then the cached answer must give way at once.
describe('cached target figures follow corrections of history', () => {
  const h = new TargetsHarness('2026-05-01T02:00:00Z');
  beforeAll(() => h.start());
  afterAll(() => h.close());
  const target = 'state_owned_or_large_production';

  it('counts a backdated appointment on a date already asked', async () => {
    const enterprise = await h.enterprise({ stateOwned: true });
    const before = await h.target(target, '2026-05-01');
    expect(await h.target(target, '2026-05-01')).toEqual(before); // answered again (from the cache)
    const approval = await h.api.request({
      method: 'POST',
      url: '/regulators/appointment-backdate-approvals',
      token: h.world.tokens.regulatorLZ,
      payload: {
        enterpriseId: enterprise,
        traineeId: (await h.candidateOf(enterprise)).userId,
        appointedOn: '2026-03-01',
        reason: '聘任文件日期为3月1日，登记延误',
      },
    });
    expect(approval.statusCode).toBe(201);
    const res = await h.appointExisting(enterprise, '2026-03-01');
    expect(res.statusCode).toBe(201);
    expect(await h.target(target, '2026-05-01')).toMatchObject({ enterprises: before.enterprises, appointed: before.appointed + 1 });
  });

  it('counts an enterprise imported onto the lists with an earlier effective date', async () => {
    const before = await h.target(target, '2026-04-01');
    const creditCode = testCreditCode();
    const csv = `统一社会信用代码,企业名称,所属地区,国有企业,规模以上,生产性企业\n${creditCode},补录国有企业,兰州市,是,否,否\n`;
    const preview = await h.api.request({
      method: 'POST',
      url: '/regulators/enterprise-imports',
      token: h.world.tokens.regulatorLZ,
      payload: { fileName: '补录名录.csv', format: 'csv', contentBase64: Buffer.from(csv).toString('base64'), effectiveOn: '2026-01-01' },
    });
    expect(preview.statusCode).toBe(201);
    expect(preview.json().errorRows).toBe(0);
    const applied = await h.api.request({
      method: 'POST',
      url: `/regulators/enterprise-imports/${preview.json().id}/apply`,
      token: h.world.tokens.regulatorLZ,
      payload: {},
    });
    expect(applied.statusCode).toBeLessThan(300);
    expect(await h.target(target, '2026-04-01')).toMatchObject({ enterprises: before.enterprises + 1, appointed: before.appointed });
  });
});
