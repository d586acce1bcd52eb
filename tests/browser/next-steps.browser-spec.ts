import type { Browser, Page } from 'playwright-core';
import { Workbook } from 'exceljs';
import { readFile } from 'node:fs/promises';
import { onlineCourse } from '../support/courses';
import { answersFor, basePaper, createPaper, createQuestion, questionBodies } from '../support/exams';
import type { LiveServers } from '../support/browser';
import { launchChromium, DESKTOP, screenshots, signIn, startLiveServers } from '../support/browser';
import type { World } from '../support/fixtures';
import { seedWorld, TEST_PASSWORD } from '../support/fixtures';

/**
 * The next step is on the page: a retake button after a failed attempt, capability tests on the
 * trainee's learning page, a course version's status refreshed after each action with a
 * confirmation, the organization told when a review returns its course, and the question import
 * template downloadable from the import panel.
 */
jest.setTimeout(180_000);

describe('next steps in Chromium', () => {
  let servers: LiveServers;
  let world: World;
  let browser: Browser;
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

  async function open(): Promise<Page> {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
    page.on('response', (res) => res.status() >= 500 && failures.push(`${res.status()} ${res.url()}`));
    return page;
  }

  it('offers a retake after a failed attempt, and lists capability tests on the learning page', async () => {
    const api = servers.api;
    const questions = [];
    for (let n = 0; n < 2; n++) questions.push(await createQuestion(api, world.tokens.orgAdminA, questionBodies.single(n)));
    const paperId = await createPaper(
      api,
      world.tokens.orgAdminA,
      basePaper({ title: '下一步能力测试', maxAttempts: 3, fixedQuestions: questions.map((q) => ({ questionId: q.id, points: 1 })) }),
    );
    const token = world.tokens.traineeLZ;
    const attempt = (await api.request({ method: 'POST', url: `/me/exam-papers/${paperId}/attempts`, token })).json();
    const wrong = await answersFor(api, attempt, () => false);
    await api.request({ method: 'PUT', url: `/me/exam-attempts/${attempt.id}/answers`, token, payload: { answers: wrong } });
    expect((await api.request({ method: 'POST', url: `/me/exam-attempts/${attempt.id}/submit`, token })).json().result.passed).toBe(false);

    const page = await open();
    await signIn(page, servers.baseUrl, 'traineelz', TEST_PASSWORD);
    await page.goto(`${servers.baseUrl}/app/learning`);
    const tests = page.getByRole('region', { name: '能力测试' });
    await tests.getByRole('link', { name: '下一步能力测试' }).waitFor();
    await expect(tests.getByText('未通过').count()).resolves.toBe(1);
    await screenshots(page, 'trainee-learning-capability-tests', () => tests.waitFor());

    await page.goto(`${servers.baseUrl}/app/attempts/${attempt.id}`);
    const retake = page.getByRole('button', { name: '重新考试（还可考 2 次）' });
    await retake.click();
    await page.waitForURL((url) => /\/attempts\/[\w-]+$/.test(url.pathname) && !url.pathname.endsWith(`/${attempt.id}`));
    const second = page.url().split('/').pop();
    const own = (await api.request({ method: 'GET', url: `/me/exam-attempts/${second}`, token })).json();
    expect(own).toMatchObject({ status: 'open', attemptNo: 2, paperId });
    await page.context().close();
  });

  it('refreshes a course version’s status with a confirmation, and tells the organization when the review returns it', async () => {
    const api = servers.api;
    const draft = (
      await api.request({
        method: 'POST',
        url: '/courses',
        token: world.tokens.orgAdminA,
        payload: onlineCourse({ title: '状态刷新课程' }),
      })
    ).json();
    const page = await open();
    await signIn(page, servers.baseUrl, 'orgadmina', TEST_PASSWORD);
    await page.goto(`${servers.baseUrl}/app/org/versions/${draft.id}`);
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.getByRole('status').filter({ hasText: '已提交审核' }).waitFor();
    // Both the heading badge and the version list say 待审核 without a reload.
    await page.locator('.page-title .badge', { hasText: '待审核' }).waitFor();
    await page.locator('aside li', { hasText: 'v1' }).getByText('待审核').waitFor();

    expect(
      (
        await api.request({
          method: 'POST',
          url: `/course-versions/${draft.id}/return`,
          token: world.tokens.admin,
          payload: { reason: '课时安排需补充' },
        })
      ).statusCode,
    ).toBe(200);
    await page.goto(`${servers.baseUrl}/app/notifications`);
    await page.getByRole('heading', { name: '课程被退回：状态刷新课程' }).waitFor();
    await page.getByText('退回原因：课时安排需补充').waitFor();
    await page.context().close();
  });

  it('downloads the question import template from the import panel, with the topic drop-down', async () => {
    const page = await open();
    await signIn(page, servers.baseUrl, 'orgadmina', TEST_PASSWORD);
    await page.goto(`${servers.baseUrl}/app/org/questions`);
    await page.getByRole('button', { name: '导入 CSV / Excel' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载 Excel 导入模板' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('试题导入模板.xlsx');
    const book = new Workbook();
    await book.xlsx.load((await readFile((await download.path())!)) as unknown as Parameters<typeof book.xlsx.load>[0]);
    const headers = (book.worksheets[0].getRow(1).values as string[]).slice(1);
    expect(headers).toContain('知识点');
    expect(book.worksheets[0].getCell(2, headers.indexOf('知识点') + 1).dataValidation?.type).toBe('list');
    await page.context().close();
  });
});
