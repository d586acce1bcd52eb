import { DataSource } from 'typeorm';
import { FakeClock, traineeActor } from '@cqo/core';
import { HEARTBEAT_GROUPS_IN_FLIGHT, ProgressService } from '@cqo/courses';
import { SessionStateService } from '@cqo/identity';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import { insertTrainees, onlineCourse, publishCourse } from '../../support/courses';
import type { World } from '../../support/fixtures';
import { seedWorld } from '../../support/fixtures';
import { countingStatements } from '../../support/statement-counter';

/**
 * Heartbeats are written by group commit (ProgressService, GroupCommit): beats arriving while
 * earlier ones are being written go together in one statement. Each beat still gets its own
 * answer: the rules of one beat (its session superseded, its token revoked, its input bad) fail
 * that beat only, and every other beat of the group is credited. Time moves on a FakeClock.
 */
describe('heartbeat group commit', () => {
  let api: TestApi;
  let world: World;
  let db: DataSource;
  const clock = new FakeClock(new Date('2026-05-01T01:00:00Z'));

  beforeAll(async () => {
    api = await createTestApi({ clock });
    world = await seedWorld(api);
    db = api.get(DataSource);
  });
  afterAll(() => api.close());

  /** `count` trainees enrolled in a fresh course, each with an open study session on its first (video, no file: timed) lesson. */
  async function studying(count: number) {
    const version = await publishCourse(api, world, onlineCourse({ title: '心跳合并写入测试课程' }));
    const lessonId = version.lessons[0].id;
    const trainees = await insertTrainees(api, count, 'group-commit');
    return Promise.all(
      trainees.map(async (t) => {
        const enrolled = await api.request({
          method: 'POST',
          url: '/me/enrollments',
          token: t.token,
          payload: { courseVersionId: version.id },
        });
        expect(enrolled.statusCode).toBe(201);
        const enrollmentId = enrolled.json().id as string;
        const started = await api.request({
          method: 'POST',
          url: '/me/study-sessions',
          token: t.token,
          payload: { enrollmentId, lessonId },
        });
        expect(started.statusCode).toBe(201);
        return { ...t, actor: traineeActor(t.id), enrollmentId, lessonId, sessionId: started.json().sessionId as string };
      }),
    );
  }

  const activeSeconds = async (enrollmentId: string): Promise<number> =>
    (await db.query('SELECT active_seconds FROM lesson_progress WHERE enrollment_id = $1', [enrollmentId]))[0].active_seconds;

  it('writes beats that arrive together in one statement, and answers each with its own credit', async () => {
    const count = HEARTBEAT_GROUPS_IN_FLIGHT + 6;
    const trainees = await studying(count);
    const progress = api.get(ProgressService);
    clock.advance(30_000);
    // All handed in within one tick: the first ones are written alone, the rest wait and go as one group.
    const { result, sent } = await countingStatements(() =>
      Promise.all(trainees.map((t) => progress.heartbeat(t.actor, t.sessionId, { visible: true, focused: true, idleSeconds: 1 }))),
    );
    expect(result.map((r) => r.creditedSeconds)).toEqual(trainees.map(() => 30));
    expect(sent.get('courses.study.beatGroupUpdate')).toBe(1);
    expect(sent.get('courses.study.beatUpdate')).toBe(HEARTBEAT_GROUPS_IN_FLIGHT);
    for (const t of trainees) expect(await activeSeconds(t.enrollmentId)).toBe(30);
    const sessions = await db.query('SELECT beats, credited_seconds FROM study_sessions WHERE id = ANY($1)', [
      trainees.map((t) => t.sessionId),
    ]);
    expect(sessions).toEqual(trainees.map(() => ({ beats: 1, credited_seconds: 30 })));
  });

  it('fails a superseded session’s beat in a group with its own 409, and credits the others', async () => {
    const count = HEARTBEAT_GROUPS_IN_FLIGHT + 4;
    const trainees = await studying(count);
    const progress = api.get(ProgressService);
    // The last trainee opens a second session: the first, still cached as open, is superseded.
    const last = trainees[count - 1];
    const second = await api.request({
      method: 'POST',
      url: '/me/study-sessions',
      token: last.token,
      payload: { enrollmentId: last.enrollmentId, lessonId: last.lessonId },
    });
    expect(second.json().supersededOther).toBe(true);
    clock.advance(30_000);
    const { result, sent } = await countingStatements(() =>
      Promise.allSettled(trainees.map((t) => progress.heartbeat(t.actor, t.sessionId, { visible: true, focused: true, idleSeconds: 1 }))),
    );
    expect(sent.get('courses.study.beatGroupUpdate')).toBe(1);
    expect(result.slice(0, -1).map((r) => r.status === 'fulfilled' && r.value.creditedSeconds)).toEqual(
      trainees.slice(0, -1).map(() => 30),
    );
    expect(result[count - 1]).toMatchObject({ status: 'rejected', reason: { code: 'STUDY_SESSION_SUPERSEDED' } });
    for (const t of trainees.slice(0, -1)) expect(await activeSeconds(t.enrollmentId)).toBe(30);
    expect(await activeSeconds(last.enrollmentId)).toBe(0);
  });

  it('answers concurrent heartbeats each on its own: bad input 400 naming the field, a revoked token 401, another’s session 404', async () => {
    const trainees = await studying(8);
    const [bad, revoked, intruder, ...good] = trainees;
    // The revoked trainee's token worked a moment ago (its state is cached): revocation takes effect at once.
    const sessions = api.get(SessionStateService);
    await db.transaction((manager) => sessions.bumpVersion(manager, revoked.actor.userId));
    await sessions.announceUser(revoked.actor.userId);
    clock.advance(30_000);
    const beat = (token: string, sessionId: string, payload: object) =>
      api.request({ method: 'POST', url: `/me/study-sessions/${sessionId}/heartbeat`, token, payload });
    const ok = { visible: true, focused: true, idleSeconds: 1 };
    const answers = await Promise.all([
      beat(bad.token, bad.sessionId, { ...ok, playbackRate: -1 }),
      beat(revoked.token, revoked.sessionId, ok),
      beat(intruder.token, good[0].sessionId, ok),
      ...good.map((t) => beat(t.token, t.sessionId, ok)),
    ]);
    expect(answers[0].statusCode).toBe(400);
    expect(answers[0].json().details).toEqual([expect.objectContaining({ field: 'playbackRate' })]);
    expect(answers[1].statusCode).toBe(401);
    expect(answers[1].json().code).toBe('SESSION_ENDED');
    expect(answers[2].statusCode).toBe(404);
    expect(answers.slice(3).map((a) => [a.statusCode, a.json().creditedSeconds])).toEqual(good.map(() => [200, 30]));
    for (const t of good) expect(await activeSeconds(t.enrollmentId)).toBe(30);
    for (const t of [bad, revoked, intruder]) expect(await activeSeconds(t.enrollmentId)).toBe(0);
  });
});
