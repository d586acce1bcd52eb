import type { Response } from 'playwright-core';
import { DESKTOP, signIn } from '../support/browser';
import { TEST_PASSWORD } from '../support/fixtures';
import type { PackageLessonStage } from '../support/package-lesson';
import { stagePackageLesson } from '../support/package-lesson';
import { filesOf, SCORM12_SAMPLE_DIR, zipOf } from '../support/packages';

/**
 * The sample SCORM 1.2 package (tests/fixtures/scorm12-sample: a SCO calling LMSInitialize,
 * LMSSetValue, LMSCommit and LMSFinish on the API it finds) played in Chromium: the org admin
 * imports it in the course form; the trainee launches it, moves a page, saves and leaves,
 * relaunches and resumes on that page; six minutes pass beat by beat (the server's clock and the
 * page's clock both moved ahead), the trainee finishes, and the lesson completes crediting the
 * six minutes the server saw and the SCO reported.
 */
jest.setTimeout(240_000);

describe('a SCORM 1.2 package in Chromium', () => {
  let stage: PackageLessonStage;

  beforeAll(async () => {
    stage = await stagePackageLesson({
      packageDir: SCORM12_SAMPLE_DIR,
      fileName: 'scorm-sample.zip',
      type: 'scorm',
      courseTitle: 'SCORM 课件课程（浏览器测试）',
      lessonTitle: '质量管理体系基础（课件）',
    });
  });

  afterAll(async () => {
    await stage?.close();
  });

  it('lets the org admin import a SCORM package in the course form, and says what is wrong with a bad one', async () => {
    const admin = await stage.browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    const org = await admin.newPage();
    org.on('pageerror', (error) => stage.failures.push(`page error: ${error.message}`));
    try {
      await signIn(org, stage.servers.baseUrl, 'orgadmina', TEST_PASSWORD);
      await org.goto(`${stage.servers.baseUrl}/app/org/courses/new`);
      const lesson = org.getByRole('group', { name: '第 1 课时' });
      await lesson.getByLabel('类型').selectOption('scorm');
      const input = lesson.getByTestId('package-upload-input');
      const sample = filesOf(SCORM12_SAMPLE_DIR);
      const broken = sample['imsmanifest.xml'].toString().replace('href="sco/index.html">', 'href="../index.html">');
      await input.setInputFiles({
        name: 'broken.zip',
        mimeType: 'application/zip',
        buffer: await zipOf({ ...sample, 'imsmanifest.xml': broken }),
      });
      await lesson.getByText('指向课件包之外').waitFor();
      await input.setInputFiles({ name: 'scorm-sample.zip', mimeType: 'application/zip', buffer: await zipOf(sample) });
      await lesson.getByTestId('package-imported').getByText('质量管理体系基础（SCORM 1.2 示例课件）').waitFor();
      expect(await stage.db.query(`SELECT standard FROM content_packages WHERE original_name = 'scorm-sample.zip'`)).toEqual([
        { standard: 'scorm12' },
        { standard: 'scorm12' },
      ]);
    } finally {
      await admin.close();
    }
  });

  it('runs the SCO with the injected runtime, resumes it, and completes the lesson with the minutes the server saw', async () => {
    const commits = () => stage.page.waitForResponse((res) => res.url().includes('/scorm-commits/') && res.request().method() === 'POST');
    /** The statuses of the next `count` commits, in order. */
    const commitStatuses = (count: number) =>
      new Promise<number[]>((resolve) => {
        const statuses: number[] = [];
        const onResponse = (res: Response) => {
          if (!res.url().includes('/scorm-commits/') || res.request().method() !== 'POST') return;
          statuses.push(res.status());
          if (statuses.length < count) return;
          stage.page.off('response', onResponse);
          resolve(statuses);
        };
        stage.page.on('response', onResponse);
      });
    await stage.page.goto(`${stage.servers.baseUrl}/app/learning/${stage.enrollmentId}`);
    await stage.page.getByRole('link', { name: '开始学习', exact: true }).click();
    await stage.page.waitForURL(`**/learning/${stage.enrollmentId}/lessons/${stage.lessonId}`);
    await stage.page.getByRole('button', { name: '启动课件' }).click();
    let sco = stage.page.frameLocator('[data-testid="scorm-frame"]');
    await sco.locator('#status[data-state="ready"][data-entry="ab-initio"]').waitFor();
    const launchedAt = Date.now();

    // A page further, then "save and leave": the SCO commits its location and suspends.
    const saved = commits();
    await sco.getByRole('button', { name: '下一页' }).click();
    expect((await saved).status()).toBe(200);
    // Leaving commits twice (LMSCommit, then LMSFinish's own commit): both are watched for before
    // the click, since the second may land before a waiter set up after the first would listen.
    const leaving = commitStatuses(2);
    await sco.getByRole('button', { name: '保存并退出' }).click();
    await sco.locator('#status[data-state="suspended"]').waitFor();
    expect(await leaving).toEqual([200, 200]);

    // Launched again, it resumes on page 2 with its suspend data.
    await stage.page.getByRole('button', { name: '重新启动课件' }).click();
    sco = stage.page.frameLocator('[data-testid="scorm-frame"]');
    await sco.locator('#status[data-state="ready"][data-entry="resume"][data-suspend="visited=2"]').waitFor();
    expect(await sco.locator('#page').textContent()).toBe('2');

    // Six minutes of study, beat by beat: the server's clock and the page's move ahead together.
    for (let beat = 0; beat < 12; beat++) {
      const beaten = commits();
      stage.clock.advance(30_000);
      await stage.context.clock.fastForward('00:30');
      expect((await beaten).status()).toBe(200);
    }
    const finished = commits();
    await sco.getByRole('button', { name: '完成课程' }).click();
    await sco.locator('#status[data-state="completed"]').waitFor();
    await finished;
    await stage.page.getByTestId('scorm-progress').getByText('本课时已完成').waitFor({ timeout: 15_000 });

    const [row] = await stage.db.query(
      'SELECT active_seconds, completed_at, completed_via FROM lesson_progress WHERE enrollment_id = $1 AND lesson_id = $2',
      [stage.enrollmentId, stage.lessonId],
    );
    const realSeconds = Math.ceil((Date.now() - launchedAt) / 1000) + 2;
    expect(row.completed_via).toBe('scorm');
    // Six minutes, plus the few real seconds the test took: no more than the server observed.
    expect(row.active_seconds).toBeGreaterThanOrEqual(360);
    expect(row.active_seconds).toBeLessThanOrEqual(360 + realSeconds);
    const sessions = await stage.db.query(
      'SELECT ended_reason, reported_seconds, credited_seconds FROM scorm_sessions WHERE enrollment_id = $1 ORDER BY launched_at',
      [stage.enrollmentId],
    );
    expect(sessions.map((s: { ended_reason: string }) => s.ended_reason)).toEqual(['finished', 'finished']);
    // Each session credited no more than its SCO reported.
    for (const s of sessions) expect(s.credited_seconds).toBeLessThanOrEqual(s.reported_seconds);
    const [attempt] = await stage.db.query('SELECT cmi, completed_at FROM scorm_attempts WHERE enrollment_id = $1', [stage.enrollmentId]);
    expect(attempt).toMatchObject({
      cmi: { 'cmi.core.lesson_status': 'completed', 'cmi.core.lesson_location': 'page-2' },
      completed_at: expect.any(Date),
    });
    expect(stage.failures).toEqual([]);
  });
});
