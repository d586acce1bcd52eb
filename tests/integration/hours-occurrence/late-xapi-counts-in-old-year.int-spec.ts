import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { FakeClock } from '@cqo/core';
import { ComplianceEngine } from '@cqo/credit-hours';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import { enrol, onlineCourse } from '../../support/courses';
import type { World } from '../../support/fixtures';
import { seedWorld } from '../../support/fixtures';
import { enrolledInCourse, runAccrualJobs } from './support';

const VERB = 'http://adlnet.gov/expapi/verbs/completed';

// Rule: an xAPI statement's hours were earned at its `timestamp`, bounded: not in the future, not
// before the enrolment, not older than XAPI_MAX_STATEMENT_AGE_DAYS (30) unless the org admin
// confirms it. A statement dated 31 December that arrives on 2 January counts for the old year.
describe('scenario: an xAPI statement dated in the old year', () => {
  const clock = new FakeClock(new Date('2026-12-10T02:00:00Z'));
  let api: TestApi;
  let world: World;
  let db: DataSource;
  let key: string;
  let lessons: { id: string }[];
  beforeAll(async () => {
    api = await createTestApi({ clock });
    world = await seedWorld(api);
    db = api.get(DataSource);
    key = (await api.request({ method: 'POST', url: '/xapi-keys', token: world.tokens.orgAdminA, payload: { name: '外部平台' } })).json()
      .key;
    // 30 学时 of category 2 (methods): one 180-minute lesson (1 minute a 学时 in the test world).
    const course = onlineCourse({
      title: '外部平台方法课',
      category: 2,
      kind: 'continuing',
      topicCodes: ['six-sigma'],
      creditHours: '30',
      lessons: [{ title: '全部内容', type: 'video', minutes: 180, required: true }],
    });
    const { version } = await enrolledInCourse(api, world, clock, course);
    lessons = version.lessons;
    // A second learner for the confirmation test, so that each test credits a ledger of its own
    // whatever order they run in.
    await enrol(api, world.tokens.traineeTS, version.id);
  });
  afterAll(() => api.close());

  const statement = (timestamp: string, learner = 'traineelz') => ({
    id: randomUUID(),
    actor: { objectType: 'Agent', account: { homePage: 'http://cqo.test', name: learner } },
    verb: { id: VERB },
    object: { objectType: 'Activity', id: `http://cqo.test/xapi/activities/lessons/${lessons[0].id}` },
    result: { duration: 'PT3H' },
    timestamp,
  });
  const send = (
    body: object,
    url = '/xapi/statements',
    auth: { headers?: Record<string, string>; token?: string } = { headers: { 'x-api-key': key } },
  ) => api.request({ method: 'POST', url, payload: body, ...auth });

  it.each([
    ['in the future', '2027-01-03T02:00:00Z', '不能晚于当前时间'],
    ['before the enrolment', '2026-12-01T02:00:00Z', '不能早于学员报名本课程的时间'],
  ])('refuses a timestamp %s, naming the field, storing nothing', async (_what, timestamp, message) => {
    clock.set('2027-01-02T02:00:00Z');
    const stored = async () => (await db.query('SELECT count(*)::int AS n FROM xapi_statements'))[0].n as number;
    const before = await stored();
    const res = await send(statement(timestamp));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ details: [{ field: 'timestamp', message }] });
    expect(await stored()).toBe(before);
  });

  it('counts 23:30 CST on 31 December for 2026 when it arrives on 2 January, and flips the closed year', async () => {
    clock.set('2027-01-01T00:30:00Z');
    await api.get(ComplianceEngine).recomputeAll({ year: 2026 }); // year close: methods 0/30, shortfall
    clock.set('2027-01-02T02:00:00Z');
    const res = await send(statement('2026-12-31T15:30:00Z'));
    expect(res.statusCode).toBe(200);
    expect(await runAccrualJobs(api, world.users.traineeLZ)).toEqual([2026]);
    expect(await db.query(`SELECT year, occurred_at FROM credit_entries WHERE trainee_id = $1`, [world.users.traineeLZ])).toEqual([
      { year: 2026, occurred_at: new Date('2026-12-31T15:30:00Z') },
    ]);
    expect(
      await db.query(`SELECT before_state, after_state FROM compliance_verdict_changes WHERE trainee_id = $1 AND period_year = 2026`, [
        world.users.traineeLZ,
      ]),
    ).toEqual([{ before_state: 'shortfall', after_state: 'complete' }]);
  });

  it('refuses a statement older than 30 days from the key, and takes it when the org admin confirms it', async () => {
    clock.set('2027-02-15T02:00:00Z');
    const old = statement('2026-12-31T10:00:00Z', 'traineets');
    const refused = await send(old);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'XAPI_STATEMENT_TOO_OLD', details: [{ field: 'timestamp' }] });
    expect((await send(old, '/xapi/statements/confirmed', { token: world.tokens.orgAdminB })).statusCode).toBe(400); // another organization's lesson
    const confirmed = await send(old, '/xapi/statements/confirmed', { token: world.tokens.orgAdminA });
    expect(confirmed.statusCode).toBe(200);
    expect(await db.query('SELECT api_key_id, confirmed_by FROM xapi_statements WHERE id = $1', [old.id])).toEqual([
      { api_key_id: null, confirmed_by: world.users.orgAdminA },
    ]);
  });
});
