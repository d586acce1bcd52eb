import { FakeClock } from '@cqo/core';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import type { World } from '../../support/fixtures';
import { seedWorld } from '../../support/fixtures';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

// A file over its limit is a 400 naming the file field on every upload route, whether the
// service measures it (just over) or Fastify's body limit stops it before the route runs (far
// over); a too-large body elsewhere stays a 413.
describe('upload size limits over HTTP', () => {
  let api: TestApi;
  let world: World;
  const clock = new FakeClock(new Date('2026-05-01T02:00:00Z'));
  const post = (url: string, token: string, payload: object) => api.request({ method: 'POST', url, token, payload });
  const justOver = Buffer.concat([PDF, Buffer.alloc(3 * 1024 * 1024)]).toString('base64');
  const farOver = Buffer.concat([PDF, Buffer.alloc(6 * 1024 * 1024)]).toString('base64');

  beforeAll(async () => {
    api = await createTestApi({ clock });
    world = await seedWorld(api);
  });
  afterAll(() => api.close());

  it('refuses an official list over 3 MB naming file, and applies nothing', async () => {
    for (const contentBase64 of [justOver, farOver]) {
      const res = await post('/regulators/enterprise-imports', world.tokens.regulatorLZ, {
        fileName: 'list.csv',
        format: 'csv',
        contentBase64,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().details).toEqual([expect.objectContaining({ field: 'file', message: '文件不能超过3MB' })]);
    }
    expect(
      (await api.request({ method: 'GET', url: '/regulators/enterprise-imports', token: world.tokens.regulatorLZ })).json().total,
    ).toBe(0);
  });

  it('refuses a yearly report document over 3 MB naming file', async () => {
    for (const contentBase64 of [justOver, farOver]) {
      const res = await post('/registry/yearly-reports', world.tokens.entAdminLZ, {
        year: 2025,
        cqoInPlace: false,
        appraisalSystemEstablished: true,
        appraisalResult: 'competent',
        majorQualityIncidents: 0,
        summary: '本企业已聘任首席质量官并按期考核。',
        file: { fileName: '报告.pdf', contentType: 'application/pdf', contentBase64 },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().details).toEqual([expect.objectContaining({ field: 'file.contentBase64', message: '文件不能超过3MB' })]);
    }
  });

  it('keeps 413 for a too-large body on a route that takes no file', async () => {
    const res = await post('/regulators/city-reports', world.tokens.regulatorLZ, {
      regionId: world.regions.lanzhou,
      year: 2025,
      padding: farOver,
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: [] });
  });
});
