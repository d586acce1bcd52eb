import { DataSource } from 'typeorm';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import { insertTrainees, onlineCourse, publishCourse } from '../../support/courses';
import type { World } from '../../support/fixtures';
import { seedWorld } from '../../support/fixtures';

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

  it('enrols one trainee once, however often the request is sent at the same time', async () => {
    const version = await publishCourse(api, world, onlineCourse({ title: '重复报名测试', capacity: 10 }));
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
});
