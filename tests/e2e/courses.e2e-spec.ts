import { DataSource } from 'typeorm';
import type { TestApi } from '../support/api';
import { createTestApi } from '../support/api';
import { onlineCourse, publishCourse } from '../support/courses';
import type { World } from '../support/fixtures';
import { seedWorld } from '../support/fixtures';

describe('courses: content rules, who may do what, versions and the catalog', () => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    api = await createTestApi();
    world = await seedWorld(api);
  });
  afterAll(() => api.close());

  const create = (payload: object, token = world.tokens.orgAdminA) => api.request({ method: 'POST', url: '/courses', token, payload });

  it('lists the seventeen topics of the two categories', async () => {
    const topics = (await api.request({ method: 'GET', url: '/topics', token: world.tokens.traineeLZ })).json();
    expect(topics).toHaveLength(17);
    expect(topics.filter((t: { category: number }) => t.category === 1)).toHaveLength(9);
    expect(topics).toContainEqual({ code: 'six-sigma', category: 2, name: '六西格玛管理' });
  });

  it('refuses content that breaks the rules, naming each field', async () => {
    const cases: [object, string][] = [
      [{ category: 2, kind: 'appointment', topicCodes: ['lean'] }, 'kind'],
      [{ topicCodes: ['lean'] }, 'topicCodes[0]'],
      [{ topicCodes: ['no-such-topic'] }, 'topicCodes[0]'],
      [{ creditHours: '2.3' }, 'creditHours'],
      [{ creditHours: 0 }, 'creditHours'],
      [{ lessons: [{ title: '面授', type: 'live_session', minutes: 60, required: true }] }, 'lessons[0].type'],
      [
        {
          deliveryMode: 'in_person',
          lessons: [
            {
              title: '面授',
              type: 'live_session',
              minutes: 60,
              required: true,
              startsAt: '2026-05-01T01:00:00Z',
              endsAt: '2026-05-01T02:00:00Z',
            },
          ],
        },
        'lessons[0].venue',
      ],
      [{ lessons: [{ title: '选修', type: 'video', minutes: 10, required: false }] }, 'lessons'],
      [{ enrollmentOpensAt: '2026-05-02T00:00:00Z', enrollmentClosesAt: '2026-05-01T00:00:00Z' }, 'enrollmentClosesAt'],
      [{ completionShare: '1.5' }, 'completionShare'],
    ];
    for (const [override, field] of cases) {
      const res = await create(onlineCourse(override as Record<string, unknown>));
      expect([JSON.stringify(override), res.statusCode]).toEqual([JSON.stringify(override), 400]);
      expect(res.json().details.map((d: { field: string }) => d.field)).toContain(field);
    }
    // A number is accepted for hours and kept as exact decimal text.
    expect((await create(onlineCourse({ creditHours: 3 }))).json().creditHours).toBe('3.0');
  });

  it('keeps drafts to their organization, its regulators and the platform', async () => {
    const draft = (await create(onlineCourse({ title: '甲机构草稿' }))).json();
    const get = (token: string) => api.request({ method: 'GET', url: `/course-versions/${draft.id}`, token });
    expect((await get(world.tokens.orgAdminA)).statusCode).toBe(200);
    expect((await get(world.tokens.admin)).statusCode).toBe(200);
    expect((await get(world.tokens.regulatorLZ)).statusCode).toBe(200); // org A is in Lanzhou
    expect((await get(world.tokens.regulatorGS)).statusCode).toBe(200);
    for (const who of ['orgAdminB', 'regulatorTS', 'traineeLZ', 'entAdminLZ'] as const) {
      const res = await get(world.tokens[who]);
      expect([who, res.statusCode, res.json().code]).toEqual([who, 403, 'OUT_OF_SCOPE']);
    }
    const edit = await api.request({
      method: 'PATCH',
      url: `/course-versions/${draft.id}`,
      token: world.tokens.orgAdminB,
      payload: { title: '篡改' },
    });
    expect(edit.statusCode).toBe(403);
    const submit = await api.request({ method: 'POST', url: `/course-versions/${draft.id}/submit`, token: world.tokens.orgAdminB });
    expect(submit.statusCode).toBe(403);
    const ownList = (await api.request({ method: 'GET', url: '/courses', token: world.tokens.orgAdminB })).json();
    expect(ownList.items.map((c: { id: string }) => c.id)).not.toContain(draft.id);
    const tsList = (await api.request({ method: 'GET', url: '/courses', token: world.tokens.regulatorTS })).json();
    expect(tsList.items.every((c: { organizationId: string }) => c.organizationId === world.orgB)).toBe(true);
    expect(tsList.items.map((c: { id: string }) => c.id)).not.toContain(draft.id);
    // The region scope takes in the organizations of the region and of the regions under it.
    for (const regulator of ['regulatorLZ', 'regulatorGS'] as const) {
      const list = (await api.request({ method: 'GET', url: '/courses', token: world.tokens[regulator] })).json();
      expect(list.items.map((c: { id: string }) => c.id)).toContain(draft.id);
    }
    // A draft edits in place; lessons are replaced whole.
    const edited = await api.request({
      method: 'PATCH',
      url: `/course-versions/${draft.id}`,
      token: world.tokens.orgAdminA,
      payload: { title: '甲机构草稿（修订）', lessons: [{ title: '唯一课时', type: 'video', minutes: 30, required: true }] },
    });
    expect(edited.json()).toMatchObject({
      title: '甲机构草稿（修订）',
      version: 1,
      status: 'draft',
      lessons: [{ position: 1, title: '唯一课时' }],
    });
  });

  it('puts submitted versions in the platform review queue', async () => {
    const draft = (await create(onlineCourse({ title: '待审核课程' }))).json();
    await api.request({ method: 'POST', url: `/course-versions/${draft.id}/submit`, token: world.tokens.orgAdminA });
    const queue = (await api.request({ method: 'GET', url: '/courses?status=submitted', token: world.tokens.admin })).json();
    expect(queue.items.map((c: { id: string }) => c.id)).toContain(draft.id);
    const edit = await api.request({
      method: 'PATCH',
      url: `/course-versions/${draft.id}`,
      token: world.tokens.orgAdminA,
      payload: { title: '审核中修改' },
    });
    expect(edit.json()).toMatchObject({ statusCode: 409, code: 'COURSE_VERSION_WRONG_STATUS' });
    const approve = await api.request({
      method: 'POST',
      url: `/course-versions/${draft.id}/approve`,
      token: world.tokens.orgAdminA,
      payload: { approvalNumber: 'x' },
    });
    expect(approve.statusCode).toBe(403);
  });

  it('tells the organization’s admins when the review returns or approves a version', async () => {
    const draft = (await create(onlineCourse({ title: '审核通知课程' }))).json();
    const submit = () => api.request({ method: 'POST', url: `/course-versions/${draft.id}/submit`, token: world.tokens.orgAdminA });
    const notices = async (token: string) =>
      (
        (await api.request({ method: 'GET', url: '/me/notifications?pageSize=50', token })).json().items as {
          kind: string;
          title: string;
          body: string;
        }[]
      ).filter((n) => n.title.includes('审核通知课程'));
    await submit();
    const back = await api.request({
      method: 'POST',
      url: `/course-versions/${draft.id}/return`,
      token: world.tokens.admin,
      payload: { reason: '第三节课时长不足' },
    });
    expect(back.statusCode).toBe(200);
    expect(await notices(world.tokens.orgAdminA)).toEqual([
      expect.objectContaining({ kind: 'course_returned', body: expect.stringContaining('退回原因：第三节课时长不足') }),
    ]);
    await submit();
    const ok = await api.request({
      method: 'POST',
      url: `/course-versions/${draft.id}/approve`,
      token: world.tokens.admin,
      payload: { approvalNumber: '甘质培〔2026〕88号' },
    });
    expect(ok.statusCode).toBe(200);
    const own = await notices(world.tokens.orgAdminA);
    expect(own.map((n) => n.kind)).toEqual(['course_approved', 'course_returned']);
    expect(own[0].body).toContain('甘质培〔2026〕88号');
    // Another organization's admin hears nothing.
    expect(await notices(world.tokens.orgAdminB)).toEqual([]);
  });

  it('once enrolled in, a version keeps its category, kind and hours: a new version is made and enrolments keep theirs', async () => {
    const v1 = await publishCourse(api, world, onlineCourse({ title: '版本化课程', capacity: 30 }));
    const enrolment = (
      await api.request({ method: 'POST', url: '/me/enrollments', token: world.tokens.traineeLZ, payload: { courseVersionId: v1.id } })
    ).json();
    const patch = (payload: object) =>
      api.request({ method: 'PATCH', url: `/course-versions/${v1.id}`, token: world.tokens.orgAdminA, payload });
    const locked = await patch({ creditHours: '4.0', kind: 'continuing' });
    expect(locked.json()).toMatchObject({ statusCode: 409, code: 'COURSE_VERSION_LOCKED' });
    expect(
      locked
        .json()
        .details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['creditHours', 'kind']);
    expect((await patch({ capacity: 0 })).statusCode).toBe(400);
    expect((await patch({ capacity: 40 })).json()).toMatchObject({ capacity: 40, seatsLeft: 39 });

    const v2 = await api.request({
      method: 'POST',
      url: `/courses/${v1.courseId}/versions`,
      token: world.tokens.orgAdminA,
      payload: { creditHours: '2.0' },
    });
    expect(v2.statusCode).toBe(201);
    expect(v2.json()).toMatchObject({ version: 2, status: 'draft', creditHours: '2.0', title: '版本化课程', capacity: 40, seatsTaken: 0 });
    const twice = await api.request({
      method: 'POST',
      url: `/courses/${v1.courseId}/versions`,
      token: world.tokens.orgAdminA,
      payload: {},
    });
    expect(twice.json().code).toBe('COURSE_WORKING_VERSION_EXISTS');
    for (const [step, token, payload] of [
      ['submit', world.tokens.orgAdminA, undefined],
      ['approve', world.tokens.admin, { approvalNumber: '甘质培审〔2026〕版本二' }],
      ['publish', world.tokens.orgAdminA, undefined],
    ] as const) {
      expect((await api.request({ method: 'POST', url: `/course-versions/${v2.json().id}/${step}`, token, payload })).statusCode).toBe(200);
    }
    const versions = (await api.request({ method: 'GET', url: `/courses/${v1.courseId}/versions`, token: world.tokens.orgAdminA })).json();
    expect(versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [2, 'published'],
      [1, 'archived'],
    ]);
    const mine = (await api.request({ method: 'GET', url: `/enrollments/${enrolment.id}`, token: world.tokens.traineeLZ })).json();
    expect(mine).toMatchObject({ courseVersionId: v1.id, version: 1, creditHours: '2.5', status: 'enrolled' });
    expect((await api.request({ method: 'GET', url: `/course-versions/${v1.id}`, token: world.tokens.traineeLZ })).statusCode).toBe(200);
    // The same course cannot be taken twice through its new version.
    const again = await api.request({
      method: 'POST',
      url: '/me/enrollments',
      token: world.tokens.traineeLZ,
      payload: { courseVersionId: v2.json().id },
    });
    expect(again.json().code).toBe('ALREADY_ENROLLED');
    const archived = await api.request({
      method: 'POST',
      url: '/me/enrollments',
      token: world.tokens.traineeTS,
      payload: { courseVersionId: v1.id },
    });
    expect(archived.json().code).toBe('ENROLLMENT_CLOSED');
  });

  it('enrols and withdraws only inside the window, and gives the seat back', async () => {
    const closed = await publishCourse(
      api,
      world,
      onlineCourse({ title: '报名已截止', enrollmentOpensAt: '2020-01-01T00:00:00Z', enrollmentClosesAt: '2020-02-01T00:00:00Z' }),
    );
    const late = await api.request({
      method: 'POST',
      url: '/me/enrollments',
      token: world.tokens.traineeLZ,
      payload: { courseVersionId: closed.id },
    });
    expect(late.json()).toMatchObject({ statusCode: 409, code: 'ENROLLMENT_CLOSED' });
    const notYet = await publishCourse(api, world, onlineCourse({ title: '尚未开放', enrollmentOpensAt: '2099-01-01T00:00:00Z' }));
    expect(
      (
        await api.request({
          method: 'POST',
          url: '/me/enrollments',
          token: world.tokens.traineeLZ,
          payload: { courseVersionId: notYet.id },
        })
      ).statusCode,
    ).toBe(409);

    const open = await publishCourse(api, world, onlineCourse({ title: '可退选课程', capacity: 1 }));
    const enrolled = (
      await api.request({ method: 'POST', url: '/me/enrollments', token: world.tokens.traineeLZ, payload: { courseVersionId: open.id } })
    ).json();
    const full = await api.request({
      method: 'POST',
      url: '/me/enrollments',
      token: world.tokens.traineeTS,
      payload: { courseVersionId: open.id },
    });
    expect(full.json().code).toBe('COURSE_FULL');
    expect(
      (await api.request({ method: 'POST', url: `/me/enrollments/${enrolled.id}/withdraw`, token: world.tokens.traineeTS })).statusCode,
    ).toBe(403);
    const withdrawn = await api.request({ method: 'POST', url: `/me/enrollments/${enrolled.id}/withdraw`, token: world.tokens.traineeLZ });
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn' });
    expect(
      (await api.request({ method: 'POST', url: `/me/enrollments/${enrolled.id}/withdraw`, token: world.tokens.traineeLZ })).json().code,
    ).toBe('CANNOT_WITHDRAW');
    expect(
      (await api.request({ method: 'POST', url: '/me/enrollments', token: world.tokens.traineeTS, payload: { courseVersionId: open.id } }))
        .statusCode,
    ).toBe(201);
    // Re-enrolling later revives the same enrolment once a seat is free again.
    const db = api.get(DataSource);
    await db.query('UPDATE course_versions SET capacity = NULL WHERE id = $1', [open.id]);
    const back = await api.request({
      method: 'POST',
      url: '/me/enrollments',
      token: world.tokens.traineeLZ,
      payload: { courseVersionId: open.id },
    });
    expect(back.json()).toMatchObject({ id: enrolled.id, status: 'enrolled' });
  });

  it('shows progress to its trainee and to staff overseeing the course, to no one else', async () => {
    const version = await publishCourse(api, world, onlineCourse({ title: '进度可见性' }));
    const enrolment = (
      await api.request({ method: 'POST', url: '/me/enrollments', token: world.tokens.traineeTS, payload: { courseVersionId: version.id } })
    ).json();
    for (const [who, status] of [
      ['traineeTS', 200],
      ['orgAdminA', 200],
      ['regulatorLZ', 200],
      ['regulatorGS', 200],
      ['admin', 200],
      ['traineeLZ', 403],
      ['orgAdminB', 403],
      ['regulatorTS', 403],
    ] as const) {
      const res = await api.request({ method: 'GET', url: `/enrollments/${enrolment.id}`, token: world.tokens[who] });
      expect([who, res.statusCode]).toEqual([who, status]);
    }
    const roster = await api.request({ method: 'GET', url: `/course-versions/${version.id}/enrollments`, token: world.tokens.orgAdminB });
    expect(roster.statusCode).toBe(403);
    const session = (
      await api.request({
        method: 'POST',
        url: '/me/study-sessions',
        token: world.tokens.traineeTS,
        payload: { enrollmentId: enrolment.id, lessonId: version.lessons[0].id },
      })
    ).json();
    const stolen = await api.request({
      method: 'POST',
      url: `/me/study-sessions/${session.sessionId}/heartbeat`,
      token: world.tokens.traineeLZ,
    });
    expect(stolen.statusCode).toBe(404);
    const foreign = await api.request({
      method: 'POST',
      url: '/me/study-sessions',
      token: world.tokens.traineeLZ,
      payload: { enrollmentId: enrolment.id, lessonId: version.lessons[0].id },
    });
    expect(foreign.statusCode).toBe(403);
    const list = (await api.request({ method: 'GET', url: '/me/enrollments', token: world.tokens.traineeTS })).json();
    expect(list.items.every((e: { traineeId: string }) => e.traineeId === world.users.traineeTS)).toBe(true);
  });

  describe('catalog', () => {
    let ids: Record<string, string>;
    beforeAll(async () => {
      const sigma = await publishCourse(
        api,
        world,
        onlineCourse({
          title: '六西格玛绿带实战',
          description: '第二类方法课程',
          category: 2,
          kind: 'continuing',
          topicCodes: ['six-sigma', 'quality-tools'],
        }),
        'B',
      );
      const lean = await publishCourse(
        api,
        world,
        onlineCourse({
          title: '精益管理现场实训 100%达成',
          category: 2,
          kind: 'continuing',
          topicCodes: ['lean', 'gemba'],
          deliveryMode: 'in_person',
          lessons: [
            {
              title: '现场实训',
              type: 'live_session',
              minutes: 240,
              required: true,
              startsAt: '2026-06-01T01:00:00Z',
              endsAt: '2026-06-01T05:00:00Z',
              venue: '兰州新区实训基地',
            },
          ],
        }),
      );
      const brand = await publishCourse(
        api,
        world,
        onlineCourse({
          title: '企业品牌建设',
          topicCodes: ['brand-building'],
          kind: 'continuing',
          enrollmentClosesAt: '2021-01-01T00:00:00Z',
        }),
      );
      ids = { sigma: sigma.id, lean: lean.id, brand: brand.id };
    });

    const search = async (query: string) => {
      const res = await api.request({ method: 'GET', url: `/catalog?pageSize=100&${query}`, token: world.tokens.traineeLZ });
      expect(res.statusCode).toBe(200);
      return res.json();
    };
    const idsOf = (page: { items: { id: string }[] }) => page.items.map((i) => i.id);

    it('filters by category, topic, kind, delivery mode, organization and open enrolment', async () => {
      expect(idsOf(await search('category=2')).sort()).toEqual([ids.sigma, ids.lean].sort());
      expect(idsOf(await search('topic=gemba'))).toEqual([ids.lean]);
      expect(idsOf(await search('deliveryMode=in_person'))).toEqual([ids.lean]);
      expect(idsOf(await search(`organizationId=${world.orgB}`))).toEqual([ids.sigma]);
      expect(idsOf(await search('kind=continuing&category=1'))).toEqual([ids.brand]);
      expect(idsOf(await search('openOnly=true'))).not.toContain(ids.brand);
      const bad = await api.request({ method: 'GET', url: '/catalog?category=3', token: world.tokens.traineeLZ });
      expect(bad.json()).toMatchObject({ statusCode: 400, details: [{ field: 'category' }] });
    });

    it('searches Chinese text in title and description, with % and _ taken literally', async () => {
      expect(idsOf(await search(`q=${encodeURIComponent('西格玛')}`))).toEqual([ids.sigma]);
      expect(idsOf(await search(`q=${encodeURIComponent('第二类方法')}`))).toEqual([ids.sigma]);
      expect(idsOf(await search(`q=${encodeURIComponent('100%')}`))).toEqual([ids.lean]);
      expect(idsOf(await search(`q=${encodeURIComponent('%')}`))).toEqual([ids.lean]);
      expect(idsOf(await search(`q=${encodeURIComponent('_')}`))).toEqual([]);
    });

    it('pages with a stable order: every course once across pages', async () => {
      const all = await search('');
      expect(all.items.every((i: { status: string }) => i.status === 'published')).toBe(true);
      const seen: string[] = [];
      for (let page = 1; page <= Math.ceil(all.total / 2); page++) {
        const res = (await api.request({ method: 'GET', url: `/catalog?pageSize=2&page=${page}`, token: world.tokens.traineeTS })).json();
        expect(res.total).toBe(all.total);
        seen.push(...idsOf(res));
      }
      expect(seen).toEqual(idsOf(all));
    });
  });
});
