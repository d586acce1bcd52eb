import { DataSource } from 'typeorm';
import type { TestApi } from '../support/api';
import { createTestApi } from '../support/api';
import { listen, smallPdf, uploadWhole } from '../support/content';
import { onlineCourse } from '../support/courses';
import type { World } from '../support/fixtures';
import { seedWorld } from '../support/fixtures';
import { CMI5_SAMPLE_DIR, filesOf, SCORM2004_SAMPLE_DIR, zipOf } from '../support/packages';

/**
 * Issue 19, point 4: the lessons of a course version under review are previewed by the reviewer
 * (platform admin) and by the version's org admin — a PDF by signed URL, a SCORM SCO with a runtime
 * that sends nothing, a cmi5 AU without a launch session — and nobody else; a preview records and
 * credits nothing.
 */
describe('previewing a lesson for approval', () => {
  let api: TestApi;
  let world: World;
  let db: DataSource;
  let base: string;
  let versionId: string;
  let lessons: { id: string; type: string }[];

  beforeAll(async () => {
    api = await createTestApi();
    world = await seedWorld(api);
    db = api.get(DataSource);
    base = await listen(api);
    const packageOf = async (dir: string, fileName: string) => {
      const res = await api.request({
        method: 'POST',
        url: '/content-packages',
        token: world.tokens.orgAdminA,
        payload: { fileName, contentBase64: (await zipOf(filesOf(dir))).toString('base64') },
      });
      expect(res.statusCode).toBe(201);
      return res.json().id as string;
    };
    const scorm = await packageOf(SCORM2004_SAMPLE_DIR, 'scorm2004.zip');
    const cmi5 = await packageOf(CMI5_SAMPLE_DIR, 'cmi5.zip');
    const created = await api.request({
      method: 'POST',
      url: '/courses',
      token: world.tokens.orgAdminA,
      payload: onlineCourse({
        lessons: [
          { title: '讲义', type: 'document', minutes: 10, required: true },
          { title: '风险管理（SCORM）', type: 'scorm', minutes: 10, required: true, contentPackageId: scorm },
          { title: '质量工具（cmi5）', type: 'cmi5', minutes: 10, required: true, contentPackageId: cmi5 },
          { title: '现场研讨', type: 'video', minutes: 10, required: false },
        ],
      }),
    });
    expect(created.statusCode).toBe(201);
    versionId = created.json().id;
    lessons = created.json().lessons;
    const uploaded = await uploadWhole(base, world.tokens.orgAdminA, await smallPdf(), {
      filename: 'handout.pdf',
      lessonId: lessons[0].id,
    });
    expect(uploaded.json()).toMatchObject({ kind: 'document', mimeType: 'application/pdf' });
    expect(
      (await api.request({ method: 'POST', url: `/course-versions/${versionId}/submit`, token: world.tokens.orgAdminA })).statusCode,
    ).toBe(200);
  });
  afterAll(() => api.close());

  const preview = (lesson: number | string, token: string, payload: object = {}, version = versionId) =>
    api.request({
      method: 'POST',
      url: `/course-versions/${version}/lessons/${typeof lesson === 'number' ? lessons[lesson].id : lesson}/preview`,
      token,
      payload,
    });
  /** Everything a launch or study would write. */
  const records = async () =>
    (
      await db.query(
        `SELECT (SELECT count(*) FROM enrollments)::int AS enrollments, (SELECT count(*) FROM lesson_progress)::int AS progress,
                (SELECT count(*) FROM scorm_sessions)::int AS scorm, (SELECT count(*) FROM scorm_attempts)::int AS attempts,
                (SELECT count(*) FROM cmi5_launches)::int AS cmi5, (SELECT count(*) FROM xapi_statements)::int AS statements,
                (SELECT count(*) FROM study_sessions)::int AS study`,
      )
    )[0];

  it('lets the reviewer and the org admin open each lesson as a trainee would see it', async () => {
    const before = await records();
    for (const token of [world.tokens.admin, world.tokens.orgAdminA]) {
      const pdf = await preview(0, token);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.json()).toMatchObject({ type: 'document', kind: 'file', mimeType: 'application/pdf', items: [], itemId: null });
      const file = await api.request({ method: 'GET', url: pdf.json().url });
      expect(file.statusCode).toBe(200);
      expect(file.body.startsWith('%PDF')).toBe(true);

      const scorm = await preview(1, token);
      expect(scorm.json()).toMatchObject({
        type: 'scorm',
        kind: 'package',
        itemId: 'sco-intro',
        items: [
          { id: 'sco-intro', title: '第一讲 风险识别' },
          { id: 'sco-control', title: '第二讲 风险控制' },
        ],
      });
      const second = await preview(1, token, { itemId: 'sco-control' });
      expect(second.json()).toMatchObject({ itemId: 'sco-control' });
      expect(second.json().url).toMatch(/\/sco2\/index\.html$/);
      const page = await api.request({ method: 'GET', url: second.json().url });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('第二讲 风险控制');
      // The runtime works in the preview but has nowhere to commit.
      expect(page.body).toContain('"commitUrl":null');

      const cmi5 = await preview(2, token);
      expect(cmi5.json()).toMatchObject({ type: 'cmi5', kind: 'package' });
      expect(cmi5.json().url).not.toContain('fetch=');
      expect((await api.request({ method: 'GET', url: cmi5.json().url })).statusCode).toBe(200);
    }
    // Nothing was recorded or credited.
    expect(await records()).toEqual(before);
  });

  it('refuses trainees and other organizations, and names what cannot be previewed', async () => {
    for (const token of [world.tokens.traineeTS, world.tokens.orgAdminB, world.tokens.regulatorLZ]) {
      expect((await preview(1, token)).statusCode).toBe(403);
    }
    expect((await preview(1, world.tokens.admin, { itemId: 'nope' })).json()).toMatchObject({
      statusCode: 400,
      code: 'LESSON_PREVIEW_ITEM_NOT_FOUND',
      details: [{ field: 'itemId' }],
    });
    expect((await preview(3, world.tokens.admin)).json()).toMatchObject({
      statusCode: 400,
      code: 'LESSON_PREVIEW_UNAVAILABLE',
      details: [{ field: 'lessonId' }],
    });
    expect((await preview(0, world.tokens.admin, { itemId: 7 })).json()).toMatchObject({ statusCode: 400, details: [{ field: 'itemId' }] });
    // A lesson of another version is not found there.
    const other = await api.request({ method: 'POST', url: '/courses', token: world.tokens.orgAdminA, payload: onlineCourse() });
    expect((await preview(0, world.tokens.admin, {}, other.json().id)).statusCode).toBe(404);
  });
});
