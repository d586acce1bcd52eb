import { FakeClock } from '@cqo/core';
import { AccrualService, ComplianceEngine } from '@cqo/credit-hours';
import type { TestApi } from '../support/api';
import { createTestApi } from '../support/api';
import { onlineCourse, publishCourse } from '../support/courses';
import type { World } from '../support/fixtures';
import { seedWorld } from '../support/fixtures';
import { completion } from '../integration/credit-hours/support';

/**
 * GET /me/credit-hours/outlook: the hours page's way out of a gap, computed on the server on a
 * FakeClock — days left to 31 December (China time), hours expected by now, hours enrolled but
 * not finished, and the catalog filter of each requirement.
 */
describe('the hours outlook over HTTP', () => {
  let api: TestApi;
  let world: World;
  // 2026-07-03 00:30 in China: the CST date is the 3rd, though UTC still says the 2nd.
  const clock = new FakeClock(new Date('2026-07-02T16:30:00Z'));

  beforeAll(async () => {
    api = await createTestApi({ clock });
    world = await seedWorld(api);
    await api
      .get(AccrualService)
      .accrueCompletion(null, completion(world.users.traineeLZ, { creditHours: '6.5', completedAt: '2026-04-01T02:00:00Z' }));
    await api.get(ComplianceEngine).recomputeTrainee(world.users.traineeLZ, 2026);
    // Enrolled in a 2.5-hour category-1 continuing course, not finished.
    const course = await publishCourse(api, world, onlineCourse({ kind: 'continuing', title: '继续教育在学课程' }));
    const enrolled = await api.request({
      method: 'POST',
      url: '/me/enrollments',
      token: world.tokens.traineeLZ,
      payload: { courseVersionId: course.id },
    });
    expect(enrolled.statusCode).toBe(201);
  });
  afterAll(() => api.close());

  it('counts days left to 31 December in China time and the hours expected by now', async () => {
    const res = await api.request({ method: 'GET', url: '/me/credit-hours/outlook?year=2026', token: world.tokens.traineeLZ });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // 3 July to 31 December, both counted: 29 + 31 + 30 + 31 + 30 + 31.
    expect(body).toMatchObject({ year: 2026, deadline: '2026-12-31', daysLeft: 182, closed: false });
    const continuing = body.requirements.find(
      (r: { category: number; kind: string; period: string }) =>
        r.category === 1 && r.kind === 'continuing' && r.period === 'calendar_year',
    );
    // 183 days and 30 minutes of 365 elapsed: 14 × 0.50143 = 7.0 hours expected; 6.5 earned; 2.5 on the way.
    expect(continuing).toMatchObject({
      required: '14',
      accrued: '6.5',
      expectedByNow: '7.0',
      enrolledUnfinishedHours: '2.5',
      catalog: { category: 1, kind: 'continuing' },
    });
    const methods = body.requirements.find((r: { category: number }) => r.category === 2);
    expect(methods).toMatchObject({
      required: '30',
      expectedByNow: '15.0',
      enrolledUnfinishedHours: '0',
      catalog: { category: 2, kind: 'continuing' },
    });
    // The appointment requirement is listed (until met), with no "expected by now".
    const appointment = body.requirements.find((r: { period: string }) => r.period === 'once');
    expect(appointment).toMatchObject({ kind: 'appointment', expectedByNow: null, catalog: { category: 1, kind: 'appointment' } });
  });

  it('says 0 days once the year has closed, and only a trainee asks for their own', async () => {
    const closed = await api.request({ method: 'GET', url: '/me/credit-hours/outlook?year=2025', token: world.tokens.traineeLZ });
    expect(closed.json()).toMatchObject({ year: 2025, deadline: '2025-12-31', daysLeft: 0, closed: true });
    const staff = await api.request({ method: 'GET', url: '/me/credit-hours/outlook', token: world.tokens.regulatorGS });
    expect(staff.statusCode).toBe(403);
    const bad = await api.request({ method: 'GET', url: '/me/credit-hours/outlook?year=abc', token: world.tokens.traineeLZ });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].message).toBe('年度应为数字');
  });
});
