import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { FakeClock } from '@cqo/core';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import { onlineCourse, publishCourse } from '../../support/courses';
import { answersFor, basePaper, createPaper, createQuestion, questionBodies } from '../../support/exams';
import type { World } from '../../support/fixtures';
import { seedWorld } from '../../support/fixtures';

/**
 * A course's final exam: the trainee has done the lessons, then submits the passing attempt 50
 * times at once. Exactly one grading happens, and the course completes exactly once.
 */
describe('parallel submits of one attempt', () => {
  let api: TestApi;
  let world: World;
  let db: DataSource;
  const clock = new FakeClock(new Date('2026-04-01T01:00:00Z'));

  beforeAll(async () => {
    api = await createTestApi({ clock });
    world = await seedWorld(api);
    db = api.get(getDataSourceToken());
  });
  afterAll(() => api.close());

  it('grades once and completes the course once for 50 parallel submits', async () => {
    const questions = [];
    for (let n = 0; n < 5; n++) questions.push((await createQuestion(api, world.tokens.orgAdminA, questionBodies.single(n))).id);
    const paperId = await createPaper(
      api,
      world.tokens.orgAdminA,
      basePaper({ kind: 'course_exam', title: '结业考试', fixedQuestions: questions.map((questionId) => ({ questionId })) }),
    );
    const token = world.tokens.traineeLZ;

    // Not enrolled yet: the final exam is not open to this trainee.
    expect((await api.request({ method: 'POST', url: `/me/exam-papers/${paperId}/attempts`, token })).json().code).toBe(
      'EXAM_NOT_ELIGIBLE',
    );

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
    const enrollmentId = (
      await api.request({ method: 'POST', url: '/me/enrollments', token, payload: { courseVersionId: version.id } })
    ).json().id as string;
    const session = (
      await api.request({ method: 'POST', url: '/me/study-sessions', token, payload: { enrollmentId, lessonId: version.lessons[0].id } })
    ).json();
    clock.advance(60_000);
    const beat = await api.request({ method: 'POST', url: `/me/study-sessions/${session.sessionId}/heartbeat`, token });
    expect(beat.json()).toMatchObject({ lessonCompleted: true, courseCompleted: false });

    const attempt = (await api.request({ method: 'POST', url: `/me/exam-papers/${paperId}/attempts`, token })).json();
    await api.request({
      method: 'PUT',
      url: `/me/exam-attempts/${attempt.id}/answers`,
      token,
      payload: { answers: await answersFor(api, attempt, () => true) },
    });

    const responses = await Promise.all(
      Array.from({ length: 50 }, () => api.request({ method: 'POST', url: `/me/exam-attempts/${attempt.id}/submit`, token })),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(new Array(50).fill(200));
    const results = new Set(responses.map((r) => JSON.stringify({ result: r.json().result, submittedAt: r.json().submittedAt })));
    expect(results.size).toBe(1);
    expect(responses[0].json().result).toMatchObject({ score: 5, maxScore: 5, passed: true });

    const graded = await db.query(`SELECT payload FROM outbox_events WHERE type = 'exam.attempt.graded' AND payload->>'attemptId' = $1`, [
      attempt.id,
    ]);
    expect(graded).toHaveLength(1);
    expect(graded[0].payload).toMatchObject({ enrollmentId, passed: true, score: 5 });
    const completed = await db.query(
      `SELECT payload FROM outbox_events WHERE type = 'course.completed' AND payload->>'enrollmentId' = $1`,
      [enrollmentId],
    );
    expect(completed).toHaveLength(1);
    const [enrollment] = await db.query('SELECT status, final_exam_passed_at FROM enrollments WHERE id = $1', [enrollmentId]);
    expect(enrollment).toEqual({ status: 'completed', final_exam_passed_at: new Date(responses[0].json().submittedAt) });
    // Graded the locking way (a course exam): each question's grade is on the attempt, in position order.
    expect(await db.query('SELECT item_correct, item_awarded_points FROM exam_attempts WHERE id = $1', [attempt.id])).toEqual([
      { item_correct: [true, true, true, true, true], item_awarded_points: [1, 1, 1, 1, 1] },
    ]);
    // A course exam is not a capability test: no conclusion is recorded for it.
    expect(await db.query('SELECT 1 FROM capability_results WHERE attempt_id = $1', [attempt.id])).toEqual([]);
  });
});
