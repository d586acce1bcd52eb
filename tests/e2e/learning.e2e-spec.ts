import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { FakeClock } from '@cqo/core';
import type { TestApi } from '../support/api';
import { createTestApi } from '../support/api';
import { onlineCourse, publishCourse } from '../support/courses';
import type { World } from '../support/fixtures';
import { seedWorld, testIdNumber } from '../support/fixtures';

const VERB = (name: string) => `http://adlnet.gov/expapi/verbs/${name}`;

describe('attendance and xAPI intake', () => {
  const clock = new FakeClock(new Date('2026-01-08T02:00:00Z'));
  let api: TestApi;
  let world: World;
  let db: DataSource;

  beforeAll(async () => {
    // Sessions are in January 2026: trainees enrol before them and records are entered after them.
    api = await createTestApi({ clock });
    world = await seedWorld(api);
    db = api.get(DataSource);
  });
  afterAll(() => api.close());

  const events = (enrollmentId: string) =>
    db.query(`SELECT id FROM outbox_events WHERE type = 'course.completed' AND payload->>'enrollmentId' = $1`, [enrollmentId]);
  const enrol = async (token: string, courseVersionId: string) =>
    (await api.request({ method: 'POST', url: '/me/enrollments', token, payload: { courseVersionId } })).json().id as string;

  describe('attendance at live sessions', () => {
    const liveCourse = () =>
      onlineCourse({
        title: '首席质量官面授班',
        deliveryMode: 'in_person',
        lessons: [
          {
            title: '上午：质量法律法规',
            type: 'live_session',
            minutes: 180,
            required: true,
            startsAt: '2026-01-10T01:00:00Z',
            endsAt: '2026-01-10T04:00:00Z',
            venue: '兰州市质量大厦报告厅',
          },
        ],
      });
    // Each test enrols before the session (8 January) and records after it.
    beforeEach(() => clock.set('2026-01-08T02:00:00Z'));

    it('completes the course when the org admin records enough attendance, once', async () => {
      const version = await publishCourse(api, world, liveCourse());
      const enrollmentId = await enrol(world.tokens.traineeLZ, version.id);
      clock.set('2026-01-11T02:00:00Z');
      const lessonId = version.lessons[0].id;
      const record = (payload: object, token = world.tokens.orgAdminA) =>
        api.request({ method: 'POST', url: `/lessons/${lessonId}/attendance`, token, payload });
      const base = { traineeId: world.users.traineeLZ };
      // 2 h 30 of 3 h is below 90 %: recorded, not complete.
      const short = await record({ ...base, signedInAt: '2026-01-10T09:00:00+08:00', signedOutAt: '2026-01-10T11:30:00+08:00' });
      expect(short.json()).toMatchObject({ attendedSeconds: 9000, requiredSeconds: 9720, lessonCompleted: false, courseCompleted: false });
      // A correction with the full morning completes it; recording it again changes nothing.
      const full = await record({ ...base, signedInAt: '2026-01-10T08:55:00+08:00', signedOutAt: '2026-01-10T12:00:00+08:00' });
      expect(full.json()).toMatchObject({ lessonCompleted: true, courseCompleted: true });
      expect(
        (await record({ ...base, signedInAt: '2026-01-10T08:55:00+08:00', signedOutAt: '2026-01-10T12:00:00+08:00' })).json()
          .courseCompleted,
      ).toBe(false);
      expect(await events(enrollmentId)).toHaveLength(1);

      const backwards = await record({ ...base, signedInAt: '2026-01-10T12:00:00+08:00', signedOutAt: '2026-01-10T09:00:00+08:00' });
      expect(backwards.json()).toMatchObject({ statusCode: 400, details: [{ field: 'signedOutAt' }] });
      expect(
        (
          await record(
            { ...base, signedInAt: '2026-01-10T08:00:00+08:00', signedOutAt: '2026-01-10T09:00:00+08:00' },
            world.tokens.orgAdminB,
          )
        ).statusCode,
      ).toBe(403);
      const stranger = await record({
        traineeId: world.users.traineeTS,
        signedInAt: '2026-01-10T09:00:00+08:00',
        signedOutAt: '2026-01-10T12:00:00+08:00',
      });
      expect(stranger.json()).toMatchObject({ statusCode: 400, code: 'TRAINEE_NOT_FOUND' });
      const online = await publishCourse(api, world, onlineCourse({ title: '线上课不能登记考勤' }));
      const notLive = await api.request({
        method: 'POST',
        url: `/lessons/${online.lessons[0].id}/attendance`,
        token: world.tokens.orgAdminA,
        payload: { ...base, signedInAt: '2026-01-10T09:00:00+08:00', signedOutAt: '2026-01-10T12:00:00+08:00' },
      });
      expect(notLive.json().code).toBe('LESSON_NOT_LIVE');
      // Live sessions are not studied by heartbeats.
      const study = await api.request({
        method: 'POST',
        url: '/me/study-sessions',
        token: world.tokens.traineeLZ,
        payload: { enrollmentId, lessonId },
      });
      expect(study.json().code).toBe('LESSON_NOT_ONLINE');
    });

    it('takes a sign-in sheet by CSV in China time, reporting bad rows by line', async () => {
      const version = await publishCourse(api, world, liveCourse());
      await enrol(world.tokens.traineeLZ, version.id);
      clock.set('2026-01-11T02:00:00Z');
      const url = `/lessons/${version.lessons[0].id}/attendance/roster`;
      // Times that cannot be right refuse the whole sheet, naming each row and field.
      const badTimes = [
        '身份证号,用户名,签到时间,签退时间',
        `${testIdNumber(1)},,2026-01-10 08:58,2026-01-10 12:01`,
        ',traineelz,2026-01-10 12:00,2026-01-10 09:00',
        ',traineelz,昨天上午,2026-01-10 12:00',
      ].join('\n');
      const refused = await api.request({ method: 'POST', url, token: world.tokens.orgAdminA, payload: { csv: badTimes } });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().details.map((d: { field: string }) => d.field)).toEqual(['rows[3].sign_out', 'rows[4].sign_in']);
      expect(await db.query('SELECT 1 FROM attendance_records WHERE lesson_id = $1', [version.lessons[0].id])).toEqual([]);
      const csv = [
        '身份证号,用户名,签到时间,签退时间',
        `${testIdNumber(1)},,2026-01-10 08:58,2026-01-10 12:01`,
        ',traineets,2026-01-10 09:00,2026-01-10 12:00',
      ].join('\n');
      const res = await api.request({ method: 'POST', url, token: world.tokens.orgAdminA, payload: { csv } });
      expect(res.statusCode).toBe(200);
      const report = res.json();
      expect(report.rows.map((r: { row: number; status: string }) => [r.row, r.status])).toEqual([
        [2, 'recorded'],
        [3, 'error'],
      ]);
      expect(report.rows[0].lessonCompleted).toBe(true);
      expect(report.rows[1].errors[0].message).toBe('该学员未报名本课程');
      const [a] = await db.query('SELECT signed_in_at FROM attendance_records WHERE lesson_id = $1', [version.lessons[0].id]);
      expect(a.signed_in_at.toISOString()).toBe('2026-01-10T00:58:00.000Z');
    });
  });

  describe('xAPI statements', () => {
    let key: string;
    let version: { id: string; lessons: { id: string }[] };
    let enrollmentId: string;

    // Each test its own key, course and enrolment: one test revokes its key, another completes its course.
    beforeEach(async () => {
      const created = await api.request({
        method: 'POST',
        url: '/xapi-keys',
        token: world.tokens.orgAdminA,
        payload: { name: '外部学习平台' },
      });
      expect(created.statusCode).toBe(201);
      key = created.json().key;
      clock.set('2026-01-10T01:00:00Z');
      version = await publishCourse(api, world, onlineCourse({ title: '外部平台课程' }));
      enrollmentId = await enrol(world.tokens.traineeTS, version.id);
      clock.set('2026-01-11T02:00:00Z');
    });

    const statement = (lessonId: string, overrides: Record<string, unknown> = {}) => ({
      id: randomUUID(),
      actor: { objectType: 'Agent', account: { homePage: 'http://cqo.test', name: 'traineets' } },
      verb: { id: VERB('progressed'), display: { 'zh-CN': '学习' } },
      object: { objectType: 'Activity', id: `http://cqo.test/xapi/activities/lessons/${lessonId}` },
      result: { duration: 'PT3M' },
      timestamp: '2026-01-10T02:00:00Z',
      ...overrides,
    });
    const send = (body: unknown, apiKey: string | null = key) =>
      api.request({ method: 'POST', url: '/xapi/statements', headers: apiKey ? { 'x-api-key': apiKey } : {}, payload: body as object });
    const progressOf = async (lessonId: string) =>
      (
        await db.query('SELECT active_seconds, completed_at FROM lesson_progress WHERE enrollment_id = $1 AND lesson_id = $2', [
          enrollmentId,
          lessonId,
        ])
      )[0];

    it('shows keys only as a prefix and refuses requests without a valid key', async () => {
      const keys: { keyPrefix: string }[] = (await api.request({ method: 'GET', url: '/xapi-keys', token: world.tokens.orgAdminA })).json();
      expect(keys.length).toBeGreaterThan(0);
      for (const listed of keys) expect(listed).not.toHaveProperty('key');
      expect(keys.filter((listed) => key.startsWith(listed.keyPrefix))).toHaveLength(1);
      expect((await api.request({ method: 'GET', url: '/xapi-keys', token: world.tokens.orgAdminB })).json()).toEqual([]);
      expect((await send(statement(version.lessons[0].id), null)).json()).toMatchObject({ statusCode: 401, code: 'XAPI_KEY_INVALID' });
      expect((await send(statement(version.lessons[0].id), 'cqo_xk_guess')).statusCode).toBe(401);
      const stored: { key_hash: string }[] = await db.query('SELECT key_hash FROM xapi_api_keys');
      expect(stored.length).toBe(keys.length);
      for (const row of stored) expect(row.key_hash).not.toContain(key);
    });

    it('credits durations capped by the lesson, is idempotent on the statement id, and completes once', async () => {
      const lesson1 = version.lessons[0].id; // 10 minutes: 540 s needed
      const first = statement(lesson1);
      const res = await send(first);
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-experience-api-version']).toBe('1.0.3');
      expect(res.json()).toEqual([first.id]);
      expect((await progressOf(lesson1)).active_seconds).toBe(180);
      // The same statement again: accepted, counted once. Same id, other content: 409.
      expect((await send(first)).json()).toEqual([first.id]);
      expect((await progressOf(lesson1)).active_seconds).toBe(180);
      expect((await send({ ...first, result: { duration: 'PT9M' } })).json()).toMatchObject({
        statusCode: 409,
        code: 'XAPI_STATEMENT_CONFLICT',
        details: [{ field: 'id' }],
      });
      // A failed attempt credits nothing; a three-hour claim is capped at the lesson's 10 minutes.
      await send(statement(lesson1, { verb: { id: VERB('failed') }, result: { duration: 'PT20M' } }));
      expect((await progressOf(lesson1)).active_seconds).toBe(180);
      const capped = statement(lesson1, { verb: { id: VERB('completed') }, result: { duration: 'PT3H', completion: true } });
      await send(capped);
      expect(await progressOf(lesson1)).toMatchObject({ active_seconds: 780, completed_at: expect.any(Date) });
      const [row] = await db.query('SELECT reported_seconds, credited_seconds FROM xapi_statements WHERE id = $1', [capped.id]);
      expect(row).toEqual({ reported_seconds: 10800, credited_seconds: 600 });

      // A batch completes the second lesson, twice over: one completion, one event.
      const lesson2 = version.lessons[1].id;
      const batch = [
        statement(lesson2, { verb: { id: VERB('passed') }, result: { duration: 'PT5M' } }),
        statement(lesson2, { verb: { id: VERB('terminated') }, result: { duration: 'PT1M' } }),
      ];
      expect((await send(batch)).json()).toEqual(batch.map((s) => s.id));
      await send(batch);
      const view = (await api.request({ method: 'GET', url: `/enrollments/${enrollmentId}`, token: world.tokens.traineeTS })).json();
      expect(view).toMatchObject({ status: 'completed', completedRequiredLessons: 2 });
      expect(view.lessons.map((l: { completedVia: string | null }) => l.completedVia)).toEqual(['xapi', 'xapi', null]);
      expect(await events(enrollmentId)).toHaveLength(1);
    });

    it('rejects an invalid statement naming the field, and stores nothing of a batch with one', async () => {
      const lesson = version.lessons[2].id;
      const cases: [Record<string, unknown>, string][] = [
        [{ verb: { id: 'liked' } }, 'verb.id'],
        [{ result: { duration: '90 minutes' } }, 'result.duration'],
        [{ result: { duration: 'P1M' } }, 'result.duration'],
        [{ actor: { mbox: 'mailto:a@b.c' } }, 'actor.account'],
        [{ actor: { account: { homePage: 'https://elsewhere.example', name: 'traineets' } } }, 'actor.account.homePage'],
        [{ actor: { account: { homePage: 'http://cqo.test', name: 'nobody' } } }, 'actor.account.name'],
        [{ actor: { account: { homePage: 'http://cqo.test', name: 'traineelz' } } }, 'actor.account.name'],
        [{ object: { id: 'http://cqo.test/xapi/activities/lessons/not-a-uuid' } }, 'object.id'],
        [{ object: { id: `http://cqo.test/xapi/activities/lessons/${randomUUID()}` } }, 'object.id'],
        [{ id: 'statement-1' }, 'id'],
        [{ timestamp: 'yesterday' }, 'timestamp'],
      ];
      for (const [override, field] of cases) {
        const res = await send(statement(lesson, override));
        expect([field, res.statusCode, res.json().code, res.json().details[0]?.field]).toEqual([
          field,
          400,
          'XAPI_STATEMENT_INVALID',
          field,
        ]);
      }
      const good = statement(lesson);
      const res = await send([good, statement(lesson, { verb: { id: 'liked' } })]);
      expect(res.json().details).toEqual([expect.objectContaining({ field: '[1].verb.id', message: expect.any(String) })]);
      expect(await db.query('SELECT 1 FROM xapi_statements WHERE id = $1', [good.id])).toHaveLength(0);
      expect((await send([])).statusCode).toBe(400);
      const notAnObject = await api.request({
        method: 'POST',
        url: '/xapi/statements',
        headers: { 'x-api-key': key, 'content-type': 'application/json' },
        payload: '"just text"',
      });
      expect(notAnObject.json()).toMatchObject({ statusCode: 400, details: [{ field: 'statement' }] });
    });

    it('refuses lessons of other organizations and keys once revoked', async () => {
      const other = await publishCourse(api, world, onlineCourse({ title: '乙机构课程' }), 'B');
      await enrol(world.tokens.traineeTS, other.id);
      const res = await send(statement(other.lessons[0].id));
      expect(res.json()).toMatchObject({ statusCode: 400, details: [{ field: 'object.id' }] });
      const keys: { id: string; keyPrefix: string }[] = (
        await api.request({ method: 'GET', url: '/xapi-keys', token: world.tokens.orgAdminA })
      ).json();
      const mine = keys.find((listed) => key.startsWith(listed.keyPrefix))!;
      expect((await api.request({ method: 'DELETE', url: `/xapi-keys/${mine.id}`, token: world.tokens.orgAdminB })).statusCode).toBe(403);
      const revoked = await api.request({ method: 'DELETE', url: `/xapi-keys/${mine.id}`, token: world.tokens.orgAdminA });
      expect(revoked.json().revokedAt).toEqual(expect.any(String));
      expect((await send(statement(version.lessons[0].id))).statusCode).toBe(401);
    });
  });
});
