import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { FakeClock } from '@cqo/core';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import { appendUpload, createUpload, demoVideo, listen, smallPdf, uploadOffset, uploadWhole } from '../../support/content';
import { onlineCourse } from '../../support/courses';
import type { World } from '../../support/fixtures';
import { seedWorld } from '../../support/fixtures';

/** Uploading lesson files (tus) and delivering them by signed URL with ranges. */
describe('hosted lesson content', () => {
  let api: TestApi;
  let world: World;
  let db: DataSource;
  const clock = new FakeClock(new Date('2026-03-02T02:00:00Z'));
  const video = demoVideo();
  let base: string;

  beforeAll(async () => {
    api = await createTestApi({ clock, env: { CONTENT_MAX_DOCUMENT_BYTES: '20000', CONTENT_URL_TTL_SECONDS: '300' } });
    world = await seedWorld(api);
    db = api.get(DataSource);
    base = await listen(api);
  });
  afterAll(() => api.close());

  const draft = async (org: 'A' | 'B' = 'A') => {
    const res = await api.request({
      method: 'POST',
      url: '/courses',
      token: org === 'A' ? world.tokens.orgAdminA : world.tokens.orgAdminB,
      payload: onlineCourse(),
    });
    return res.json() as { id: string; lessons: { id: string; type: string }[] };
  };
  const fileCount = async () => (await db.query('SELECT count(*)::int AS n FROM content_files'))[0].n as number;
  const storedFiles = async () => {
    const dir = join(api.ctx.config.storageDir, 'content');
    const orgs = await readdir(dir).catch(() => [] as string[]);
    const files = await Promise.all(orgs.map((o) => readdir(join(dir, o))));
    return files.flat().length;
  };
  const leftoverParts = async () => (await readdir(join(api.ctx.config.storageDir, '.uploads')).catch(() => [] as string[])).length;

  it('resumes an interrupted upload from the offset the server has, then reads the real duration', async () => {
    const course = await draft();
    const lessonId = course.lessons[0].id;
    const rowsBefore = await fileCount();
    const created = await createUpload(base, world.tokens.orgAdminA, video.length, { filename: '第一讲.mp4', lessonId });
    expect(created.statusCode).toBe(201);
    const location = created.headers.location;
    expect(location).toMatch(/^\/content-uploads\/[a-f0-9]{32}$/);

    // The first part arrives, then the connection is lost; the client asks where to go on.
    const half = Math.floor(video.length / 2);
    const first = await appendUpload(base, world.tokens.orgAdminA, location, 0, video.subarray(0, half));
    expect(first.statusCode).toBe(204);
    const head = await uploadOffset(base, world.tokens.orgAdminA, location);
    expect(head.statusCode).toBe(200);
    expect(head.headers['upload-offset']).toBe(String(half));
    // Nothing is recorded before the last byte.
    expect(await fileCount()).toBe(rowsBefore);
    // Resending from a wrong offset is refused by the protocol.
    expect((await appendUpload(base, world.tokens.orgAdminA, location, 0, video.subarray(0, 10))).statusCode).toBe(409);

    const rest = await appendUpload(base, world.tokens.orgAdminA, location, half, video.subarray(half));
    expect(rest.statusCode).toBe(200);
    const file = rest.json();
    expect(file).toMatchObject({ kind: 'video', mimeType: 'video/mp4', sizeBytes: video.length, originalName: '第一讲.mp4' });
    expect(file.durationSeconds).toBeCloseTo(2700, 0);

    // Attached to the lesson, whose minutes become the video's real length.
    const version = (await api.request({ method: 'GET', url: `/course-versions/${course.id}`, token: world.tokens.orgAdminA })).json();
    expect(version.lessons[0]).toMatchObject({ minutes: 45, content: { id: file.id, kind: 'video' } });
    expect(await leftoverParts()).toBe(0);

    // Declared minutes are the real duration: neither more nor fewer; a file of another kind is refused.
    const lessons = version.lessons.map((l: Record<string, unknown>) => ({
      title: l.title,
      type: l.type,
      minutes: l.minutes,
      required: l.required,
      contentFileId: (l.content as { id: string } | null)?.id ?? null,
    }));
    const tooLong = await api.request({
      method: 'PATCH',
      url: `/course-versions/${course.id}`,
      token: world.tokens.orgAdminA,
      payload: { lessons: [{ ...lessons[0], minutes: 46 }, ...lessons.slice(1)] },
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().details).toEqual([
      expect.objectContaining({ field: 'lessons[0].minutes', message: expect.stringContaining('45 分钟') }),
    ]);
    const tooShort = await api.request({
      method: 'PATCH',
      url: `/course-versions/${course.id}`,
      token: world.tokens.orgAdminA,
      payload: { lessons: [{ ...lessons[0], minutes: 1 }, ...lessons.slice(1)] },
    });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().details).toEqual([
      expect.objectContaining({ field: 'lessons[0].minutes', message: '必须等于视频实际时长（45 分钟）' }),
    ]);
    const wrongKind = await api.request({
      method: 'PATCH',
      url: `/course-versions/${course.id}`,
      token: world.tokens.orgAdminA,
      payload: { lessons: [lessons[0], lessons[1], { ...lessons[2], contentFileId: file.id }] },
    });
    expect(wrongKind.json().details).toEqual([expect.objectContaining({ field: 'lessons[2].contentFileId', message: expect.any(String) })]);
  });

  it('refuses a program renamed to .mp4, a truncated MP4 and an oversized PDF; nothing is stored', async () => {
    const course = await draft();
    const before = { rows: await fileCount(), files: await storedFiles() };
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1'), Buffer.alloc(5000, 1)]);
    const spoofed = await uploadWhole(base, world.tokens.orgAdminA, exe, {
      filename: 'lesson.mp4',
      filetype: 'video/mp4',
      lessonId: course.lessons[0].id,
    });
    expect(spoofed.statusCode).toBe(400);
    expect(spoofed.json()).toMatchObject({ code: 'CONTENT_FILE_REJECTED', details: [{ field: 'file' }] });
    expect(JSON.parse(spoofed.body).message).toMatch(/不是 MP4/);

    const truncated = await uploadWhole(base, world.tokens.orgAdminA, video.subarray(0, 300_000), {
      filename: 'cut.mp4',
      lessonId: course.lessons[0].id,
    });
    expect(JSON.parse(truncated.body)).toMatchObject({ statusCode: 400, code: 'CONTENT_FILE_REJECTED' });
    expect(JSON.parse(truncated.body).message).toMatch(/截断/);

    const pdf = await smallPdf();
    const big = await createUpload(base, world.tokens.orgAdminA, 50_000, { filename: 'handout.pdf', lessonId: course.lessons[2].id });
    expect(big.statusCode).toBe(400);
    expect(big.json()).toMatchObject({ code: 'CONTENT_FILE_TOO_LARGE', details: [{ field: 'Upload-Length' }] });
    // A PDF within the limit is fine.
    const ok = await uploadWhole(base, world.tokens.orgAdminA, pdf, { filename: 'handout.pdf', lessonId: course.lessons[2].id });
    expect(ok.json()).toMatchObject({ kind: 'document', mimeType: 'application/pdf' });

    expect(await fileCount()).toBe(before.rows + 1);
    expect(await storedFiles()).toBe(before.files + 1);
    expect(await leftoverParts()).toBe(0);
  });

  it('refuses an upload for a lesson of another organization, and another organization’s upload in progress', async () => {
    const courseA = await draft('A');
    const foreign = await createUpload(base, world.tokens.orgAdminB, video.length, { filename: 'x.mp4', lessonId: courseA.lessons[0].id });
    expect(foreign.statusCode).toBe(403);
    const trainee = await createUpload(base, world.tokens.traineeLZ, video.length, { filename: 'x.mp4', lessonId: courseA.lessons[0].id });
    expect(trainee.statusCode).toBe(403);
    const own = await createUpload(base, world.tokens.orgAdminA, video.length, {
      filename: 'x.mp4',
      lessonId: courseA.lessons[0].id,
      organizationId: world.orgB,
    });
    const location = own.headers.location;
    expect((await appendUpload(base, world.tokens.orgAdminB, location, 0, video.subarray(0, 100))).statusCode).toBe(403);
    expect((await uploadOffset(base, world.tokens.orgAdminB, location)).statusCode).toBe(403);
    // The organization in the metadata is the server's, whatever the client sent.
    const done = await appendUpload(base, world.tokens.orgAdminA, location, 0, video);
    expect(done.statusCode).toBe(200);
    const [row] = await db.query('SELECT organization_id FROM content_files WHERE id = $1', [done.json().id]);
    expect(row.organization_id).toBe(world.orgA);
  });

  describe('delivery by signed URL', () => {
    let fileId: string;
    let url: string;
    beforeAll(async () => {
      const created = await api.request({
        method: 'POST',
        url: '/courses',
        token: world.tokens.orgAdminA,
        payload: onlineCourse({ title: '视频课程交付' }),
      });
      const course = created.json();
      const up = await uploadWhole(base, world.tokens.orgAdminA, video, { filename: 'v.mp4', lessonId: course.lessons[0].id });
      fileId = up.json().id;
      const version = (await api.request({ method: 'GET', url: `/course-versions/${course.id}`, token: world.tokens.orgAdminA })).json();
      for (const step of ['submit', 'approve', 'publish']) {
        const token = step === 'approve' ? world.tokens.admin : world.tokens.orgAdminA;
        const payload = step === 'approve' ? { approvalNumber: `甘质培审〔2026〕媒体-${Date.now()}` } : undefined;
        const res = await api.request({ method: 'POST', url: `/course-versions/${version.id}/${step}`, token, payload });
        expect(res.statusCode).toBe(200);
      }
      const enrol = await api.request({
        method: 'POST',
        url: '/me/enrollments',
        token: world.tokens.traineeLZ,
        payload: { courseVersionId: version.id },
      });
      expect(enrol.statusCode).toBe(201);
    });
    // A URL signed now for each test: the expiry test moves the clock past the last one's lifetime.
    beforeEach(async () => {
      const signed = await api.request({ method: 'GET', url: `/content-files/${fileId}/url`, token: world.tokens.traineeLZ });
      expect(signed.statusCode).toBe(200);
      url = signed.json().url;
    });

    it('answers a range request with 206 and the right Content-Range', async () => {
      const res = await api.request({ method: 'GET', url, headers: { range: 'bytes=1000-1999' } });
      expect(res.statusCode).toBe(206);
      expect(res.headers['content-range']).toBe(`bytes 1000-1999/${video.length}`);
      expect(res.headers['content-length']).toBe('1000');
      expect(res.headers['accept-ranges']).toBe('bytes');
      expect(res.headers['content-type']).toBe('video/mp4');
      expect(res.headers['cache-control']).toMatch(/^private, max-age=\d+$/);
      expect(res.rawPayload.equals(video.subarray(1000, 2000))).toBe(true);

      const tail = await api.request({ method: 'GET', url, headers: { range: 'bytes=-100' } });
      expect(tail.headers['content-range']).toBe(`bytes ${video.length - 100}-${video.length - 1}/${video.length}`);
      const whole = await api.request({ method: 'GET', url });
      expect(whole.statusCode).toBe(200);
      expect(whole.rawPayload.equals(video)).toBe(true);
      const beyond = await api.request({ method: 'GET', url, headers: { range: `bytes=${video.length}-` } });
      expect(beyond.statusCode).toBe(416);
      expect(beyond.headers['content-range']).toBe(`bytes */${video.length}`);
    });

    it('refuses an expired or altered URL, and a trainee who is not enrolled', async () => {
      const tampered = url.replace(/u=[^&]+/, `u=${world.users.traineeTS}`);
      expect((await api.request({ method: 'GET', url: tampered })).json()).toMatchObject({ statusCode: 403, code: 'MEDIA_URL_INVALID' });
      const stranger = await api.request({ method: 'GET', url: `/content-files/${fileId}/url`, token: world.tokens.traineeTS });
      expect(stranger.statusCode).toBe(403);
      const otherOrg = await api.request({ method: 'GET', url: `/content-files/${fileId}/url`, token: world.tokens.orgAdminB });
      expect(otherOrg.statusCode).toBe(403);
      // The owning organization and the platform admin may look at it; a regulator has no URL to it.
      for (const token of [world.tokens.orgAdminA, world.tokens.admin]) {
        expect((await api.request({ method: 'GET', url: `/content-files/${fileId}/url`, token })).statusCode).toBe(200);
      }
      expect((await api.request({ method: 'GET', url: `/content-files/${fileId}/url`, token: world.tokens.regulatorLZ })).statusCode).toBe(
        403,
      );
      // No listing of the media folder.
      expect((await api.request({ method: 'GET', url: '/media/' })).statusCode).toBe(404);
      // A malformed query is a 400 naming each field, an unknown parameter included.
      const malformed = await api.request({ method: 'GET', url: url.replace(/e=\d+/, 'e=soon').replace(/s=[^&]+/, 's=short') + '&x=1' });
      expect(malformed.json()).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(
        malformed
          .json()
          .details.map((d: { field: string }) => d.field)
          .sort(),
      ).toEqual(['e', 's', 'x']);
      expect((await api.request({ method: 'GET', url: url.replace(/u=[^&]+/, 'u=nobody') })).json()).toMatchObject({
        statusCode: 400,
        details: [{ field: 'u' }],
      });

      clock.advance(301_000);
      const expired = await api.request({ method: 'GET', url, headers: { range: 'bytes=0-99' } });
      expect(expired.json()).toMatchObject({ statusCode: 403, code: 'MEDIA_URL_EXPIRED' });
      const fresh = (await api.request({ method: 'GET', url: `/content-files/${fileId}/url`, token: world.tokens.traineeLZ })).json().url;
      expect((await api.request({ method: 'GET', url: fresh, headers: { range: 'bytes=0-99' } })).statusCode).toBe(206);
    });
  });
});
