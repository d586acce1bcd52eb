import type { Browser, Page } from 'playwright-core';
import type { LiveServers } from '../support/browser';
import { launchChromium, DESKTOP, screenshots, signIn, startLiveServers } from '../support/browser';
import { DEMO_VIDEO_PATH } from '../support/content';
import type { World } from '../support/fixtures';
import { seedWorld, TEST_PASSWORD } from '../support/fixtures';

/**
 * Staff work in the browser: an organization drafts a course and submits it, the platform admin
 * approves it from the queue, the organization publishes it and enrols a roster by CSV (the
 * report names the bad row); the question bank import shows its per-cell error report, then
 * imports; a paper is drafted and published; an enterprise files its yearly report and the city
 * bureau signs for it.
 */
jest.setTimeout(180_000);

const QUESTIONS_CSV = [
  '题型,题干,A,B,C,D,答案,类别,知识点,难度,解析',
  // Topics by the Chinese names the UI shows (codes are still accepted, as in the third row).
  '单选,浏览器导入：首席质量官由谁聘任？,企业主要负责人,员工大会,市场监管部门,行业协会,A,1,企业首席质量官制度,易,',
  '判断,浏览器导入：首席质量官每年须参加继续教育。,,,,,对,1,企业首席质量官制度、国家质量发展政策,2,',
  '单选,浏览器导入：质量强国纲要,甲,乙,丙,丁,A,1,national-quality-policy,2,',
].join('\n');

