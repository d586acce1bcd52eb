import { Workbook } from 'exceljs';
import { buildXlsxBomb } from '@cqo/testing';
import { TargetsHarness } from './targets/harness';
import { testCreditCode } from '../../support/fixtures';

const HEADER =
  '统一社会信用代码,企业名称,所属地区,国有企业,规模以上,生产性企业,中国质量奖,中国质量奖年度,甘肃省人民政府质量奖,甘肃省人民政府质量奖年度,市州政府质量奖,市州政府质量奖年度';
const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64');

// Regulator-owned master data: official lists imported by the city (preview with errors naming
// row and column, then one transaction), history per change, read-only for the enterprise, which
// asks for corrections the city approves.
describe('enterprise master data', () => {
  const h = new TargetsHarness('2026-05-01T02:00:00Z');
  beforeAll(() => h.start());
  afterAll(() => h.close());
  const post = (url: string, payload: object, token = h.world.tokens.regulatorLZ) => h.api.request({ method: 'POST', url, token, payload });

  it('previews a list with bad rows naming row and column, and applies nothing', async () => {
    const good = testCreditCode();
    const csv = [
      HEADER,
      `${good},兰州甲公司,兰州市,是,否,否,无,,无,,获奖,2020`,
      `BADCODE,兰州乙公司,兰州市,是,否,否,无,,无,,无,`,
      `${testCreditCode()},天水丙公司,天水市,否,是,是,提名,,无,,无,`,
      `${good},重复公司,兰州市,否,否,否,无,,无,,无,`,
    ].join('\n');
    const preview = await post('/regulators/enterprise-imports', { fileName: 'list.csv', format: 'csv', contentBase64: b64(csv) });
    expect(preview.statusCode).toBe(201);
    // Only rows without errors count toward what applying would do (never a negative "unchanged").
    expect(preview.json()).toMatchObject({ status: 'previewed', totalRows: 4, errorRows: 3, toCreate: 1, toUpdate: 0, unchanged: 0 });
    const errors = await h.api.request({
      method: 'GET',
      url: `/regulators/enterprise-imports/${preview.json().id}/errors`,
      token: h.world.tokens.regulatorLZ,
    });
    expect(errors.json().items).toEqual([
      { row: 3, column: '统一社会信用代码', message: expect.stringContaining('18位') },
      { row: 4, column: '所属地区', message: expect.stringContaining('天水市') },
      { row: 4, column: '中国质量奖年度', message: expect.stringContaining('年度') },
      { row: 5, column: '统一社会信用代码', message: '与第2行重复' },
    ]);
    const apply = await post(`/regulators/enterprise-imports/${preview.json().id}/apply`, {});
    expect(apply.statusCode).toBe(409);
    expect(apply.json().code).toBe('ENTERPRISE_IMPORT_HAS_ERRORS');
    const list = await h.api.request({ method: 'GET', url: '/enterprises?q=兰州甲公司', token: h.world.tokens.regulatorLZ });
    expect(list.json().total).toBe(0);
  });

  it('applies a clean XLSX list in one go, keeps history, and a re-import of the same file changes nothing', async () => {
    const code = testCreditCode();
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('名录');
    sheet.addRow(HEADER.split(','));
    sheet.addRow([code, '兰州获奖企业', '兰州市', '否', '是', '是', '无', '', '提名', 2019, '无', '']);
    sheet.addRow([testCreditCode(), '兰州国有企业', '620100', '是', '否', '否', '', '', '', '', '', '']);
    const file = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const before = (await h.target('award_holders')).enterprises;

    const first = await post('/regulators/enterprise-imports', {
      fileName: '兰州名录.xlsx',
      format: 'xlsx',
      contentBase64: file.toString('base64'),
      effectiveOn: '2021-01-01',
    });
    expect(first.json()).toMatchObject({ totalRows: 2, errorRows: 0, toCreate: 2, toUpdate: 0 });
    const applied = await post(`/regulators/enterprise-imports/${first.json().id}/apply`, {});
    expect(applied.statusCode).toBe(200);
    expect(applied.json()).toMatchObject({ status: 'applied', toCreate: 2, toUpdate: 0, unchanged: 0 });
    expect((await post(`/regulators/enterprise-imports/${first.json().id}/apply`, {})).json().code).toBe('ENTERPRISE_IMPORT_NOT_PREVIEWED');
    // The list speaks for 2021: the enterprise is in the 2021 group as of the deadline.
    expect((await h.target('award_holders')).enterprises).toBe(before + 1);
    expect((await h.target('award_holders', '2021-12-31')).enterprises).toBeGreaterThanOrEqual(1);

    const again = await post('/regulators/enterprise-imports', {
      fileName: '兰州名录.xlsx',
      format: 'xlsx',
      contentBase64: file.toString('base64'),
    });
    expect(again.json()).toMatchObject({ toCreate: 0, toUpdate: 0, unchanged: 2 });
    expect((await post(`/regulators/enterprise-imports/${again.json().id}/apply`, {})).json()).toMatchObject({
      toCreate: 0,
      toUpdate: 0,
      unchanged: 2,
    });

    const found = await h.api.request({
      method: 'GET',
      url: `/enterprises?q=${encodeURIComponent('兰州获奖企业')}`,
      token: h.world.tokens.regulatorLZ,
    });
    const id = found.json().items[0].id;
    const history = await h.api.request({ method: 'GET', url: `/enterprises/${id}/history`, token: h.world.tokens.regulatorLZ });
    expect(history.json()).toHaveLength(1);
    expect(history.json()[0]).toMatchObject({
      source: 'import',
      sourceFile: '兰州名录.xlsx',
      effectiveOn: '2021-01-01',
      changedBy: h.world.users.regulatorLZ,
      provincialQualityAwardYear: 2019,
    });
  });

  it('refuses files of the wrong type or over the size limit with 400 naming the field', async () => {
    const notXlsx = await post('/regulators/enterprise-imports', {
      fileName: 'x.xlsx',
      format: 'xlsx',
      contentBase64: b64('统一社会信用代码,企业名称'),
    });
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().details[0].field).toBe('file');
    const binaryCsv = await post('/regulators/enterprise-imports', {
      fileName: 'x.csv',
      format: 'csv',
      contentBase64: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]).toString('base64'),
    });
    expect(binaryCsv.statusCode).toBe(400);
    expect(binaryCsv.json().details[0].field).toBe('file');
    const missing = await post('/regulators/enterprise-imports', {
      fileName: 'x.csv',
      format: 'csv',
      contentBase64: b64('企业名称\n某公司'),
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details.map((d: { message: string }) => d.message)).toContain('缺少列“统一社会信用代码”');
    const big = await post('/regulators/enterprise-imports', {
      fileName: 'x.csv',
      format: 'csv',
      contentBase64: Buffer.alloc(3 * 1024 * 1024 + 10, 0x41).toString('base64'),
    });
    expect(big.statusCode).toBe(400);
    expect(big.json().details[0].field).toMatch(/^(file|contentBase64)$/);
  });

  it('refuses an XLSX list that inflates past the upload limit (honest or lying ZIP directory) before reading it, and writes nothing', async () => {
    for (const lieAboutSizeAs of [undefined, 1000]) {
      const bomb = await buildXlsxBomb({ sheetBytes: 100 * 1024 * 1024, lieAboutSizeAs });
      const res = await post('/regulators/enterprise-imports', {
        fileName: 'bomb.xlsx',
        format: 'xlsx',
        contentBase64: bomb.toString('base64'),
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().details[0].field).toBe('file');
    }
    const imports = await h.api.request({ method: 'GET', url: '/regulators/enterprise-imports', token: h.world.tokens.regulatorLZ });
    expect(imports.json().items.map((i: { fileName: string }) => i.fileName)).not.toContain('bomb.xlsx');
  });

  it('refuses an enterprise admin’s edit of a target fact; a correction the city approves becomes a version', async () => {
    const patch = await h.api.request({
      method: 'PATCH',
      url: `/enterprises/${h.world.enterpriseLZ}`,
      token: h.world.tokens.entAdminLZ,
      payload: { provincialQualityAward: 'awarded', provincialQualityAwardYear: 2020 },
    });
    expect(patch.statusCode).toBe(403);
    expect(patch.json()).toMatchObject({ code: 'ENTERPRISE_FACTS_REGULATOR_OWNED' });
    expect(patch.json().details.map((d: { field: string }) => d.field)).toEqual(['provincialQualityAward', 'provincialQualityAwardYear']);
    const request = await post(
      '/enterprise-corrections',
      { changes: { provincialQualityAward: 'awarded', provincialQualityAwardYear: 2020 }, reason: '我公司2020年获甘肃省人民政府质量奖' },
      h.world.tokens.entAdminLZ,
    );
    expect(request.statusCode).toBe(201);
    // Another city cannot decide it; Lanzhou approves.
    expect(
      (await post(`/enterprise-corrections/${request.json().id}/decision`, { approve: true }, h.world.tokens.regulatorTS)).statusCode,
    ).toBe(403);
    h.clock.advance(60_000);
    const approved = await post(`/enterprise-corrections/${request.json().id}/decision`, { approve: true, note: '核对国资委文件属实' });
    expect(approved.json()).toMatchObject({ status: 'approved' });
    const enterprise = await h.api.request({
      method: 'GET',
      url: `/enterprises/${h.world.enterpriseLZ}`,
      token: h.world.tokens.entAdminLZ,
    });
    expect(enterprise.json()).toMatchObject({ provincialQualityAward: 'awarded', provincialQualityAwardYear: 2020 });
    const history = await h.api.request({
      method: 'GET',
      url: `/enterprises/${h.world.enterpriseLZ}/history`,
      token: h.world.tokens.entAdminLZ,
    });
    expect(history.json()[0]).toMatchObject({
      source: 'correction',
      sourceId: request.json().id,
      changedFields: ['provincialQualityAward', 'provincialQualityAwardYear'],
      changedBy: h.world.users.regulatorLZ,
    });
  });
});
