import type { Browser, Page } from 'playwright-core';
import { DashboardsService } from '@cqo/reporting';
import { seriousAxeViolations } from '../support/axe';
import type { LiveServers } from '../support/browser';
import { launchChromium, DESKTOP, overflowingTables, PHONE, screenshots, signIn, startLiveServers } from '../support/browser';
import type { World } from '../support/fixtures';
import { appointCqoByException, seedWorld, TEST_PASSWORD } from '../support/fixtures';

/**
 * What a person reads and trips over, in Chromium: messages naming the field by its label
 * before anything is sent, the log-in's own refusal text, the one public verification page,
 * the regulator's chart (无数据, sorted, drill-down by keyboard), and an axe-core scan of the
 * log-in, trainee hours, regulator dashboard, course form and public verification pages
 * (zero serious or critical violations). Also: the built assets are sent brotli-compressed and
 * cached as immutable, and the first HTML already paints a header before any script runs.
 */
jest.setTimeout(180_000);

describe('messages, next steps and accessibility in Chromium', () => {
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

  async function open(viewport = DESKTOP): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
    page.on('response', (res) => res.status() >= 500 && failures.push(`${res.status()} ${res.url()}`));
    return page;
  }

  it('serves hashed assets brotli-compressed and immutable, and a shell that paints before the script', async () => {
    const html = await fetch(`${servers.baseUrl}/app/login`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(html.headers.get('cache-control')).toBe('no-cache');
    const shell = await html.text();
    // The header and a heading are in the HTML itself; no inline script (a strict CSP allows none).
    expect(shell).toContain('class="site-header"');
    expect(shell).toContain('<h1');
    expect(shell).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const script = /<script type="module" crossorigin src="([^"]+)"/.exec(shell)?.[1];
    expect(script).toMatch(/^\/assets\/index-[\w-]+\.js$/);
    const { request } = await import('node:http');
    const headers = await new Promise<Record<string, string | string[] | undefined>>((resolve, reject) => {
      request(`${servers.baseUrl}${script}`, { headers: { 'accept-encoding': 'br, gzip' } }, (res) => {
        res.resume();
        resolve(res.headers);
      })
        .on('error', reject)
        .end();
    });
    expect(headers['content-encoding']).toBe('br');
    expect(headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(headers.vary).toMatch(/accept-encoding/i);
  });

  it('log-in: an empty field is named by its label before sending; a wrong password says so', async () => {
    const page = await open();
    try {
      let posted = 0;
      page.on('request', (req) => req.method() === 'POST' && req.url().endsWith('/auth/login') && posted++);
      await page.goto(`${servers.baseUrl}/app/login`);
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await page.getByText('请填写用户名').waitFor();
      await page.getByText('请填写密码').waitFor();
      expect(posted).toBe(0);
      // Focus lands on the first field to fix.
      expect(
        await page.evaluate(() =>
          (
            globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } | null } }
          ).document.activeElement?.getAttribute('name'),
        ),
      ).toBe('username');
      await page.getByLabel('用户名').fill('traineelz');
      await page.getByLabel('密码').fill('not-the-password');
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();
      expect(posted).toBe(1);
      expect(await seriousAxeViolations(page)).toEqual([]);
      // The English catalog words the same rule.
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByLabel('Username').fill('');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByText('Please enter the username.').waitFor();
    } finally {
      await page.context().close();
    }
  });

  it('course form: a required field, a length and the API’s own refusal are written beside the field with its Chinese label', async () => {
    const page = await open();
    try {
      await signIn(page, servers.baseUrl, 'orgadmina', TEST_PASSWORD);
      await page.goto(`${servers.baseUrl}/app/org/courses/new`);
      await page.getByLabel('课程名称').waitFor();
      await page.getByRole('button', { name: '保存草稿' }).click();
      await page.getByText('请填写课程名称').waitFor();
      await page.getByText('请填写课程简介').waitFor();
      await page.getByLabel('课程名称').fill('质');
      await page.getByLabel('课程名称').blur();
      await page.getByText('课程名称至少 2 个字').waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshots(page, 'org-course-form-errors', () => page.getByText('课程名称至少 2 个字').waitFor());
    } finally {
      await page.context().close();
    }
  });

  it('the API names fields by their labels, never by raw paths', async () => {
    const token = (
      await servers.api.request({ method: 'POST', url: '/auth/login', payload: { username: 'orgadmina', password: TEST_PASSWORD } })
    ).json().accessToken as string;
    const res = await servers.api.request({
      method: 'POST',
      url: '/exam-papers',
      token,
      payload: { kind: 'course_exam', title: '', passMarkPercent: 60, drawRules: [{ count: 0, category: 1 }] },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json() as { message: string; details: { field: string; message: string }[] };
    for (const d of body.details) expect(d.message).not.toMatch(/[a-z]+\[\d+\]|长度过短|数组元素|取值不在允许范围/);
    expect(body.details.find((d) => d.field === 'title')?.message).toBe('请填写试卷名称');
    expect(body.message).toContain('试卷名称');
  });

  it('public verification: one page, with a favicon and no contrast problems', async () => {
    const page = await open(PHONE);
    try {
      await page.goto(`${servers.baseUrl}/verify`);
      await page.getByRole('heading', { name: '首席质量官培训证书真伪核验' }).waitFor();
      expect(await page.locator('link[rel="icon"]').getAttribute('href')).toBe('/favicon.svg');
      expect((await fetch(`${servers.baseUrl}/favicon.svg`)).status).toBe(200);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.getByLabel('证书编号').fill('GS-CQO-2026-999999-XX');
      await page.getByLabel('身份证号后四位').fill('1234');
      await page.getByRole('button', { name: '核验' }).click();
      await page.locator('section.result').getByText('未找到', { exact: true }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it('trainee hours and the regulator dashboard pass axe; the chart drills down by keyboard and says 无数据 for empty regions', async () => {
    const trainee = await open(PHONE);
    try {
      await signIn(trainee, servers.baseUrl, 'traineelz', TEST_PASSWORD);
      await trainee.goto(`${servers.baseUrl}/app/hours`);
      await trainee.getByTestId('requirements').waitFor();
      // The way out of the gap: the deadline with days left (server figures) and a 去选课 link per unmet requirement.
      await trainee
        .getByTestId('days-left')
        .getByText(/截止日期：\d{4}-12-31（北京时间），还剩 \d+ 天/)
        .waitFor();
      expect(await seriousAxeViolations(trainee)).toEqual([]);
      await screenshots(trainee, 'trainee-hours', () => trainee.getByTestId('days-left').waitFor());
      // This trainee is not a CQO: the yearly requirements do not bind (不适用, nothing missing); the
      // once-only appointment training is what is missing, so it is the one with a way out.
      await trainee.getByRole('link', { name: /^去选课：.*继续教育/ }).waitFor({ state: 'detached' });
      await trainee.getByRole('link', { name: /^去选课：任职培训/ }).click();
      await trainee.waitForURL(
        (url) =>
          url.pathname === '/app/catalog' && url.searchParams.get('category') === '1' && url.searchParams.get('kind') === 'appointment',
      );
      await trainee.getByRole('heading', { name: '课程目录' }).waitFor();
    } finally {
      await trainee.context().close();
    }
    // Tianshui's enterprise appoints its CQO (by exception), so one city has a rate above 0: first the
    // candidate's disqualification declaration, then the appointment dated today (at most 30 days back).
    await appointCqoByException(servers.api, world.tokens.entAdminTS, 'traineets', 'TS-CQO-2026-009');
    // What the worker's registry.refresh-stats job does every five minutes.
    await servers.api.get(DashboardsService).refreshStats();
    const regulator = await open();
    try {
      await signIn(regulator, servers.baseUrl, 'regulatorgs', TEST_PASSWORD);
      const chart = regulator.getByRole('figure', { name: '各地区首席质量官聘任率' });
      await chart.waitFor();
      expect(await seriousAxeViolations(regulator)).toEqual([]);
      // Cities without enterprises read 无数据, after every city with a rate (highest first).
      const rows = await chart.getByRole('listitem').allTextContents();
      const firstEmpty = rows.findIndex((r) => r.includes('无数据'));
      // Sixteen units, enterprises in two of them: most read 无数据, and at least Tianshui has a rate.
      expect(firstEmpty).toBeGreaterThan(0);
      expect(rows.length).toBe(16);
      expect(rows.slice(firstEmpty).every((r) => r.includes('无数据'))).toBe(true);
      const rates = rows.slice(0, firstEmpty).map((r) => Number(/(\d+)%/.exec(r)?.[1]));
      expect(rates).toEqual([...rates].sort((a, b) => b - a));
      // On a phone, no table is wider than the screen: rows are cards that keep every column, status included.
      for (const path of ['/app/regulator/dashboard', '/app/regulator/shortfalls']) {
        await regulator.setViewportSize(PHONE);
        await regulator.goto(`${servers.baseUrl}${path}`, { waitUntil: 'networkidle' });
        await regulator.locator('main h1').waitFor();
        expect(await overflowingTables(regulator)).toEqual([]);
      }
      await regulator.setViewportSize(DESKTOP);
      await regulator.goto(`${servers.baseUrl}/app/regulator/dashboard`);
      await chart.waitFor();
      // Keyboard: the city's button takes focus and Enter drills down.
      await chart.getByRole('button', { name: /^兰州市/ }).focus();
      await regulator.keyboard.press('Enter');
      await regulator.getByRole('heading', { name: '兰州市' }).waitFor();
    } finally {
      await regulator.context().close();
    }
    const enterprise = await open(PHONE);
    try {
      await signIn(enterprise, servers.baseUrl, 'entadminlz', TEST_PASSWORD);
      await enterprise.goto(`${servers.baseUrl}/app/enterprise/staff`, { waitUntil: 'networkidle' });
      await enterprise.locator('main h1').waitFor();
      expect(await overflowingTables(enterprise)).toEqual([]);
      await screenshots(enterprise, 'enterprise-staff', () => enterprise.locator('main h1').waitFor());
    } finally {
      await enterprise.context().close();
    }
  });
});
