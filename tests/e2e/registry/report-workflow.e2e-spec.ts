import { createHash } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { FakeClock, Role } from '@cqo/core';
import { TokenService, UsersRepository, UsersService } from '@cqo/identity';
import { EnterprisesService } from '@cqo/organizations';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import type { World } from '../../support/fixtures';
import { seedWorld, TEST_PASSWORD, testCreditCode } from '../../support/fixtures';
import { inspectPdf } from '../../support/pdf-inspect';
import { appointmentBody, candidate } from './support';

const LONG_NAME = '甘肃省兰州市七里河区某某重型机械装备制造与质量技术服务股份有限公司第二分公司';

// The yearly reports end to end over HTTP: the enterprise files (due 31 January, its cqoInPlace
// checked against the registry), the city chases non-filers, signs off and submits; the province
// returns; the city resubmits; version 2 is frozen and acknowledged.
describe('yearly report workflow', () => {
  let api: TestApi;
  let world: World;
  let otherAdmin: { id: string };
  const clock = new FakeClock(new Date('2026-05-01T02:00:00Z'));
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  const get = (url: string, token: string) => api.request({ method: 'GET', url, token });
  const post = (url: string, token: string, payload: object = {}) => api.request({ method: 'POST', url, token, payload });

  // Each test its own database: one files Lanzhou's report, which another's list of non-filers must not see.
  beforeEach(async () => {
    clock.set('2026-05-01T02:00:00Z');
    api = await createTestApi({ clock });
    world = await seedWorld(api);
    const enterprises = api.get(EnterprisesService);
    const longOne = await enterprises.create({
      name: LONG_NAME,
      creditCode: testCreditCode(),
      regionId: world.regions.lanzhou,
      stateOwned: true,
      aboveDesignatedSize: false,
      production: false,
      chinaQualityAward: 'none',
      provincialQualityAward: 'none',
      cityQualityAward: 'none',
    });
    otherAdmin = await api.get(UsersService).create({
      username: 'entlong',
      password: TEST_PASSWORD,
      displayName: '长名企业管理员',
      role: Role.EnterpriseAdmin,
      enterpriseId: longOne.id,
    });
    const repo = api.get(UsersRepository);
    const longToken = await api.get(TokenService).signAccess(await repo.actorOf((await repo.findById(otherAdmin.id))!));
    const cqo = await candidate(api, { enterpriseId: longOne.id, fullName: '李长名' });
    expect(
      (await post('/registry/appointments', longToken, appointmentBody({ username: cqo.username }, { appointedOn: '2026-04-20' })))
        .statusCode,
    ).toBe(201);
    clock.set('2027-02-10T02:00:00Z');
  });
  afterEach(() => api?.close());

  let cityReportId: string;

  /** The Lanzhou enterprise files its 2026 report (late, on 10 February 2027). */
  const fileLanzhouReport = () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    return post('/registry/yearly-reports', world.tokens.entAdminLZ, {
      year: 2026,
      cqoInPlace: true,
      appraisalSystemEstablished: true,
      appraisalResult: 'competent',
      majorQualityIncidents: 0,
      summary: '本企业已聘任首席质量官。',
      file: { fileName: '报告.pdf', contentType: 'application/pdf', contentBase64: pdf.toString('base64') },
    });
  };

  it('files the enterprise report, late and with a cqoInPlace the registry contradicts', async () => {
    const res = await fileLanzhouReport();
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      dueOn: '2027-01-31',
      filedLate: true,
      cqoInPlace: true,
      registryCqoInPlace: false,
      cqoMismatch: true,
    });
    const flagged = await get('/registry/yearly-reports?year=2026&mismatch=true', world.tokens.regulatorLZ);
    expect(flagged.json().items.map((r: { id: string }) => r.id)).toEqual([res.json().id]);
  });

  it('lists the city’s non-filers with the due date and reminds them once a day', async () => {
    expect((await fileLanzhouReport()).statusCode).toBe(201);
    const list = await get('/registry/yearly-reports/non-filers?year=2026', world.tokens.regulatorLZ);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((r: { name: string }) => r.name)).toEqual([LONG_NAME]);
    expect(list.json().items[0]).toMatchObject({ dueOn: '2027-01-31', overdue: true });
    expect(
      (await get('/registry/yearly-reports/non-filers?year=2026', world.tokens.regulatorTS))
        .json()
        .items.map((r: { name: string }) => r.name),
    ).toEqual(['天水测试企业']);
    const first = await post('/registry/yearly-reports/non-filers/reminders', world.tokens.regulatorLZ, { year: 2026 });
    expect(first.json()).toEqual({ enterprises: 1, notified: 1 });
    expect((await post('/registry/yearly-reports/non-filers/reminders', world.tokens.regulatorLZ, { year: 2026 })).json()).toEqual({
      enterprises: 1,
      notified: 0,
    });
    const [note] = await api
      .get<DataSource>(getDataSourceToken())
      .query(`SELECT title, body FROM notifications WHERE user_id = $1 AND kind = 'registry.report-reminder'`, [otherAdmin.id]);
    expect(note.body).toContain('2027-01-31');
  });

  it('is signed off and submitted by the city only, returned by the province, resubmitted as version 2 and frozen', async () => {
    const requested = await post('/regulators/city-reports', world.tokens.regulatorLZ, { regionId: world.regions.lanzhou, year: 2026 });
    expect(requested.statusCode).toBe(202);
    cityReportId = requested.json().id;
    const narrative = '2026年，我市在国有企业和规模以上生产性企业中推行首席质量官制度，组织任职培训三期。';
    expect((await post(`/regulators/city-reports/${cityReportId}/submit`, world.tokens.regulatorGS, { narrative })).statusCode).toBe(403);
    const v1 = await post(`/regulators/city-reports/${cityReportId}/submit`, world.tokens.regulatorLZ, { narrative });
    expect(v1.statusCode).toBe(200);
    expect(v1.json().versions).toEqual([expect.objectContaining({ version: 1, status: 'submitted', narrative })]);
    expect((await post(`/regulators/city-reports/${cityReportId}/submit`, world.tokens.regulatorLZ, { narrative })).json().code).toBe(
      'CITY_REPORT_ALREADY_SUBMITTED',
    );
    expect((await post(`/regulators/city-reports/${cityReportId}/versions/1/acknowledge`, world.tokens.regulatorLZ)).statusCode).toBe(403);

    const returned = await post(`/regulators/city-reports/${cityReportId}/versions/1/return`, world.tokens.regulatorGS, {
      reason: '请补充推行情况中的培训人数',
    });
    expect(returned.json().versions[0]).toMatchObject({ version: 1, status: 'returned', returnReason: '请补充推行情况中的培训人数' });

    const v2 = await post(`/regulators/city-reports/${cityReportId}/submit`, world.tokens.regulatorLZ, {
      narrative: `${narrative}共培训120人次。`,
    });
    expect(v2.json().versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [2, 'submitted'],
      [1, 'superseded'],
    ]);
    const frozen = v2.json().versions[0];

    // Later changes (a new CQO in Lanzhou) do not touch the submitted version.
    const cqo = await candidate(api, { enterpriseId: world.enterpriseLZ });
    clock.set('2027-02-11T02:00:00Z');
    expect(
      (
        await post(
          '/registry/appointments',
          world.tokens.entAdminLZ,
          appointmentBody({ username: cqo.username }, { appointedOn: '2027-02-11' }),
        )
      ).statusCode,
    ).toBe(201);
    const pdf = (await get(`/regulators/city-reports/${cityReportId}/versions/2/pdf`, world.tokens.regulatorGS)).rawPayload;
    const xlsx = (await get(`/regulators/city-reports/${cityReportId}/versions/2/xlsx`, world.tokens.regulatorGS)).rawPayload;
    expect(sha(pdf)).toBe(frozen.pdfSha256);
    expect(sha(xlsx)).toBe(frozen.xlsxSha256);
    expect((await get(`/regulators/city-reports/${cityReportId}`, world.tokens.regulatorGS)).json().versions[0]).toEqual(frozen);

    // The PDF says who submitted it, carries the narrative and every column of the XLSX, and wraps the long name.
    const text = (await inspectPdf(pdf)).text.replace(/\s+/g, '');
    expect(text).toContain('报送单位：兰州市市场监督管理局');
    expect(text).toContain('共培训120人次');
    for (const header of [
      '序号',
      '企业名称',
      '统一社会信用代码',
      '首席质量官',
      '身份证号',
      '职务',
      '聘任日期',
      '任期届满',
      '状态',
      '任职培训',
      '本年度继续教育学时',
      '本年度学时达标',
      '例外聘任',
    ]) {
      expect(text).toContain(header);
    }
    expect(text).toContain(LONG_NAME);

    const ack = await post(`/regulators/city-reports/${cityReportId}/versions/2/acknowledge`, world.tokens.regulatorGS);
    expect(ack.json().versions[0]).toMatchObject({ version: 2, status: 'acknowledged' });
    expect(
      (
        await post(`/regulators/city-reports/${cityReportId}/submit`, world.tokens.regulatorLZ, { narrative: '再次报送的推行情况说明文字' })
      ).json().code,
    ).toBe('CITY_REPORT_ALREADY_SUBMITTED');
  });
});
