import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { FakeClock } from '@cqo/core';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import { demoVideo, listen, smallPdf, uploadWhole } from '../../support/content';
import { onlineCourse } from '../../support/courses';
import type { World } from '../../support/fixtures';
import { seedWorld } from '../../support/fixtures';

/**
 * Server-side crediting of a hosted video: only playback that advances the furthest point at ≤ 1×
 * by the server's clock; nothing while an attention check is open or the trainee is idle in the
 * background; one credited session per trainee. Time moves on a FakeClock.
 */
describe('study integrity on a hosted video', () => {
  let api: TestApi;
  let world: World;
  let db: DataSource;
  const clock = new FakeClock(new Date('2026-04-01T01:00:00Z'));
  let enrollmentId: string;
  let lessonId: string;
  let documentLessonId: string;

  let base: string;
  beforeAll(async () => {
    api = await createTestApi({ clock });
    world = await seedWorld(api);
    db = api.get(DataSource);
    base = await listen(api);
  });
  // Each test its own course and enrolment: no test studies on from where another stopped.
  beforeEach(async () => {
    const created = await api.request({
      method: 'POST',
      url: '/courses',
      token: world.tokens.orgAdminA,
      payload: onlineCourse({ title: '防挂机测试课程', attentionChecks: { minMinutes: 2, maxMinutes: 2, timeoutSeconds: 60 } }),
    });
    const course = created.json();
    lessonId = course.lessons[0].id;
    const up = await uploadWhole(base, world.tokens.orgAdminA, demoVideo(), { filename: 'v.mp4', lessonId });
    expect(up.statusCode).toBe(200);
    expect(
      (await uploadWhole(base, world.tokens.orgAdminA, await smallPdf(3), { filename: '讲义.pdf', lessonId: course.lessons[2].id }))
        .statusCode,
    ).toBe(200);
    const version = (await api.request({ method: 'GET', url: `/course-versions/${course.id}`, token: world.tokens.orgAdminA })).json();
    lessonId = version.lessons[0].id;
    documentLessonId = version.lessons[2].id;
    for (const step of ['submit', 'approve', 'publish']) {
      const token = step === 'approve' ? world.tokens.admin : world.tokens.orgAdminA;
      const payload = step === 'approve' ? { approvalNumber: `甘质培审〔2026〕防挂机-${randomUUID().slice(0, 8)}` } : undefined;
      expect((await api.request({ method: 'POST', url: `/course-versions/${version.id}/${step}`, token, payload })).statusCode).toBe(200);
    }
    enrollmentId = (
      await api.request({ method: 'POST', url: '/me/enrollments', token: world.tokens.traineeLZ, payload: { courseVersionId: version.id } })
    ).json().id;
  });
  afterAll(() => api.close());

  const start = (ua = 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36') =>
    api.request({
      method: 'POST',
      url: '/me/study-sessions',
      token: world.tokens.traineeLZ,
      payload: { enrollmentId, lessonId },
      headers: { 'user-agent': ua },
    });
  const beat = (sessionId: string, payload: object) =>
    api.request({ method: 'POST', url: `/me/study-sessions/${sessionId}/heartbeat`, token: world.tokens.traineeLZ, payload });
  const tick = (seconds: number) => clock.advance(seconds * 1000);

  it('credits 1× playback, and nothing for a seek ahead, a faster rate or idling in the background', async () => {
    const session = (await start()).json();
    expect(session).toMatchObject({
      content: { kind: 'video', mimeType: 'video/mp4' },
      resumePosition: 0,
      furthestPosition: 0,
      requiredSeconds: 2430,
    });
    expect(session.content.url).toMatch(/^\/media\/[0-9a-f-]{36}\?u=/);
    const id = session.sessionId;

    tick(30);
    expect((await beat(id, { position: 30, playbackRate: 1, visible: true, focused: true, idleSeconds: 3 })).json()).toMatchObject({
      creditedSeconds: 30,
      verdict: 'ok',
      activeSeconds: 30,
      furthestPosition: 30,
    });
    // A jump to 10 minutes: refused, the furthest point stays.
    tick(30);
    expect((await beat(id, { position: 600 })).json()).toMatchObject({
      creditedSeconds: 0,
      verdict: 'ahead',
      activeSeconds: 30,
      furthestPosition: 30,
    });
    // Claiming 60 s of progress in 30 s of server time earns at most 30.
    tick(30);
    expect((await beat(id, { position: 90 })).json()).toMatchObject({ creditedSeconds: 0, verdict: 'ahead' });
    tick(30);
    expect((await beat(id, { position: 55, playbackRate: 2 })).json()).toMatchObject({ creditedSeconds: 0, verdict: 'rate' });
    tick(30);
    expect((await beat(id, { position: 60, visible: false, idleSeconds: 500 })).json()).toMatchObject({
      creditedSeconds: 0,
      verdict: 'idle',
    });
    // Two heartbeats at once credit once.
    tick(30);
    const both = await Promise.all([beat(id, { position: 60 }), beat(id, { position: 60 })]);
    expect(both.map((r) => r.json().creditedSeconds).sort()).toEqual([0, 30]);
    expect(both.every((r) => r.statusCode === 200)).toBe(true);
  });

  it('pauses crediting while an attention check is unanswered, and keeps it as evidence', async () => {
    const id = (await start()).json().sessionId;
    let position = (await db.query('SELECT furthest_position FROM lesson_progress WHERE enrollment_id = $1', [enrollmentId]))[0]
      .furthest_position as number;
    const play = async (seconds: number) => {
      tick(seconds);
      position += seconds;
      return (await beat(id, { position })).json();
    };
    expect((await play(60)).attentionCheck).toBeNull();
    const due = await play(60);
    expect(due.creditedSeconds).toBe(60);
    expect(due.attentionCheck).toMatchObject({ kind: 'confirm', prompt: expect.stringContaining('我在学习') });
    const checkId = due.attentionCheck.id;
    // Unanswered: nothing is credited, however the player reports.
    const waiting = await play(30);
    expect(waiting).toMatchObject({ creditedSeconds: 0, verdict: 'check', attentionCheck: { id: checkId } });
    tick(60);
    const answered = await api.request({
      method: 'POST',
      url: `/me/study-sessions/${id}/attention-checks/${checkId}/answer`,
      token: world.tokens.traineeLZ,
      payload: {},
    });
    expect(answered.json()).toEqual({ passed: false, reason: 'late' });
    position -= 30; // the player paused at the check
    expect((await play(30)).creditedSeconds).toBe(30);

    const evidence = await api.request({
      method: 'GET',
      url: `/enrollments/${enrollmentId}/lessons/${lessonId}/evidence`,
      token: world.tokens.orgAdminA,
    });
    expect(evidence.json()).toMatchObject({ checksFailed: 1, checksPassed: 0, checks: [{ kind: 'confirm', passed: false }] });
    expect(evidence.json().watchedIntervals[0][0]).toBe(0);
    // The regulator of the organization's city reads it; another organization does not.
    expect(
      (
        await api.request({
          method: 'GET',
          url: `/enrollments/${enrollmentId}/lessons/${lessonId}/evidence`,
          token: world.tokens.regulatorLZ,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await api.request({
          method: 'GET',
          url: `/enrollments/${enrollmentId}/lessons/${lessonId}/evidence`,
          token: world.tokens.regulatorGS,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await api.request({
          method: 'GET',
          url: `/enrollments/${enrollmentId}/lessons/${lessonId}/evidence`,
          token: world.tokens.regulatorTS,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await api.request({
          method: 'GET',
          url: `/enrollments/${enrollmentId}/lessons/${lessonId}/evidence`,
          token: world.tokens.orgAdminB,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await api.request({
          method: 'GET',
          url: `/enrollments/${enrollmentId}/lessons/${lessonId}/evidence`,
          token: world.tokens.traineeTS,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('a second device supersedes the first: the first is told why and credits nothing', async () => {
    const first = (await start()).json();
    const second = (await start('Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Version/18.0 Safari/605.1')).json();
    expect(second.supersededOther).toBe(true);
    tick(30);
    const refused = await beat(first.sessionId, { position: second.furthestPosition + 30 });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'STUDY_SESSION_SUPERSEDED', message: expect.stringContaining('其他窗口或设备') });
    expect((await beat(second.sessionId, { position: second.furthestPosition + 30 })).json().creditedSeconds).toBe(30);
    const [{ open }] = await db.query('SELECT count(*)::int AS open FROM study_sessions WHERE trainee_id = $1 AND ended_at IS NULL', [
      world.users.traineeLZ,
    ]);
    expect(open).toBe(1);
    const evidence = (
      await api.request({ method: 'GET', url: `/enrollments/${enrollmentId}/lessons/${lessonId}/evidence`, token: world.tokens.traineeLZ })
    ).json();
    expect(evidence.sessions.map((s: { device: string }) => s.device)).toContain('Safari 18 · iOS');
    // This enrolment's sessions: the first, superseded by the second, which is open.
    expect(evidence.sessions.filter((s: { endedReason: string }) => s.endedReason === 'superseded')).toHaveLength(1);
  });

  it('completes the lesson when watched time reaches the requirement, and resumes where playback stopped', async () => {
    await start(); // the lesson's progress row, which the correction below moves on
    await db.query(
      'UPDATE lesson_progress SET furthest_position = 2400, active_seconds = 2400, last_position = 2400 WHERE enrollment_id = $1',
      [enrollmentId],
    );
    const session = (await start()).json();
    expect(session).toMatchObject({ resumePosition: 2400, furthestPosition: 2400 });
    tick(30);
    const done = (await beat(session.sessionId, { position: 2430 })).json();
    expect(done).toMatchObject({ creditedSeconds: 30, activeSeconds: 2430, lessonCompleted: true });
  });

  it('credits a PDF lesson by visible time, at most 60 s a heartbeat, and nothing while the page is hidden', async () => {
    const started = await api.request({
      method: 'POST',
      url: '/me/study-sessions',
      token: world.tokens.traineeLZ,
      payload: { enrollmentId, lessonId: documentLessonId },
    });
    expect(started.json()).toMatchObject({
      content: { kind: 'document', mimeType: 'application/pdf', url: expect.stringMatching(/^\/media\//) },
    });
    const id = started.json().sessionId;
    tick(20);
    expect((await beat(id, { visible: true, focused: true, idleSeconds: 5 })).json()).toMatchObject({ creditedSeconds: 20, verdict: 'ok' });
    tick(300);
    expect((await beat(id, { visible: true })).json()).toMatchObject({ creditedSeconds: 60, verdict: 'ok' });
    tick(30);
    expect((await beat(id, { visible: false, idleSeconds: 5 })).json()).toMatchObject({ creditedSeconds: 0, verdict: 'hidden' });
    // The PDF is served by the signed URL like the video.
    const pdf = await api.request({ method: 'GET', url: started.json().content.url, headers: { range: 'bytes=0-4' } });
    expect(pdf.statusCode).toBe(206);
    expect(pdf.body).toBe('%PDF-');
  });

  it('decides a heartbeat on the stored progress when it changed elsewhere (another API process, a correction)', async () => {
    await db.query(
      'UPDATE lesson_progress SET furthest_position = 0, active_seconds = 0, last_position = 0, completed_at = NULL, completed_via = NULL WHERE enrollment_id = $1 AND lesson_id = $2',
      [enrollmentId, lessonId],
    );
    const id = (await start()).json().sessionId;
    tick(30);
    expect((await beat(id, { position: 30 })).json()).toMatchObject({ creditedSeconds: 30, furthestPosition: 30 });
    // This process remembers the state it wrote; the row changes behind its back.
    await db.query('UPDATE lesson_progress SET furthest_position = 200 WHERE enrollment_id = $1 AND lesson_id = $2', [
      enrollmentId,
      lessonId,
    ]);
    tick(30);
    // Watching 30 → 60 again is below the stored furthest point: nothing new, nothing credited.
    expect((await beat(id, { position: 60 })).json()).toMatchObject({ creditedSeconds: 0, activeSeconds: 30, furthestPosition: 200 });
    // And the beat after that is back to one statement on a state that matches the rows.
    tick(30);
    expect((await beat(id, { position: 90 })).json()).toMatchObject({ creditedSeconds: 0, furthestPosition: 200 });
    const [row] = await db.query('SELECT beats FROM study_sessions WHERE id = $1', [id]);
    expect(row.beats).toBe(3);
  });

  it('decides the first heartbeat of a session on the stored rows when they changed after the session started', async () => {
    await db.query(
      'UPDATE lesson_progress SET furthest_position = 0, active_seconds = 0, last_position = 0, completed_at = NULL, completed_via = NULL WHERE enrollment_id = $1 AND lesson_id = $2',
      [enrollmentId, lessonId],
    );
    // Starting remembers the state its first heartbeat needs; the progress row changes behind its back.
    const id = (await start()).json().sessionId;
    await db.query('UPDATE lesson_progress SET furthest_position = 200 WHERE enrollment_id = $1 AND lesson_id = $2', [
      enrollmentId,
      lessonId,
    ]);
    tick(30);
    expect((await beat(id, { position: 30 })).json()).toMatchObject({ creditedSeconds: 0, activeSeconds: 0, furthestPosition: 200 });
    // A session ended elsewhere (a start in another process) answers its tab's next heartbeat with 409, not credit.
    const other = (await start()).json().sessionId;
    await db.query(`UPDATE study_sessions SET ended_at = now(), ended_reason = 'superseded' WHERE id = $1`, [other]);
    tick(30);
    const late = await beat(other, { position: 230 });
    expect(late.statusCode).toBe(409);
    const [row] = await db.query('SELECT beats, credited_seconds FROM study_sessions WHERE id = $1', [other]);
    expect(row).toEqual({ beats: 0, credited_seconds: 0 });
  });
});
