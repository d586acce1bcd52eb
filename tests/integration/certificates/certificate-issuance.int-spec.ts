import { randomUUID } from 'node:crypto';
import type { Type } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  CertificateAdministrationService,
  CertificateDownloadsService,
  CertificateEntity,
  CertificateIssuer,
  CertificateSigner,
  CertificateStorage,
  CertificateVerificationService,
  normalizeSerial,
  sha256Hex,
} from '@cqo/certificates';
import type { Actor } from '@cqo/core';
import { FakeClock } from '@cqo/core';
import { UsersRepository } from '@cqo/identity';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import type { World } from '../../support/fixtures';
import { seedWorld } from '../../support/fixtures';
import { inspectPdf } from '../../support/pdf-inspect';

const yearlyFacts = (c1 = '16', c2 = '30') =>
  ({
    kind: 'yearly_continuing',
    year: 2026,
    category1Hours: c1,
    category1Required: '14',
    category2Hours: c2,
    category2Required: '30',
  }) as const;

describe('certificate issuance, reissue, revocation and verification', () => {
  const clock = new FakeClock(new Date('2026-06-01T02:00:00Z'));
  let api: TestApi;
  let world: World;
  let issuer: CertificateIssuer;
  let dataSource: DataSource;
  const storage = () => api.get(CertificateStorage as unknown as Type<CertificateStorage>);
  const actors: Partial<Record<keyof World['users'], Actor>> = {};
  const actor = async (name: keyof World['users']): Promise<Actor> => {
    if (!actors[name]) {
      const repo = api.get(UsersRepository);
      actors[name] = await repo.actorOf((await repo.findById(world.users[name]))!);
    }
    return actors[name]!;
  };

  beforeAll(async () => {
    api = await createTestApi({ clock });
    world = await seedWorld(api);
    issuer = api.get(CertificateIssuer);
    dataSource = api.get(DataSource);
  });
  afterAll(() => api.close());

  it('issues a signed, stored certificate whose PDF holds the name, the serial and a QR code to its page', async () => {
    // The reissue test corrects this trainee's name: the name printed here is set here.
    await dataSource.query("UPDATE trainee_profiles SET full_name = '兰州学员' WHERE user_id = $1", [world.users.traineeLZ]);
    const { certificate, created } = await issuer.issue({
      traineeId: world.users.traineeLZ,
      kind: 'yearly_continuing',
      subjectKey: 'continuing-education',
      period: '2026',
      facts: yearlyFacts(),
    });
    expect(created).toBe(true);
    expect(normalizeSerial(certificate.serial)).toBe(certificate.serial);
    expect(certificate.serial).toMatch(/^GS-JX-2026-\d{6}-[0-9A-Z]{2}$/);
    expect(certificate.content.verifyUrl).toBe(`http://cqo.test/verify/${certificate.verifyToken}`);
    const pdf = (await storage().get(certificate.storageKey))!;
    expect(sha256Hex(pdf)).toBe(certificate.pdfSha256);
    expect(
      api.get(CertificateSigner).verify(certificate.content, certificate.pdfSha256, certificate.signature, certificate.signingKeyId),
    ).toBe(true);
    const inspection = await inspectPdf(pdf);
    expect(inspection.text.replace(/\s+/g, '')).toContain('兰州学员');
    expect(inspection.text.replace(/\s+/g, '')).toContain(certificate.serial);
    expect(inspection.qr).toEqual([certificate.content.verifyUrl]);
    expect(pdf.length).toBeLessThan(150 * 1024);
  });

  it('makes nothing new when the same certificate is asked for again, and keeps the first issue date', async () => {
    const request = {
      traineeId: world.users.traineeTS,
      kind: 'yearly_continuing' as const,
      subjectKey: 'continuing-education',
      period: '2026',
      facts: yearlyFacts(),
    };
    const first = await issuer.issue(request);
    clock.advance(3 * 24 * 3600_000);
    const again = await Promise.all([1, 2, 3, 4].map(() => issuer.issue({ ...request, facts: yearlyFacts('20', '31') })));
    expect(again.map((r) => r.created)).toEqual([false, false, false, false]);
    expect(new Set(again.map((r) => r.certificate.id))).toEqual(new Set([first.certificate.id]));
    expect(again[0].certificate.issuedAt.toISOString()).toBe(first.certificate.issuedAt.toISOString());
    const [{ n }] = await dataSource.query(
      `SELECT count(*)::int AS n FROM certificates WHERE trainee_id = $1 AND kind = 'yearly_continuing' AND period = '2026'`,
      [world.users.traineeTS],
    );
    expect(n).toBe(1);
    // The history entry and the holder's notification were written with it, once.
    const events = await dataSource.query('SELECT type, actor_id FROM certificate_events WHERE certificate_id = $1', [
      first.certificate.id,
    ]);
    expect(events).toEqual([{ type: 'issued', actor_id: null }]);
    const notices = await dataSource.query('SELECT user_id, kind, body FROM notifications WHERE dedupe_key = $1', [
      `certificate:${first.certificate.id}`,
    ]);
    expect(notices).toEqual([
      { user_id: world.users.traineeTS, kind: 'certificate_issued', body: expect.stringContaining(first.certificate.serial) },
    ]);
  });

  /**
   * How many numbers the serial sequence has handed out (it starts at 1). `last_value` alone is 1
   * both before the first draw and after it; in random order this file may draw first here.
   */
  const serialsDrawn = async (): Promise<number> =>
    Number((await dataSource.query('SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS n FROM certificate_serial_seq'))[0].n);

  it('gives 100 concurrent issuances 100 distinct serials, drawing the sequence 16 numbers per round trip', async () => {
    const traineeId = world.users.traineeLZ;
    const before = await serialsDrawn();
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        issuer.issue({
          traineeId,
          kind: 'course_completion',
          subjectKey: randomUUID(),
          period: '2026',
          facts: {
            kind: 'course_completion',
            enrollmentId: randomUUID(),
            courseId: randomUUID(),
            courseVersionId: randomUUID(),
            organizationId: world.orgA,
            courseTitle: `卓越绩效管理第${i + 1}讲`,
            organizationName: '甲培训机构',
            category: 2,
            trainingKind: 'continuing',
            creditHours: '2',
            completedAt: '2026-05-20T08:00:00Z',
          },
        }),
      ),
    );
    const serials = results.map((r) => r.certificate.serial);
    expect(results.every((r) => r.created)).toBe(true);
    expect(new Set(serials).size).toBe(100);
    expect(serials.every((s) => normalizeSerial(s) === s)).toBe(true);
    expect(new Set(results.map((r) => r.certificate.verifyToken)).size).toBe(100);
    // Whole blocks of 16 (one round trip each), at most one more than the 100 serials need beyond what was left over.
    const after = await serialsDrawn();
    const drawn = after - before;
    expect(drawn % 16).toBe(0);
    expect(drawn).toBeLessThanOrEqual(112);
  });

  it('refuses a name no embedded font can draw, naming the character, and spends no serial on it', async () => {
    const before = await serialsDrawn();
    await dataSource.query("UPDATE trainee_profiles SET full_name = '王𪚥' WHERE user_id = $1", [world.users.traineeTS]);
    try {
      await expect(
        issuer.issue({
          traineeId: world.users.traineeTS,
          kind: 'yearly_continuing',
          subjectKey: 'continuing-education',
          period: '2025',
          facts: { ...yearlyFacts(), year: 2025 },
        }),
      ).rejects.toMatchObject({ code: 'CERTIFICATE_GLYPH_MISSING', message: expect.stringContaining('𪚥') });
    } finally {
      await dataSource.query("UPDATE trainee_profiles SET full_name = '天水学员' WHERE user_id = $1", [world.users.traineeTS]);
    }
    const after = await serialsDrawn();
    expect(after).toBe(before);
  });

  it('reissues with corrected data: a new version and serial, the old one superseded, the first issue date kept, history recorded', async () => {
    const { certificate: original } = await issuer.issue({
      traineeId: world.users.traineeLZ,
      kind: 'appointment_training',
      subjectKey: 'appointment',
      period: 'once',
      facts: { kind: 'appointment_training', appointmentHours: '21', requiredHours: '21', examPassedAt: '2026-05-30T03:00:00Z' },
    });
    await dataSource.query("UPDATE trainee_profiles SET full_name = '兰州𠮷学员' WHERE user_id = $1", [world.users.traineeLZ]);
    clock.advance(24 * 3600_000);
    const admin = api.get(CertificateAdministrationService);
    // A regulator of another city may not; the trainee's city regulator may.
    await expect(admin.reissue(await actor('regulatorTS'), original.id, '姓名更正')).rejects.toMatchObject({ code: 'OUT_OF_SCOPE' });
    const reissued = await admin.reissue(await actor('regulatorLZ'), original.id, '姓名更正');
    expect(reissued.version).toBe(2);
    expect(reissued.previousId).toBe(original.id);
    expect(reissued.serial).not.toBe(original.serial);
    expect(reissued.content.holder.name).toBe('兰州𠮷学员');
    expect(reissued.issuedAt.toISOString()).toBe(original.issuedAt.toISOString());
    const old = (await dataSource.getRepository(CertificateEntity).findOneBy({ id: original.id }))!;
    expect(old.status).toBe('superseded');

    const verification = api.get(CertificateVerificationService);
    expect(await verification.byToken(original.verifyToken)).toMatchObject({ status: 'superseded', authentic: true });
    expect(await verification.byToken(reissued.verifyToken)).toMatchObject({ status: 'valid', authentic: true, holderName: '兰****' });
    // Issuing again now returns the current version, not a third one.
    const again = await issuer.issue({
      traineeId: world.users.traineeLZ,
      kind: 'appointment_training',
      subjectKey: 'appointment',
      period: 'once',
      facts: { kind: 'appointment_training', appointmentHours: '22', requiredHours: '21', examPassedAt: '2026-05-30T03:00:00Z' },
    });
    expect(again).toMatchObject({ created: false, certificate: { id: reissued.id } });
    const history = await api.get(CertificateDownloadsService).history(await actor('admin'), reissued.id);
    expect(history.map((h) => [h.serial, h.type])).toEqual([
      [original.serial, 'issued'],
      [original.serial, 'superseded'],
      [reissued.serial, 'reissued'],
    ]);
    await expect(admin.reissue(await actor('admin'), original.id, '再次')).rejects.toMatchObject({ code: 'CERTIFICATE_NOT_VALID' });
  });

  it('revokes with a reason: a platform admin or the region’s regulator, never twice; verification shows the date', async () => {
    const { certificate } = await issuer.issue({
      traineeId: world.users.traineeTS,
      kind: 'yearly_continuing',
      subjectKey: 'continuing-education',
      period: '2024',
      facts: { ...yearlyFacts(), year: 2024 },
    });
    const admin = api.get(CertificateAdministrationService);
    clock.set('2026-06-05T02:00:00Z');
    await expect(admin.revoke(await actor('regulatorLZ'), certificate.id, '学时造假')).rejects.toMatchObject({ code: 'OUT_OF_SCOPE' });
    await expect(admin.revoke(await actor('orgAdminA'), certificate.id, '学时造假')).rejects.toMatchObject({ code: 'OUT_OF_SCOPE' });
    const revoked = await admin.revoke(await actor('regulatorGS'), certificate.id, '学时造假');
    expect(revoked).toMatchObject({ status: 'revoked', revocationReason: '学时造假', revokedBy: world.users.regulatorGS });
    await expect(admin.revoke(await actor('admin'), certificate.id, '再次')).rejects.toMatchObject({ code: 'CERTIFICATE_NOT_VALID' });
    const view = await api.get(CertificateVerificationService).byToken(certificate.verifyToken);
    expect(view).toMatchObject({ status: 'revoked', revokedOn: '2026-06-05' });
    expect(JSON.stringify(view)).not.toContain('学时造假');
  });

  it('says a tampered PDF is not an unaltered certificate, and an untouched one is', async () => {
    const { certificate } = await issuer.issue({
      traineeId: world.users.traineeLZ,
      kind: 'yearly_continuing',
      subjectKey: 'continuing-education',
      period: '2023',
      facts: { ...yearlyFacts(), year: 2023 },
    });
    const pdf = (await storage().get(certificate.storageKey))!;
    const verification = api.get(CertificateVerificationService);
    expect(await verification.byFile(pdf)).toMatchObject({ unaltered: true, certificate: { status: 'valid', serial: certificate.serial } });
    // Change the hours printed in the content stream's neighbourhood: any byte will do.
    const tampered = Buffer.from(pdf);
    tampered[Math.floor(tampered.length / 2)] ^= 0x01;
    expect(await verification.byFile(tampered)).toMatchObject({ unaltered: false, certificate: { status: 'unknown' } });
    // A record whose content was edited in the database no longer verifies either.
    await dataSource.query(`UPDATE certificates SET content = jsonb_set(content, '{holder,name}', '"李四"') WHERE id = $1`, [
      certificate.id,
    ]);
    expect(await verification.byToken(certificate.verifyToken)).toMatchObject({ authentic: false });
    expect(await verification.byFile(pdf)).toMatchObject({ unaltered: false });
  });

  it('re-renders a missing or corrupted file from the record, to the same hash', async () => {
    const { certificate } = await issuer.issue({
      traineeId: world.users.traineeTS,
      kind: 'yearly_continuing',
      subjectKey: 'continuing-education',
      period: '2022',
      facts: { ...yearlyFacts(), year: 2022 },
    });
    const store = storage();
    const downloads = api.get(CertificateDownloadsService);
    const trainee = await actor('traineeTS');
    await store.put(certificate.storageKey, Buffer.from('%PDF-1.7 broken'));
    const restored = await downloads.pdf(trainee, certificate.id);
    expect(sha256Hex(restored.pdf)).toBe(certificate.pdfSha256);
    expect(sha256Hex((await store.get(certificate.storageKey))!)).toBe(certificate.pdfSha256);
    const { rm } = await import('node:fs/promises');
    await rm(`${api.ctx.config.storageDir}/${certificate.storageKey}`);
    expect(sha256Hex((await downloads.pdf(trainee, certificate.id)).pdf)).toBe(certificate.pdfSha256);
    const events: { type: string }[] = await dataSource.query(
      'SELECT type FROM certificate_events WHERE certificate_id = $1 ORDER BY at, id',
      [certificate.id],
    );
    expect(events.map((e) => e.type).filter((t) => t === 'file_restored')).toHaveLength(2);
    // Someone else's certificate is "not found" for a trainee.
    await expect(downloads.pdf(await actor('traineeLZ'), certificate.id)).rejects.toMatchObject({ code: 'CERTIFICATE_NOT_FOUND' });
  });

  it('finds a certificate by serial only with the last four of the ID number, answering unknown otherwise', async () => {
    const { certificate } = await issuer.issue({
      traineeId: world.users.traineeTS,
      kind: 'yearly_continuing',
      subjectKey: 'continuing-education',
      period: '2021',
      facts: { ...yearlyFacts(), year: 2021 },
    });
    const [row] = await dataSource.query(
      "SELECT serial, content->'holder'->>'idNumberMasked' AS masked FROM certificates WHERE id = $1 AND status = 'valid'",
      [certificate.id],
    );
    const verification = api.get(CertificateVerificationService);
    const last4 = (row.masked as string).slice(-4);
    expect(await verification.bySerial(row.serial, last4)).toMatchObject({ status: 'valid', serial: row.serial });
    expect(await verification.bySerial(row.serial.toLowerCase(), last4)).toMatchObject({ status: 'valid' });
    const wrong = last4 === '0000' ? '0001' : '0000';
    expect(await verification.bySerial(row.serial, wrong)).toEqual(await verification.bySerial('GS-JX-2026-999999-00', last4));
    expect((await verification.bySerial(row.serial, wrong)).status).toBe('unknown');
  });

  it('lists certificates within scope', async () => {
    const downloads = api.get(CertificateDownloadsService);
    const page = { page: 1, pageSize: 100 };
    const orgABefore = (await downloads.list(await actor('orgAdminA'), {}, page)).total;
    // Two course certificates of organization A (to traineeLZ), and traineeTS's appointment training, reissued once.
    for (const i of [1, 2]) {
      await issuer.issue({
        traineeId: world.users.traineeLZ,
        kind: 'course_completion',
        subjectKey: randomUUID(),
        period: '2026',
        facts: {
          kind: 'course_completion',
          enrollmentId: randomUUID(),
          courseId: randomUUID(),
          courseVersionId: randomUUID(),
          organizationId: world.orgA,
          courseTitle: `质量管理体系第${i}讲`,
          organizationName: '甲培训机构',
          category: 2,
          trainingKind: 'continuing',
          creditHours: '2',
          completedAt: '2026-05-20T08:00:00Z',
        },
      });
    }
    const { certificate: training } = await issuer.issue({
      traineeId: world.users.traineeTS,
      kind: 'appointment_training',
      subjectKey: 'appointment',
      period: 'once',
      facts: { kind: 'appointment_training', appointmentHours: '21', requiredHours: '21', examPassedAt: '2026-05-30T03:00:00Z' },
    });
    await api.get(CertificateAdministrationService).reissue(await actor('regulatorTS'), training.id, '信息更正');

    const regulatorTS = await downloads.list(await actor('regulatorTS'), {}, page);
    expect(regulatorTS.items.length).toBeGreaterThan(0);
    expect(regulatorTS.items.every((c) => c.traineeId === world.users.traineeTS)).toBe(true);
    const orgA = await downloads.list(await actor('orgAdminA'), {}, page);
    expect(orgA.total).toBe(orgABefore + 2);
    expect((await downloads.list(await actor('orgAdminB'), {}, page)).total).toBe(0);
    const own = await downloads.list(await actor('traineeTS'), { kind: 'appointment_training' }, page);
    expect(own.items.map((c) => c.status).sort()).toEqual(['superseded', 'valid']);
  });
});
