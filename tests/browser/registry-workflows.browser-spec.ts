import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Browser, Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import type { LiveServers } from '../support/browser';
import {
  launchChromium,
  DESKTOP,
  overflowingTables,
  PHONE,
  SCREENSHOT_DIR,
  screenshots,
  signIn,
  startLiveServers,
} from '../support/browser';
import type { World } from '../support/fixtures';
import { seedWorld, TEST_PASSWORD, testCreditCode } from '../support/fixtures';
import { appointmentBody, candidate } from '../e2e/registry/support';

/**
 * Issue 14's workflows in Chromium at 1280 px, each page also shot at 375 px with no table
 * wider than the phone: the city imports an official enterprise list (a bad row named by row
 * and column, nothing applied; the fixed file previewed, then applied); the city report is
 * signed off and submitted, returned by the province with a reason and resubmitted as version 2;
 * a trainee's evidence is uploaded, confirmed by the employer and verified by the city; an
 * enterprise renews its CQO's term.
 */
jest.setTimeout(240_000);

// A 1×1 PNG: what a phone scan of a diploma is, as far as the type check goes.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const HEADER =
  '统一社会信用代码,企业名称,所属地区,国有企业,规模以上,生产性企业,中国质量奖,中国质量奖年度,甘肃省人民政府质量奖,甘肃省人民政府质量奖年度,市州政府质量奖,市州政府质量奖年度';

