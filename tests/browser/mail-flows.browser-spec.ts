import type { Browser, Page } from 'playwright-core';
import type { LiveServers } from '../support/browser';
import { launchChromium, DESKTOP, PHONE, screenshots, signIn, startLiveServers } from '../support/browser';
import type { World } from '../support/fixtures';
import { seedWorld, TEST_PASSWORD, testIdNumber } from '../support/fixtures';
import type { ReceivedMail, SmtpSink } from '../support/smtp-sink';
import { startSmtpSink } from '../support/smtp-sink';
import { eventually } from '../support/worker';

/**
 * Issue 16 in the browser, with mail through real SMTP to a server in the test: the verification
 * link opens 邮箱验证; 忘记密码 → the link in the mail → 重置密码 → sign-in with the new password;
 * 通知设置 at phone width turns reminder mail off. No CSP violation, no 5xx.
 */
jest.setTimeout(180_000);

describe('mail flows in Chromium', () => {
  let smtp: SmtpSink;
  let servers: LiveServers;
  let browser: Browser;
  let world: World;
  const failures: string[] = [];

  beforeAll(async () => {
    smtp = await startSmtpSink();
    servers = await startLiveServers({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_SECURITY: 'none' });
    browser = await launchChromium();
    world = await seedWorld(servers.api);
  });

  /** A trainee of the test's own with a mail address of its own: no test signs in as another's. */
  async function registerMailUser(username: string, idNumber: number): Promise<string> {
    const email = `${username}@example.test`;
    const res = await servers.api.request({
      method: 'POST',
      url: '/auth/register',
      payload: {
        username,
        password: TEST_PASSWORD,
        email,
        fullName: '邮件用户',
        idNumber: testIdNumber(idNumber),
        educationLevel: 'bachelor',
        qualityWorkYears: 6,
        qualityQualification: 'intermediate',
        relatedSeniorTitle: false,
      },
    });
    expect(res.statusCode).toBe(201);
    return email;
  }

  afterAll(async () => {
    await browser?.close();
    await servers?.close();
    await smtp?.close();
  });

  afterEach(() => expect(failures).toEqual([]));

  async function withPage(viewport: { width: number; height: number }, work: (page: Page) => Promise<void>): Promise<void> {
    const context = await browser.newContext({ viewport, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
    page.on('console', (message) => /Content.Security.Policy/i.test(message.text()) && failures.push(message.text()));
    page.on('response', (res) => res.status() >= 500 && failures.push(`${res.status()} ${res.url()}`));
    try {
      await work(page);
    } finally {
      await context.close();
    }
  }

  const mail = (to: string, subject: string): Promise<ReceivedMail> =>
    eventually(async () => smtp.to(to).find((m) => m.subject === subject), 20_000, `mail "${subject}" to ${to}`);
  const linkIn = (m: ReceivedMail, path: string) =>
    /https?:\/\/\S+\/app\/[a-z-]+\?token=\S+/.exec(m.text.split('\n').find((l) => l.includes(`/app/${path}?`)) ?? '')![0];

  it('the verification link shows 邮箱验证 done, and the banner is gone after sign-in', async () => {
    const email = await registerMailUser('mailuser', 55);
    const link = linkIn(await mail(email, '请验证您的邮箱'), 'verify-email');
    expect(link.startsWith(servers.baseUrl)).toBe(true);
    await withPage(DESKTOP, async (page) => {
      await signIn(page, servers.baseUrl, 'mailuser', TEST_PASSWORD);
      await page.getByText('尚未验证').waitFor();
      await page.goto(link);
      await page.getByText('邮箱 mailuser@example.test 已验证').waitFor();
      await page.getByRole('link', { name: '进入平台' }).click();
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      expect(await page.getByText('尚未验证').count()).toBe(0);
    });
  });

  it('忘记密码 → the mailed link → 重置密码 → sign in with the new password', async () => {
    const newPassword = 'Dunhuang-Murals#2027';
    const email = await registerMailUser('resetuser', 57);
    await withPage(DESKTOP, async (page) => {
      await page.goto(`${servers.baseUrl}/app/login`);
      await page.getByRole('link', { name: '忘记密码？' }).click();
      await page.getByLabel('邮箱').fill(email);
      await page.getByRole('button', { name: '发送重置链接' }).click();
      await page.getByText('如果该邮箱已在平台登记').waitFor();

      await page.goto(linkIn(await mail(email, '重置密码'), 'reset-password'));
      await page.getByLabel('新密码', { exact: true }).fill(newPassword);
      await page.getByLabel('再次输入新密码').fill('something-else');
      await page.getByRole('button', { name: '设置新密码' }).click();
      await page.getByText('两次输入的密码不一致').waitFor();
      await page.getByLabel('再次输入新密码').fill(newPassword);
      await page.getByRole('button', { name: '设置新密码' }).click();
      await page.getByText('密码已重置').waitFor();
      await screenshots(page, 'password-reset-done', () => page.getByText('密码已重置').waitFor());
      await page.getByRole('link', { name: '登录' }).click();
      await signIn(page, servers.baseUrl, 'resetuser', newPassword);
    });
  });

  it('通知设置 at phone width turns reminder mail off and keeps notices on', async () => {
    // Its own trainee, who verifies the address through the mailed link first.
    const email = await registerMailUser('settingsuser', 58);
    const link = linkIn(await mail(email, '请验证您的邮箱'), 'verify-email');
    await withPage(PHONE, async (page) => {
      await signIn(page, servers.baseUrl, 'settingsuser', TEST_PASSWORD);
      await page.goto(link);
      await page.getByText(`邮箱 ${email} 已验证`).waitFor();
      await page.goto(`${servers.baseUrl}/app/notification-settings`);
      await page.getByRole('heading', { name: '通知设置' }).waitFor();
      await page.getByText('已验证', { exact: true }).waitFor();
      await page.getByLabel(/^提醒邮件/).uncheck();
      await page.getByRole('button', { name: '保存' }).click();
      await page.getByText('已保存。').waitFor();
      await screenshots(page, 'notification-settings', () => page.getByText('已保存。').waitFor());
    });
    const session = await servers.api.request({
      method: 'POST',
      url: '/auth/login',
      payload: { username: 'settingsuser', password: TEST_PASSWORD },
    });
    const settings = await servers.api.request({ method: 'GET', url: '/me/notification-settings', token: session.json().accessToken });
    expect(settings.json()).toMatchObject({ emailReminders: false, emailUpdates: true, emailVerified: true });
  });

  it('the admin 邮件 page lists an address the server refused', async () => {
    const address = 'bounce-browser@example.test';
    const res = await servers.api.request({
      method: 'POST',
      url: '/auth/register',
      payload: {
        username: 'bouncy',
        password: TEST_PASSWORD,
        email: address,
        fullName: '退信用户',
        idNumber: testIdNumber(56),
        educationLevel: 'bachelor',
        qualityWorkYears: 6,
        qualityQualification: 'intermediate',
        relatedSeniorTitle: false,
      },
    });
    expect(res.statusCode).toBe(201);
    await eventually(async () => (smtp.attempts.get(address) ? true : undefined), 20_000, 'the refused delivery');
    // The worker commits the dead letter just after the refusal: wait for the list the page reads
    // to hold it, then load the page once and let it render. (Reloading until the address showed
    // could never end once the page was slower than a poll: each reload was checked before its
    // list had come, and reloaded again.)
    await eventually(
      async () => {
        const list = await servers.api.request({ method: 'GET', url: '/admin/mail/dead-letters', token: world.tokens.admin });
        return (list.json() as { address: string }[]).some((d) => d.address === address) || undefined;
      },
      20_000,
      'the dead letter in the admin API',
    );
    await withPage(DESKTOP, async (page) => {
      await signIn(page, servers.baseUrl, 'admin', TEST_PASSWORD);
      await page.goto(`${servers.baseUrl}/app/admin/mail`);
      await page.getByRole('heading', { name: '退信名单' }).waitFor();
      await page.getByRole('cell', { name: address, exact: true }).waitFor();
      await page.getByText('没有邮件。').waitFor(); // SMTP is configured: the catch-all is empty
    });
  });
});
