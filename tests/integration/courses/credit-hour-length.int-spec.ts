import { DataSource } from 'typeorm';
import { FakeClock } from '@cqo/core';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import { onlineCourse } from '../../support/courses';
import type { World } from '../../support/fixtures';
import { seedWorld } from '../../support/fixtures';

// Rule: a 学时 has a length, rule-set data (45 minutes unless the rule set says otherwise):
// submitting or approving a course checks its required lessons add up to declared hours × that.
describe('a course’s declared hours against its lessons’ minutes', () => {
  const clock = new FakeClock(new Date('2026-05-01T02:00:00Z'));
  let api: TestApi;
  let world: World;
  let db: DataSource;
  const post = (url: string, token: string, payload?: object) => api.request({ method: 'POST', url, token, payload });
  beforeAll(async () => {
    api = await createTestApi({ clock });
    world = await seedWorld(api);
    db = api.get(DataSource);
  });
  // Every test starts at Gansu's length (not the test world's); the approval test changes it.
  beforeEach(() => db.query('UPDATE requirement_rule_sets SET minutes_per_credit_hour = 45'));
  afterAll(() => api.close());

  it('refuses to submit 1 学时 with a 1-minute lesson, naming the shortfall', async () => {
    const draft = (
      await post(
        '/courses',
        world.tokens.orgAdminA,
        onlineCourse({ creditHours: '1', lessons: [{ title: '一分钟', type: 'video', minutes: 1, required: true }] }),
      )
    ).json();
    const res = await post(`/course-versions/${draft.id}/submit`, world.tokens.orgAdminA);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'COURSE_HOURS_EXCEED_LESSONS',
      message: expect.stringContaining('1学时 × 每学时45分钟 = 45分钟，必修课时合计仅1分钟，尚差44分钟'),
      details: [{ field: 'creditHours', message: expect.stringContaining('差44分钟') }],
    });
    expect((await db.query('SELECT status FROM course_versions WHERE id = $1', [draft.id]))[0].status).toBe('draft');
  });

  it('counts required lessons only, and accepts hours × 45 exactly', async () => {
    const lessons = [
      { title: '一', type: 'video', minutes: 90, required: true },
      { title: '二', type: 'video', minutes: 22, required: true },
      { title: '选修', type: 'document', minutes: 60, required: false },
    ];
    const short = (await post('/courses', world.tokens.orgAdminA, onlineCourse({ title: '差一分钟', creditHours: '2.5', lessons }))).json();
    expect((await post(`/course-versions/${short.id}/submit`, world.tokens.orgAdminA)).json()).toMatchObject({
      details: [{ field: 'creditHours', message: expect.stringContaining('不足113分钟（差1分钟）') }],
    });
    const exact = (
      await post(
        '/courses',
        world.tokens.orgAdminA,
        onlineCourse({ title: '刚好', creditHours: '2.5', lessons: [{ ...lessons[0] }, { ...lessons[1], minutes: 23 }] }),
      )
    ).json();
    expect((await post(`/course-versions/${exact.id}/submit`, world.tokens.orgAdminA)).statusCode).toBe(200);
  });

  it('checks again at approval, under the rule set then in force', async () => {
    const draft = (
      await post(
        '/courses',
        world.tokens.orgAdminA,
        onlineCourse({
          title: '审核时复核',
          creditHours: '1',
          lessons: [{ title: '四十五分钟', type: 'video', minutes: 45, required: true }],
        }),
      )
    ).json();
    expect((await post(`/course-versions/${draft.id}/submit`, world.tokens.orgAdminA)).statusCode).toBe(200);
    await db.query('UPDATE requirement_rule_sets SET minutes_per_credit_hour = 50'); // Gansu sets another length
    const res = await post(`/course-versions/${draft.id}/approve`, world.tokens.admin, { approvalNumber: '甘质培审〔2026〕学时-1' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'COURSE_HOURS_EXCEED_LESSONS', details: [{ field: 'creditHours' }] });
    expect((await db.query('SELECT status FROM course_versions WHERE id = $1', [draft.id]))[0].status).toBe('submitted');
  });
});
