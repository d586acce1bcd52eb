import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { keyOf, createPaper, createQuestion, questionBodies, basePaper } from '../support/exams';
import { onlineCourse, publishCourse } from '../support/courses';
import type { LiveServers } from '../support/browser';
import { launchChromium, PHONE, DESKTOP, screenshots, signIn, startLiveServers } from '../support/browser';
import type { World } from '../support/fixtures';
import { appointCqoByException, seedWorld, TEST_PASSWORD, testIdNumber } from '../support/fixtures';

/**
 * The product in a real browser (Debian's Chromium through playwright-core) against the real API
 * and worker on a socket: a trainee enrols, studies a lesson by heartbeats, passes the final exam
 * and downloads the certificate; the public pages verify its serial; a regulator finds the
 * trainee and sees the hours. Each role's main page is saved as a screenshot at desktop and phone
 * width in tests/artifacts/screenshots/. Every wait is on visible UI state.
 */
jest.setTimeout(240_000);

const COURSE_TITLE = '首席质量官制度与质量强国（浏览器测试）';

describe('the web front end in Chromium', () => {
  let servers: LiveServers;
  let world: World;
  let browser: Browser;
  let trainee: BrowserContext;
  let page: Page;
  const failures: string[] = [];

  beforeAll(async () => {
    servers = await startLiveServers();
    const { api } = servers;
    world = await seedWorld(api);
    // A final exam of five questions from org A's bank, and a course whose single lesson needs
    // 3 seconds of study (1 minute at a completion share of 0.05) so the test studies for real.
    const questions: string[] = [];
    for (let n = 0; n < 5; n++) questions.push((await createQuestion(api, world.tokens.orgAdminA, questionBodies.single(n))).id);
    const paperId = await createPaper(
      api,
      world.tokens.orgAdminA,
      basePaper({ kind: 'course_exam', title: '结业考试', fixedQuestions: questions.map((questionId) => ({ questionId })) }),
    );
    await publishCourse(
      api,
      world,
      onlineCourse({
        title: COURSE_TITLE,
        finalExamPaperId: paperId,
        completionShare: '0.05',
        creditHours: '0.5',
        lessons: [{ title: '首席质量官的职责', type: 'video', minutes: 1, required: true }],
      }),
    );
    browser = await launchChromium();
    trainee = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN', acceptDownloads: true });
    page = await trainee.newPage();
    // Any page error or 5xx answer fails the run: the UI must not paper over a broken call.
    page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
    page.on('response', (res) => res.status() >= 500 && failures.push(`${res.status()} ${res.url()}`));
  });

  afterAll(async () => {
    await browser?.close();
    await servers?.close();
  });

  afterEach(() => expect(failures).toEqual([]));

  // Tianshui's enterprise appoints its CQO (by exception: the training is not done; shown as an
  // exception appointment, not counted toward the rates), after the candidate's declaration:
  // once, for whichever test needs it first.
  let tianshuiAppointment: Promise<void> | undefined;
  const appointTianshuiCqo = () =>
    (tianshuiAppointment ??= appointCqoByException(servers.api, world.tokens.entAdminTS, 'traineets', 'TS-CQO-2026-001'));

  it('serves the app at /app with / redirecting to it, and leaves the API and /docs alone', async () => {
    const root = await fetch(`${servers.baseUrl}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/app/');
    const deep = await fetch(`${servers.baseUrl}/app/learning/anything`, { headers: { accept: 'text/html' } });
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<div id="root">');
    expect((await fetch(`${servers.baseUrl}/health`)).status).toBe(200);
    expect((await fetch(`${servers.baseUrl}/docs-json`)).status).toBe(200);
    const unknown = await fetch(`${servers.baseUrl}/no-such-route`, { headers: { accept: 'text/html' } });
    expect(unknown.status).toBe(404);
  });

  // One story in one browser page: each step needs the one before (the enrolment, the completed
  // lesson, the passed exam, the certificate the worker issued and its serial, the hours it brought).
  it('a trainee enrols, studies, passes the final exam and downloads the certificate; anyone verifies its serial; a regulator sees the hours', async () => {
    // A trainee signs in, finds the course in the catalog and enrols.
    await page.goto(`${servers.baseUrl}/`);
    await page.getByRole('heading', { name: '登录' }).waitFor();
    await screenshots(page, 'public-login', () => page.getByRole('heading', { name: '登录' }).waitFor());
    // A wrong password says so (not "session expired").
    await page.getByLabel('用户名').fill('traineelz');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();
    expect(await page.getByRole('alert').allTextContents()).not.toContainEqual(expect.stringContaining('登录已过期'));
    await signIn(page, servers.baseUrl, 'traineelz', TEST_PASSWORD);
    await page.getByRole('heading', { name: '我的学习' }).waitFor();

    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '课程目录' }).click();
    await page.getByRole('link', { name: COURSE_TITLE }).waitFor();
    await screenshots(page, 'trainee-catalog', () => page.getByRole('link', { name: COURSE_TITLE }).waitFor());
    await page.getByRole('link', { name: COURSE_TITLE }).click();
    await page.getByRole('button', { name: '报名' }).click();
    await page.getByText('必修课节完成 0 / 1 节').waitFor();

    // Studies the lesson with the heartbeat running until the server says it is complete.
    await page.getByRole('link', { name: '开始学习' }).click();
    await page.getByTestId('study-progress').getByRole('progressbar').waitFor();
    await page.getByText('本课时已完成。').waitFor({ timeout: 30_000 });
    await page.getByRole('link', { name: '返回课程' }).click();
    await page.getByText('必修课节完成 1 / 1 节').waitFor();

    // Takes the final exam with the timer running and autosave, and passes.
    await page.getByRole('link', { name: '参加结业考试' }).click();
    await page.getByRole('button', { name: '开始考试' }).click();
    await page.getByTestId('exam-timer').waitFor();
    expect(await page.getByTestId('exam-timer').textContent()).toMatch(/剩余时间\s*(29|30):\d\d/);
    const attemptId = /\/attempts\/([0-9a-f-]{36})/.exec(page.url())![1];
    // The key comes from the database (no route gives it to a trainee); the trainee answers every question right.
    const key = await keyOf(servers.api, attemptId);
    for (const [position, optionIds] of key) {
      for (const optionId of optionIds) await page.locator(`input[name="q${position}"][value="${optionId}"]`).check();
    }
    await page
      .getByTestId('autosave')
      .getByText(/已保存/)
      .waitFor();
    await screenshots(page, 'trainee-exam', () => page.getByTestId('exam-timer').waitFor());
    await page.getByRole('button', { name: '交卷' }).click();
    await page.getByRole('button', { name: '确认交卷' }).click();
    await page.getByTestId('exam-result').getByText('合格', { exact: true }).waitFor();
    expect(await page.getByTestId('exam-result').textContent()).toContain('5 / 5');

    // Sees the course completed and downloads the certificate the worker issued.
    await page.getByRole('link', { name: '返回课程' }).click();
    await page.getByRole('heading', { name: '恭喜，课程已结业' }).waitFor();
    const downloadButton = page.getByRole('button', { name: '下载证书（PDF）' });
    await downloadButton.waitFor({ timeout: 60_000 });
    const serial = (await page.locator('.cert-line .mono').textContent())!.trim();
    expect(serial.length).toBeGreaterThan(5);
    const [download] = await Promise.all([page.waitForEvent('download'), downloadButton.click()]);
    const path = await download.path();
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);

    // Sees the hours per requirement with the entry behind them.
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的学时' }).click();
    const requirements = page.getByTestId('requirements');
    await requirements.waitFor();
    await requirements.getByText(/已获 0\.5 \/ 要求 21 学时/).waitFor();
    await page.getByRole('cell', { name: '课程结业' }).waitFor();
    await screenshots(page, 'trainee-hours', () => page.getByTestId('requirements').waitFor());
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的证书' }).click();
    await page.getByText(serial).waitFor();
    await screenshots(page, 'trainee-certificates', () => page.getByText(serial).waitFor());
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '通知' }).click();
    await page.getByRole('heading', { name: '通知' }).waitFor();
    await page.locator('main [aria-busy="true"]').first().waitFor({ state: 'detached' });
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的学习' }).click();
    await page.getByRole('link', { name: COURSE_TITLE }).waitFor();
    await screenshots(page, 'trainee-learning', () => page.getByRole('link', { name: COURSE_TITLE }).waitFor());
    // The English switch changes the whole page, and back.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'My learning' }).waitFor();
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { name: '我的学习' }).waitFor();

    // Anyone verifies the serial without signing in, on a phone, in the SPA and on the QR page.
    const visitor = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', isMobile: true, hasTouch: true });
    const phone = await visitor.newPage();
    try {
      // The web app's old address leads to the one public page, the server-rendered /verify.
      await phone.goto(`${servers.baseUrl}/app/check`);
      expect(new URL(phone.url()).pathname).toBe('/verify');
      await phone.getByLabel('证书编号').fill(serial);
      await phone.getByLabel('身份证号后四位').fill(testIdNumber(1).slice(-4));
      await phone.getByRole('button', { name: '核验' }).click();
      const result = phone.locator('section.result');
      await result.getByText('有效', { exact: true }).waitFor();
      // The public sees the holder's name masked.
      expect(await result.textContent()).toContain('兰***');
      expect(await result.textContent()).toContain(serial);
      await screenshots(phone, 'public-verify', () => phone.locator('section.result').waitFor());

      // The QR code's target is the API's own server-rendered page, untouched by the SPA.
      const cert = (await servers.api.request({ method: 'GET', url: '/me/certificates', token: world.tokens.traineeLZ })).json().items[0];
      const qr = await phone.goto(cert.verifyUrl);
      expect(qr?.status()).toBe(200);
      expect(await phone.content()).toContain(serial);
      await screenshots(phone, 'public-qr-page', () => phone.locator('body').waitFor());
    } finally {
      await visitor.close();
    }

    // A regulator finds the trainee by ID number and sees the hours the course brought.
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    const regulator = await context.newPage();
    try {
      await signIn(regulator, servers.baseUrl, 'regulatorgs', TEST_PASSWORD);
      await regulator.getByRole('heading', { name: '监管概览' }).waitFor();
      await regulator.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '状态查询' }).click();
      await regulator.getByRole('textbox', { name: '身份证号' }).fill(testIdNumber(1));
      await regulator.getByRole('button', { name: '查询' }).click();
      await regulator.getByRole('link', { name: '兰州学员' }).click();
      const hours = regulator.getByTestId('cqo-hours');
      await hours.getByText(/已获 0\.5 \/ 要求 21 学时/).waitFor();
      await regulator.getByRole('cell', { name: '课程结业' }).waitFor();
      await screenshots(regulator, 'regulator-cqo-status', () => regulator.getByTestId('cqo-hours').waitFor());
    } finally {
      await context.close();
    }
  });

  it('a regulator sees the rates by region and drills down to a city, its enterprises and one CQO', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    const regulator = await context.newPage();
    try {
      await appointTianshuiCqo();
      // The provincial bureau: one bar per city; choosing Lanzhou drills down to its enterprises.
      await signIn(regulator, servers.baseUrl, 'regulatorgs', TEST_PASSWORD);
      await regulator.getByRole('heading', { name: '监管概览' }).waitFor();
      // The chart is a list of buttons inside a named figure (no focusable rows inside an image).
      const chart = regulator.getByRole('figure', { name: '各地区首席质量官聘任率' });
      await chart.waitFor();
      await screenshots(regulator, 'regulator-dashboard', () => chart.waitFor());
      await chart.getByRole('button', { name: /^兰州市 / }).click();
      await regulator.getByRole('heading', { name: '兰州市' }).waitFor();
      await regulator.getByRole('cell', { name: '兰州测试企业' }).waitFor();
      // Province → city → enterprise list → person: Tianshui's CQO opens her record.
      await regulator.getByRole('navigation', { name: '地区层级' }).getByRole('button', { name: '我的辖区' }).click();
      await chart.getByRole('button', { name: /^天水市 / }).click();
      await regulator.getByRole('heading', { name: '天水市' }).waitFor();
      await regulator
        .getByRole('row', { name: /天水测试企业/ })
        .getByRole('link', { name: '天水学员' })
        .click();
      await regulator.getByRole('heading', { name: '天水学员' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('an enterprise admin sees the eligibility check answered condition by condition', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    const enterprise = await context.newPage();
    try {
      await signIn(enterprise, servers.baseUrl, 'entadminlz', TEST_PASSWORD);
      await enterprise.getByRole('heading', { name: '首席质量官聘任' }).waitFor();
      await enterprise.getByLabel('候选人用户名').fill('traineelz');
      await enterprise.getByRole('button', { name: '核查条件' }).click();
      const answer = enterprise.getByRole('table').filter({ hasText: '实际情况' });
      await answer.waitFor();
      // Short of the 21 appointment-training hours (0.5 at most, from the journey's course): that condition is named as unmet.
      await answer.getByText('不符合任职条件').waitFor();
      expect(await answer.locator('tr[data-met="false"]').count()).toBeGreaterThan(0);
      expect(await answer.locator('tr[data-met="true"]').count()).toBeGreaterThan(0);
      await screenshots(enterprise, 'enterprise-appointments', () => answer.waitFor());
    } finally {
      await context.close();
    }
    // Tianshui's CQO named again: the conflict shows at once, and no form to fill in.
    await appointTianshuiCqo();
    const tianshui = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    const again = await tianshui.newPage();
    try {
      await signIn(again, servers.baseUrl, 'entadmints', TEST_PASSWORD);
      await again.getByLabel('候选人用户名').fill('traineets');
      await again.getByRole('button', { name: '核查条件' }).click();
      const obstacles = again.getByTestId('appointment-obstacles');
      await obstacles.getByText('该人员已是本企业在任首席质量官；任期将满时请办理续聘').waitFor();
      expect(await again.getByRole('button', { name: '登记聘任' }).count()).toBe(0);
    } finally {
      await tianshui.close();
    }
  });

  it('shows each staff role its main page, and every page of its menu loads cleanly', async () => {
    const pages: [string, string, string | null][] = [
      ['orgadmina', '课程管理', 'org-courses'],
      ['admin', '课程审核', 'admin-approvals'],
      ['entadminlz', '首席质量官聘任', null],
      ['regulatorgs', '监管概览', null],
    ];
    for (const [username, heading, name] of pages) {
      const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
      const staff = await context.newPage();
      try {
        await signIn(staff, servers.baseUrl, username, TEST_PASSWORD);
        await staff.getByRole('heading', { name: heading }).waitFor();
        await staff.locator('main .card, main .empty, main table').first().waitFor();
        if (name) await screenshots(staff, name, () => staff.getByRole('heading', { name: heading }).waitFor());
        if (username === 'orgadmina') {
          // The API's message for each field shows beside its input (here: hours not in steps of 0.5, no topic).
          await staff.getByRole('link', { name: '新建课程' }).click();
          await staff.getByLabel('课程名称').fill('质量工具入门');
          await staff.getByLabel('课程简介').fill('常用质量工具。');
          await staff.getByLabel('学时', { exact: true }).fill('7.3');
          await staff.getByLabel('课时名称').fill('排列图');
          await staff.getByRole('button', { name: '保存草稿' }).click();
          const hoursField = staff.locator('.field', { has: staff.getByLabel('学时', { exact: true }) });
          await hoursField.getByRole('alert').waitFor();
          expect((await hoursField.getByRole('alert').textContent())?.trim()).not.toBe('');
          await staff
            .locator('.field', { has: staff.getByText('专题', { exact: true }) })
            .getByRole('alert')
            .waitFor();
          await screenshots(staff, 'org-course-form-errors', () => hoursField.getByRole('alert').waitFor());
        }
        // Every page of the role's menu loads without an error box (and, by afterEach, without a page
        // error or 5xx), and is saved at 1280 and 375 px as <role>-<path>.
        const menu = staff.getByRole('navigation', { name: '主导航' }).getByRole('link');
        for (const label of await menu.allTextContents()) {
          await menu.filter({ hasText: label }).click();
          await staff.locator('main h1').waitFor();
          await staff.locator('main [aria-busy="true"]').first().waitFor({ state: 'detached' });
          expect([label, await staff.locator('main .alert-error').allTextContents()]).toEqual([label, []]);
          const path = new URL(staff.url()).pathname.replace(/^\/app\//, '').replace(/\//g, '-');
          await screenshots(staff, `menu-${username}-${path}`, () => staff.locator('main h1').waitFor());
        }
      } finally {
        await context.close();
      }
    }
  });
});
