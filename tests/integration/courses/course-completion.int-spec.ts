import { DataSource } from 'typeorm';
import { FakeClock } from '@cqo/core';
import { CourseCompletionService } from '@cqo/courses';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import { onlineCourse, publishCourse } from '../../support/courses';
import type { World } from '../../support/fixtures';
import { seedWorld } from '../../support/fixtures';

/**
 * The whole path on real PostgreSQL and Redis: an organization publishes, the platform approves,
 * a trainee enrols and studies by heartbeats (a fake clock moves time), the course completes,
 * and exactly one `course.completed` event is in the outbox whatever arrives twice.
 */
describe('course completion: publish → approve → enrol → study → complete', () => {
  const clock = new FakeClock(new Date('2026-03-02T01:00:00Z'));
  let api: TestApi;
  let world: World;
  let db: DataSource;

  beforeAll(async () => {
    api = await createTestApi({ clock });
    world = await seedWorld(api);
    db = api.get(DataSource);
  });
  afterAll(() => api.close());

  const completedEvents = (enrollmentId: string) =>
    db.query(`SELECT payload FROM outbox_events WHERE type = 'course.completed' AND payload->>'enrollmentId' = $1`, [enrollmentId]);

  async function beat(token: string, sessionId: string, advanceMs: number) {
    clock.advance(advanceMs);
    const res = await api.request({ method: 'POST', url: `/me/study-sessions/${sessionId}/heartbeat`, token });
    expect(res.statusCode).toBe(200);
    return res.json();
  }

  it('walks the lifecycle, credits server-measured time only, and completes once', async () => {
    const token = world.tokens.traineeLZ;
    // Draft → submitted → returned with a reason → resubmitted → approved with a number → published.
    const created = await api.request({ method: 'POST', url: '/courses', token: world.tokens.orgAdminA, payload: onlineCourse() });
    expect(created.statusCode).toBe(201);
    const draft = created.json();
    expect(draft).toMatchObject({ status: 'draft', version: 1, creditHours: '2.5', completionShare: '0.90' });
    const versionId = draft.id;
    const post = (url: string, who: string, payload?: object) => api.request({ method: 'POST', url, token: who, payload });
    expect((await post(`/course-versions/${versionId}/submit`, world.tokens.orgAdminA)).json().status).toBe('submitted');
    const returned = await post(`/course-versions/${versionId}/return`, world.tokens.admin, { reason: '请补充课程简介' });
    expect(returned.json()).toMatchObject({ status: 'returned', reviewNote: '请补充课程简介' });
    expect((await post(`/course-versions/${versionId}/publish`, world.tokens.orgAdminA)).statusCode).toBe(409);
    expect((await post(`/course-versions/${versionId}/submit`, world.tokens.orgAdminA)).statusCode).toBe(200);
    const approved = await post(`/course-versions/${versionId}/approve`, world.tokens.admin, { approvalNumber: '甘质培审〔2026〕001号' });
    expect(approved.json()).toMatchObject({ status: 'approved', approvalNumber: '甘质培审〔2026〕001号' });
    const published = (await post(`/course-versions/${versionId}/publish`, world.tokens.orgAdminA)).json();
    expect(published.status).toBe('published');
    const [lesson1, lesson2] = published.lessons;

    const enrolled = await post('/me/enrollments', token, { courseVersionId: versionId });
    expect(enrolled.statusCode).toBe(201);
    const enrollmentId = enrolled.json().id;

    // Lesson 1: 10 declared minutes at share 0.90 → 540 s of observed time.
    const session = await post('/me/study-sessions', token, { enrollmentId, lessonId: lesson1.id });
    expect(session.json()).toMatchObject({ requiredSeconds: 540, activeSeconds: 0, maxCreditSeconds: 60 });
    const sid = session.json().sessionId;
    // A heartbeat after a 10-minute silence credits the cap only; rapid repeats credit nothing more.
    expect((await beat(token, sid, 10 * 60_000)).creditedSeconds).toBe(60);
    expect((await beat(token, sid, 0)).creditedSeconds).toBe(0);
    let last = await beat(token, sid, 29_500);
    expect(last.creditedSeconds).toBe(29);
    last = await beat(token, sid, 30_500); // the half second carried over: 31 s
    expect(last.creditedSeconds).toBe(31);
    while (!last.lessonCompleted) last = await beat(token, sid, 30_000);
    expect(last).toMatchObject({ activeSeconds: 540, lessonCompleted: true, courseCompleted: false });

    // Lesson 2: 5 minutes → 270 s. Starting it ends the lesson-1 session, which is told why.
    const second = (await post('/me/study-sessions', token, { enrollmentId, lessonId: lesson2.id })).json();
    const stale = await post(`/me/study-sessions/${sid}/heartbeat`, token);
    expect(stale.json()).toMatchObject({ statusCode: 409, code: 'STUDY_SESSION_SUPERSEDED' });
    for (let i = 0; i < 8; i++) expect((await beat(token, second.sessionId, 30_000)).lessonCompleted).toBe(false);
    expect(await completedEvents(enrollmentId)).toHaveLength(0);

    // The last requirement arrives ten times at once: one completion, one event.
    clock.advance(30_000);
    const finals = await Promise.all(
      Array.from({ length: 10 }, () => api.request({ method: 'POST', url: `/me/study-sessions/${second.sessionId}/heartbeat`, token })),
    );
    expect(finals.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
    expect(finals.filter((r) => r.json().courseCompleted)).toHaveLength(1);
    expect(finals.reduce((sum, r) => sum + r.json().creditedSeconds, 0)).toBe(30);

    const view = (await api.request({ method: 'GET', url: `/enrollments/${enrollmentId}`, token })).json();
    expect(view).toMatchObject({
      status: 'completed',
      completedAt: clock.now().toISOString(),
      requiredLessons: 2,
      completedRequiredLessons: 2,
    });
    expect(view.lessons[2]).toMatchObject({ required: false, completedAt: null });

    // More study, and an exam result arriving late, change nothing.
    await beat(token, second.sessionId, 30_000);
    const completion = api.get(CourseCompletionService);
    const again = await db.transaction((m) => completion.recordFinalExamPassed(m, enrollmentId, clock.now()));
    expect(again).toEqual({ completed: false });

    const events = await completedEvents(enrollmentId);
    expect(events).toHaveLength(1);
    expect(events[0].payload).toEqual({
      enrollmentId,
      traineeId: world.users.traineeLZ,
      courseId: published.courseId,
      courseVersionId: versionId,
      organizationId: world.orgA,
      category: 1,
      kind: 'appointment',
      creditHours: '2.5',
      completedAt: view.completedAt,
    });
  });

  it('waits for the final exam when the course has one, and completes in the exam result’s transaction', async () => {
    const paperId = '7b0f3c1e-4d5a-4c2b-9a8e-1f2d3c4b5a69';
    const version = await publishCourse(
      api,
      world,
      onlineCourse({
        title: '带结业考试的课程',
        finalExamPaperId: paperId,
        creditHours: '0.5',
        lessons: [{ title: '唯一课时', type: 'video', minutes: 1, required: true }],
      }),
    );
    const token = world.tokens.traineeTS;
    const enrollmentId = (
      await api.request({ method: 'POST', url: '/me/enrollments', token, payload: { courseVersionId: version.id } })
    ).json().id;
    const session = (
      await api.request({ method: 'POST', url: '/me/study-sessions', token, payload: { enrollmentId, lessonId: version.lessons[0].id } })
    ).json();
    const done = await beat(token, session.sessionId, 60_000);
    expect(done).toMatchObject({ lessonCompleted: true, courseCompleted: false });

    const completion = api.get(CourseCompletionService);
    const found = await completion.findActiveEnrollment(world.users.traineeTS, version.id);
    expect(found).toMatchObject({ id: enrollmentId, status: 'enrolled', finalExamPaperId: paperId, finalExamPassedAt: null });
    const passedAt = clock.now();
    expect(await db.transaction((m) => completion.recordFinalExamPassed(m, enrollmentId, passedAt))).toEqual({ completed: true });
    expect(await db.transaction((m) => completion.recordFinalExamPassed(m, enrollmentId, passedAt))).toEqual({ completed: false });
    const [row] = await db.query('SELECT status, completed_at, final_exam_passed_at FROM enrollments WHERE id = $1', [enrollmentId]);
    expect(row).toEqual({ status: 'completed', completed_at: passedAt, final_exam_passed_at: passedAt });
    expect(await completedEvents(enrollmentId)).toHaveLength(1);
  });

  it('rolls back the completion with the caller’s transaction', async () => {
    const version = await publishCourse(
      api,
      world,
      onlineCourse({
        title: '回滚测试课程',
        finalExamPaperId: '0b7c5a1e-2d3f-4a5b-8c9d-0e1f2a3b4c5d',
        creditHours: '0.5',
        lessons: [{ title: '课时', type: 'document', minutes: 1, required: true }],
      }),
    );
    const token = world.tokens.traineeLZ;
    const enrollmentId = (
      await api.request({ method: 'POST', url: '/me/enrollments', token, payload: { courseVersionId: version.id } })
    ).json().id;
    const session = (
      await api.request({ method: 'POST', url: '/me/study-sessions', token, payload: { enrollmentId, lessonId: version.lessons[0].id } })
    ).json();
    await beat(token, session.sessionId, 60_000);
    const completion = api.get(CourseCompletionService);
    await expect(
      db.transaction(async (m) => {
        expect(await completion.recordFinalExamPassed(m, enrollmentId, clock.now())).toEqual({ completed: true });
        throw new Error('exam grading failed after all');
      }),
    ).rejects.toThrow('exam grading failed');
    expect((await db.query('SELECT status FROM enrollments WHERE id = $1', [enrollmentId]))[0].status).toBe('enrolled');
    expect(await completedEvents(enrollmentId)).toHaveLength(0);
  });
});
