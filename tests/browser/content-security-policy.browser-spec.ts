import type { Browser, Page } from 'playwright-core';
import type { LiveServers } from '../support/browser';
import { launchChromium, signIn, startLiveServers } from '../support/browser';
import { seedWorld, TEST_PASSWORD } from '../support/fixtures';

/**
 * Issue 13, problem 8: under the Content-Security-Policy the web app and the server-rendered
 * verification page still work, and the browser reports no blocked script or style.
 */
describe('content security policy in the browser', () => {
  let servers: LiveServers;
  let browser: Browser;
  let page: Page;
  const violations: string[] = [];

  beforeAll(async () => {
    servers = await startLiveServers();
    await seedWorld(servers.api);
    browser = await launchChromium();
    page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    page.on('console', (message) => {
      if (/Content.Security.Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    page.on('pageerror', (error) => violations.push(`page error: ${error.message}`));
  });
  afterAll(async () => {
    await browser?.close();
    await servers?.close();
  });

  /** Violations the page itself saw (securitypolicyviolation events), beside the console's. */
  async function pageViolations(): Promise<string[]> {
    return page.evaluate<string[]>('window.__csp ?? []');
  }

  async function watch(): Promise<void> {
    // A string: the tests compile without the DOM's types.
    await page.addInitScript(`
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
    `);
  }

  it('runs the web app: the log-in page renders and a staff member signs in', async () => {
    await watch();
    await signIn(page, servers.baseUrl, 'admin', TEST_PASSWORD);
    await page.waitForURL(/\/app\//);
    expect(await page.locator('#root').innerHTML()).not.toBe('');
    expect(await pageViolations()).toEqual([]);
    expect(violations).toEqual([]);
  });

  it('shows the verification page styled, with its form working', async () => {
    await page.goto(`${servers.baseUrl}/verify`);
    await page.fill('#serial', 'GS-CQO-2026-000001-XX');
    await page.fill('#idLast4', '1234');
    await page.click('button[type=submit]');
    await page.waitForURL(/serial=/);
    expect(await page.locator('.badge').textContent()).toBe('未找到');
    // The hashed style block applied: the badge has its colour, the page its background.
    expect(await page.evaluate<string>("getComputedStyle(document.querySelector('.badge')).backgroundColor")).toBe('rgb(92, 99, 106)');
    expect(await page.evaluate<string>('getComputedStyle(document.body).backgroundColor')).toBe('rgb(246, 241, 231)');
    expect(await pageViolations()).toEqual([]);
    expect(violations).toEqual([]);
  });
});