describe('staff workflows in Chromium', () => {
  let servers: LiveServers;
  let browser: Browser;
  let world: World;
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
    } finally {
      await context.close();
    }
  }

  const title = '质量管理体系建设实务（浏览器）';

  it('drafts, submits, approves, publishes a course and enrols a roster by CSV', async () => {
    let versionUrl = '';
    await as('orgadmina', async (page) => {
      await page.getByRole('link', { name: '新建课程' }).click();
      await page.getByLabel('课程名称').fill(title);
      await page.getByLabel('课程简介').fill('企业质量管理体系的建立与运行。');
      await page.getByLabel('企业质量管理体系建设').check();
      await page.getByLabel('学时', { exact: true }).fill('3');
      await page.getByLabel('课时名称').fill('体系文件的编写');
      // Attention checks drawn from the bank, every 5–15 minutes.
      await page.getByLabel('学习中随机弹出确认，未作答时暂停计时').check();
      await page.getByLabel('最短间隔（分钟）').fill('5');
      await page.getByLabel('最长间隔（分钟）').fill('15');
      await page.getByLabel(/从本机构题库中按课程知识点抽取/).check();
      // The lesson's video goes up with tus; the lesson then lasts as long as the video.
      await page.getByTestId('lesson-upload-input').setInputFiles(DEMO_VIDEO_PATH);
      await page.getByText('已上传：demo-lesson.mp4').waitFor();
      expect(await page.getByLabel('时长（分钟）').inputValue()).toBe('45');
      await page.getByRole('button', { name: '保存草稿' }).click();
      await page.getByText('v1 · 草稿').waitFor();
      const draftId = /\/org\/versions\/([0-9a-f-]{36})/.exec(page.url())![1];
      const draft = (
        await servers.api.request({ method: 'GET', url: `/course-versions/${draftId}`, token: world.tokens.orgAdminA })
      ).json();
      expect(draft.attentionChecks).toEqual({ minMinutes: 5, maxMinutes: 15, timeoutSeconds: 60, fromBank: true });
      expect(draft.lessons[0]).toMatchObject({
        minutes: 45,
        content: { kind: 'video', mimeType: 'video/mp4', originalName: 'demo-lesson.mp4' },
      });
      await page.getByRole('button', { name: '提交审核' }).click();
      await page.getByText('v1 · 待审核').waitFor();
      versionUrl = page.url();
    });
    await as('admin', async (page) => {
      await page.getByRole('heading', { name: '课程审核' }).waitFor();
      await page.getByRole('listitem').filter({ hasText: title }).getByRole('button', { name: '审核' }).click();
      // Approving without a number: the API's message shows beside the field.
      await page.getByRole('button', { name: '通过' }).click();
      await page
        .locator('.field', { has: page.getByLabel('审核编号') })
        .getByRole('alert')
        .waitFor();
      await page.getByLabel('审核编号').fill('甘质培审〔2026〕088号');
      await page.getByRole('button', { name: '通过' }).click();
      await page.getByText('没有待审核的课程。').waitFor();
    });
    await as('orgadmina', async (page) => {
      await page.goto(versionUrl);
      await page.getByRole('button', { name: '发布' }).click();
      await page.getByText('v1 · 已发布').waitFor();
      await page.getByRole('tab', { name: '学员名单' }).click();
      await page.getByLabel('或粘贴 CSV 内容').fill('username\ntraineelz\nno-such-user');
      await page.getByRole('button', { name: '导入', exact: true }).click();
      const report = page.locator('.import-report');
      await report.getByText('已写入').waitFor();
      await report.getByRole('row').filter({ hasText: '有错误' }).waitFor();
      await page.getByRole('cell', { name: '兰州学员' }).first().waitFor();
      await screenshots(page, 'org-roster-import', () => page.locator('.import-report').waitFor());
    });
  });

  it('shows the question import’s error report cell by cell, then imports; drafts and publishes a paper', async () => {
    await as('orgadmina', async (page) => {
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '题库' }).click();
      await page.getByRole('button', { name: '导入 CSV / Excel' }).click();
      const bad = `${QUESTIONS_CSV}\n多选,知识点错,甲,乙,丙,,AB,1,no-such-topic,6,`;
      await page.getByLabel('选择文件').setInputFiles({ name: 'questions.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
      await page.getByRole('button', { name: '检查文件' }).click();
      const errors = page.locator('.import-report');
      await errors.getByRole('cell', { name: '知识点', exact: true }).waitFor();
      expect(
        await errors
          .getByRole('row')
          .filter({ has: page.getByRole('cell', { name: '难度', exact: true }) })
          .getByRole('cell')
          .first()
          .textContent(),
      ).toBe('5');
      await screenshots(page, 'org-question-import-errors', () => page.locator('.import-report').waitFor());

      await page.getByLabel('选择文件').setInputFiles({ name: 'questions.csv', mimeType: 'text/csv', buffer: Buffer.from(QUESTIONS_CSV) });
      await page.getByLabel('只检查，不导入').uncheck();
      await page.getByRole('button', { name: '导入', exact: true }).click();
      await page.getByText('已导入 3 题。').waitFor();
      await page.getByRole('cell', { name: '浏览器导入：质量强国纲要' }).waitFor();

      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '试卷与成绩' }).click();
      await page.getByRole('button', { name: '新建试卷' }).click();
      await page.getByLabel('试卷名称').fill('体系建设结业考试');
      await page.getByLabel('题数').fill('3');
      await page.getByRole('button', { name: '保存草稿' }).click();
      const row = page.getByRole('row').filter({ hasText: '体系建设结业考试' });
      await row.getByText('草稿').waitFor();
      await row.getByRole('button', { name: '发布' }).click();
      await row.getByText('已发布').waitFor();
      await row.getByRole('link', { name: '体系建设结业考试' }).click();
      await page.getByRole('heading', { name: '试题分析' }).waitFor();
    });
  });

  it('an enterprise files its yearly report and the city bureau signs for it', async () => {
    await as('entadminlz', async (page) => {
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '年度报告' }).click();
      await page.getByLabel('履职情况摘要').fill('本年度首席质量官组织开展质量管理体系内审两次。');
      await page
        .getByLabel('报告文件')
        .setInputFiles({ name: '2026年度报告.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
      await page.getByRole('button', { name: '报送' }).click();
      await page.getByText('年度报告已报送。').waitFor();
      await page.getByRole('button', { name: '2026年度报告.pdf' }).waitFor();
    });
    await as('regulatorlz', async (page) => {
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '报告签收' }).click();
      const report = page.getByRole('listitem').filter({ hasText: '兰州测试企业' });
      await report.getByLabel('签收意见（可选）').fill('已阅');
      await screenshots(page, 'regulator-reports', () => page.getByRole('listitem').filter({ hasText: '兰州测试企业' }).waitFor());
      await report.getByRole('button', { name: '签收' }).click();
      await page.getByText('暂无年度报告。').waitFor();
    });
  });
});
