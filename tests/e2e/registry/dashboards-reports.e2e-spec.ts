import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { Workbook } from 'exceljs';
import { parse } from 'csv-parse/sync';
import { FakeClock, Role } from '@cqo/core';
import { AccrualService, ComplianceEngine } from '@cqo/credit-hours';
import { TokenService, UsersRepository, UsersService } from '@cqo/identity';
import { EnterprisesService } from '@cqo/organizations';
import { DashboardsService } from '@cqo/reporting';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import type { World } from '../../support/fixtures';
import { seedWorld, TEST_PASSWORD, testCreditCode } from '../../support/fixtures';
import { inspectPdf } from '../../support/pdf-inspect';
import { createTestWorker, eventually } from '../../support/worker';
import type { Candidate } from './support';
import { appointmentBody, candidate } from './support';

async function readSheet(xlsx: Buffer, name?: string): Promise<string[][]> {
  const workbook = new Workbook();
  await workbook.xlsx.load(xlsx as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const sheet = name ? workbook.getWorksheet(name)! : workbook.worksheets[0];
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return rows;
}

// The regulators' view of a province: appointment rates among the notice's target groups,
// the yearly compliance of serving CQOs, the shortfall list, exports, and the yearly reports
// (the enterprise's to its city, the city's to the province).
describe('dashboards, exports and yearly reports', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let world: World;
  let awardLZ: string;
  let complete: Candidate;
  let behind: Candidate;
  let tsCqo: Candidate;
  const clock = new FakeClock(new Date('2026-05-01T02:00:00Z'));

  const get = (url: string, token: string) => api.request({ method: 'GET', url, token });

  beforeAll(async () => {
    api = await createTestApi({ clock });
    worker = await createTestWorker(api.ctx.config, { clock });
    world = await seedWorld(api);
    const enterprises = api.get(EnterprisesService);
    const none = {
      stateOwned: false,
      aboveDesignatedSize: false,
      production: false,
      chinaQualityAward: 'none',
      provincialQualityAward: 'none',
      cityQualityAward: 'none',
    } as const;
    awardLZ = (
      await enterprises.create({
        ...none,
        name: '兰州获奖企业',
        creditCode: testCreditCode(),
        regionId: world.regions.lanzhou,
        cityQualityAward: 'awarded',
        cityQualityAwardYear: 2020,
      })
    ).id;
    await enterprises.create({ ...none, name: '兰州小微企业', creditCode: testCreditCode(), regionId: world.regions.lanzhou });
    await enterprises.create({
      ...none,
      name: '天水获奖国企',
      creditCode: testCreditCode(),
      regionId: world.regions.tianshui,
      stateOwned: true,
      chinaQualityAward: 'awarded',
      chinaQualityAwardYear: 2019,
    });

    complete = await candidate(api, { enterpriseId: world.enterpriseLZ, fullName: '王达标', trainedAt: '2025-05-01T02:00:00Z' });
    behind = await candidate(api, { enterpriseId: awardLZ, fullName: '赵落后', trainedAt: '2025-05-01T02:00:00Z' });
    tsCqo = await candidate(api, { enterpriseId: world.enterpriseTS, fullName: '孙天水', trainedAt: '2025-05-01T02:00:00Z' });
    // The award enterprise's admin.
    const admin = await api.get(UsersService).create({
      username: 'entadminaward',
      password: TEST_PASSWORD,
      displayName: '获奖企业管理员',
      role: Role.EnterpriseAdmin,
      enterpriseId: awardLZ,
    });
    const repo = api.get(UsersRepository);
    const awardToken = await api.get(TokenService).signAccess(await repo.actorOf((await repo.findById(admin.id))!));
    // Registered when they were made (an appointment may not be dated more than 30 days back).
    clock.set('2025-06-01T02:00:00Z');
    for (const [who, token] of [
      [complete, world.tokens.entAdminLZ],
      [behind, awardToken],
      [tsCqo, world.tokens.entAdminTS],
    ] as const) {
      const res = await api.request({
        method: 'POST',
        url: '/registry/appointments',
        token,
        payload: appointmentBody({ username: who.username }, { appointedOn: '2025-06-01' }),
      });
      expect(res.statusCode).toBe(201);
    }
    clock.set('2026-05-01T02:00:00Z');
    // 王达标 completes the year's continuing (14, category 1) and methods (30, category 2) hours.
    const accrual = api.get(AccrualService);
    for (const [category, hours] of [
      [1, '14'],
      [2, '30'],
    ] as const) {
      await accrual.accrueCompletion(null, {
        enrollmentId: randomUUID(),
        traineeId: complete.userId,
        courseId: randomUUID(),
        courseVersionId: randomUUID(),
        organizationId: randomUUID(),
        category,
        kind: 'continuing',
        creditHours: hours,
        completedAt: '2026-03-01T02:00:00Z',
      });
    }
    const engine = api.get(ComplianceEngine);
    for (const c of [complete, behind, tsCqo]) await engine.recomputeTrainee(c.userId);
    // What the worker's registry.refresh-stats job does every five minutes.
    await api.get(DashboardsService).refreshStats();
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  it('shows the province its cities: appointment rates per target group, compliance by year, counts by state', async () => {
    const res = await get('/regulators/dashboard?year=2026', world.tokens.regulatorGS);
    expect(res.statusCode).toBe(200);
    const { totals, children, year } = res.json();
    expect(year).toBe(2026);
    expect(totals).toMatchObject({
      regionName: '甘肃省',
      enterprises: 5,
      enterprisesWithCqo: 3,
      appointmentRate: 0.6,
      exceptionAppointments: 0,
    });
    expect(totals.targets).toEqual([
      expect.objectContaining({
        code: 'award_holders',
        deadline: '2021-12-31',
        enterprises: 2,
        appointed: 1,
        rate: 0.5,
        met: false,
        verdict: 'not_met',
      }),
      expect.objectContaining({
        code: 'state_owned_or_large_production',
        deadline: '2025-12-31',
        enterprises: 3,
        appointed: 2,
        rate: 0.6667,
        met: false,
      }),
    ]);
    const [y2026, y2025] = totals.compliance;
    expect(y2026).toMatchObject({ year: 2026, servingCqos: 3, complete: 1, rate: 0.3333 });
    expect(y2026.byRequirement.map((r: { requirement: string }) => r.requirement).sort()).toEqual(['continuing', 'methods']);
    expect(y2026.byRequirement.find((r: { requirement: string }) => r.requirement === 'continuing').counts).toMatchObject({
      complete: 1,
      at_risk: 2,
    });
    expect(y2025).toMatchObject({ year: 2025, servingCqos: 3 });
    expect(children.length).toBeGreaterThanOrEqual(14);
    const lanzhou = children.find((c: { regionName: string }) => c.regionName === '兰州市');
    expect(lanzhou).toMatchObject({
      enterprises: 3,
      enterprisesWithCqo: 2,
      compliance: [expect.objectContaining({ servingCqos: 2, complete: 1 }), expect.anything()],
    });
    expect(children.find((c: { regionName: string }) => c.regionName === '天水市')).toMatchObject({
      enterprises: 2,
      enterprisesWithCqo: 1,
    });
  });

  it('shows a city only itself, and drills down to enterprises and one enterprise', async () => {
    const city = (await get('/regulators/dashboard', world.tokens.regulatorLZ)).json();
    expect(city.totals).toMatchObject({ regionName: '兰州市', enterprises: 3 });
    expect(city.children).toEqual([]);
    const list = (await get('/regulators/dashboard/enterprises?pageSize=50', world.tokens.regulatorLZ)).json();
    expect(list.total).toBe(3);
    expect(list.items.find((e: { enterpriseId: string }) => e.enterpriseId === world.enterpriseLZ)).toMatchObject({
      cqoName: '王达标',
      yearState: 'complete',
      shortfallHours: '0',
    });
    expect(list.items.find((e: { enterpriseId: string }) => e.enterpriseId === awardLZ)).toMatchObject({
      cqoName: '赵落后',
      yearState: 'at_risk',
      shortfallHours: '44',
      targetGroups: ['award_holders'],
    });
    expect(
      (await get('/regulators/dashboard/enterprises?appointed=false', world.tokens.regulatorLZ))
        .json()
        .items.map((e: { name: string }) => e.name),
    ).toEqual(['兰州小微企业']);
    expect((await get('/regulators/dashboard/enterprises?target=award_holders', world.tokens.regulatorGS)).json().total).toBe(2);
    const one = (await get(`/regulators/enterprises/${world.enterpriseLZ}`, world.tokens.regulatorLZ)).json();
    expect(one).toMatchObject({
      name: '兰州测试企业',
      targetGroups: ['state_owned_or_large_production'],
      currentCqo: { fullName: '王达标' },
    });
    expect(one.currentCqo.years[0]).toMatchObject({ year: 2026, complete: true });
  });

  it('lists the shortfalls of the year, one row per requirement', async () => {
    const res = (await get('/regulators/shortfalls', world.tokens.regulatorLZ)).json();
    expect(res.total).toBe(2);
    expect(
      res.items.map((r: { fullName: string; requirement: string; state: string; shortfall: string }) => [
        r.fullName,
        r.requirement,
        r.state,
        r.shortfall,
      ]),
    ).toEqual([
      ['赵落后', 'continuing', 'at_risk', '14'],
      ['赵落后', 'methods', 'at_risk', '30'],
    ]);
    expect((await get('/regulators/shortfalls?state=shortfall', world.tokens.regulatorGS)).json().total).toBe(0);
    expect((await get('/regulators/shortfalls', world.tokens.regulatorGS)).json().total).toBe(4);
  });

  it('exports the lists as CSV (BOM, Chinese labels, masked ID numbers) and XLSX, in the caller’s scope', async () => {
    const csv = await get('/regulators/exports/shortfalls?format=csv', world.tokens.regulatorLZ);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    // The file is named in Chinese (RFC 5987 filename*), the same words as the UI.
    const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(String(csv.headers['content-disposition']))?.[1] ?? '');
    expect(name).toMatch(/^学时未达标名单-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows: string[][] = parse(csv.rawPayload, { bom: true });
    expect(rows[0]).toEqual([
      '地区',
      '企业',
      '姓名',
      '身份证号',
      '聘任状态',
      '年度',
      '学时要求',
      '应完成学时',
      '已完成学时',
      '差额学时',
      '状态',
    ]);
    expect(rows.slice(1).map((r) => [r[2], r[4], r[10]])).toEqual([
      ['赵落后', '在任', '进度滞后'],
      ['赵落后', '在任', '进度滞后'],
    ]);
    expect(rows[1][3]).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(csv.body).not.toContain(behind.idNumber);

    const xlsx = await get('/regulators/exports/appointments?format=xlsx', world.tokens.regulatorGS);
    expect(xlsx.statusCode).toBe(200);
    const sheet = await readSheet(xlsx.rawPayload);
    expect(sheet[0][0]).toBe('地区');
    expect(
      sheet
        .slice(1)
        .map((r) => r[3])
        .sort(),
    ).toEqual(['孙天水', '王达标', '赵落后']);

    const certificates = parse((await get('/regulators/exports/certificates?format=csv', world.tokens.regulatorTS)).rawPayload, {
      bom: true,
    }) as string[][];
    expect(certificates.slice(1).map((r) => r[3])).toEqual(['孙天水']);
    expect((await get('/regulators/exports/nonsense', world.tokens.regulatorTS)).json()).toMatchObject({
      statusCode: 400,
      details: [{ field: 'list' }],
    });
  });

  describe('yearly reports', () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const body = (overrides: object = {}) => ({
      year: 2025,
      cqoInPlace: true,
      appraisalSystemEstablished: true,
      appraisalResult: 'competent',
      majorQualityIncidents: 0,
      summary: '本企业已于2025年6月聘任首席质量官，建立了绩效考核制度。',
      file: { fileName: '2025年度首席质量官制度落实情况报告.pdf', contentType: 'application/pdf', contentBase64: pdf.toString('base64') },
      ...overrides,
    });

    // One story: the enterprise files (and may refile), the city reads and acknowledges, the report is final.
    it('is filed by the enterprise with its document (refused when the file is not what it claims), seen by its city and not another, acknowledged by the city, then final', async () => {
      const bad = await api.request({
        method: 'POST',
        url: '/registry/yearly-reports',
        token: world.tokens.entAdminLZ,
        payload: body({
          file: { fileName: 'x.pdf', contentType: 'application/pdf', contentBase64: Buffer.from('hello').toString('base64') },
        }),
      });
      expect(bad.json()).toMatchObject({ statusCode: 400, code: 'REPORT_FILE_INVALID', details: [{ field: 'file.contentBase64' }] });
      const res = await api.request({ method: 'POST', url: '/registry/yearly-reports', token: world.tokens.entAdminLZ, payload: body() });
      expect(res.statusCode).toBe(201);
      const reportId = res.json().id;
      expect(res.json()).toMatchObject({ year: 2025, status: 'filed', appraisalResultLabel: '称职', fileSize: pdf.length });
      // The view is what the row selects plus what is derived from it: no storage key, no staff ids.
      expect(Object.keys(res.json()).sort()).toEqual(
        [
          'id',
          'enterpriseId',
          'enterpriseName',
          'regionName',
          'year',
          'cqoInPlace',
          'appraisalSystemEstablished',
          'appraisalResult',
          'appraisalResultLabel',
          'majorQualityIncidents',
          'summary',
          'fileName',
          'fileContentType',
          'fileSize',
          'fileSha256',
          'status',
          'filedAt',
          'acknowledgedAt',
          'acknowledgementNote',
          'dueOn',
          'filedLate',
          'registryCqoInPlace',
          'cqoMismatch',
        ].sort(),
      );
      expect(res.json()).toMatchObject({
        enterpriseName: expect.any(String),
        regionName: expect.any(String),
        // The 2025 report was due by 31 January 2026 (rule data) and is filed after it.
        dueOn: '2026-01-31',
        filedLate: true,
        cqoMismatch: false,
      });
      const again = await api.request({
        method: 'POST',
        url: '/registry/yearly-reports',
        token: world.tokens.entAdminLZ,
        payload: body({ majorQualityIncidents: 1 }),
      });
      expect(again.json()).toMatchObject({ id: reportId, majorQualityIncidents: 1 });

      expect((await get(`/registry/yearly-reports/${reportId}`, world.tokens.regulatorTS)).statusCode).toBe(403);
      expect((await get('/registry/yearly-reports?year=2025', world.tokens.regulatorLZ)).json().total).toBe(1);
      const file = await get(`/registry/yearly-reports/${reportId}/file`, world.tokens.regulatorLZ);
      expect(file.rawPayload).toEqual(pdf);
      expect(
        (
          await api.request({
            method: 'POST',
            url: `/registry/yearly-reports/${reportId}/acknowledge`,
            token: world.tokens.regulatorTS,
            payload: {},
          })
        ).statusCode,
      ).toBe(403);
      const ack = await api.request({
        method: 'POST',
        url: `/registry/yearly-reports/${reportId}/acknowledge`,
        token: world.tokens.regulatorLZ,
        payload: { note: '已收悉' },
      });
      expect(ack.json()).toMatchObject({ status: 'acknowledged', acknowledgementNote: '已收悉' });
      const refile = await api.request({
        method: 'POST',
        url: '/registry/yearly-reports',
        token: world.tokens.entAdminLZ,
        payload: body(),
      });
      expect(refile.json().code).toBe('YEARLY_REPORT_ACKNOWLEDGED');
    });

    it('generates the city’s report to the province as PDF and XLSX in a worker job', async () => {
      expect(
        (
          await api.request({
            method: 'POST',
            url: '/regulators/city-reports',
            token: world.tokens.regulatorTS,
            payload: { regionId: world.regions.lanzhou, year: 2026 },
          })
        ).statusCode,
      ).toBe(403);
      expect(
        (
          await api.request({
            method: 'POST',
            url: '/regulators/city-reports',
            token: world.tokens.regulatorGS,
            payload: { regionId: world.regions.province, year: 2026 },
          })
        ).json().code,
      ).toBe('REGION_NOT_CITY');
      const res = await api.request({
        method: 'POST',
        url: '/regulators/city-reports',
        token: world.tokens.regulatorLZ,
        payload: { regionId: world.regions.lanzhou, year: 2026 },
      });
      expect(res.statusCode).toBe(202);
      expect(res.json()).toMatchObject({ status: 'pending', generation: 1 });
      const id = res.json().id;
      const ready = await eventually(
        async () => {
          const r = (await get(`/regulators/city-reports/${id}`, world.tokens.regulatorGS)).json();
          return r.status === 'ready' ? r : undefined;
        },
        20_000,
        'city report',
      );
      expect(ready.summary).toMatchObject({ 企业总数: '3', '2026年度在任首席质量官': '2' });
      const pdfFile = await get(`/regulators/city-reports/${id}/pdf`, world.tokens.regulatorLZ);
      expect(pdfFile.headers['content-type']).toBe('application/pdf');
      const text = (await inspectPdf(pdfFile.rawPayload)).text.replace(/\s+/g, '');
      expect(text).toContain('兰州市2026年度推行首席质量官制度情况报告');
      expect(text).toContain('王达标');
      expect(text).toContain('赵落后');
      expect(text).not.toContain('孙天水');
      const sheet = await readSheet(
        (await get(`/regulators/city-reports/${id}/xlsx`, world.tokens.regulatorLZ)).rawPayload,
        '首席质量官名单',
      );
      expect(sheet.slice(1).map((r) => [r[3], r[9], r[11]])).toEqual([
        ['王达标', '已完成', '是'],
        ['赵落后', '已完成', '否'],
      ]);
      expect((await get(`/regulators/city-reports/${id}`, world.tokens.regulatorTS)).statusCode).toBe(403);
    });
  });
});
