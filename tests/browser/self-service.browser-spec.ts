import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { seriousAxeViolations } from '../support/axe';
import type { LiveServers } from '../support/browser';
import { DESKTOP, launchChromium, PHONE, screenshots, signIn, startLiveServers } from '../support/browser';
import { onlineCourse, publishCourse } from '../support/courses';
import type { World } from '../support/fixtures';
import { seedWorld, testIdNumber } from '../support/fixtures';

jest.setTimeout(180_000);

const PASSWORD = 'Rg7#kWp2-Zt9q';
const NEW_PASSWORD = 'Nv4!pQs8-Hx2m';
// A 1×1 PNG: a phone scan of a diploma, as far as the type check goes.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/**
 * Issue 16 in Chromium, at desktop and phone width: a trainee registers (bad ID number caught in
 * the browser, employer picked from the public search), edits the profile and uploads evidence,
 * changes the password; the enterprise admin confirms them and nominates staff for a course with
 * one seat, and sees the report and the progress. Nothing sticks out sideways on a phone; no
 * serious accessibility violation.
 */
describe('self-service in Chromium', () => {
  let servers: LiveServers;
  let world: World;
  let browser: Browser;
  let sql: DataSource;
  const failures: string[] = [];

  beforeAll(async () => {
    servers = await startLiveServers();
    world = await seedWorld(servers.api);
    sql = servers.api.get(DataSource);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await servers?.close();
  });
  afterEach(() => expect(failures).toEqual([]));

  async function open(viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
    page.on('response', (res) => res.status() >= 500 && failures.push(`${res.status()} ${res.url()}`));
    return page;
  }
  const sideways = (page: Page) =>
    page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document;
      return doc.documentElement.scrollWidth - doc.documentElement.clientWidth;
    });
  const fieldError = (page: Page, label: string) =>
    page.locator('.field', { has: page.getByLabel(label, { exact: true }) }).locator('.field-error');
  /**
   * A trainee registered over the API, as the form does (each test its own: the registration
   * tests' trainees are theirs), asking to work for the enterprise if one is given.
   */
  const registered = async (n: number, enterpriseId?: string) => {
    const res = await servers.api.request({
      method: 'POST',
      url: '/auth/register',
      payload: {
        username: `selfservice${n}`,
        password: PASSWORD,
        fullName: `自助注册${n}`,
        idNumber: testIdNumber(950 + n),
        phone: `1391234567${n}`,
        email: `selfservice${n}@example.com`,
        educationLevel: 'bachelor',
        qualityWorkYears: 6,
        qualityQualification: 'intermediate',
        relatedSeniorTitle: false,
        ...(enterpriseId ? { enterpriseId } : {}),
      },
    });
    expect(res.statusCode).toBe(201);
    return `selfservice${n}`;
  };

  for (const [name, viewport, n] of [
    ['desktop', DESKTOP, 1],
    ['phone', PHONE, 2],
  ] as const) {
    it(`registers with an employer from the search at ${name} width (${viewport.width} px)`, async () => {
      const page = await open(viewport);
      await page.goto(`${servers.baseUrl}/app/login`);
      await page.getByRole('link', { name: '学员注册' }).click();
      await page.getByRole('heading', { name: '学员注册' }).waitFor();
      const idNumber = testIdNumber(950 + n);
      const requests: string[] = [];
      page.on('request', (r) => r.url().endsWith('/auth/register') && requests.push(r.method()));

      await page.getByLabel('姓名').fill(`自助注册${n}`);
      // A wrong check character: refused in the browser, nothing sent.
      await page.getByLabel('身份证号').fill(idNumber.slice(0, 17) + (idNumber.endsWith('1') ? '2' : '1'));
      await page.getByLabel('手机号').fill('1391234');
      await page.getByLabel('邮箱').fill('selfservice@example');
      await page.getByRole('button', { name: '提交注册' }).click();
      expect(await fieldError(page, '身份证号').textContent()).toContain('身份证号');
      expect(await fieldError(page, '手机号').textContent()).toContain('手机号');
      expect(await fieldError(page, '邮箱').textContent()).toContain('邮箱');
      expect(requests).toEqual([]);
      expect(await sideways(page)).toBeLessThanOrEqual(0);
      expect(await seriousAxeViolations(page)).toEqual([]);

      await page.getByLabel('身份证号').fill(idNumber);
      await page.getByLabel('手机号').fill(`1391234567${n}`);
      await page.getByLabel('邮箱').fill(`selfservice${n}@example.com`);
      await page.getByLabel('任职企业').fill('兰州测试');
      await page.getByRole('button', { name: '兰州测试企业' }).click();
      await page.getByTestId('employer-chosen').waitFor();
      await page.getByLabel('学历').selectOption({ label: '本科' });
      await page.getByLabel('质量管理工作年限').fill('6');
      await page.getByLabel('质量专业技术资格').selectOption({ label: '中级' });
      await page.getByLabel('用户名').fill(`selfservice${n}`);
      expect(await page.getByText('不能是常见密码').textContent()).toContain('至少 10 个字符');
      await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
      await page.getByLabel('再次输入密码').fill(PASSWORD);
      await page.getByRole('button', { name: '提交注册' }).click();
      await page.getByRole('heading', { name: '注册申请已受理' }).waitFor();
      expect(requests).toEqual(['POST']);
      const rows: { requested_enterprise_id: string }[] = await sql.query(
        'SELECT p.requested_enterprise_id FROM trainee_profiles p JOIN users u ON u.id = p.user_id WHERE u.username = $1',
        [`selfservice${n}`],
      );
      expect(rows).toEqual([{ requested_enterprise_id: world.enterpriseLZ }]);
      expect(await sideways(page)).toBeLessThanOrEqual(0);
      await page.context().close();
    });
  }

  it('edits the profile and uploads evidence, the ID number and phone shown masked', async () => {
    const username = await registered(3, world.enterpriseLZ);
    const page = await open(PHONE);
    await signIn(page, servers.baseUrl, username, PASSWORD);
    // The landing page first (the menu closes on every navigation), then the phone menu.
    await page.waitForURL(/\/app\/learning$/);
    await page.locator('main h1').waitFor();
    await page.getByRole('button', { name: '菜单' }).click();
    await page.getByRole('link', { name: '个人资料' }).click();
    await page.getByRole('heading', { name: '个人资料', level: 1 }).waitFor();
    const id = testIdNumber(953);
    expect(await page.getByTestId('id-masked').textContent()).toBe(`${id.slice(0, 6)}********${id.slice(-4)}`);
    expect(await page.getByTestId('phone-masked').textContent()).toBe('139****5673');
    expect(await page.content()).not.toContain(id);
    await page.getByLabel('职称名称', { exact: true }).fill('高级工程师');
    await page.getByLabel('质量管理工作年限', { exact: true }).fill('8');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存。').waitFor();
    const [saved]: { title_name: string; quality_work_years: string; phone_masked: string }[] = await sql.query(
      `SELECT p.title_name, p.quality_work_years, p.phone_masked FROM trainee_profiles p JOIN users u ON u.id = p.user_id WHERE u.username = $1`,
      [username],
    );
    expect(saved).toEqual({ title_name: '高级工程师', quality_work_years: '8.0', phone_masked: '139****5673' });

    const row = page.locator('tr[data-fact="education"]');
    // Facts read as words, not the profile's codes.
    expect(await row.textContent()).toContain('本科');
    expect(await page.locator('tr[data-fact="title"]').textContent()).toContain('否');
    await row.getByLabel('学历的证明材料').setInputFiles({ name: '学位证书.png', mimeType: 'image/png', buffer: PNG });
    await row.getByRole('button', { name: '上传' }).click();
    await page.getByText('已上传学历的证明材料').waitFor();
    await row.getByText('自述').waitFor();
    await row.getByText('学位证书.png').waitFor();
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshots(page, 'self-service-profile', () => row.getByText('学位证书.png').waitFor());
    await page.context().close();
  });

  it('changes the password: the current one is asked, the old one stops working', async () => {
    const username = await registered(4);
    const page = await open(DESKTOP);
    await signIn(page, servers.baseUrl, username, PASSWORD);
    await page.getByRole('link', { name: '修改密码' }).click();
    await page.getByLabel('当前密码').fill('not-my-password');
    await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('再次输入新密码').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.locator('.alert-error').waitFor();
    await page.getByLabel('当前密码').fill(PASSWORD);
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByText('密码已修改').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    // Still signed in here; the old password no longer opens the account, the new one does.
    await page.getByRole('link', { name: '个人资料' }).click();
    await page.getByTestId('id-masked').waitFor();
    const login = (password: string) => servers.api.request({ method: 'POST', url: '/auth/login', payload: { username, password } });
    expect((await login(PASSWORD)).statusCode).toBe(401);
    expect((await login(NEW_PASSWORD)).statusCode).toBe(200);
    await page.context().close();
  });

  it('the enterprise admin confirms both and nominates them for a course with one seat', async () => {
    // Two of its own, asking Tianshui's enterprise: the registration tests' trainees ask Lanzhou's.
    await registered(5, world.enterpriseTS);
    await registered(6, world.enterpriseTS);
    await publishCourse(servers.api, world, onlineCourse({ title: '只有一个名额的课程', capacity: 1 }));
    const page = await open(PHONE);
    await signIn(page, servers.baseUrl, 'entadmints', 'Test@2026pass');
    await page.goto(`${servers.baseUrl}/app/enterprise/employees`);
    await page.getByRole('heading', { name: '员工管理', level: 1 }).waitFor();
    for (const n of [5, 6]) {
      await page.getByRole('button', { name: `确认自助注册${n}为本企业员工` }).click();
      await page.getByText(`已确认自助注册${n}为本企业员工。`).waitFor();
    }
    await page.getByText('没有待确认的任职申请。').waitFor();
    const nominate = page.locator('section', { has: page.getByRole('heading', { name: '报名课程' }) });
    await nominate.getByLabel('课程').selectOption({ label: '只有一个名额的课程（甲培训机构，2.5 学时，剩余 1 个名额）' });
    await nominate.getByLabel(/自助注册5/).check();
    await nominate.getByLabel(/自助注册6/).check();
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await nominate.getByRole('button', { name: '为所选 2 人报名' }).click();
    await nominate.getByText('新报名 1 人，已报名 0 人，未能报名 1 人。').waitFor();
    expect(await nominate.getByRole('row', { name: /自助注册5/ }).textContent()).toContain('已报名');
    expect(await nominate.getByRole('row', { name: /自助注册6/ }).textContent()).toContain('名额已满');
    const progress = page.locator('section', { has: page.getByRole('heading', { name: '学习进度' }) });
    await progress
      .getByRole('row', { name: /自助注册5/ })
      .getByText('只有一个名额的课程')
      .waitFor();
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshots(page, 'enterprise-employees', () => progress.getByText('只有一个名额的课程').waitFor());
    await page.context().close();
  });
});
