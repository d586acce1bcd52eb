import { DataSource } from 'typeorm';
import { AccrualService, ComplianceEngine } from '@cqo/credit-hours';
import { TraineesService } from '@cqo/trainees';
import { TokenService, UsersRepository } from '@cqo/identity';
import type { TestApi } from '../support/api';
import { createTestApi } from '../support/api';
import { onlineCourse, publishCourse } from '../support/courses';
import type { World } from '../support/fixtures';
import { confirmEmployer, seedWorld, TEST_PASSWORD, testIdNumber } from '../support/fixtures';
import { completion } from '../integration/credit-hours/support';

const profile = {
  educationLevel: 'bachelor',
  qualityWorkYears: 6,
  qualityQualification: 'intermediate',
  relatedSeniorTitle: false,
} as const;

/**
 * Issue 16 part 2: the enterprise admin confirms employees, nominates them for a course in bulk
 * (capacity respected in one transaction, a reason for everyone not enrolled, a re-run enrols
 * nobody twice, a failure writes nothing) and follows their progress; only for its own enterprise.
 */
/** The in-app message of a nomination for the capacity test's course (its title is that test's own). */
const TOLD_OF_SEATS_COURSE = '企业为你报名了课程：名额三人的课程';

describe('enterprise staff: confirmation, nominations, progress', () => {
  let api: TestApi;
  let world: World;
  let sql: DataSource;
  let staff: { id: string; token: string }[];
  let pending: string;
  let disabled: string;

  const person = async (n: number, enterpriseId: string, confirm: boolean) => {
    const id = (
      await api.get(TraineesService).register({
        ...profile,
        username: `staff-${n}`,
        password: TEST_PASSWORD,
        fullName: `员工${n}`,
        idNumber: testIdNumber(900 + n),
        enterpriseId,
      })
    ).userId;
    if (confirm) await confirmEmployer(api, id, enterpriseId);
    const repo = api.get(UsersRepository);
    return { id, token: await api.get(TokenService).signAccess(await repo.actorOf((await repo.findById(id))!)) };
  };
  const nominate = (token: string, enterpriseId: string, payload: Record<string, unknown>, expectServerError = false) =>
    api.request({ method: 'POST', url: `/enterprises/${enterpriseId}/nominations`, token, payload, expectServerError });
  const seatsOf = async (versionId: string) =>
    ((await sql.query('SELECT seats_taken FROM course_versions WHERE id = $1', [versionId])) as { seats_taken: number }[])[0].seats_taken;
  const liveEnrolments = async (versionId: string) =>
    (await sql.query(
      `SELECT trainee_id, source FROM enrollments WHERE course_version_id = $1 AND status <> 'withdrawn' ORDER BY trainee_id`,
      [versionId],
    )) as {
      trainee_id: string;
      source: string;
    }[];

  beforeAll(async () => {
    api = await createTestApi();
    world = await seedWorld(api);
    sql = api.get(DataSource);
    staff = [];
    for (let n = 1; n <= 4; n += 1) staff.push(await person(n, world.enterpriseLZ, true));
    pending = (await person(5, world.enterpriseLZ, false)).id;
    disabled = (await person(6, world.enterpriseLZ, true)).id;
    await sql.query(`UPDATE users SET status = 'disabled' WHERE id = $1`, [disabled]);
  }, 180_000);
  afterAll(() => api?.close());

  it('the admin confirms one who named the enterprise and rejects nobody else’s request', async () => {
    const other = await person(7, world.enterpriseLZ, false);
    const list = await api.request({ method: 'GET', url: '/enterprise/employee-requests', token: world.tokens.entAdminLZ });
    expect(list.json().map((r: { userId: string }) => r.userId)).toEqual(expect.arrayContaining([pending, other.id]));
    expect(
      (await api.request({ method: 'POST', url: `/enterprise/employee-requests/${other.id}/confirm`, token: world.tokens.entAdminTS }))
        .statusCode,
    ).toBe(404);
    const confirmed = await api.request({
      method: 'POST',
      url: `/enterprise/employee-requests/${other.id}/confirm`,
      token: world.tokens.entAdminLZ,
    });
    expect(confirmed.json()).toMatchObject({ enterpriseId: world.enterpriseLZ, pendingEnterpriseId: null });
  });

  it('enrols as many as there are seats, in the order given, and reports everyone else with the reason', async () => {
    const course = await publishCourse(api, world, onlineCourse({ title: '名额三人的课程', capacity: 3 }));
    // One employee took a seat herself.
    expect(
      (await api.request({ method: 'POST', url: '/me/enrollments', token: staff[0].token, payload: { courseVersionId: course.id } }))
        .statusCode,
    ).toBe(201);
    const userIds = [staff[0].id, staff[1].id, staff[2].id, staff[3].id, pending, world.users.traineeTS, disabled];
    const res = await nominate(world.tokens.entAdminLZ, world.enterpriseLZ, { courseVersionId: course.id, userIds });
    expect(res.statusCode).toBe(200);
    const outcome = (id: string) => res.json().rows.find((r: { userId: string }) => r.userId === id);
    expect(res.json().rows.map((r: { userId: string }) => r.userId)).toEqual(userIds);
    expect(outcome(staff[0].id)).toMatchObject({ outcome: 'already_enrolled', fullName: '员工1' });
    expect(outcome(staff[1].id)).toMatchObject({ outcome: 'enrolled', fullName: '员工2', reason: '已报名' });
    expect(outcome(staff[2].id)).toMatchObject({ outcome: 'enrolled' });
    expect(outcome(staff[3].id)).toMatchObject({ outcome: 'capacity_full', reason: '名额已满' });
    expect(outcome(pending)).toMatchObject({ outcome: 'not_staff', fullName: null, idNumberMasked: null });
    // Someone of another enterprise: nothing about them is told.
    expect(outcome(world.users.traineeTS)).toEqual({
      userId: world.users.traineeTS,
      fullName: null,
      idNumberMasked: null,
      outcome: 'not_staff',
      reason: '不是本企业已确认的员工',
    });
    expect(outcome(disabled)).toMatchObject({ outcome: 'not_eligible' });
    expect(res.json().summary).toEqual({ requested: 7, enrolled: 2, alreadyEnrolled: 1, notEnrolled: 4, seatsLeft: 0 });
    expect(await seatsOf(course.id)).toBe(3);
    // The two enrolled are told in-app, nobody else (other tests nominate the same staff for their own courses).
    const told: { user_id: string }[] = await sql.query(
      `SELECT user_id FROM notifications WHERE kind = 'course_nominated' AND title = $1 ORDER BY user_id`,
      [TOLD_OF_SEATS_COURSE],
    );
    expect(told).toEqual([staff[1].id, staff[2].id].sort().map((user_id) => ({ user_id })));
    expect(await liveEnrolments(course.id)).toEqual(
      [
        { trainee_id: staff[0].id, source: 'self' },
        { trainee_id: staff[1].id, source: 'enterprise' },
        { trainee_id: staff[2].id, source: 'enterprise' },
      ].sort((a, b) => a.trainee_id.localeCompare(b.trainee_id)),
    );

    // The same list again: nobody enrolled twice, no seat taken, the same reasons.
    const again = await nominate(world.tokens.entAdminLZ, world.enterpriseLZ, { courseVersionId: course.id, userIds });
    expect(again.statusCode).toBe(200);
    expect(again.json().summary).toEqual({ requested: 7, enrolled: 0, alreadyEnrolled: 3, notEnrolled: 4, seatsLeft: 0 });
    expect(await seatsOf(course.id)).toBe(3);
    expect(await liveEnrolments(course.id)).toHaveLength(3);
    const [{ n }]: { n: number }[] = await sql.query(
      `SELECT count(*)::int AS n FROM notifications WHERE kind = 'course_nominated' AND title = $1`,
      [TOLD_OF_SEATS_COURSE],
    );
    expect(n).toBe(2);
  });

  it('keeps capacity when a nomination and a self-enrolment race for the last seat', async () => {
    const course = await publishCourse(api, world, onlineCourse({ title: '最后一个名额的课程', capacity: 1 }));
    const [nominated, self] = await Promise.all([
      nominate(world.tokens.entAdminLZ, world.enterpriseLZ, { courseVersionId: course.id, userIds: [staff[1].id] }),
      api.request({ method: 'POST', url: '/me/enrollments', token: staff[2].token, payload: { courseVersionId: course.id } }),
    ]);
    expect(nominated.statusCode).toBe(200);
    const nominatedWon = nominated.json().summary.enrolled === 1;
    expect(self.statusCode).toBe(nominatedWon ? 409 : 201);
    if (!nominatedWon) expect(nominated.json().rows[0].outcome).toBe('capacity_full');
    expect(await seatsOf(course.id)).toBe(1);
    expect(await liveEnrolments(course.id)).toHaveLength(1);
  });

  it('writes nothing when a failure strikes half-way through (one transaction)', async () => {
    const course = await publishCourse(api, world, onlineCourse({ title: '故障中途的课程', capacity: 10 }));
    // A real database failure on the third insert (a trigger in this test's own database).
    await sql.query(
      `CREATE FUNCTION fail_nomination() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$ LANGUAGE plpgsql`,
    );
    await sql.query(
      `CREATE TRIGGER fail_nomination BEFORE INSERT ON enrollments FOR EACH ROW WHEN (NEW.trainee_id = '${staff[3].id}') EXECUTE FUNCTION fail_nomination()`,
    );
    try {
      const res = await nominate(
        world.tokens.entAdminLZ,
        world.enterpriseLZ,
        { courseVersionId: course.id, userIds: [staff[1].id, staff[2].id, staff[3].id] },
        true,
      );
      expect(res.statusCode).toBe(500);
    } finally {
      await sql.query('DROP TRIGGER fail_nomination ON enrollments');
      await sql.query('DROP FUNCTION fail_nomination()');
    }
    expect(await liveEnrolments(course.id)).toEqual([]);
    expect(await seatsOf(course.id)).toBe(0);
    const [{ told }]: { told: number }[] = await sql.query(
      `SELECT count(*)::int AS told FROM notifications WHERE kind = 'course_nominated' AND title LIKE '%故障中途的课程'`,
    );
    expect(told).toBe(0);
    const [{ n }]: { n: number }[] = await sql.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'enrollment.nominated' AND subject_id = $1`,
      [course.id],
    );
    expect(n).toBe(0);
  });

  it('refuses bad input naming the field, and a course not open for enrolment', async () => {
    const course = await publishCourse(api, world, onlineCourse({ title: '输入检查的课程' }));
    for (const [payload, field] of [
      [{ courseVersionId: course.id, userIds: [] }, 'userIds'],
      [{ courseVersionId: course.id, userIds: [staff[1].id, staff[1].id] }, 'userIds'],
      [{ courseVersionId: course.id, userIds: ['not-a-uuid'] }, 'userIds'],
      [{ courseVersionId: 'x', userIds: [staff[1].id] }, 'courseVersionId'],
    ] as const) {
      const res = await nominate(world.tokens.entAdminLZ, world.enterpriseLZ, payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().details).toEqual([expect.objectContaining({ field: expect.stringMatching(new RegExp(`^${field}`)) })]);
    }
    const draft = await api.request({
      method: 'POST',
      url: '/courses',
      token: world.tokens.orgAdminA,
      payload: onlineCourse({ title: '未发布的课程' }),
    });
    const closed = await nominate(world.tokens.entAdminLZ, world.enterpriseLZ, {
      courseVersionId: draft.json().id,
      userIds: [staff[1].id],
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().code).toBe('ENROLLMENT_CLOSED');
    expect(await liveEnrolments(draft.json().id)).toEqual([]);
  });

  it('only the admin of the enterprise in the path nominates or sees its staff', async () => {
    const course = await publishCourse(api, world, onlineCourse({ title: '范围检查的课程' }));
    const payload = { courseVersionId: course.id, userIds: [staff[1].id] };
    for (const token of [
      world.tokens.entAdminTS,
      world.tokens.traineeLZ,
      world.tokens.orgAdminA,
      world.tokens.regulatorLZ,
      world.tokens.admin,
    ]) {
      expect((await nominate(token, world.enterpriseLZ, payload)).statusCode).toBe(403);
      expect((await api.request({ method: 'GET', url: `/enterprises/${world.enterpriseLZ}/staff-progress`, token })).statusCode).toBe(403);
      expect((await api.request({ method: 'GET', url: `/enterprises/${world.enterpriseLZ}/staff`, token })).statusCode).toBe(403);
    }
    // Its own enterprise in the path, another enterprise's people in the list: none enrolled, none described.
    const foreign = await nominate(world.tokens.entAdminTS, world.enterpriseTS, payload);
    expect(foreign.statusCode).toBe(200);
    expect(foreign.json().rows).toEqual([
      { userId: staff[1].id, fullName: null, idNumberMasked: null, outcome: 'not_staff', reason: '不是本企业已确认的员工' },
    ]);
    expect(await liveEnrolments(course.id)).toEqual([]);
  });

  it('lists the confirmed employees (masked) for the nomination form', async () => {
    const res = await api.request({
      method: 'GET',
      url: `/enterprises/${world.enterpriseLZ}/staff?pageSize=100`,
      token: world.tokens.entAdminLZ,
    });
    expect(res.statusCode).toBe(200);
    const ids = res.json().items.map((r: { userId: string }) => r.userId);
    expect(ids).toEqual(expect.arrayContaining([world.users.traineeLZ, disabled, ...staff.map((s) => s.id)]));
    expect(ids).not.toContain(pending);
    expect(ids).not.toContain(world.users.traineeTS);
    expect(res.json().items[0]).toEqual({
      userId: expect.any(String),
      fullName: expect.any(String),
      idNumberMasked: expect.stringMatching(/\*{8}/),
      linkedAt: expect.any(String),
    });
  });

  it('shows each confirmed employee with enrolments and hours against the requirements', async () => {
    // Its own courses: one the admin nominates the second employee for, one whose only seat the first
    // employee took, so nominating the second is refused and leaves no enrolment to show.
    const course = await publishCourse(api, world, onlineCourse({ title: '员工进度的课程' }));
    const full = await publishCourse(api, world, onlineCourse({ title: '员工进度的满员课程', capacity: 1 }));
    expect(
      (await api.request({ method: 'POST', url: '/me/enrollments', token: staff[0].token, payload: { courseVersionId: full.id } }))
        .statusCode,
    ).toBe(201);
    const nominated = await nominate(world.tokens.entAdminLZ, world.enterpriseLZ, { courseVersionId: course.id, userIds: [staff[1].id] });
    expect(nominated.json().summary).toMatchObject({ enrolled: 1 });
    const refused = await nominate(world.tokens.entAdminLZ, world.enterpriseLZ, { courseVersionId: full.id, userIds: [staff[1].id] });
    expect(refused.json().rows).toEqual([expect.objectContaining({ userId: staff[1].id, outcome: 'capacity_full' })]);
    // Hours in the ledger for 2026 and the compliance engine's verdicts on them (its output is shown, not re-summed).
    const result = await api
      .get(AccrualService)
      .accrueCompletion(null, completion(staff[1].id, { creditHours: '6.5', completedAt: '2026-04-01T02:00:00Z' }));
    await api.get(ComplianceEngine).recomputeTrainee(staff[1].id, result.year);
    const res = await api.request({
      method: 'GET',
      url: `/enterprises/${world.enterpriseLZ}/staff-progress?pageSize=100&year=2026`,
      token: world.tokens.entAdminLZ,
    });
    expect(res.statusCode).toBe(200);
    const ids = res.json().items.map((r: { userId: string }) => r.userId);
    expect(ids).toEqual(expect.arrayContaining([world.users.traineeLZ, ...staff.map((s) => s.id)]));
    expect(ids).not.toContain(pending);
    expect(ids).not.toContain(world.users.traineeTS);
    const second = res.json().items.find((r: { userId: string }) => r.userId === staff[1].id);
    expect(second).toMatchObject({ fullName: '员工2', idNumberMasked: expect.stringMatching(/^\d{6}\*{8}[\dX]{4}$/) });
    const nominatedCourse = second.enrollments.find((e: { title: string }) => e.title === '员工进度的课程');
    expect(nominatedCourse).toMatchObject({
      source: 'enterprise',
      status: 'enrolled',
      requiredLessons: 2,
      completedRequiredLessons: 0,
      creditHours: '2.5',
    });
    // Only live enrolments of this person: the refused nomination left none.
    expect(second.enrollments.map((e: { title: string }) => e.title)).not.toContain('员工进度的满员课程');
    expect(second.statuses).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ periodYear: 2026, accrued: '6.5', state: expect.any(String), required: expect.any(String) }),
      ]),
    );
    const first = res.json().items.find((r: { userId: string }) => r.userId === staff[0].id);
    // Each person's own verdicts: another employee's hours are not shown against them.
    expect(first.statuses).not.toEqual(expect.arrayContaining([expect.objectContaining({ accrued: '6.5' })]));
    expect(res.body).not.toContain(testIdNumber(902));
  });
});
