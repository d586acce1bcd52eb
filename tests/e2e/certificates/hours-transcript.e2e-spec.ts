import { DataSource } from 'typeorm';
import { FakeClock } from '@cqo/core';
import { AccrualService, ComplianceEngine } from '@cqo/credit-hours';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import type { World } from '../../support/fixtures';
import { seedWorld } from '../../support/fixtures';
import { inspectPdf } from '../../support/pdf-inspect';
import { completion } from '../../integration/credit-hours/support';

const KIND = { appointment: '任职培训', continuing: '继续教育' } as const;

// An hours transcript (学时证明) in the middle of the year: the PDF states the hours page's totals
// and entries, its QR code leads to the public page, which shows the same totals and a masked name.
describe('hours transcript (学时证明)', () => {
  const clock = new FakeClock(new Date('2026-06-15T02:00:00Z'));
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    api = await createTestApi({ clock });
    world = await seedWorld(api);
    const trainee = world.users.traineeLZ;
    await api.get(DataSource).query('UPDATE trainee_profiles SET yearly_requirements_opt_in = true WHERE user_id = $1', [trainee]);
    const accrual = api.get(AccrualService);
    await accrual.accrueCompletion(
      null,
      completion(trainee, { kind: 'appointment', creditHours: '21', completedAt: '2025-09-01T02:00:00Z' }),
    );
    await accrual.accrueCompletion(null, completion(trainee, { creditHours: '6.5', completedAt: '2026-03-01T02:00:00Z' }));
    await accrual.accrueCompletion(null, completion(trainee, { category: 2, creditHours: '12', completedAt: '2026-04-01T02:00:00Z' }));
    await api.get(ComplianceEngine).recomputeTrainee(trainee, 2025);
    await api.get(ComplianceEngine).recomputeTrainee(trainee, 2026);
  });
  afterAll(() => api.close());

  it('renders the hours page’s totals and entries, signed, with a QR code to a public page showing the same totals', async () => {
    const res = await api.request({ method: 'POST', url: '/me/credit-hours/transcript', token: world.tokens.traineeLZ });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('学时证明'));
    const pdf = res.rawPayload;
    // The fonts are embedded as subsets, as on certificates.
    expect(pdf.length).toBeLessThan(200 * 1024);

    const summary = (await api.request({ method: 'GET', url: '/me/credit-hours', token: world.tokens.traineeLZ })).json() as {
      years: { year: number; totals: { category: 1 | 2; kind: 'appointment' | 'continuing'; hours: string }[] }[];
    };
    const lines = summary.years.flatMap((y) =>
      y.totals.map((t) => `${y.year}年 第${t.category === 1 ? '一' : '二'}类 ${KIND[t.kind]} ${t.hours} 学时`),
    );
    expect(lines).toEqual(['2026年 第一类 继续教育 6.5 学时', '2026年 第二类 继续教育 12 学时', '2025年 第一类 任职培训 21 学时']);

    const { text, qr } = await inspectPdf(pdf);
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('学时证明');
    expect(flat).toContain('兰州学员');
    expect(flat).toContain('学时统计截至：2026年6月15日');
    expect(flat).toContain('2026年度');
    expect(flat).toContain('2025年度');
    expect(flat).toContain('第二类（方法与工具）继续教育：12学时');
    expect(flat).toContain('第一类（政策与管理基础）任职培训：21学时');
    // The requirement as the engine judged it, and an entry line behind the totals.
    expect(flat).toMatch(/要求30学时，已获12学时，进度(正常|滞后)/);
    expect(flat).toContain('2026-03-01第一类继续教育6.5课程结业');
    expect(qr).toHaveLength(1);
    const [url] = qr;
    expect(url).toMatch(new RegExp(`^${api.ctx.config.publicBaseUrl}/verify/[A-Za-z0-9_-]{22}$`));
    const serial = /证明编号：(GS-XS-2026-\d{6}-[0-9A-Z]{2})/.exec(flat)?.[1];
    expect(serial).toBeDefined();

    const token = url.split('/').pop()!;
    const verified = (await api.request({ method: 'GET', url: `/certificates/verify/${token}` })).json();
    expect(verified).toMatchObject({
      status: 'valid',
      authentic: true,
      serial,
      title: '学时证明',
      holderName: '兰***',
      issuedOn: '2026-06-15',
    });
    expect(verified.hours).toEqual(lines);
    const page = await api.request({ method: 'GET', url: `/verify/${token}` });
    expect(page.body).toContain('兰***');
    expect(page.body).not.toContain('兰州学员');
    expect(page.body).toContain('2026年 第二类 继续教育 12 学时');

    // By serial with the ID number's last four, and by the file itself.
    const last4 = (
      await api.get(DataSource).query('SELECT id_number_masked FROM trainee_profiles WHERE user_id = $1', [world.users.traineeLZ])
    )[0].id_number_masked.slice(-4);
    expect((await api.request({ method: 'GET', url: `/certificates/verify?serial=${serial}&idLast4=${last4}` })).json().hours).toEqual(
      lines,
    );
    expect((await api.request({ method: 'GET', url: `/certificates/verify?serial=${serial}&idLast4=0000` })).json().status).toBe('unknown');
    const byFile = await api.request({ method: 'POST', url: '/certificates/verify/file', payload: { pdfBase64: pdf.toString('base64') } });
    expect(byFile.json()).toMatchObject({ unaltered: true, certificate: { serial } });
    const tampered = Buffer.from(pdf);
    tampered[tampered.length - 10] ^= 1;
    expect(
      (await api.request({ method: 'POST', url: '/certificates/verify/file', payload: { pdfBase64: tampered.toString('base64') } })).json()
        .unaltered,
    ).toBe(false);
  });

  it('is issued for a trainee by their enterprise admin and regulators in scope only', async () => {
    const url = `/trainees/${world.users.traineeLZ}/credit-hours/transcript`;
    const as = (token: string) => api.request({ method: 'POST', url, token });
    // The trainee may have asked for one already (another test): three more, by the three in scope.
    const recordedNow = async (): Promise<{ requested_by: string }[]> =>
      api.get(DataSource).query('SELECT requested_by FROM hours_transcripts WHERE trainee_id = $1', [world.users.traineeLZ]);
    const before = await recordedNow();
    expect((await as(world.tokens.entAdminLZ)).statusCode).toBe(200);
    expect((await as(world.tokens.regulatorLZ)).statusCode).toBe(200);
    expect((await as(world.tokens.regulatorGS)).statusCode).toBe(200);
    expect((await as(world.tokens.entAdminTS)).statusCode).toBe(403);
    expect((await as(world.tokens.regulatorTS)).statusCode).toBe(403);
    const recorded = await recordedNow();
    expect(recorded).toHaveLength(before.length + 3);
    expect(recorded.map((r) => r.requested_by)).toEqual(
      expect.arrayContaining([world.users.entAdminLZ, world.users.regulatorLZ, world.users.regulatorGS]),
    );
  });
});
