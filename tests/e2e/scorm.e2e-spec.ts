import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { FakeClock } from '@cqo/core';
import type { TestApi } from '../support/api';
import { createTestApi } from '../support/api';
import { onlineCourse } from '../support/courses';
import type { World } from '../support/fixtures';
import { seedWorld } from '../support/fixtures';
import { filesOf, SCORM12_SAMPLE_DIR, SCORM2004_SAMPLE_DIR, zipOf, zipWithEntryNamed } from '../support/packages';

/** A SCORM 2004 manifest with one SCO whose content does not set completion (the LMS does). */
const MANIFEST_2004 = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="m-2004" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="o"><organization identifier="o"><title>LMS 判定完成的课件</title>
    <item identifier="sco-a" identifierref="r"><title>阅读材料</title>
      <imsss:sequencing><imsss:deliveryControls completionSetByContent="false" objectiveSetByContent="false"/></imsss:sequencing>
    </item>
  </organization></organizations>
  <resources><resource identifier="r" type="webcontent" adlcp:scormType="sco" href="index.html"><file href="index.html"/></resource></resources>
</manifest>`;

/**
 * SCORM lessons end to end over the API: the org admin imports the sample SCORM 1.2 package
 * (checked like every upload, and its manifest), the trainee launches the SCO, its files come
 * with the runtime injected, and the runtime's commits are played here as scorm-again's would be,
 * with the server's clock moved.
 */
describe('SCORM lessons', () => {
  const clock = new FakeClock(new Date('2026-05-01T01:00:00Z'));
  let api: TestApi;
  let world: World;
  let db: DataSource;
  let lessonId: string;
  let enrollmentId: string;
  const sample = filesOf(SCORM12_SAMPLE_DIR);
  const manifest = sample['imsmanifest.xml'].toString();

  const importPackage = (zip: Buffer, token = world.tokens.orgAdminA) =>
    api.request({
      method: 'POST',
      url: '/content-packages',
      token,
      payload: { fileName: 'scorm-sample.zip', contentBase64: zip.toString('base64') },
    });
  const scormCourse = (contentPackageId: string | null, type = 'scorm', minutes = 10) =>
    onlineCourse({
      title: 'SCORM 课件课程',
      lessons: [{ title: '质量管理体系基础（课件）', type, minutes, required: true, contentPackageId }],
    });
  const publish = async (payload: object) => {
    const created = await api.request({ method: 'POST', url: '/courses', token: world.tokens.orgAdminA, payload });
    expect(created.statusCode).toBe(201);
    const versionId = created.json().id;
    for (const [url, token, body] of [
      [`/course-versions/${versionId}/submit`, world.tokens.orgAdminA, undefined],
      [
        `/course-versions/${versionId}/approve`,
        world.tokens.admin,
        { approvalNumber: `甘质培审〔2026〕scorm-${randomUUID().slice(0, 6)}` },
      ],
      [`/course-versions/${versionId}/publish`, world.tokens.orgAdminA, undefined],
    ] as const) {
      const step = await api.request({ method: 'POST', url, token, payload: body });
      expect([url, step.statusCode]).toEqual([url, 200]);
    }
    return { versionId, lessonId: created.json().lessons[0].id as string };
  };
  const launch = (e = enrollmentId, l = lessonId, token = world.tokens.traineeTS) =>
    api.request({ method: 'POST', url: `/me/enrollments/${e}/lessons/${l}/scorm-launch`, token, payload: {} });
  /** The session's commit URL, as the injected runtime knows it. */
  const commitUrlOf = (launchUrl: string) => {
    const [, , sessionId, token] = launchUrl.split('/');
    return `/scorm-commits/${sessionId}/${token}`;
  };
  const commit = (launchUrl: string, body: object) =>
    api.request({
      method: 'POST',
      url: commitUrlOf(launchUrl),
      headers: { 'content-type': 'text/plain', origin: 'null' },
      payload: JSON.stringify(body),
    });
  const cmi12 = (core: Record<string, unknown>, suspend = '') => ({
    core: { lesson_status: 'incomplete', ...core },
    suspend_data: suspend,
  });
  const progress = async (lesson = lessonId, enrollment = enrollmentId) =>
    (
      await db.query(
        'SELECT active_seconds, completed_at, completed_via FROM lesson_progress WHERE enrollment_id = $1 AND lesson_id = $2',
        [enrollment, lesson],
      )
    )[0];
  /** The CMI the runtime of a served page starts from. */
  const injected = (html: string) =>
    JSON.parse(/window\.__cqoScorm=(\{.*?\});<\/script>/s.exec(html)![1]) as {
      version: string;
      cmi: Record<string, any>;
      commitUrl: string;
    };

  /**
   * Imports the sample package, publishes a scorm course on it and enrols traineeTS: each test
   * that needs a lesson to launch builds its own, so that none depends on another's state.
   */
  const enrolInSample = async () => {
    const imported = await importPackage(await zipOf(sample));
    expect(imported.statusCode).toBe(201);
    const published = await publish(scormCourse(imported.json().id));
    const enrolled = await api.request({
      method: 'POST',
      url: '/me/enrollments',
      token: world.tokens.traineeTS,
      payload: { courseVersionId: published.versionId },
    });
    expect(enrolled.statusCode).toBe(201);
    lessonId = published.lessonId;
    enrollmentId = enrolled.json().id;
    return { packageId: imported.json().id as string, ...published, enrollmentId };
  };

  beforeAll(async () => {
    api = await createTestApi({ clock });
    world = await seedWorld(api);
    db = api.get(DataSource);
  });
  beforeEach(() => clock.set('2026-05-01T01:00:00Z'));
  afterAll(() => api.close());

  it('refuses a zip without a manifest, a manifest pointing outside the package, a missing launch file, no SCO — storing nothing', async () => {
    const cases: [string, Buffer, RegExp][] = [
      ['no manifest', await zipOf({ 'sco/index.html': sample['sco/index.html'] }), /缺少 cmi5\.xml 或 imsmanifest\.xml/],
      [
        'href with ..',
        await zipOf({ ...sample, 'imsmanifest.xml': manifest.replace('href="sco/index.html">', 'href="../index.html">') }),
        /指向课件包之外/,
      ],
      [
        'absolute href',
        await zipOf({ ...sample, 'imsmanifest.xml': manifest.replace('href="sco/index.html">', 'href="/etc/index.html">') }),
        /指向课件包之外/,
      ],
      [
        'href to another site',
        await zipOf({
          ...sample,
          'imsmanifest.xml': manifest.replace('href="sco/index.html">', 'href="https://elsewhere.example/sco.html">'),
        }),
        /指向课件包之外/,
      ],
      [
        'file href outside',
        await zipOf({ ...sample, 'imsmanifest.xml': manifest.replace('<file href="sco/sco.js"/>', '<file href="../../sco.js"/>') }),
        /指向课件包之外/,
      ],
      [
        'missing launch file',
        await zipOf({ ...sample, 'imsmanifest.xml': manifest.replace('href="sco/index.html">', 'href="sco/start.html">') }),
        /启动文件在包内不存在/,
      ],
      [
        'no SCO',
        await zipOf({ ...sample, 'imsmanifest.xml': manifest.replace('adlcp:scormtype="sco"', 'adlcp:scormtype="asset"') }),
        /没有 SCO/,
      ],
      ['not XML', await zipOf({ ...sample, 'imsmanifest.xml': '<manifest><oops' }), /不是有效的 XML/],
      ['entry outside the package', await zipWithEntryNamed(sample, '../evil.html'), /路径不安全|不是有效的 ZIP/],
    ];
    const [{ stored }] = await db.query('SELECT count(*)::int AS stored FROM content_packages');
    for (const [name, zip, message] of cases) {
      const res = await importPackage(zip);
      expect([name, res.statusCode, res.json().details?.[0]?.field]).toEqual([name, 400, 'contentBase64']);
      expect([name, res.json().message]).toEqual([name, expect.stringMatching(message)]);
    }
    expect(await db.query('SELECT count(*)::int AS stored FROM content_packages')).toEqual([{ stored }]);
  });

  it('imports the sample SCORM 1.2 package; a scorm lesson names it and goes through the usual approval', async () => {
    const res = await importPackage(await zipOf(sample));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      standard: 'scorm12',
      title: '质量管理体系基础（SCORM 1.2 示例课件）',
      fileCount: 3,
      scos: [{ id: 'sco-1', href: 'sco/index.html', masteryScore: null }],
    });
    const packageId = res.json().id;
    // A cmi5 lesson cannot take a SCORM package, another organization cannot use it.
    expect(
      (
        await api.request({ method: 'POST', url: '/courses', token: world.tokens.orgAdminA, payload: scormCourse(packageId, 'cmi5') })
      ).json(),
    ).toMatchObject({
      statusCode: 400,
      details: [{ field: 'lessons[0].contentPackageId' }],
    });
    expect(
      (await api.request({ method: 'POST', url: '/courses', token: world.tokens.orgAdminB, payload: scormCourse(packageId) })).json(),
    ).toMatchObject({ statusCode: 400 });
    ({ lessonId } = await publish(scormCourse(packageId)));
    const versionId = (await db.query('SELECT course_version_id FROM lessons WHERE id = $1', [lessonId]))[0].course_version_id;
    clock.set('2026-05-02T01:00:00Z');
    enrollmentId = (
      await api.request({ method: 'POST', url: '/me/enrollments', token: world.tokens.traineeTS, payload: { courseVersionId: versionId } })
    ).json().id;
    // Study sessions (heartbeats) are not how a SCORM lesson is studied.
    const session = await api.request({
      method: 'POST',
      url: '/me/study-sessions',
      token: world.tokens.traineeTS,
      payload: { enrollmentId, lessonId },
    });
    expect(session.json()).toMatchObject({ statusCode: 400, code: 'LESSON_IS_SCORM' });
  });

  it('launches only for the enrolled trainee; serves the files by the session token, sandboxed, with the runtime in the HTML', async () => {
    const { packageId } = await enrolInSample();
    clock.set('2026-05-02T01:00:00Z');
    expect((await launch(enrollmentId, lessonId, world.tokens.traineeLZ)).statusCode).toBe(403);
    expect((await launch(enrollmentId, lessonId, world.tokens.orgAdminA)).statusCode).toBe(403);
    const res = await launch();
    expect(res.statusCode).toBe(201);
    const { url, version, scoId } = res.json();
    expect({ version, scoId }).toEqual({ version: '1.2', scoId: 'sco-1' });
    expect(url).toMatch(/^\/scorm-sessions\/[0-9a-f-]{36}\/[A-Za-z0-9_-]{43}\/sco\/index\.html$/);

    const page = await api.request({ method: 'GET', url });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain('sandbox allow-scripts');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    const config = injected(page.body);
    expect(config).toMatchObject({
      version: '1.2',
      commitUrl: commitUrlOf(url),
      cmi: { core: { student_id: 'traineets', entry: 'ab-initio', lesson_status: 'not attempted' } },
    });
    expect(page.body.indexOf('/scorm-runtime/scorm12.min.js')).toBeLessThan(page.body.indexOf('<script src="sco.js">'));
    const script = await api.request({ method: 'GET', url: url.replace('index.html', 'sco.js') });
    expect([script.statusCode, script.headers['content-type']]).toEqual([200, 'text/javascript; charset=utf-8']);
    expect(script.body).not.toContain('__cqoScorm');
    const runtime = await api.request({ method: 'GET', url: '/scorm-runtime/scorm12.min.js' });
    expect([runtime.statusCode, runtime.body.startsWith('this.Scorm12API=')]).toEqual([200, true]);

    // Another token, another session's id, traversal, a directory, the manifest's neighbours outside: refused.
    const [, , sessionId, token] = url.split('/');
    const other = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect((await api.request({ method: 'GET', url: `/scorm-sessions/${sessionId}/${other}/sco/index.html` })).statusCode).toBe(403);
    expect((await api.request({ method: 'GET', url: `/scorm-sessions/${randomUUID()}/${token}/sco/index.html` })).statusCode).toBe(403);
    expect(
      (await api.request({ method: 'GET', url: `/scorm-sessions/${sessionId}/${token}/sco/..%2F..%2F..%2Fcmi5-sample%2Fcmi5.xml` }))
        .statusCode,
    ).toBe(404);
    expect((await api.request({ method: 'GET', url: `/scorm-sessions/${sessionId}/${token}/sco/` })).statusCode).toBe(404);
    expect((await api.request({ method: 'GET', url: `/scorm-sessions/${sessionId}/${token}/sco/missing.html` })).statusCode).toBe(404);
    expect((await api.request({ method: 'GET', url: '/scorm-runtime/..%2Fpackage.json' })).statusCode).toBe(404);
    // The org admin of the package's organization and a platform admin may try it out: the runtime works, nothing is sent.
    const preview = (token: string) =>
      api.request({ method: 'POST', url: `/content-packages/${packageId}/scorm-preview`, token, payload: {} });
    expect((await preview(world.tokens.orgAdminB)).statusCode).toBe(403);
    expect((await preview(world.tokens.traineeTS)).statusCode).toBe(403);
    for (const token of [world.tokens.orgAdminA, world.tokens.admin]) {
      const tried = await preview(token);
      expect(tried.statusCode).toBe(200);
      const previewPage = await api.request({ method: 'GET', url: tried.json().url });
      expect(previewPage.statusCode).toBe(200);
      expect(injected(previewPage.body)).toMatchObject({ version: '1.2', commitUrl: null, cmi: { core: { entry: 'ab-initio' } } });
    }
    // The session lasts a sitting: eight hours later its files are refused.
    clock.advance(8 * 3_600_000 + 1000);
    expect((await api.request({ method: 'GET', url })).statusCode).toBe(403);
    expect((await commit(url, { kind: 'commit', cmi: cmi12({}) })).statusCode).toBe(403);
  });

  it('keeps the CMI data of a commit and resumes from it at the next launch; a finished session takes no more commits', async () => {
    await enrolInSample();
    clock.set('2026-05-03T01:00:00Z');
    const { url } = (await launch()).json();
    clock.advance(30_000);
    const saved = await commit(url, {
      kind: 'commit',
      cmi: cmi12({ lesson_location: 'page-2' }, 'visited=2'),
      sessionTime: null,
      visible: true,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.headers['access-control-allow-origin']).toBe('*');
    clock.advance(20_000);
    const left = await commit(url, {
      kind: 'finish',
      cmi: cmi12({ lesson_location: 'page-2', exit: 'suspend' }, 'visited=2'),
      sessionTime: '0000:00:50',
    });
    expect(left.json()).toMatchObject({ creditedSeconds: 50, lessonCompleted: false });
    expect((await commit(url, { kind: 'commit', cmi: cmi12({}) })).statusCode).toBe(409);
    const [attempt] = await db.query('SELECT cmi, total_seconds, completed_at FROM scorm_attempts WHERE enrollment_id = $1', [
      enrollmentId,
    ]);
    expect(attempt).toEqual({
      cmi: {
        'cmi.core.lesson_location': 'page-2',
        'cmi.core.lesson_status': 'incomplete',
        'cmi.core.exit': 'suspend',
        'cmi.suspend_data': 'visited=2',
      },
      total_seconds: 50,
      completed_at: null,
    });

    const again = (await launch()).json();
    const config = injected((await api.request({ method: 'GET', url: again.url })).body);
    expect(config.cmi).toMatchObject({
      core: { entry: 'resume', lesson_location: 'page-2', lesson_status: 'incomplete', total_time: '0000:00:50' },
      suspend_data: 'visited=2',
    });
    // The relaunch ended nothing open (the first had finished); a second launch supersedes this one.
    const third = (await launch()).json();
    expect((await commit(again.url, { kind: 'commit', cmi: cmi12({}) })).statusCode).toBe(409);
    expect((await api.request({ method: 'GET', url: again.url })).statusCode).toBe(403);
    expect((await commit(third.url, { kind: 'finish', cmi: cmi12({ lesson_status: 'bogus' }) })).json()).toMatchObject({
      statusCode: 400,
      details: [{ field: 'cmi.core.lesson_status' }],
    });
    expect((await commit(third.url, { kind: 'finish', cmi: cmi12({}), sessionTime: '6 minutes' })).json()).toMatchObject({
      statusCode: 400,
      details: [{ field: 'sessionTime' }],
    });
    expect((await commit(third.url, { kind: 'finish', cmi: cmi12({}), sessionTime: '0000:00:00' })).statusCode).toBe(200);
  });

  it('credits server-observed time between commits, capped per commit and by the reported session_time; completes on lesson_status', async () => {
    await enrolInSample();
    clock.set('2026-05-04T01:00:00Z');
    const before = (await progress())?.active_seconds ?? 0;
    const { url } = (await launch()).json();
    const credited = async (body: object) => (await commit(url, { cmi: cmi12({}), ...body })).json().creditedSeconds;
    clock.advance(30_000);
    // No session_time reported yet: the 30 s seen are held, not credited.
    expect(await credited({ kind: 'beat' })).toBe(0);
    clock.advance(30_000);
    // The SCO says 40 s: 40 of the 60 seen.
    expect(await credited({ kind: 'commit', sessionTime: '0000:00:40' })).toBe(40);
    clock.advance(30_000);
    // The SCO says 5 minutes, the server saw 90 s: 50 more.
    expect(await credited({ kind: 'beat', sessionTime: '0000:05:00' })).toBe(50);
    // A hidden page credits nothing.
    clock.advance(30_000);
    expect(await credited({ kind: 'beat', sessionTime: '0000:05:00', visible: false })).toBe(0);
    // Ten silent minutes count as one beat at most (the study rule's cap), however long the SCO says it was.
    clock.advance(10 * 60_000);
    expect(await credited({ kind: 'beat', sessionTime: '0000:15:00' })).toBe(60);
    clock.advance(30_000);
    const done = await commit(url, { kind: 'finish', cmi: cmi12({ lesson_status: 'completed' }), sessionTime: '0000:15:30' });
    expect(done.json()).toMatchObject({ creditedSeconds: 30, lessonCompleted: true });
    const p = await progress();
    expect(p.active_seconds - before).toBe(180);
    expect(p).toMatchObject({ completed_via: 'scorm', completed_at: new Date('2026-05-04T01:12:30Z') });
    // The lesson was complete before the next session: its time is not credited again.
    const next = (await launch()).json();
    clock.advance(30_000);
    expect(
      (await commit(next.url, { kind: 'finish', cmi: cmi12({ lesson_status: 'completed' }), sessionTime: '0000:00:30' })).json()
        .creditedSeconds,
    ).toBe(0);
  });

  it("ends a withdrawn trainee's sessions: files and commits refused", async () => {
    const { enrollmentId: enrollment, lessonId: otherLessonId } = await enrolInSample();
    const other = { lessonId: otherLessonId };
    const open = (await launch(enrollment, other.lessonId)).json();
    expect((await api.request({ method: 'GET', url: open.url })).statusCode).toBe(200);
    const withdrawn = await api.request({
      method: 'POST',
      url: `/me/enrollments/${enrollment}/withdraw`,
      token: world.tokens.traineeTS,
      payload: {},
    });
    expect(withdrawn.statusCode).toBeLessThan(300);
    expect((await api.request({ method: 'GET', url: open.url })).statusCode).toBe(403);
    expect((await commit(open.url, { kind: 'commit', cmi: cmi12({}) })).statusCode).toBe(403);
    expect((await launch(enrollment, other.lessonId)).json()).toMatchObject({ statusCode: 409, code: 'NOT_ENROLLED' });
  });

  it('does not complete a SCORM 2004 SCO with completionSetByContent=false on launch, nor on its own word: it needs the lesson time', async () => {
    const res = await importPackage(
      await zipOf({
        'imsmanifest.xml': MANIFEST_2004,
        'index.html': '<!doctype html><html><head><title>读</title></head><body>读</body></html>',
      }),
    );
    expect(res.json()).toMatchObject({ standard: 'scorm2004', scos: [{ id: 'sco-a', completionSetByContent: false }] });
    const published = await publish(scormCourse(res.json().id));
    const enrollment = (
      await api.request({
        method: 'POST',
        url: '/me/enrollments',
        token: world.tokens.traineeTS,
        payload: { courseVersionId: published.versionId },
      })
    ).json().id;
    const { url, version } = (await launch(enrollment, published.lessonId)).json();
    expect(version).toBe('2004');
    const config = injected((await api.request({ method: 'GET', url })).body);
    expect(config.cmi).toMatchObject({ learner_id: 'traineets', entry: 'ab-initio', completion_status: 'unknown' });
    const cmi = { completion_status: 'completed', success_status: 'passed' };
    expect((await commit(url, { kind: 'commit', cmi, sessionTime: 'PT0S' })).json()).toMatchObject({ lessonCompleted: false });
    expect((await progress(published.lessonId, enrollment)).completed_at).toBeNull();
    // Once its share of the lesson's minutes is credited (beat by beat), the lesson completes by time.
    const { required_seconds } = (
      await db.query('SELECT required_seconds FROM lesson_progress WHERE enrollment_id = $1 AND lesson_id = $2', [
        enrollment,
        published.lessonId,
      ])
    )[0];
    let seconds = 0;
    let last: { creditedSeconds: number; lessonCompleted: boolean } | undefined;
    while (seconds < required_seconds) {
      expect(last?.lessonCompleted ?? false).toBe(false);
      clock.advance(60_000);
      seconds += 60;
      last = (await commit(url, { kind: 'beat', cmi, sessionTime: `PT${seconds}S` })).json();
      expect(last!.creditedSeconds).toBe(60);
    }
    expect(last).toMatchObject({ lessonCompleted: true });
    expect(await progress(published.lessonId, enrollment)).toMatchObject({ completed_via: 'scorm', active_seconds: seconds });
  });

  it('moves between the SCOs of a SCORM 2004 package by navigation requests, and names what is wrong with a bad one', async () => {
    const res = await importPackage(await zipOf(filesOf(SCORM2004_SAMPLE_DIR)));
    expect(res.json()).toMatchObject({
      standard: 'scorm2004',
      scos: [
        { id: 'sco-intro', controlMode: { choice: true, flow: true, forwardOnly: false } },
        { id: 'sco-control', controlMode: { choice: true, flow: true, forwardOnly: false } },
      ],
    });
    const published = await publish(scormCourse(res.json().id));
    const enrollment = (
      await api.request({
        method: 'POST',
        url: '/me/enrollments',
        token: world.tokens.traineeTS,
        payload: { courseVersionId: published.versionId },
      })
    ).json().id;
    const nav = (payload: object, token = world.tokens.traineeTS) =>
      api.request({ method: 'POST', url: `/me/enrollments/${enrollment}/lessons/${published.lessonId}/scorm-launch`, token, payload });
    const sessions = () =>
      db.query('SELECT sco_id, ended_reason, credited_seconds FROM scorm_sessions WHERE enrollment_id = $1 ORDER BY launched_at, id', [
        enrollment,
      ]);

    // Nothing launched yet: no next or previous to go to.
    expect((await nav({ navRequest: 'continue' })).json()).toMatchObject({
      statusCode: 409,
      code: 'SCORM_NAV_REFUSED',
      details: [{ field: 'navRequest' }],
    });
    const first = await nav({});
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      scoId: 'sco-intro',
      version: '2004',
      navigation: {
        currentScoId: 'sco-intro',
        canPrevious: false,
        canContinue: true,
        items: [
          { id: 'sco-intro', title: '第一讲 风险识别', completed: false, selectable: false },
          { id: 'sco-control', title: '第二讲 风险控制', completed: false, selectable: true },
        ],
      },
    });
    expect((await nav({ navRequest: 'previous' })).json()).toMatchObject({
      statusCode: 409,
      code: 'SCORM_NAV_REFUSED',
      message: '已是第一讲，没有上一讲',
      details: [{ field: 'navRequest' }],
    });
    // Bad requests: named, nothing written.
    const before = (await sessions()).length;
    expect((await nav({ navRequest: 'jump' })).json()).toMatchObject({ statusCode: 400, details: [{ field: 'navRequest' }] });
    expect((await nav({ navRequest: 'choice' })).json()).toMatchObject({
      statusCode: 400,
      code: 'SCORM_NAV_INVALID',
      details: [{ field: 'scoId' }],
    });
    expect((await nav({ navRequest: 'choice', scoId: 'nope' })).json()).toMatchObject({
      statusCode: 400,
      code: 'SCORM_NAV_INVALID',
      details: [{ field: 'scoId', message: '课件包中没有该 SCO：nope' }],
    });
    expect((await nav({ navRequest: 'continue', scoId: 'sco-control' })).json()).toMatchObject({
      statusCode: 400,
      details: [{ field: 'scoId' }],
    });
    expect((await nav({ navRequest: 'continue' }, world.tokens.traineeLZ)).statusCode).toBe(403);
    // The refused requests did not end the open session.
    expect((await sessions()).length).toBe(before);
    expect((await sessions()).at(-1)).toMatchObject({ sco_id: 'sco-intro', ended_reason: null });
    const firstSession = (await sessions()).at(-1);

    // A minute in SCO 1, then "下一讲": SCO 1's session is left by navigation.
    clock.advance(60_000);
    expect(
      (await commit(first.json().url, { kind: 'beat', cmi: { completion_status: 'incomplete' }, sessionTime: 'PT60S' })).json(),
    ).toMatchObject({
      creditedSeconds: 60,
    });
    clock.advance(30_000);
    const second = await nav({ navRequest: 'continue' });
    expect(second.json()).toMatchObject({
      scoId: 'sco-control',
      navigation: { currentScoId: 'sco-control', canPrevious: true, canContinue: false },
    });
    expect((await nav({ navRequest: 'continue' })).json()).toMatchObject({
      statusCode: 409,
      message: '已是最后一讲，没有下一讲',
      details: [{ field: 'navRequest' }],
    });
    // SCO 2 commits its own data first; then SCO 1's late Terminate (sent as its frame went away)
    // lands in SCO 1's attempt, its time counted only up to when it was left (30 s more, not 40).
    expect((await commit(second.json().url, { kind: 'commit', cmi: { completion_status: 'incomplete', location: 'p2' } })).statusCode).toBe(
      200,
    );
    clock.advance(10_000);
    const late = await commit(first.json().url, {
      kind: 'finish',
      cmi: { completion_status: 'completed', success_status: 'passed', location: 'end' },
      sessionTime: 'PT100S',
    });
    expect(late.json()).toMatchObject({ creditedSeconds: 30, lessonCompleted: false });
    // …and after that, SCO 1's session takes nothing more.
    expect((await commit(first.json().url, { kind: 'commit', cmi: {} })).statusCode).toBe(409);
    const attempts = await db.query('SELECT sco_id, cmi, completed_at FROM scorm_attempts WHERE enrollment_id = $1 ORDER BY sco_id', [
      enrollment,
    ]);
    expect(attempts).toEqual([
      { sco_id: 'sco-control', cmi: { 'cmi.completion_status': 'incomplete', 'cmi.location': 'p2' }, completed_at: null },
      {
        sco_id: 'sco-intro',
        cmi: { 'cmi.completion_status': 'completed', 'cmi.success_status': 'passed', 'cmi.location': 'end' },
        completed_at: expect.any(Date),
      },
    ]);
    // Relaunching SCO 2 resumes it (and supersedes the open session); "上一讲" shows SCO 1 completed.
    clock.advance(1_000);
    const again = await nav({});
    expect(again.json()).toMatchObject({ scoId: 'sco-control' });
    expect(injected((await api.request({ method: 'GET', url: again.json().url })).body).cmi).toMatchObject({ location: 'p2' });
    clock.advance(1_000);
    const back = await nav({ navRequest: 'previous' });
    expect(back.json()).toMatchObject({
      scoId: 'sco-intro',
      navigation: {
        items: [
          { id: 'sco-intro', completed: true },
          { id: 'sco-control', completed: false },
        ],
      },
    });
    clock.advance(1_000);
    const chosen = await nav({ navRequest: 'choice', scoId: 'sco-control' });
    expect(chosen.json()).toMatchObject({ scoId: 'sco-control' });
    // A session left long ago takes no late commit.
    clock.advance(120_000);
    expect((await commit(back.json().url, { kind: 'finish', cmi: {} })).statusCode).toBe(409);
    expect((await sessions()).map((x: { sco_id: string; ended_reason: string }) => [x.sco_id, x.ended_reason])).toEqual([
      ['sco-intro', 'finished'],
      ['sco-control', 'superseded'],
      ['sco-control', 'navigated'],
      ['sco-intro', 'navigated'],
      ['sco-control', null],
    ]);
    expect(firstSession.sco_id).toBe('sco-intro');
    // SCO 2 completes: the lesson completes (both SCOs report completion) with the time credited.
    clock.advance(60_000);
    const done = await commit(chosen.json().url, { kind: 'finish', cmi: { completion_status: 'completed' }, sessionTime: 'PT60S' });
    expect(done.json()).toMatchObject({ creditedSeconds: 60, lessonCompleted: true });
    expect(await progress(published.lessonId, enrollment)).toMatchObject({ completed_via: 'scorm', active_seconds: 150 });
  });
});
