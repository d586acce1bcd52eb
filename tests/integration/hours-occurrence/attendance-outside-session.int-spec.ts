import { DataSource } from 'typeorm';
import { FakeClock } from '@cqo/core';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import type { World } from '../../support/fixtures';
import { seedWorld } from '../../support/fixtures';
import { enrolledInCourse, newYearsEveSession } from './support';

// Rule: attendance times are checked against the session and the enrolment, because the sign-out
// decides the year of the hours: within the session's scheduled day (CST), not before the
// enrolment, sign-out after sign-in, not in the future. A sign-in sheet with one bad row is
// refused whole (400 naming the row and field), nothing written.
describe('scenario: attendance outside the session', () => {
  const clock = new FakeClock(new Date('2026-12-20T02:00:00Z'));
  let api: TestApi;
  let world: World;
  let db: DataSource;
  let lessonId: string;
  beforeAll(async () => {
    api = await createTestApi({ clock });
    world = await seedWorld(api);
    db = api.get(DataSource);
    lessonId = (await enrolledInCourse(api, world, clock, newYearsEveSession())).version.lessons[0].id as string;
    clock.set('2027-01-02T02:00:00Z');
  });
  afterAll(() => api.close());

  /** Attendance records and completions written so far: a refused request leaves both as they were. */
  const written = async () =>
    (
      await db.query(
        `SELECT (SELECT count(*) FROM attendance_records)::int AS records, (SELECT count(*) FROM outbox_events WHERE type = 'course.completed')::int AS completions`,
      )
    )[0];
  const record = (signedInAt: string, signedOutAt: string) =>
    api.request({
      method: 'POST',
      url: `/lessons/${lessonId}/attendance`,
      token: world.tokens.orgAdminA,
      payload: { traineeId: world.users.traineeLZ, signedInAt, signedOutAt },
    });

  it.each([
    [
      'a sign-in the day before the session',
      '2026-12-30T20:00:00+08:00',
      '2026-12-31T23:00:00+08:00',
      'signedInAt',
      /不在面授安排的日期（2026-12-31）内/,
    ],
    ['a sign-in a year before the session', '2025-12-31T20:00:00+08:00', '2025-12-31T23:00:00+08:00', 'signedInAt', /不在面授安排的日期/],
    [
      'a sign-out after the session day',
      '2026-12-31T20:00:00+08:00',
      '2027-01-01T00:30:00+08:00',
      'signedOutAt',
      /签退时间不在面授安排的日期/,
    ],
    ['a sign-out in the future', '2026-12-31T20:00:00+08:00', '2027-03-01T10:00:00+08:00', 'signedOutAt', /不能晚于当前时间/],
    ['a sign-out before the sign-in', '2026-12-31T22:00:00+08:00', '2026-12-31T21:00:00+08:00', 'signedOutAt', /晚于签到时间/],
  ])('refuses %s with a 400 naming the field, writing nothing', async (_what, signIn, signOut, field, message) => {
    const before = await written();
    const res = await record(signIn, signOut);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'ATTENDANCE_TIMES_INVALID', details: [{ field, message: expect.stringMatching(message) }] });
    expect(await written()).toEqual(before);
  });

  it('refuses a sign-in before the trainee enrolled', async () => {
    // Enrolled on 20 December 2026; a session the same day-range would be fine, an earlier sign-in is not.
    await db.query(`UPDATE enrollments SET enrolled_at = '2027-01-01T00:00:00Z' WHERE trainee_id = $1`, [world.users.traineeLZ]);
    const res = await record('2026-12-31T20:00:00+08:00', '2026-12-31T23:59:00+08:00');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      details: [{ field: 'signedInAt', message: expect.stringContaining('早于该学员报名本课程的日期（2027-01-01）') }],
    });
    await db.query(`UPDATE enrollments SET enrolled_at = '2026-12-20T02:00:00Z' WHERE trainee_id = $1`, [world.users.traineeLZ]);
  });

  it('refuses a sign-in sheet with one bad row, naming row and field, in either mode, and writes nothing', async () => {
    const before = await written();
    for (const mode of ['valid-rows', 'all-or-nothing']) {
      const csv = [
        'username,sign_in,sign_out',
        'traineelz,2026-12-31 20:00,2026-12-31 23:59',
        'traineelz,2026-12-29 20:00,2026-12-31 23:59',
      ].join('\n');
      const res = await api.request({
        method: 'POST',
        url: `/lessons/${lessonId}/attendance/roster`,
        token: world.tokens.orgAdminA,
        payload: { csv, mode },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'ATTENDANCE_TIMES_INVALID',
        details: [{ field: 'rows[3].sign_in', message: expect.stringContaining('第3行') }],
      });
    }
    expect(await written()).toEqual(before);
  });

  it('accepts the same sheet once the row is right: the hours are dated at the sign-out', async () => {
    const csv = ['username,sign_in,sign_out', 'traineelz,2026-12-31 20:00,2026-12-31 23:59'].join('\n');
    const res = await api.request({
      method: 'POST',
      url: `/lessons/${lessonId}/attendance/roster`,
      token: world.tokens.orgAdminA,
      payload: { csv, mode: 'all-or-nothing' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().summary).toMatchObject({ recorded: 1 });
    const [event] = await db.query(`SELECT payload->>'completedAt' AS at FROM outbox_events WHERE type = 'course.completed'`);
    expect(event.at).toBe('2026-12-31T15:59:00.000Z');
  });
});