describe('issue 14 workflows in Chromium', () => {
  let servers: LiveServers;
  let world: World;
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'cqo-registry-browser-'));
  const failures: string[] = [];

  beforeAll(async () => {
    servers = await startLiveServers();
    world = await seedWorld(servers.api);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await servers?.close();
  });

  afterEach(() => expect(failures).toEqual([]));

  async function as(username: string, work: (page: Page) => Promise<void>): Promise<void> {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('pageerror', (error) => failures.push(`${username}: page error: ${error.message}`));
    page.on('response', (res) => res.status() >= 500 && failures.push(`${username}: ${res.status()} ${res.url()}`));
    try {
      await signIn(page, servers.baseUrl, username, TEST_PASSWORD);
      await work(page);
    } catch (error) {
      // What the page showed when the step failed, beside the other screenshots.
      await page.screenshot({ path: join(SCREENSHOT_DIR, `failed-${username}.png`), fullPage: true }).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  }

  /** Shoots the page at both widths (tests/artifacts/screenshots) and checks no table is wider than the phone. */
  async function phoneCheck(page: Page, name: string, ready: () => Promise<unknown>): Promise<void> {
    await screenshots(page, name, ready);
    await page.setViewportSize(PHONE);
    await ready();
    expect(await overflowingTables(page)).toEqual([]);
    await page.setViewportSize(DESKTOP);
  }

  const file = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  it('imports an official list: the preview names the bad row and column and applies nothing; the fixed file applies', async () => {
    const [a, b] = [testCreditCode(), testCreditCode()];
    const bad = file(
      '名录-有误.csv',
      [HEADER, `${a},兰州名录企业甲,兰州市,是,是,是,无,,无,,无,`, `${b},兰州名录企业乙,兰州市,也许,否,是,无,,无,,无,`].join('\n'),
    );
    const good = file(
      '名录.csv',
      [HEADER, `${a},兰州名录企业甲,兰州市,是,是,是,无,,无,,无,`, `${b},兰州名录企业乙,兰州市,否,是,是,无,,无,,获奖,2021`].join('\n'),
    );
    await as('regulatorlz', async (page) => {
      await page.getByRole('link', { name: '企业名录' }).click();
      await page.getByLabel('名录文件').setInputFiles(bad);
      await page.getByRole('button', { name: '上传并预览' }).click();
      await page.getByText('有 1 行错误，未导入任何数据').waitFor();
      const errors = page.getByRole('table', { name: '错误明细' });
      await expect(errors.getByRole('row').nth(1).innerText()).resolves.toMatch(/第 3 行\s+国有企业\s+须填“是”或“否”/);
      expect(await page.getByRole('button', { name: '确认导入' }).count()).toBe(0);
      await phoneCheck(page, 'regulator-import-errors', () => errors.waitFor());

      await page.getByLabel('名录文件').setInputFiles(good);
      await page.getByRole('button', { name: '上传并预览' }).click();
      await page.getByTestId('import-counts').getByText('共 2 行，错误 0 行；将新增 2 家').waitFor();
      await page.getByRole('button', { name: '确认导入' }).click();
      await page.getByText(/已于 .* 导入/).waitFor();
      await phoneCheck(page, 'regulator-enterprise-lists', () => page.getByRole('heading', { name: '导入记录' }).waitFor());
    });
    const [row] = await servers.api
      .get<DataSource>(getDataSourceToken())
      .query('SELECT state_owned, city_quality_award, city_quality_award_year FROM enterprises WHERE credit_code = $1', [b]);
    expect(row).toEqual({ state_owned: false, city_quality_award: 'awarded', city_quality_award_year: 2021 });
  });

  it('city signs off and submits, the province returns with a reason, the city resubmits as version 2', async () => {
    const narrative = '本市在国有企业和规模以上生产性企业中推行首席质量官制度，组织任职培训三期。';
    await as('regulatorlz', async (page) => {
      await page.getByRole('link', { name: '市级报告' }).click();
      await page.getByRole('button', { name: /^生成兰州市 \d{4} 年度报告$/ }).click();
      const card = page.getByTestId('city-report-兰州市');
      await card.getByText('未报送').waitFor();
      await card.getByLabel('推行情况').fill(narrative);
      await card.getByRole('button', { name: '签发并报送省局' }).click();
      await card.getByText('第 1 版 · 已报送').waitFor();
      await phoneCheck(page, 'regulator-city-report', () => card.getByRole('table').waitFor());
    });
    await as('regulatorgs', async (page) => {
      await page.getByRole('link', { name: '市级报告' }).click();
      const card = page.getByTestId('city-report-兰州市');
      await card.getByText('第 1 版 · 已报送').waitFor();
      await card.getByLabel(/退回理由/).fill('请补充培训人数');
      await card.getByRole('button', { name: '退回', exact: true }).click();
      await card.getByText('第 1 版 · 已退回').waitFor();
      await phoneCheck(page, 'province-city-reports', () => card.getByText('第 1 版 · 已退回').waitFor());
    });
    await as('regulatorlz', async (page) => {
      await page.getByRole('link', { name: '市级报告' }).click();
      const card = page.getByTestId('city-report-兰州市');
      await card.getByText('省局退回：请补充培训人数').waitFor();
      await card.getByLabel('推行情况').fill(`${narrative}共培训120人次。`);
      await card.getByRole('button', { name: '签发并报送省局' }).click();
      await card.getByText('第 2 版 · 已报送').waitFor();
      const versions = card.getByRole('table');
      await expect(versions.locator('tr[data-version="2"]').innerText()).resolves.toContain('已报送');
      await expect(versions.locator('tr[data-version="1"]').innerText()).resolves.toContain('已被新版本取代');
      // A submitted version is frozen: no form to edit it while the province decides.
      expect(await card.getByRole('button', { name: '签发并报送省局' }).count()).toBe(0);
    });
    await as('regulatorgs', async (page) => {
      await page.getByRole('link', { name: '市级报告' }).click();
      const card = page.getByTestId('city-report-兰州市');
      await card.getByRole('button', { name: '签收' }).click();
      await card.getByText('第 2 版 · 省局已签收').waitFor();
    });
  });

  it('evidence: the trainee uploads, the employer confirms, the city verifies', async () => {
    const cqo = await candidate(servers.api, { enterpriseId: world.enterpriseLZ, fullName: '证明人' });
    const scan = file('学位证书.png', PNG);
    await as(cqo.username, async (page) => {
      await page.getByRole('link', { name: '任职条件证明' }).click();
      const row = page.locator('tr[data-fact="education"]');
      await row.getByLabel('学历的证明材料').setInputFiles(scan);
      await row.getByRole('button', { name: '上传' }).click();
      await page.getByText('已上传学历的证明材料').waitFor();
      await row.getByText('自述').waitFor();
      await phoneCheck(page, 'trainee-facts', () => row.getByText('学位证书.png').waitFor());
    });
    await as('entadminlz', async (page) => {
      await page.goto(`${servers.baseUrl}/app/enterprise/staff/${cqo.userId}/facts`);
      const row = page.locator('tr[data-fact="education"]');
      await row.getByRole('button', { name: '确认材料属实' }).click();
      await row.getByText('企业已确认').waitFor();
      // Nothing uploaded for the title: nothing to confirm, and it stays self-declared.
      expect(await page.locator('tr[data-fact="title"]').getByRole('button').count()).toBe(0);
      await phoneCheck(page, 'enterprise-staff-facts', () => row.getByText('企业已确认').waitFor());
    });
    await as('regulatorlz', async (page) => {
      await page.goto(`${servers.baseUrl}/app/regulator/cqos/${cqo.userId}`);
      const row = page.locator('tr[data-fact="education"]');
      await row.getByRole('button', { name: '核验通过' }).click();
      await row.getByText('监管已核验').waitFor();
      await expect(page.locator('tr[data-fact="qualification"]').innerText()).resolves.toContain('自述');
      await phoneCheck(page, 'regulator-cqo-facts', () => row.getByText('监管已核验').waitFor());
    });
  });

  it('renews a term that ends within 90 days; the enterprise sees the renewal', async () => {
    const cqo = await candidate(servers.api, { enterpriseId: world.enterpriseLZ, fullName: '续聘人' });
    const today = new Date().toISOString().slice(0, 10);
    const res = await servers.api.request({
      method: 'POST',
      url: '/registry/appointments',
      token: world.tokens.entAdminLZ,
      payload: appointmentBody({ username: cqo.username }, { appointedOn: today, termYears: 1 }),
    });
    expect(res.statusCode).toBe(201);
    // The term ends in 30 days (started in this calendar year's past, so no closed year lies inside it).
    await servers.api.get<DataSource>(getDataSourceToken()).query(
      `UPDATE cqo_appointments SET appointed_on = GREATEST(date_trunc('year', now())::date, (now() + interval '30 days' - interval '1 year')::date),
              term_ends_on = (now() + interval '30 days')::date WHERE id = $1`,
      [res.json().id],
    );
    await as('entadminlz', async (page) => {
      await page.getByRole('link', { name: '首席质量官聘任' }).click();
      const card = page.locator('.appointment', { hasText: '续聘人' });
      await card.getByRole('button', { name: '续聘' }).click();
      await card.getByLabel('新的授权书编号').fill('兰质聘〔续〕001');
      await card.getByRole('button', { name: '确认续聘' }).click();
      const renewed = page.locator('.appointment', { hasText: '续聘人' }).filter({ hasText: '兰质聘〔续〕001' });
      await renewed.getByText('尚未到任').waitFor();
      await page.locator('.appointment', { hasText: '续聘人' }).getByText('已续聘', { exact: true }).first().waitFor();
      await phoneCheck(page, 'enterprise-appointments-renewal', () => renewed.waitFor());
    });
  });

  it('shows the enterprise its master data read-only and takes a correction the city approves', async () => {
    await as('entadminlz', async (page) => {
      await page.getByRole('link', { name: '企业信息' }).click();
      await page.getByText('以下信息来自市场监管部门的企业名录').waitFor();
      await page.getByLabel('要更正的项目').selectOption({ label: '规模以上' });
      await page.getByLabel('正确内容').selectOption({ label: '否' });
      await page.getByLabel('理由').fill('2025年营业收入低于2000万元');
      await page.getByRole('button', { name: '提交更正申请' }).click();
      await page.getByText('更正申请已提交').waitFor();
      await phoneCheck(page, 'enterprise-master-data', () => page.getByRole('heading', { name: '变更记录' }).waitFor());
    });
    await as('regulatorlz', async (page) => {
      await page.getByRole('link', { name: '企业名录' }).click();
      const request = page.getByRole('listitem').filter({ hasText: '2025年营业收入低于2000万元' });
      await request.getByLabel('审核意见').fill('已核对统计数据');
      await request.getByRole('button', { name: '同意' }).click();
      await page.getByText('已同意兰州测试企业的更正申请').waitFor();
      await page.goto(`${servers.baseUrl}/app/regulator/enterprises/${world.enterpriseLZ}/history`);
      await page.getByText('规模以上：否').waitFor();
      await phoneCheck(page, 'regulator-enterprise-history', () => page.getByText('规模以上：否').waitFor());
    });
  });

  it('shows the as-of dashboard and the non-filers with a reminder', async () => {
    await as('regulatorlz', async (page) => {
      await page.getByLabel('截至日期').fill('2021-12-31');
      await page.getByText('目标完成情况按 2021-12-31 的聘任和名录数据计算').waitFor();
      await page.getByRole('columnheader', { name: /^今日/ }).waitFor();
      await phoneCheck(page, 'regulator-dashboard-as-of', () => page.getByRole('columnheader', { name: /^今日/ }).waitFor());
      await page.getByRole('link', { name: '报告签收' }).click();
      await page.getByRole('heading', { name: /年度未报送企业/ }).waitFor();
      await page.getByRole('button', { name: '提醒未报送企业' }).click();
      await page.getByText(/已提醒 \d+ 家企业/).waitFor();
      await phoneCheck(page, 'regulator-non-filers', () => page.getByRole('heading', { name: /年度未报送企业/ }).waitFor());
    });
  });
});
