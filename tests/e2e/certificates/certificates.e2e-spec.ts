import { randomUUID } from 'node:crypto';
import type { Type } from '@nestjs/common';
import { DataSource } from 'typeorm';
import * as yauzl from 'yauzl';
import type { CertificateEntity } from '@cqo/certificates';
import { CertificateIssuer, CertificateStorage, sha256Hex } from '@cqo/certificates';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import type { World } from '../../support/fixtures';
import { seedWorld, testIdNumber } from '../../support/fixtures';

function unzip(buffer: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const files = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) =>
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        }),
      );
      zip.on('end', () => resolve(files));
      zip.readEntry();
    });
  });
}

describe('certificates over HTTP', () => {
  let api: TestApi;
  let world: World;
  let course: CertificateEntity;
  let yearly: CertificateEntity;
  const courseId = randomUUID();

  beforeAll(async () => {
    api = await createTestApi({ env: { VERIFY_RATE_LIMIT_PER_MINUTE: '40' } });
    world = await seedWorld(api);
    const issuer = api.get(CertificateIssuer);
    course = (
      await issuer.issue({
        traineeId: world.users.traineeLZ,
        kind: 'course_completion',
        subjectKey: randomUUID(),
        period: '2026',
        facts: {
          kind: 'course_completion',
          enrollmentId: randomUUID(),
          courseId,
          courseVersionId: randomUUID(),
          organizationId: world.orgA,
          courseTitle: '精益管理与现场改善',
          organizationName: '甲培训机构',
          category: 2,
          trainingKind: 'continuing',
          creditHours: '8',
          completedAt: '2026-05-20T08:00:00Z',
        },
      })
    ).certificate;
    yearly = (
      await issuer.issue({
        traineeId: world.users.traineeTS,
        kind: 'yearly_continuing',
        subjectKey: 'continuing-education',
        period: '2026',
        facts: {
          kind: 'yearly_continuing',
          year: 2026,
          category1Hours: '15',
          category1Required: '14',
          category2Hours: '30',
          category2Required: '30',
        },
      })
    ).certificate;
  });
  afterAll(() => api.close());

  it('shows the public page of the QR code: status, masked name, hours, issuer; no ID number', async () => {
    const res = await api.request({ method: 'GET', url: `/verify/${course.verifyToken}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('有效');
    expect(res.body).toContain('兰***');
    expect(res.body).toContain('第二类 继续教育 8 学时');
    expect(res.body).toContain(course.serial);
    expect(res.body).toContain('甘肃省首席质量官培训平台');
    expect(res.body).toContain('name="viewport"');
    expect(res.body).not.toContain('兰州学员');
    expect(res.body).not.toContain(testIdNumber(1).slice(-4));
    const unknown = await api.request({ method: 'GET', url: '/verify/AAAAAAAAAAAAAAAAAAAAAA' });
    expect(unknown.body).toContain('未找到');
  });

  it('answers JSON by token and by serial with the last four of the ID number, unknown otherwise', async () => {
    const byToken = await api.request({ method: 'GET', url: `/certificates/verify/${course.verifyToken}` });
    expect(byToken.json()).toMatchObject({
      status: 'valid',
      authentic: true,
      holderName: '兰***',
      kind: 'course_completion',
      hours: ['第二类 继续教育 8 学时'],
    });
    expect(Object.keys(byToken.json())).not.toContain('idNumberMasked');
    const last4 = testIdNumber(1).slice(-4);
    const bySerial = await api.request({ method: 'GET', url: `/certificates/verify?serial=${course.serial}&idLast4=${last4}` });
    expect(bySerial.json()).toMatchObject({ status: 'valid', serial: course.serial });
    const wrong = await api.request({
      method: 'GET',
      url: `/certificates/verify?serial=${course.serial}&idLast4=${last4 === '0000' ? '0001' : '0000'}`,
    });
    expect(wrong.json()).toMatchObject({ status: 'unknown', serial: null, holderName: null });
    const missing = await api.request({ method: 'GET', url: `/certificates/verify?serial=${course.serial}` });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details).toEqual([
      { field: 'idLast4', label: '身份证号后四位', rule: 'invalid', message: '必须是身份证号后四位' },
    ]);
    const page = await api.request({ method: 'GET', url: `/verify?serial=${course.serial}&idLast4=${last4}` });
    expect(page.body).toContain('有效');
  });

  it('checks an uploaded PDF: the original is unaltered, a tampered copy is not', async () => {
    const pdf = (await api.get(CertificateStorage as unknown as Type<CertificateStorage>).get(course.storageKey))!;
    const ok = await api.request({ method: 'POST', url: '/certificates/verify/file', payload: { pdfBase64: pdf.toString('base64') } });
    expect(ok.json()).toMatchObject({ unaltered: true, certificate: { status: 'valid', serial: course.serial } });
    const tampered = Buffer.from(pdf);
    tampered[tampered.length - 200] ^= 0x20;
    const bad = await api.request({
      method: 'POST',
      url: '/certificates/verify/file',
      payload: { pdfBase64: tampered.toString('base64') },
    });
    expect(bad.json()).toMatchObject({ unaltered: false, certificate: { status: 'unknown' } });
  });

  it('lets trainees download their own certificate only, staff within scope', async () => {
    const own = await api.request({ method: 'GET', url: `/me/certificates/${course.id}/pdf`, token: world.tokens.traineeLZ });
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toBe('application/pdf');
    expect(own.headers['content-disposition']).toContain(`${course.serial}.pdf`);
    expect(sha256Hex(own.rawPayload)).toBe(course.pdfSha256);
    expect((await api.request({ method: 'GET', url: `/me/certificates/${course.id}/pdf`, token: world.tokens.traineeTS })).statusCode).toBe(
      404,
    );
    const list = await api.request({ method: 'GET', url: '/me/certificates', token: world.tokens.traineeLZ });
    expect(list.json().items.map((c: { serial: string }) => c.serial)).toEqual([course.serial]);

    const cases: [keyof World['tokens'], string, number][] = [
      ['orgAdminA', course.id, 200],
      ['orgAdminB', course.id, 403],
      ['regulatorLZ', course.id, 200],
      ['regulatorTS', course.id, 403],
      ['regulatorGS', yearly.id, 200],
      ['orgAdminA', yearly.id, 403],
      ['admin', yearly.id, 200],
      ['entAdminLZ', course.id, 403],
    ];
    for (const [who, id, status] of cases) {
      const res = await api.request({ method: 'GET', url: `/certificates/${id}/pdf`, token: world.tokens[who] });
      expect([who, id === course.id ? 'course' : 'yearly', res.statusCode]).toEqual([who, id === course.id ? 'course' : 'yearly', status]);
    }
    const regulatorList = await api.request({ method: 'GET', url: '/certificates?year=2026', token: world.tokens.regulatorTS });
    expect(regulatorList.json().items.map((c: { id: string }) => c.id)).toEqual([yearly.id]);
  });

  it('exports a course, or a region and year, as a streamed ZIP with a manifest, within scope', async () => {
    const res = await api.request({ method: 'GET', url: `/certificates/export?courseId=${courseId}`, token: world.tokens.orgAdminA });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const files = await unzip(res.rawPayload);
    expect([...files.keys()].sort()).toEqual([`${course.serial}.pdf`, '清单.csv'].sort());
    expect(sha256Hex(files.get(`${course.serial}.pdf`)!)).toBe(course.pdfSha256);
    expect(files.get('清单.csv')!.toString('utf8')).toContain(course.serial);
    const empty = await unzip(
      (await api.request({ method: 'GET', url: `/certificates/export?courseId=${courseId}`, token: world.tokens.orgAdminB })).rawPayload,
    );
    expect([...empty.keys()]).toEqual(['清单.csv']);

    const region = await api.request({
      method: 'GET',
      url: `/certificates/export?regionId=${world.regions.province}&year=2026`,
      token: world.tokens.regulatorGS,
    });
    expect([...(await unzip(region.rawPayload)).keys()].filter((n) => n.endsWith('.pdf')).sort()).toEqual(
      [`${course.serial}.pdf`, `${yearly.serial}.pdf`].sort(),
    );
    const outside = await api.request({
      method: 'GET',
      url: `/certificates/export?regionId=${world.regions.province}&year=2026`,
      token: world.tokens.regulatorLZ,
    });
    expect(outside.statusCode).toBe(403);
    const noScope = await api.request({ method: 'GET', url: '/certificates/export', token: world.tokens.admin });
    expect(noScope.statusCode).toBe(400);
  });

  it('revokes and reissues over HTTP, with reasons and history', async () => {
    // A certificate of its own (the year before), so the lists and exports of the other tests stay as they are.
    const original = (
      await api.get(CertificateIssuer).issue({
        traineeId: world.users.traineeTS,
        kind: 'yearly_continuing',
        subjectKey: 'continuing-education',
        period: '2025',
        facts: {
          kind: 'yearly_continuing',
          year: 2025,
          category1Hours: '15',
          category1Required: '14',
          category2Hours: '30',
          category2Required: '30',
        },
      })
    ).certificate;
    const reissued = await api.request({
      method: 'POST',
      url: `/certificates/${original.id}/reissue`,
      token: world.tokens.regulatorTS,
      payload: { reason: '学时更正' },
    });
    expect(reissued.statusCode).toBe(201);
    expect(reissued.json()).toMatchObject({ version: 2, previousId: original.id, status: 'valid' });
    const revoked = await api.request({
      method: 'POST',
      url: `/certificates/${reissued.json().id}/revoke`,
      token: world.tokens.admin,
      payload: { reason: '材料不实' },
    });
    expect(revoked.json()).toMatchObject({ status: 'revoked', revocationReason: '材料不实' });
    const history = await api.request({ method: 'GET', url: `/certificates/${original.id}/history`, token: world.tokens.regulatorGS });
    expect(history.json().map((h: { type: string }) => h.type)).toEqual(['issued', 'superseded', 'reissued', 'revoked']);
    // Each entry names its version by id and serial; asked from the newer version, the chain reads the same.
    const v2 = reissued.json();
    expect(history.json()).toMatchObject([
      { certificateId: original.id, serial: original.serial, type: 'issued', reason: null },
      { certificateId: original.id, serial: original.serial, type: 'superseded', reason: '学时更正' },
      { certificateId: v2.id, serial: v2.serial, type: 'reissued', reason: '学时更正' },
      { certificateId: v2.id, serial: v2.serial, type: 'revoked', reason: '材料不实' },
    ]);
    expect(v2.serial).not.toBe(original.serial);
    const fromNewer = await api.request({ method: 'GET', url: `/certificates/${v2.id}/history`, token: world.tokens.regulatorGS });
    expect(fromNewer.json()).toEqual(history.json());
    const noReason = await api.request({
      method: 'POST',
      url: `/certificates/${course.id}/revoke`,
      token: world.tokens.admin,
      payload: {},
    });
    expect(noReason.statusCode).toBe(400);
    expect(
      (
        await api.request({
          method: 'POST',
          url: `/certificates/${course.id}/revoke`,
          token: world.tokens.orgAdminA,
          payload: { reason: '无权' },
        })
      ).statusCode,
    ).toBe(403);
    const page = await api.request({ method: 'GET', url: `/verify/${original.verifyToken}` });
    expect(page.body).toContain('已换发');
    const rows: { id: string; status: string }[] = await api
      .get(DataSource)
      .query('SELECT id, status FROM certificates WHERE id = ANY($1) ORDER BY version', [[original.id, reissued.json().id]]);
    expect(rows).toEqual([
      { id: original.id, status: 'superseded' },
      { id: reissued.json().id, status: 'revoked' },
    ]);
  });

  it('rate-limits public verification per client address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++)
      statuses.push(
        (await api.request({ method: 'GET', url: `/certificates/verify/${course.verifyToken}`, remoteAddress: '10.9.9.9' })).statusCode,
      );
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    const limited = await api.request({ method: 'GET', url: `/certificates/verify/${course.verifyToken}`, remoteAddress: '10.9.9.9' });
    expect(limited.json()).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    // Another client is not affected, nor is logging in.
    expect(
      (await api.request({ method: 'GET', url: `/certificates/verify/${course.verifyToken}`, remoteAddress: '10.9.9.10' })).statusCode,
    ).toBe(200);
  });
});
