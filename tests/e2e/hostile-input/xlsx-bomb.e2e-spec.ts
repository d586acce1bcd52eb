import { Workbook } from 'exceljs';
import { buildXlsxBomb } from '@cqo/testing';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import type { World } from '../../support/fixtures';
import { seedWorld } from '../../support/fixtures';

const MiB = 1024 * 1024;

/** Issue 13, problem 1: a decompression bomb sent as a question bank is refused fast, without the API growing. */
describe('XLSX decompression bombs', () => {
  let api: TestApi;
  let world: World;
  beforeAll(async () => {
    api = await createTestApi();
    world = await seedWorld(api);
  });
  afterAll(() => api.close());

  async function importDry(file: Buffer) {
    const payload = { format: 'xlsx', contentBase64: file.toString('base64'), dryRun: true };
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const res = await api.request({ method: 'POST', url: '/exam-questions/import', token: world.tokens.orgAdminA, payload });
    return { res, ms: performance.now() - started, rssGrowth: process.memoryUsage().rss - rssBefore };
  }

  it('refuses a ~300 KB file inflating to 100 MB in < 2 s, RSS growing < 64 MiB', async () => {
    const bomb = await buildXlsxBomb({ sheetBytes: 100 * MiB });
    expect(bomb.length).toBeLessThan(400 * 1024);
    const { res, ms, rssGrowth } = await importDry(bomb);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'IMPORT_FILE_INVALID',
      details: [{ field: 'content', message: expect.stringMatching(/解压后超过/) }],
    });
    expect(ms).toBeLessThan(2000);
    expect(rssGrowth).toBeLessThan(64 * MiB);
  });

  it('refuses the same bomb when its central directory claims a tiny size (the inflated bytes are counted)', async () => {
    const liar = await buildXlsxBomb({ sheetBytes: 100 * MiB, lieAboutSizeAs: 4096 });
    const { res, ms, rssGrowth } = await importDry(liar);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('IMPORT_FILE_INVALID');
    expect(ms).toBeLessThan(2000);
    expect(rssGrowth).toBeLessThan(64 * MiB);
  });

  it('stops a workbook at the row cap', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('题库');
    sheet.addRow(['题型', '题干', 'A', 'B', '答案', '类别', '知识点', '难度']);
    for (let i = 0; i < 2001; i++) sheet.addRow(['单选', `第${i}题`, '甲', '乙', 'A', 1, 'quality-laws', 1]);
    const { res } = await importDry(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].message).toBe('一次最多导入2000道题');
  });
});
