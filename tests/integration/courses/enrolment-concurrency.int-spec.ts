import { DataSource } from 'typeorm';
import { traineeActor } from '@cqo/core';
import { EnrollmentsService } from '@cqo/courses';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import { insertTrainees, onlineCourse, publishCourse } from '../../support/courses';
import type { World } from '../../support/fixtures';
import { seedWorld } from '../../support/fixtures';
import { countingStatements } from '../../support/statement-counter';

describe('enrolment under concurrency', () => {
  let api: TestApi;
  let world: World;
  let db: DataSource;

  beforeAll(async () => {
    api = await createTestApi();
    world = await seedWorld(api);
    db = api.get(DataSource);
  });
  afterAll(() => api.close());

  it('lets exactly 50 of 200 simultaneous trainees into a course of capacity 50', async () => {
    const version = await publishCourse(api, world, onlineCourse({ title: '名额有限的课程', capacity: 50 }));
    const trainees = await insertTrainees(api, 200, 'race');
    const answers = await Promise.all(
      trainees.map((t) =>
        api.request({ method: 'POST', url: '/me/enrollments', token: t.token, payload: { courseVersionId: version.id } }),
      ),
    );
    const byStatus = answers.reduce<Record<number, number>>((acc, r) => ({ ...acc, [r.statusCode]: (acc[r.statusCode] ?? 0) + 1 }), {});
    expect(byStatus).toEqual({ 201: 50, 409: 150 });
    expect(new Set(answers.filter((r) => r.statusCode === 409).map((r) => r.json().code))).toEqual(new Set(['COURSE_FULL']));
    const [counts] = await db.query(
      `SELECT (SELECT count(*)::int FROM enrollments WHERE course_version_id = $1 AND status = 'enrolled') AS enrolled,
              (SELECT seats_taken FROM course_versions WHERE id = $1) AS seats`,
      [version.id],
    );
    expect(counts).toEqual({ enrolled: 50, seats: 50 });

    // A seat given back is taken by exactly one of many who want it.
    const winner = answers.find((r) => r.statusCode === 201)!.json();
    const owner = trainees.find((t) => t.id === winner.traineeId)!;
    expect((await api.request({ method: 'POST', url: `/me/enrollments/${winner.id}/withdraw`, token: owner.token })).statusCode).toBe(200);
    const losers = trainees.filter((t) => !answers.some((r) => r.statusCode === 201 && r.json().traineeId === t.id)).slice(0, 40);
    const retry = await Promise.all(
      losers.map((t) => api.request({ method: 'POST', url: '/me/enrollments', token: t.token, payload: { courseVersionId: version.id } })),
    );
    expect(retry.filter((r) => r.statusCode === 201)).toHaveLength(1);
    const [after] = await db.query(`SELECT count(*)::int AS n FROM enrollments WHERE course_version_id = $1 AND status = 'enrolled'`, [
      version.id,
    ]);
    expect(after.n).toBe(50);
  });

  // The same with a seat limit and without one (where enrolments arriving together go by group commit).
  it.each([
    ['a course with a limit', { title: '重复报名测试', capacity: 10 }],
    ['a course without a limit', { title: '不限名额重复报名' }],
  ])('enrols one trainee once in %s, however often the request is sent at the same time', async (_, course) => {
    const version = await publishCourse(api, world, onlineCourse(course));
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        api.request({ method: 'POST', url: '/me/enrollments', token: world.tokens.traineeLZ, payload: { courseVersionId: version.id } }),
      ),
    );
    expect(answers.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(new Set(answers.filter((r) => r.statusCode !== 201).map((r) => `${r.statusCode} ${r.json().code}`))).toEqual(
      new Set(['409 ALREADY_ENROLLED']),
    );
    const [v] = await db.query('SELECT seats_taken FROM course_versions WHERE id = $1', [version.id]);
    expect(v.seats_taken).toBe(1);
  });

  it('enrols trainees arriving together in a course without a limit by one statement (group commit), each once', async () => {
    const version = await publishCourse(api, world, onlineCourse({ title: '不限名额的课程' }));
    const trainees = await insertTrainees(api, 12, 'group');
    const enrollments = api.get(EnrollmentsService);
    // Handed in within one tick: the first goes alone, the others wait for it and go as one group.
    const { result, sent } = await countingStatements(() =>
      Promise.all(trainees.map((t) => enrollments.enroll(traineeActor(t.id), version.id))),
    );
    expect(sent.get('courses.enrollments.enrol')).toBe(1);
    expect(sent.get('courses.enrollments.enrolGroup')).toBe(1);
    expect(result.map((e) => [e.traineeId, e.courseVersionId, e.status, e.source, e.title])).toEqual(
      trainees.map((t) => [t.id, version.id, 'enrolled', 'self', '不限名额的课程']),
    );
    const [counts] = await db.query(
      `SELECT (SELECT count(*)::int FROM enrollments WHERE course_version_id = $1 AND status = 'enrolled') AS enrolled,
              (SELECT seats_taken FROM course_versions WHERE id = $1) AS seats`,
      [version.id],
    );
    expect(counts).toEqual({ enrolled: 12, seats: 12 });
  });

  it('answers each enrolment of a group on its own: enrolled already, or the same trainee twice, is a 409 for that one only', async () => {
    const version = await publishCourse(api, world, onlineCourse({ title: '合并报名各自应答' }));
    const [first, enrolledBefore, ...others] = await insertTrainees(api, 8, 'group-errors');
    const enrollments = api.get(EnrollmentsService);
    await enrollments.enroll(traineeActor(enrolledBefore.id), version.id);
    const enrolAll = (ids: string[]) =>
      countingStatements(() => Promise.allSettled(ids.map((id) => enrollments.enroll(traineeActor(id), version.id))));
    const outcomeOf = (r: PromiseSettledResult<unknown>) => (r.status === 'fulfilled' ? 201 : (r.reason as { code: string }).code);
    // `first` goes alone; the group holds one trainee enrolled already.
    const grouped = await enrolAll([first.id, enrolledBefore.id, ...others.slice(0, 4).map((t) => t.id)]);
    expect(grouped.sent.get('courses.enrollments.enrolGroup')).toBe(1);
    expect(grouped.result.map(outcomeOf)).toEqual([201, 'ALREADY_ENROLLED', 201, 201, 201, 201]);
    // A trainee twice in one group: the group is enrolled one by one, and one of the two gets in.
    const [x, twice] = others.slice(4);
    const repeated = await enrolAll([x.id, twice.id, twice.id]);
    expect(repeated.result.map(outcomeOf)[0]).toBe(201);
    expect(repeated.result.slice(1).map(outcomeOf).sort()).toEqual([201, 'ALREADY_ENROLLED'].sort());
    const [v] = await db.query('SELECT seats_taken FROM course_versions WHERE id = $1', [version.id]);
    expect(v.seats_taken).toBe(8);
  });
});
