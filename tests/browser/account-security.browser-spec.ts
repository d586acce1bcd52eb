import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import type { LiveServers } from '../support/browser';
import { launchChromium, DESKTOP, ShiftedClock, startLiveServers } from '../support/browser';
import { DataSource } from 'typeorm';
import type { World } from '../support/fixtures';
import { seedWorld, TEST_PASSWORD, testIdNumber } from '../support/fixtures';

/**
 * Issue 13 in the browser: a platform admin who must have the TOTP second factor lands on the
 * security page, enrols by the QR code (or the key shown as text), confirms with a code, and from
 * then on logs in with password and code; other staff may turn it off again. ID-number
 * collisions are decided on their own page, showing masked numbers only. No CSP violation anywhere.
 */
jest.setTimeout(180_000);

const profile = { educationLevel: 'bachelor', qualityWorkYears: 6, qualityQualification: 'intermediate', relatedSeniorTitle: false };

describe('account security in Chromium', () => {
  let servers: LiveServers;
  let browser: Browser;
  let world: World;
  const failures: string[] = [];
  const clock = new ShiftedClock();
  /** The code an authenticator app shows by the server's clock; each use moves that clock to the next 30-second step (a code is good once). */
  const code = async (secret: string) => {
    clock.advance(30_000);
    return generate({ secret, epoch: Math.floor(clock.now().getTime() / 1000) });
  };

  beforeAll(async () => {
    servers = await startLiveServers({ PLATFORM_ADMIN_TOTP_REQUIRED: 'true' }, { clock });
    world = await seedWorld(servers.api);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await servers?.close();
  });

  afterEach(() => expect(failures).toEqual([]));

  async function withPage(who: string, work: (page: Page) => Promise<void>): Promise<void> {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('pageerror', (error) => failures.push(`${who}: page error: ${error.message}`));
    page.on('console', (message) => /Content.Security.Policy/i.test(message.text()) && failures.push(`${who}: ${message.text()}`));
    page.on('response', (res) => res.status() >= 500 && failures.push(`${who}: ${res.status()} ${res.url()}`));
    try {
      await work(page);
    } finally {
      await context.close();
    }
  }

  const fillLogin = async (page: Page, username: string) => {
    await page.goto(`${servers.baseUrl}/app/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
  };

  /** Enrols on the security page; returns the secret read from the page, as a person would type it. */
  const enrol = async (page: Page): Promise<string> => {
    await page.getByRole('button', { name: '开始启用' }).click();
    const qr = page.getByRole('img', { name: '动态验证码二维码' });
    await qr.waitFor();
    // The QR code really rendered (a CSP refusal would leave the image empty).
    expect(
      await qr.evaluate(
        (img) =>
          (img as unknown as { complete: boolean; naturalWidth: number }).complete &&
          (img as unknown as { naturalWidth: number }).naturalWidth > 0,
      ),
    ).toBe(true);
    const secret = (await page.locator('code.totp-secret').innerText()).replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await page.getByLabel('6位动态验证码').fill(await code(secret));
    await page.getByRole('button', { name: '确认启用' }).click();
    await page.getByText('动态验证码已启用。以后登录时请输入验证码。').waitFor();
    return secret;
  };

  it('makes a platform admin enrol first, then asks for the code at log-in', async () => {
    let secret = '';
    await withPage('admin', async (page) => {
      await fillLogin(page, 'admin');
      await page.waitForURL(/\/app\/security$/);
      await page.getByText('平台管理员必须先启用动态验证码，才能使用其他功能。').waitFor();
      // Anything else leads back here until enrolled.
      await page.goto(`${servers.baseUrl}/app/admin/users`);
      await page.waitForURL(/\/app\/security$/);
      secret = await enrol(page);
      await page.getByText('平台管理员必须保持启用动态验证码，不能停用。').waitFor();
      await page.getByRole('link', { name: '用户管理' }).click();
      await page.getByRole('heading', { name: '用户管理' }).waitFor();
    });
    await withPage('admin again', async (page) => {
      await fillLogin(page, 'admin');
      await page.getByText('请输入动态验证码（账号已启用二次验证）').waitFor();
      await page.getByLabel('动态验证码（6位）').fill(await code(secret));
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await page.waitForURL(/\/app\/admin\/approvals$/);
    });
  });

  it('lets a regulator enrol and turn the second factor off again', async () => {
    await withPage('regulator', async (page) => {
      await fillLogin(page, 'regulatorlz');
      await page.waitForURL(/\/app\/regulator\/dashboard$/);
      // Issue 13, problem 8: no token in web storage or in a script-readable cookie (access token in memory, refresh cookie httpOnly).
      const stored = String(
        await page.evaluate('JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie })'),
      );
      expect(stored).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
      expect(stored).not.toContain('cqo_refresh');
      await page.getByRole('link', { name: '账号安全' }).click();
      await page.getByText('尚未启用动态验证码').waitFor();
      const secret = await enrol(page);
      await page.getByLabel('6位动态验证码').fill('000000');
      await page.getByRole('button', { name: '停用', exact: true }).click();
      await page.getByText('动态验证码错误').first().waitFor();
      await page.getByLabel('6位动态验证码').fill(await code(secret));
      await page.getByRole('button', { name: '停用', exact: true }).click();
      await page.getByText('动态验证码已停用。').waitFor();
      await page.getByText('尚未启用动态验证码').waitFor();
    });
  });

  it('shows a regulator the collisions of the city, masked, and records the decision', async () => {
    const idNumber = testIdNumber(880);
    for (const [username, fullName] of [
      ['holder880', '先登记者'],
      ['claimant880', '后登记者'],
    ]) {
      const res = await servers.api.request({
        method: 'POST',
        url: '/auth/register',
        payload: { ...profile, username, password: 'Tq8#Lw3z-Vb5n', fullName, idNumber, enterpriseId: world.enterpriseLZ },
      });
      expect(res.statusCode).toBe(201);
    }
    await withPage('regulator', async (page) => {
      await fillLogin(page, 'regulatorlz');
      await page.waitForURL(/\/app\/regulator\/dashboard$/);
      await page.getByRole('link', { name: '身份证号冲突' }).click();
      await page.getByRole('heading', { name: '身份证号冲突', level: 1 }).waitFor();
      await page.getByText(`${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`).waitFor();
      const text = await page.locator('main').innerText();
      expect(text).toContain('后登记者');
      expect(text).not.toContain(idNumber);
      expect(text).not.toContain(idNumber.slice(6, 14));
      await page.getByRole('button', { name: '驳回新注册人' }).click();
      await page.getByText('确认驳回“后登记者”的登记？').waitFor();
      await page.getByRole('button', { name: '是', exact: true }).click();
      await page.getByText('已处理。').waitFor();
      await page.getByText('没有待处理的冲突。').waitFor();
    });
    const [row] = await servers.api
      .get(DataSource)
      .query(`SELECT actor_id, details FROM audit_log WHERE action = 'trainee.id_collision_resolved'`);
    expect(row).toMatchObject({ actor_id: world.users.regulatorLZ, details: { decision: 'claim_rejected' } });
  });

  it('renders the Swagger UI at /docs under its own policy, without a CSP violation', async () => {
    await withPage('docs', async (page) => {
      const res = await page.goto(`${servers.baseUrl}/docs`);
      expect(res?.headers()['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
      await page.getByText('首席质量官培训平台 API').first().waitFor();
      await page.locator('.opblock').first().waitFor();
    });
  });
});
