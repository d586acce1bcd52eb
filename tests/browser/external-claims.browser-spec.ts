import type { Browser, Page } from 'playwright-core';
import { chinaDateOf } from '@cqo/core';
import { seriousAxeViolations } from '../support/axe';
import type { LiveServers } from '../support/browser';
import { DESKTOP, launchChromium, PHONE, screenshots, signIn, startLiveServers } from '../support/browser';
import type { World } from '../support/fixtures';
import { seedWorld, TEST_PASSWORD } from '../support/fixtures';

/**
 * The trainee's claim form for hours earned elsewhere, at desktop and phone width: the server's
 * refusals shown beside the fields they name (a file that is not a PDF by its bytes, missing
 * text), then a claim that lands in "my claims" as awaiting the employer; nothing sticks out
 * sideways on a phone; no serious accessibility violation.
 */
jest.setTimeout(180_000);

describe('external hour claim form in Chromium', () => {
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

  for (const [name, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`claims hours with evidence at ${name} width (${viewport.width} px)`, async () => {
      const page = await open(viewport);
      await signIn(page, servers.baseUrl, 'traineelz', TEST_PASSWORD);
      await page.goto(`${servers.baseUrl}/app/claims`);
      await page.getByRole('button', { name: '申报外部学时' }).click();
      const form = page.locator('form', { has: page.getByRole('heading', { name: '申报外部学时' }) });
      // The employer link was confirmed today (seedWorld), so the training is today's.
      const today = chinaDateOf(new Date());
      const title = `全国质量管理小组成果发表会（${name}）`;
      await form.getByLabel('培训名称').fill(title);
      await form.getByLabel('开始日期').fill(today);
      await form.getByLabel('结束日期').fill(today);
      await form.getByLabel('类别').selectOption('2');
      await form.getByLabel('申报学时').fill('3');
      await form.getByLabel('专题').selectOption({ label: '质量管理小组（QC小组）活动' });
      // Named .pdf but not a PDF by its bytes; and no organiser: both refused beside their fields.
      await form
        .getByLabel('证明材料')
        .setInputFiles({ name: '结业证书.pdf', mimeType: 'application/pdf', buffer: Buffer.from('this is not a pdf') });
      await form.getByRole('button', { name: '提交申报' }).click();
      const organiserError = form.locator('.field', { has: page.getByLabel('主办单位') }).locator('.field-error');
      await organiserError.waitFor();
      expect(await organiserError.textContent()).toContain('主办单位');
      expect(
        await form
          .locator('.field', { has: page.getByLabel('证明材料') })
          .locator('.field-error')
          .textContent(),
      ).toContain('PDF');
      expect(await sideways(page)).toBeLessThanOrEqual(0);
      expect(await seriousAxeViolations(page)).toEqual([]);

      await form.getByLabel('主办单位').fill('中国质量协会');
      await form.getByLabel('证明材料').setInputFiles({
        name: '结业证书.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
      });
      await form.getByRole('button', { name: '提交申报' }).click();
      const row = page.getByRole('row', { name: new RegExp(title.replace(/[()（）]/g, '.')) });
      await row.waitFor();
      expect(await row.textContent()).toContain('待企业确认');
      expect(await sideways(page)).toBeLessThanOrEqual(0);
      await screenshots(page, 'external-claims', () => row.waitFor());
    });
  }

  it('is in the enterprise admin’s queue, not another enterprise’s', async () => {
    // A claim of its own, filed as the form files it (the form tests' claims may or may not be in yet).
    const today = chinaDateOf(new Date());
    const filed = await servers.api.request({
      method: 'POST',
      url: '/me/external-claims',
      token: world.tokens.traineeLZ,
      payload: {
        organiser: '中国质量协会',
        title: '全国质量管理小组成果发表会（队列）',
        startedOn: today,
        endedOn: today,
        category: 2,
        kind: 'continuing',
        hours: '3',
        topicCodes: ['qc-circles'],
        evidence: [
          {
            fileName: '结业证书.pdf',
            contentBase64: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n').toString('base64'),
          },
        ],
      },
    });
    expect(filed.statusCode).toBe(201);
    const claims = (
      await servers.api.request({ method: 'GET', url: '/external-claims?status=submitted&pageSize=100', token: world.tokens.entAdminLZ })
    ).json();
    expect(claims.items.map((c: { id: string }) => c.id)).toContain(filed.json().id);
    // Only Lanzhou's trainee files claims here: Tianshui's admin sees none of them.
    expect((await servers.api.request({ method: 'GET', url: '/external-claims', token: world.tokens.entAdminTS })).json().total).toBe(0);
  });
});
