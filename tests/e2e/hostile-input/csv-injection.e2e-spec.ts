import { parse } from 'csv-parse/sync';
import { Workbook } from 'exceljs';
import { DEFAULT_ZIP_LIMITS, FakeClock, openCheckedZip, Role } from '@cqo/core';
import { TokenService, UsersRepository, UsersService } from '@cqo/identity';
import { EnterprisesService } from '@cqo/organizations';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import type { World } from '../../support/fixtures';
import { seedWorld, TEST_PASSWORD, testCreditCode, testEnterprise } from '../../support/fixtures';
import { appointmentBody, candidate } from '../registry/support';

/**
 * Issue 13, problem 9: names that hide a formula behind a TAB, CR or spaces reach no export as a
 * formula — neither the registry's PostgreSQL-formatted CSV nor the certificate ZIP's manifest.
 */
describe('CSV formula injection in exports', () => {
  const clock = new FakeClock(new Date('2026-05-01T02:00:00Z'));
  let api: TestApi;
  let world: World;
  const enterpriseName = "\t=cmd|'/C calc'!A0 企业";
  const fullName = '  @SUM(1+1) ';
  beforeAll(async () => {
    api = await createTestApi({ clock });
    world = await seedWorld(api);
    const enterprise = await api.get(EnterprisesService).create({
      name: enterpriseName,
      creditCode: testCreditCode(),
      regionId: world.regions.lanzhou,
      stateOwned: false,
      aboveDesignatedSize: false,
      production: false,
      chinaQualityAward: 'none',
      provincialQualityAward: 'none',
      cityQualityAward: 'none',
    });
    const c = await candidate(api, { enterpriseId: enterprise.id, fullName });
    const admin = await api.get(UsersService).create({
      username: 'entadmincsv',
      password: TEST_PASSWORD,
      displayName: '管理员',
      role: Role.EnterpriseAdmin,
      enterpriseId: enterprise.id,
    });
    const repo = api.get(UsersRepository);
    const token = await api.get(TokenService).signAccess(await repo.actorOf((await repo.findById(admin.id))!));
    expect(
      (await api.request({ method: 'POST', url: '/registry/appointments', token, payload: appointmentBody({ username: c.username }) }))
        .statusCode,
    ).toBe(201);
  });
  afterAll(() => api.close());

  const get = (url: string) => api.request({ method: 'GET', url, token: world.tokens.regulatorLZ });

  it('neutralises and trims them in the registry CSV (COPY)', async () => {
    const appointments: string[][] = parse((await get('/regulators/exports/appointments?format=csv')).rawPayload, { bom: true });
    const row = appointments.find((r) => r.some((cell) => cell.includes('SUM')))!;
    expect(row).toContain("'@SUM(1+1)");
    expect(row).toContain("'=cmd|'/C calc'!A0 企业");
    for (const cell of appointments.flat()) expect(cell).not.toMatch(/^\s*[=+@]|^[\t\r\n]/);

    const certificates: string[][] = parse((await get('/regulators/exports/certificates?format=csv')).rawPayload, { bom: true });
    expect(certificates.flat()).toContain("'@SUM(1+1)");
  });

  it('neutralises and trims them in the certificate ZIP manifest', async () => {
    const list = (await get('/certificates?pageSize=100')).json().items as { year: number }[];
    const res = await get(`/certificates/export?regionId=${world.regions.lanzhou}&year=${list[0].year}`);
    expect(res.statusCode).toBe(200);
    const zip = await openCheckedZip(res.rawPayload, DEFAULT_ZIP_LIMITS);
    const manifest: string[][] = parse(await zip.readText('清单.csv'), { bom: true });
    zip.close();
    expect(manifest[0][2]).toBe('姓名');
    expect(manifest.map((r) => r[2])).toContain("'@SUM(1+1)");
  });

  // Moved from the dashboards spec, whose exact counts it would change when run before them.
  it('quotes CSV cells and defuses spreadsheet formulas (PostgreSQL formats the lines), and writes the XLSX cell as it is', async () => {
    const name = '=HYPERLINK("http://x"),兰州"质量"公司';
    const enterprise = await testEnterprise(api, world.regions.lanzhou, name);
    const c = await candidate(api, { enterpriseId: enterprise.id, fullName: '钱引号' });
    expect(
      (
        await api.request({
          method: 'POST',
          url: '/registry/appointments',
          token: enterprise.adminToken,
          payload: appointmentBody({ username: c.username }),
        })
      ).statusCode,
    ).toBe(201);
    const csv = await get(`/regulators/exports/appointments?enterpriseId=${enterprise.id}`);
    const rows: string[][] = parse(csv.rawPayload, { bom: true });
    expect(rows).toHaveLength(2);
    expect(rows[1][1]).toBe(`'${name}`);
    expect(rows[1][3]).toBe('钱引号');
    const workbook = new Workbook();
    await workbook.xlsx.load(
      (await get(`/regulators/exports/appointments?enterpriseId=${enterprise.id}&format=xlsx`)).rawPayload as unknown as Parameters<
        typeof workbook.xlsx.load
      >[0],
    );
    expect(workbook.worksheets[0].getRow(2).getCell(2).value).toBe(name);
  });
});
