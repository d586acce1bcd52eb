import { DESKTOP, signIn } from '../support/browser';
import { TEST_PASSWORD } from '../support/fixtures';
import type { PackageLessonStage } from '../support/package-lesson';
import { stagePackageLesson } from '../support/package-lesson';
import { CMI5_SAMPLE_DIR, filesOf, zipOf } from '../support/packages';

/**
 * The sample cmi5 course (tests/fixtures/cmi5-sample: an AU page talking to our xAPI endpoint
 * with plain fetch) played in Chromium: the trainee launches it from the lesson page, the AU runs
 * sandboxed in a frame, exchanges its fetch token, reads LMS.LaunchData and reports; six minutes
 * pass (the server's clock and the page's clock both moved ahead), the trainee answers the quiz
 * and the lesson completes by the AU's moveOn, crediting the six minutes the server saw.
 */
jest.setTimeout(180_000);

describe('a cmi5 course in Chromium', () => {
  let stage: PackageLessonStage;
  const ORG_ADMIN = 'orgadmina';

  beforeAll(async () => {
    stage = await stagePackageLesson({
      packageDir: CMI5_SAMPLE_DIR,
      fileName: 'quality-basics.zip',
      type: 'cmi5',
      courseTitle: 'cmi5 课件课程（浏览器测试）',
      lessonTitle: '质量管理原则（课件）',
      failStatus: 500,
    });
  });

  it('lets the org admin import a cmi5 package in the course form, and says what is wrong with a bad one', async () => {
    const admin = await stage.browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    const org = await admin.newPage();
    org.on('pageerror', (error) => stage.failures.push(`page error: ${error.message}`));
    try {
      await signIn(org, stage.servers.baseUrl, ORG_ADMIN, TEST_PASSWORD);
      await org.goto(`${stage.servers.baseUrl}/app/org/courses/new`);
      const lesson = org.getByRole('group', { name: '第 1 课时' });
      await lesson.getByLabel('类型').selectOption('cmi5');
      const input = lesson.getByTestId('package-upload-input');
      await input.setInputFiles({
        name: 'broken.zip',
        mimeType: 'application/zip',
        buffer: await zipOf({ 'index.html': '<p>no manifest</p>' }),
      });
      await lesson.getByText('压缩包根目录缺少 cmi5.xml').waitFor();
      await input.setInputFiles({ name: 'quality-basics.zip', mimeType: 'application/zip', buffer: await zipOf(filesOf(CMI5_SAMPLE_DIR)) });
      await lesson.getByTestId('package-imported').getByText('质量管理基础（cmi5 示例课件）').waitFor();
      expect(await stage.db.query(`SELECT original_name FROM content_packages WHERE original_name = 'quality-basics.zip'`)).toHaveLength(2);
      expect(stage.failures).toEqual([]);
    } finally {
      await admin.close();
    }
  });

  afterAll(async () => {
    await stage?.close();
  });

  it('launches the AU, which reports through our endpoint, and completes the lesson with the minutes the server saw', async () => {
    await stage.page.goto(`${stage.servers.baseUrl}/app/learning/${stage.enrollmentId}`);
    await stage.page.getByRole('link', { name: '开始学习', exact: true }).click();
    await stage.page.waitForURL(`**/learning/${stage.enrollmentId}/lessons/${stage.lessonId}`);
    await stage.page.getByRole('button', { name: '启动课件' }).click();
    const au = stage.page.frameLocator('[data-testid="cmi5-frame"]');
    await au.locator('#status[data-state="ready"]').waitFor();
    const launchedAt = Date.now();

    // Six minutes of study: the server's clock and the page's move ahead together.
    stage.clock.advance(6 * 60_000);
    await stage.context.clock.fastForward('06:00');
    await au.getByLabel('“过程方法”属于质量管理原则吗？').selectOption('yes');
    await au.getByRole('button', { name: '提交并完成' }).click();
    await au.locator('#status[data-state="passed"]').waitFor();
    await stage.page.getByTestId('cmi5-progress').getByText('本课时已完成').waitFor({ timeout: 15_000 });

    const [row] = await stage.db.query(
      'SELECT active_seconds, completed_at, completed_via FROM lesson_progress WHERE enrollment_id = $1 AND lesson_id = $2',
      [stage.enrollmentId, stage.lessonId],
    );
    const realSeconds = Math.ceil((Date.now() - launchedAt) / 1000) + 2;
    expect(row.completed_via).toBe('xapi');
    expect(row.completed_at).toEqual(expect.any(Date));
    // Six minutes, plus the few real seconds the test took: no more than the server observed.
    expect(row.active_seconds).toBeGreaterThanOrEqual(360);
    expect(row.active_seconds).toBeLessThanOrEqual(360 + realSeconds);
    const verbs = (
      await stage.db.query(`SELECT verb FROM xapi_statements WHERE enrollment_id = $1 ORDER BY stored_at, verb`, [stage.enrollmentId])
    ).map((r: { verb: string }) => r.verb);
    expect(verbs).toEqual(
      expect.arrayContaining(['launched', 'http://adlnet.gov/expapi/verbs/initialized', 'completed', 'passed', 'satisfied', 'terminated']),
    );
    const [launch] = await stage.db.query('SELECT fetch_used_at, terminated_at FROM cmi5_launches WHERE enrollment_id = $1', [
      stage.enrollmentId,
    ]);
    expect(launch).toEqual({ fetch_used_at: expect.any(Date), terminated_at: expect.any(Date) });
    expect(stage.failures).toEqual([]);
  });
});
