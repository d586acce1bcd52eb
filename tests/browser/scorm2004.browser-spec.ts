import { DESKTOP, signIn } from '../support/browser';
import { TEST_PASSWORD } from '../support/fixtures';
import type { PackageLessonStage } from '../support/package-lesson';
import { stagePackageLesson } from '../support/package-lesson';
import { SCORM2004_SAMPLE_DIR } from '../support/packages';

/**
 * The sample SCORM 2004 package (tests/fixtures/scorm2004-sample: two SCOs, choice and flow
 * navigation, each calling Initialize, SetValue, Commit and Terminate on API_1484_11) played in
 * Chromium: the trainee launches the first SCO, studies three minutes beat by beat (the server's
 * clock and the page's both moved ahead), completes it, goes to 下一讲, studies two minutes and
 * completes the second; the lesson completes crediting the five minutes, each SCO's attempt its own.
 */
jest.setTimeout(240_000);

describe('a SCORM 2004 package with two SCOs in Chromium', () => {
  let stage: PackageLessonStage;

  beforeAll(async () => {
    stage = await stagePackageLesson({
      packageDir: SCORM2004_SAMPLE_DIR,
      fileName: 'scorm2004-sample.zip',
      type: 'scorm',
      courseTitle: 'SCORM 2004 课件课程（浏览器测试）',
      lessonTitle: '质量风险管理（课件）',
    });
  });

  afterAll(async () => {
    await stage?.close();
  });

  it('plays both SCOs to completion through 下一讲, crediting the minutes each SCO was studied', async () => {
    const commits = () => stage.page.waitForResponse((res) => res.url().includes('/scorm-commits/') && res.request().method() === 'POST');
    /** `minutes` of study, beat by beat: the server's clock and the page's move ahead together. */
    const study = async (minutes: number) => {
      for (let beat = 0; beat < minutes * 2; beat++) {
        const beaten = commits();
        stage.clock.advance(30_000);
        await stage.context.clock.fastForward('00:30');
        expect((await beaten).status()).toBe(200);
      }
    };
    /** Completes the SCO in the frame: Commit, then Terminate's own commit, both watched for before the click. */
    const complete = async () => {
      const sco = stage.page.frameLocator('[data-testid="scorm-frame"]');
      const statuses: number[] = [];
      const both = new Promise<void>((resolve) => {
        const onResponse = (res: import('playwright-core').Response) => {
          if (!res.url().includes('/scorm-commits/') || res.request().method() !== 'POST') return;
          statuses.push(res.status());
          if (statuses.length < 2) return;
          stage.page.off('response', onResponse);
          resolve();
        };
        stage.page.on('response', onResponse);
      });
      await sco.getByRole('button', { name: '完成本讲' }).click();
      await sco.locator('#status[data-state="completed"]').waitFor();
      await both;
      expect(statuses).toEqual([200, 200]);
    };

    await stage.page.goto(`${stage.servers.baseUrl}/app/learning/${stage.enrollmentId}`);
    await stage.page.getByRole('link', { name: '开始学习', exact: true }).click();
    await stage.page.waitForURL(`**/learning/${stage.enrollmentId}/lessons/${stage.lessonId}`);
    await stage.page.getByRole('button', { name: '启动课件' }).click();
    const outline = stage.page.getByTestId('scorm-outline');
    await outline.getByText('第一讲 风险识别（当前）').waitFor();
    expect(await outline.getByRole('button', { name: '上一讲' }).isDisabled()).toBe(true);
    const sco = stage.page.frameLocator('[data-testid="scorm-frame"]');
    await sco.getByRole('heading', { name: '第一讲 风险识别' }).waitFor();
    await sco.locator('#status[data-state="ready"][data-entry="ab-initio"]').waitFor();
    const launchedAt = Date.now();

    await study(3);
    await complete();

    // 下一讲: the second SCO, in a new session; the list marks the first as completed.
    await outline.getByRole('button', { name: '下一讲' }).click();
    await outline.getByText('第二讲 风险控制（当前）').waitFor();
    await outline.getByText('✓ 已完成').waitFor();
    expect(await outline.getByRole('button', { name: '下一讲' }).isDisabled()).toBe(true);
    await sco.getByRole('heading', { name: '第二讲 风险控制' }).waitFor();
    await sco.locator('#status[data-state="ready"][data-entry="ab-initio"]').waitFor();

    await study(2);
    await complete();
    await stage.page.getByTestId('scorm-progress').getByText('本课时已完成').waitFor({ timeout: 15_000 });

    const [row] = await stage.db.query(
      'SELECT active_seconds, completed_via FROM lesson_progress WHERE enrollment_id = $1 AND lesson_id = $2',
      [stage.enrollmentId, stage.lessonId],
    );
    const realSeconds = Math.ceil((Date.now() - launchedAt) / 1000) + 2;
    expect(row.completed_via).toBe('scorm');
    // Five minutes, plus the few real seconds the test took: no more than the server observed.
    expect(row.active_seconds).toBeGreaterThanOrEqual(300);
    expect(row.active_seconds).toBeLessThanOrEqual(300 + realSeconds);
    const sessions = await stage.db.query(
      'SELECT sco_id, ended_reason, reported_seconds, credited_seconds FROM scorm_sessions WHERE enrollment_id = $1 ORDER BY launched_at',
      [stage.enrollmentId],
    );
    expect(sessions.map((s: { sco_id: string; ended_reason: string }) => [s.sco_id, s.ended_reason])).toEqual([
      ['sco-intro', 'finished'],
      ['sco-control', 'finished'],
    ]);
    // Each SCO credited its own minutes, no more than it reported.
    expect(sessions[0].credited_seconds).toBeGreaterThanOrEqual(180);
    expect(sessions[0].credited_seconds).toBeLessThan(240);
    expect(sessions[1].credited_seconds).toBeGreaterThanOrEqual(120);
    expect(sessions[1].credited_seconds).toBeLessThan(180);
    for (const s of sessions) expect(s.credited_seconds).toBeLessThanOrEqual(s.reported_seconds);
    const attempts = await stage.db.query('SELECT sco_id, cmi, completed_at FROM scorm_attempts WHERE enrollment_id = $1 ORDER BY sco_id', [
      stage.enrollmentId,
    ]);
    expect(attempts).toEqual([
      { sco_id: 'sco-control', cmi: expect.objectContaining({ 'cmi.completion_status': 'completed' }), completed_at: expect.any(Date) },
      { sco_id: 'sco-intro', cmi: expect.objectContaining({ 'cmi.completion_status': 'completed' }), completed_at: expect.any(Date) },
    ]);
    expect(stage.failures).toEqual([]);
  });

  it("lets the org admin preview the package's SCOs from the version stage.page, recording nothing", async () => {
    const admin = await stage.browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    const org = await admin.newPage();
    org.on('pageerror', (error) => stage.failures.push(`page error: ${error.message}`));
    try {
      const before = await stage.db.query('SELECT count(*)::int AS n FROM scorm_sessions');
      await signIn(org, stage.servers.baseUrl, 'orgadmina', TEST_PASSWORD);
      await org.goto(`${stage.servers.baseUrl}/app/org/versions/${stage.versionId}`);
      await org.getByRole('button', { name: '预览：质量风险管理（课件）' }).click();
      const preview = org.getByTestId('lesson-preview');
      const frame = org.frameLocator('[data-testid="preview-frame"]');
      await frame.getByRole('heading', { name: '第一讲 风险识别' }).waitFor();
      // The runtime answers the SCO (learner 预览) but sends nothing.
      await frame.locator('#status[data-state="ready"]').getByText('已连接平台（预览）').waitFor();
      await preview.getByRole('button', { name: '第二讲 风险控制' }).click();
      await frame.getByRole('heading', { name: '第二讲 风险控制' }).waitFor();
      expect(await stage.db.query('SELECT count(*)::int AS n FROM scorm_sessions')).toEqual(before);
      expect(stage.failures).toEqual([]);
    } finally {
      await admin.close();
    }
  });
});
