import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { FakeClock } from '@cqo/core';
import type { TestApi } from '../support/api';
import { createTestApi } from '../support/api';
import { onlineCourse } from '../support/courses';
import type { World } from '../support/fixtures';
import { seedWorld } from '../support/fixtures';
import { createUpload, listen } from '../support/content';
import { CMI5_SAMPLE_DIR, filesOf, zipOf, zipWithEntryNamed } from '../support/packages';

const VERB = (name: string) => `http://adlnet.gov/expapi/verbs/${name}`;
const AU = 'https://cqo.example.cn/cmi5/quality-basics/au-1';
const COURSE = 'https://cqo.example.cn/cmi5/quality-basics';

/**
 * cmi5 lessons end to end over the API: the org admin imports the sample package (checked like
 * every upload), the trainee launches the AU, and the AU's side is played here as the sample
 * AU's script does it (fetch token, LMS.LaunchData, statements), with the server's clock moved.
 */
describe('cmi5 lessons', () => {
  const clock = new FakeClock(new Date('2026-04-01T01:00:00Z'));
  let api: TestApi;
  let world: World;
  let db: DataSource;
  let versionId: string;
  let lessonId: string;
  let enrollmentId: string;

  const importPackage = (zip: Buffer, token = world.tokens.orgAdminA) =>
    api.request({
      method: 'POST',
      url: '/content-packages',
      token,
      payload: { fileName: 'quality-basics.zip', contentBase64: zip.toString('base64') },
    });
  const cmi5Course = (contentPackageId: string | null) =>
    onlineCourse({
      title: 'cmi5 课件课程',
      lessons: [
        { title: '质量管理原则（课件）', type: 'cmi5', minutes: 10, required: true, contentPackageId },
        { title: '延伸阅读', type: 'document', minutes: 20, required: false },
      ],
    });
  const launch = (auId?: string) =>
    api.request({
      method: 'POST',
      url: `/me/enrollments/${enrollmentId}/lessons/${lessonId}/cmi5-launch`,
      token: world.tokens.traineeTS,
      payload: auId ? { auId } : {},
    });
  const params = (url: string) => new URL(url, 'http://cqo.test').searchParams;
  const pathOf = (url: string) => url.replace(/^https?:\/\/[^/]+/, '');
  /** The AU's side: exchanges the fetch token and returns a sender of xAPI requests with its credentials. */
  const au = async (launchUrl: string) => {
    const q = params(launchUrl);
    const fetched = await api.request({ method: 'POST', url: pathOf(q.get('fetch')!) });
    expect(fetched.statusCode).toBe(200);
    const authorization = `Basic ${fetched.json()['auth-token']}`;
    const headers = { authorization, 'x-experience-api-version': '1.0.3' };
    const registration = q.get('registration')!;
    const actor = JSON.parse(q.get('actor')!);
    return {
      q,
      headers,
      registration,
      send: (verb: string, extra: Record<string, unknown> = {}) =>
        api.request({
          method: 'POST',
          url: '/xapi/statements',
          headers,
          payload: {
            id: randomUUID(),
            actor,
            verb: { id: VERB(verb) },
            object: { objectType: 'Activity', id: q.get('activityId') },
            context: { registration },
            ...extra,
          },
        }),
    };
  };
  const progress = async () =>
    (
      await db.query(
        'SELECT active_seconds, completed_at, completed_via FROM lesson_progress WHERE enrollment_id = $1 AND lesson_id = $2',
        [enrollmentId, lessonId],
      )
    )[0];
  const lmsVerbs = async () =>
    (
      await db.query(
        `SELECT statement->'verb'->>'id' AS verb, statement->'object'->>'id' AS object FROM xapi_statements WHERE enrollment_id = $1 AND statement->'authority'->'account'->>'name' = 'lms' ORDER BY stored_at, xapi_statements.verb`,
        [enrollmentId],
      )
    ).map((r: { verb: string; object: string }) => `${r.verb.split('/').pop()} ${r.object === COURSE ? 'course' : 'au'}`);

  /**
   * Imports the sample package, publishes a cmi5 course on it and enrols traineeTS (on 2 April):
   * each test that launches builds its own, so that none depends on another's state.
   */
  const enrolInSample = async () => {
    const imported = await importPackage(await zipOf(filesOf(CMI5_SAMPLE_DIR)));
    expect(imported.statusCode).toBe(201);
    const created = await api.request({
      method: 'POST',
      url: '/courses',
      token: world.tokens.orgAdminA,
      payload: cmi5Course(imported.json().id),
    });
    expect(created.statusCode).toBe(201);
    versionId = created.json().id;
    lessonId = created.json().lessons[0].id;
    for (const [url, token, payload] of [
      [`/course-versions/${versionId}/submit`, world.tokens.orgAdminA, undefined],
      [`/course-versions/${versionId}/approve`, world.tokens.admin, { approvalNumber: `甘质培审〔2026〕cmi5-${randomUUID().slice(0, 6)}` }],
      [`/course-versions/${versionId}/publish`, world.tokens.orgAdminA, undefined],
    ] as const) {
      const step = await api.request({ method: 'POST', url, token, payload });
      expect([url, step.statusCode]).toEqual([url, 200]);
    }
    clock.set('2026-04-02T01:00:00Z');
    const enrolled = await api.request({
      method: 'POST',
      url: '/me/enrollments',
      token: world.tokens.traineeTS,
      payload: { courseVersionId: versionId },
    });
    expect(enrolled.statusCode).toBe(201);
    enrollmentId = enrolled.json().id;
  };

  beforeAll(async () => {
    api = await createTestApi({ clock });
    world = await seedWorld(api);
    db = api.get(DataSource);
  });
  beforeEach(() => clock.set('2026-04-01T01:00:00Z'));
  afterAll(() => api.close());

  it('refuses a package without cmi5.xml, with paths outside it, pointing outside, or not a zip — storing nothing', async () => {
    const sample = filesOf(CMI5_SAMPLE_DIR);
    const cases: [string, Buffer][] = [
      ['no manifest', await zipOf({ 'au/index.html': sample['au/index.html'] })],
      ['entry outside the package', await zipWithEntryNamed(sample, '../evil.html')],
      ['absolute entry', await zipWithEntryNamed(sample, '/etc/evil.html')],
      [
        'AU url outside the package',
        await zipOf({ ...sample, 'cmi5.xml': sample['cmi5.xml'].toString().replace('au/index.html', '../index.html') }),
      ],
      [
        'AU url to a missing file',
        await zipOf({ ...sample, 'cmi5.xml': sample['cmi5.xml'].toString().replace('au/index.html', 'au/missing.html') }),
      ],
      [
        'absolute AU url',
        await zipOf({ ...sample, 'cmi5.xml': sample['cmi5.xml'].toString().replace('au/index.html', 'https://elsewhere.example/au.html') }),
      ],
      ['bad moveOn', await zipOf({ ...sample, 'cmi5.xml': sample['cmi5.xml'].toString().replace('CompletedAndPassed', 'Whenever') })],
      ['not a zip', Buffer.from('%PDF-1.4 not a zip')],
      ['a bomb', await zipOf({ ...sample, 'au/padding.txt': Buffer.alloc(8 * 1024 * 1024) })],
    ];
    const [{ stored }] = await db.query('SELECT count(*)::int AS stored FROM content_packages');
    for (const [name, zip] of cases) {
      const res = await importPackage(zip);
      expect([name, res.statusCode, res.json().details?.[0]?.field]).toEqual([name, 400, 'contentBase64']);
    }
    expect(await db.query('SELECT count(*)::int AS stored FROM content_packages')).toEqual([{ stored }]);
    expect((await importPackage(await zipOf(sample), world.tokens.traineeTS)).statusCode).toBe(403);
  });

  it('imports the sample package into the library; a cmi5 lesson names it and goes through the usual approval', async () => {
    const res = await importPackage(await zipOf(filesOf(CMI5_SAMPLE_DIR)));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      standard: 'cmi5',
      fileCount: 4,
      course: { id: COURSE, aus: [{ id: AU, moveOn: 'CompletedAndPassed', masteryScore: 0.8, url: 'au/index.html' }] },
    });
    const packageId = res.json().id;
    // Another organization cannot use it; only cmi5 lessons take a package.
    const theirs = await api.request({ method: 'POST', url: '/courses', token: world.tokens.orgAdminB, payload: cmi5Course(packageId) });
    expect(theirs.json()).toMatchObject({ statusCode: 400, details: [{ field: 'lessons[0].contentPackageId' }] });
    const wrongType = cmi5Course(null) as { lessons: Record<string, unknown>[] };
    wrongType.lessons[1].contentPackageId = packageId;
    expect(
      (await api.request({ method: 'POST', url: '/courses', token: world.tokens.orgAdminA, payload: wrongType })).json(),
    ).toMatchObject({
      statusCode: 400,
      details: [{ field: 'lessons[1].contentPackageId' }],
    });
    const created = await api.request({ method: 'POST', url: '/courses', token: world.tokens.orgAdminA, payload: cmi5Course(packageId) });
    expect(created.statusCode).toBe(201);
    versionId = created.json().id;
    // Editing the draft keeps the lesson's package (lessons are rewritten, the package is referenced).
    const edited = await api.request({
      method: 'PATCH',
      url: `/course-versions/${versionId}`,
      token: world.tokens.orgAdminA,
      payload: { title: 'cmi5 课件课程（修订）' },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().lessons[0]).toMatchObject({ type: 'cmi5', contentPackageId: packageId });
    lessonId = edited.json().lessons[0].id;
    for (const [url, token, payload] of [
      [`/course-versions/${versionId}/submit`, world.tokens.orgAdminA, undefined],
      [`/course-versions/${versionId}/approve`, world.tokens.admin, { approvalNumber: `甘质培审〔2026〕cmi5-${randomUUID().slice(0, 6)}` }],
      [`/course-versions/${versionId}/publish`, world.tokens.orgAdminA, undefined],
    ] as const) {
      const step = await api.request({ method: 'POST', url, token, payload });
      expect([url, step.statusCode]).toEqual([url, 200]);
    }
    clock.set('2026-04-02T01:00:00Z');
    enrollmentId = (
      await api.request({ method: 'POST', url: '/me/enrollments', token: world.tokens.traineeTS, payload: { courseVersionId: versionId } })
    ).json().id;
  });

  it('launches an AU with endpoint, fetch, actor and registration; the fetch token works once; the files are served signed and sandboxed', async () => {
    await enrolInSample();
    clock.set('2026-04-02T02:00:00Z');
    const res = await launch();
    expect(res.statusCode).toBe(201);
    const { url, registration } = res.json();
    const q = params(url);
    expect(q.get('endpoint')).toBe('http://cqo.test/xapi/');
    expect(JSON.parse(q.get('actor')!)).toEqual({ objectType: 'Agent', account: { homePage: 'http://cqo.test', name: 'traineets' } });
    expect([q.get('registration'), q.get('activityId')]).toEqual([registration, AU]);
    expect(await lmsVerbs()).toEqual(['launched au']);

    const page = await api.request({ method: 'GET', url: pathOf(url) });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toContain('sandbox allow-scripts');
    expect(page.body).toContain('第一单元');
    const script = await api.request({ method: 'GET', url: pathOf(url).replace(/index\.html\?.*$/, 'au.js') });
    expect([script.statusCode, script.headers['content-type']]).toEqual([200, 'text/javascript; charset=utf-8']);
    const tampered = pathOf(url).replace(
      /\/([A-Za-z0-9_-]{43})\//,
      (_m, sig: string) => `/${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}/`,
    );
    expect((await api.request({ method: 'GET', url: tampered })).statusCode).toBe(403);
    expect(
      (await api.request({ method: 'GET', url: pathOf(url).replace(/au\/index\.html\?.*$/, 'au/%2E%2E/%2E%2E/cmi5.xml') })).statusCode,
    ).toBe(404);

    const session = await au(url);
    const again = await api.request({ method: 'POST', url: pathOf(q.get('fetch')!) });
    expect(again.json()).toMatchObject({ statusCode: 400, code: 'CMI5_FETCH_TOKEN_USED' });
    // LMS.LaunchData as the AU reads it.
    const agent = encodeURIComponent(q.get('actor')!);
    const launchData = await api.request({
      method: 'GET',
      url: `/xapi/activities/state?stateId=LMS.LaunchData&activityId=${encodeURIComponent(AU)}&agent=${agent}&registration=${registration}`,
      headers: session.headers,
    });
    expect(launchData.json()).toMatchObject({ launchMode: 'Normal', moveOn: 'CompletedAndPassed', masteryScore: 0.8 });
    // The AU's credentials reach its own learner's state only.
    const someoneElse = encodeURIComponent(JSON.stringify({ account: { homePage: 'http://cqo.test', name: 'traineelz' } }));
    const foreign = await api.request({
      method: 'GET',
      url: `/xapi/activities/state?stateId=LMS.LaunchData&activityId=${encodeURIComponent(AU)}&agent=${someoneElse}&registration=${registration}`,
      headers: session.headers,
    });
    expect(foreign.json()).toMatchObject({ statusCode: 400, details: [{ field: 'agent' }] });
    expect((await session.send('initialized')).statusCode).toBe(200);
  });

  it('abandons a session left without terminated when the AU is launched again', async () => {
    await enrolInSample();
    clock.set('2026-04-02T02:00:00Z');
    const firstSession = await au((await launch()).json().url);
    expect((await firstSession.send('initialized')).statusCode).toBe(200);
    clock.set('2026-04-02T02:05:00Z');
    const res = await launch(AU);
    expect(await lmsVerbs()).toEqual(['launched au', 'abandoned au', 'launched au']);
    const [abandoned] = await db.query(
      `SELECT statement->'result'->>'duration' AS duration FROM xapi_statements WHERE verb = 'abandoned' AND enrollment_id = $1`,
      [enrollmentId],
    );
    expect(abandoned.duration).toBe('PT0S'); // initialized came at launch time: nothing seen after it
    expect(res.json().registration).toBe(params(res.json().url).get('registration'));
    // The old session's credentials no longer work.
    expect(
      await db.query('SELECT id FROM cmi5_launches WHERE abandoned_at IS NOT NULL AND enrollment_id = $1', [enrollmentId]),
    ).toHaveLength(1);
    expect((await firstSession.send('progressed')).statusCode).toBe(401);
  });

  it('credits server-observed time, checks masteryScore, writes satisfied and completes the lesson by moveOn', async () => {
    await enrolInSample();
    clock.set('2026-04-02T03:00:00Z');
    const session = await au((await launch()).json().url);
    expect((await session.send('initialized')).statusCode).toBe(200);
    // Six minutes later by the server's clock.
    clock.set('2026-04-02T03:06:00Z');
    const tooLong = await session.send('completed', { result: { completion: true, duration: 'PT30M' } });
    expect(tooLong.json()).toMatchObject({
      statusCode: 400,
      code: 'XAPI_DURATION_BEYOND_OBSERVED',
      details: [{ field: 'result.duration' }],
    });
    expect((await session.send('completed', { result: { completion: true, duration: 'PT5M' } })).statusCode).toBe(200);
    expect(await progress()).toMatchObject({ active_seconds: 300, completed_at: null });
    const low = await session.send('passed', { result: { success: true, score: { scaled: 0.5 } } });
    expect(low.json()).toMatchObject({ statusCode: 400, details: [{ field: 'result.score.scaled' }] });
    const wrongLearner = await session.send('passed', {
      actor: { account: { homePage: 'http://cqo.test', name: 'traineelz' } },
      result: { success: true, score: { scaled: 1 } },
    });
    expect(wrongLearner.json()).toMatchObject({ statusCode: 400, details: [{ field: 'actor.account.name' }] });
    const otherRegistration = await session.send('passed', {
      context: { registration: randomUUID() },
      result: { success: true, score: { scaled: 1 } },
    });
    expect(otherRegistration.json()).toMatchObject({ statusCode: 400, details: [{ field: 'context.registration' }] });
    expect(await progress()).toMatchObject({ completed_at: null });

    expect((await session.send('passed', { result: { success: true, score: { scaled: 0.9 }, duration: 'PT5M30S' } })).statusCode).toBe(200);
    expect(await progress()).toMatchObject({ active_seconds: 360, completed_at: new Date('2026-04-02T03:06:00Z'), completed_via: 'xapi' });
    expect((await lmsVerbs()).slice(-2)).toEqual(['satisfied au', 'satisfied course']);
    // The whole session: six minutes seen, six credited; nothing after terminated.
    expect((await session.send('terminated', { result: { duration: 'PT6M' } })).statusCode).toBe(200);
    expect((await progress()).active_seconds).toBe(360);
    const late = await session.send('progressed', { result: { duration: 'PT1M' } });
    expect(late.json()).toMatchObject({ statusCode: 400, details: [{ field: 'verb.id' }] });
    const view = (await api.request({ method: 'GET', url: `/enrollments/${enrollmentId}`, token: world.tokens.traineeTS })).json();
    expect(view.lessons[0]).toMatchObject({ completedVia: 'xapi' });
  });

  it('lets the org admin waive an AU: the LMS writes waived, the AU is satisfied and the lesson completes without time', async () => {
    await enrolInSample();
    const other = (
      await api.request({ method: 'POST', url: '/me/enrollments', token: world.tokens.traineeLZ, payload: { courseVersionId: versionId } })
    ).json().id;
    const waive = (payload: object, token = world.tokens.orgAdminA) =>
      api.request({ method: 'POST', url: `/enrollments/${other}/lessons/${lessonId}/cmi5-waive`, token, payload });
    expect((await waive({ auId: AU, reason: 'Tested Out' }, world.tokens.orgAdminB)).statusCode).toBe(403);
    expect((await waive({ auId: AU, reason: 'Because' })).json()).toMatchObject({ statusCode: 400, details: [{ field: 'reason' }] });
    expect((await waive({ auId: `${AU}-x`, reason: 'Tested Out' })).json()).toMatchObject({
      statusCode: 400,
      details: [{ field: 'auId' }],
    });
    expect((await waive({ auId: AU, reason: 'Tested Out' })).json()).toEqual({ satisfied: true, lessonCompleted: true });
    expect((await waive({ auId: AU, reason: 'Tested Out' })).json()).toEqual({ satisfied: true, lessonCompleted: false });
    const rows = await db.query(
      `SELECT verb, statement->'result' AS result FROM xapi_statements WHERE enrollment_id = $1 ORDER BY stored_at, verb DESC`,
      [other],
    );
    expect(rows.map((r: { verb: string }) => r.verb)).toEqual(['waived', 'satisfied', 'satisfied']);
    expect(rows[0].result).toMatchObject({
      success: true,
      completion: true,
      extensions: { 'https://w3id.org/xapi/cmi5/result/extensions/reason': 'Tested Out' },
    });
    const [p] = await db.query('SELECT active_seconds, completed_at FROM lesson_progress WHERE enrollment_id = $1 AND lesson_id = $2', [
      other,
      lessonId,
    ]);
    expect(p).toMatchObject({ active_seconds: 0, completed_at: expect.any(Date) });

    // traineeTS's AU credentials can neither read nor void traineeLZ's statements; the organization's key pair can read them.
    const [waived] = await db.query(`SELECT id FROM xapi_statements WHERE enrollment_id = $1 AND verb = 'waived'`, [other]);
    const session = await au((await launch()).json().url);
    expect(
      (await api.request({ method: 'GET', url: `/xapi/statements?statementId=${waived.id}`, headers: session.headers })).statusCode,
    ).toBe(404);
    const voiding = await session.send('voided', { verb: { id: VERB('voided') }, object: { objectType: 'StatementRef', id: waived.id } });
    expect(voiding.json()).toMatchObject({ statusCode: 400, details: [{ field: 'object.id' }] });
    const key = (await api.request({ method: 'POST', url: '/xapi-keys', token: world.tokens.orgAdminA, payload: { name: '平台' } })).json();
    const basic = { authorization: `Basic ${Buffer.from(`${key.id}:${key.key}`).toString('base64')}`, 'x-experience-api-version': '1.0.3' };
    expect((await api.request({ method: 'GET', url: `/xapi/statements?statementId=${waived.id}`, headers: basic })).statusCode).toBe(200);
  });

  it('takes statements for a cmi5 lesson only from a launched AU, and no heartbeats', async () => {
    await enrolInSample();
    const study = await api.request({
      method: 'POST',
      url: '/me/study-sessions',
      token: world.tokens.traineeTS,
      payload: { enrollmentId, lessonId },
    });
    expect(study.json()).toMatchObject({ statusCode: 400, code: 'LESSON_IS_CMI5' });
    // Nor a video or PDF upload.
    const upload = await createUpload(await listen(api), world.tokens.orgAdminA, 1000, { filename: 'x.mp4', lessonId });
    expect([upload.statusCode, JSON.parse(upload.body).code]).toEqual([400, 'LESSON_IS_CMI5']);
    const key = (
      await api.request({ method: 'POST', url: '/xapi-keys', token: world.tokens.orgAdminA, payload: { name: '外部平台' } })
    ).json();
    const res = await api.request({
      method: 'POST',
      url: '/xapi/statements',
      headers: { authorization: `Basic ${Buffer.from(`${key.id}:${key.key}`).toString('base64')}`, 'x-experience-api-version': '1.0.3' },
      payload: {
        actor: { account: { homePage: 'http://cqo.test', name: 'traineets' } },
        verb: { id: VERB('initialized') },
        object: { id: `http://cqo.test/xapi/activities/lessons/${lessonId}` },
      },
    });
    expect(res.json()).toMatchObject({ statusCode: 400, details: [{ field: 'object.id' }] });
  });
});
