import { DataSource } from 'typeorm';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { ContentFilesService } from '@cqo/courses';
import { seedDemoContent } from '../../apps/cli/src/demo-content';
import { onlineCourse, publishCourse } from '../support/courses';
import { createQuestion, questionBodies } from '../support/exams';
import type { LiveServers } from '../support/browser';
import { DESKTOP, launchChromium, ShiftedClock, signIn, startLiveServers } from '../support/browser';
import type { World } from '../support/fixtures';
import { seedWorld, TEST_PASSWORD } from '../support/fixtures';

/**
 * Studying hosted content in Chromium: the trainee plays the demo video (the seeded one, H.264/AAC
 * MP4, which Debian's Chromium plays), a seek ahead is snapped back and never credited, an open
 * attention check (a bank question) holds crediting, a second tab pauses the first and says why,
 * completion arrives when the credited time reaches the requirement, and the handout PDF is drawn
 * by pdf.js, whose code only the document lesson downloads. Heartbeats come every 3 s
 * (STUDY_HEARTBEAT_SECONDS); every wait is on a visible state or a heartbeat's answer.
 */
jest.setTimeout(240_000);

// The few DOM shapes the page functions use (the test project compiles without the DOM library).
interface VideoLike {
  currentTime: number;
  paused: boolean;
  seeking: boolean;
  playbackRate: number;
  error: { code: number } | null;
}
interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null;
}
declare const document: { querySelector<T>(selector: string): T | null };

interface Beat {
  creditedSeconds: number;
  verdict: string;
  activeSeconds: number;
  requiredSeconds: number;
  furthestPosition: number;
  lessonCompleted: boolean;
  attentionCheck: { id: string; kind: string; prompt: string } | null;
}

const isBeat = (res: Response) =>
  res.request().method() === 'POST' && /\/me\/study-sessions\/[0-9a-f-]+\/heartbeat$/.test(new URL(res.url()).pathname);

/** The next heartbeat answer on the page that satisfies `test` (answers are read as they arrive). */
async function nextBeat(page: Page, test: (beat: Beat) => boolean = () => true): Promise<Beat> {
  let found: Beat | undefined;
  await page.waitForResponse(async (res) => {
    if (!isBeat(res) || res.status() !== 200) return false;
    const beat = (await res.json()) as Beat;
    if (!test(beat)) return false;
    found = beat;
    return true;
  });
  return found!;
}

const videoState = (page: Page) =>
  page
    .getByTestId('lesson-video')
    .evaluate((v: VideoLike) => ({ time: v.currentTime, paused: v.paused, rate: v.playbackRate, error: v.error?.code ?? null }));

describe('studying hosted content in Chromium', () => {
  let servers: LiveServers;
  let world: World;
  let db: DataSource;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let enrollmentId: string;
  let videoLessonId: string;
  let documentLessonId: string;
  const clock = new ShiftedClock();
  const failures: string[] = [];
  /** Every URL the trainee's pages requested, in order. */
  const requested: string[] = [];
  let rightOption = '';

  const watch = (p: Page) => {
    p.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
    p.on('response', (res) => res.status() >= 500 && failures.push(`${res.status()} ${res.url()}`));
    p.on('request', (req) => requested.push(new URL(req.url()).pathname));
  };
  const lessonUrl = (lessonId: string) => `${servers.baseUrl}/app/learning/${enrollmentId}/lessons/${lessonId}`;
  const progressRow = async () =>
    (
      await db.query(
        'SELECT active_seconds, furthest_position, completed_at FROM lesson_progress WHERE enrollment_id = $1 AND lesson_id = $2',
        [enrollmentId, videoLessonId],
      )
    )[0] as {
      active_seconds: number;
      furthest_position: number;
      completed_at: Date | null;
    };

  beforeAll(async () => {
    servers = await startLiveServers({ STUDY_HEARTBEAT_SECONDS: '3' }, { clock });
    const { api } = servers;
    world = await seedWorld(api);
    db = api.get(DataSource);
    // The demo content exactly as `npm start` seeds it: the shipped video and the handout drawn now.
    const { videoId, handoutId } = await seedDemoContent(api.get(ContentFilesService), world.orgA, world.users.orgAdminA);
    const question = await createQuestion(api, world.tokens.orgAdminA, questionBodies.single(1));
    rightOption = questionBodies.single(1).options.find((o) => o.correct)!.text;
    expect(question.options.filter((o) => o.correct)).toHaveLength(1);
    // 45 minutes of video at a completion share of 0.02: 54 s of watching completes the lesson.
    const version = await publishCourse(
      api,
      world,
      onlineCourse({
        title: '首席质量官制度导学（浏览器测试）',
        completionShare: '0.02',
        attentionChecks: { minMinutes: 10, maxMinutes: 20, timeoutSeconds: 60, fromBank: true },
        lessons: [
          { title: '首席质量官制度导学', type: 'video', minutes: 45, required: true, contentFileId: videoId },
          { title: '制度讲义', type: 'document', minutes: 20, required: false, contentFileId: handoutId },
        ],
      }),
    );
    [videoLessonId, documentLessonId] = version.lessons.map((l) => l.id);
    const enrolled = await api.request({
      method: 'POST',
      url: '/me/enrollments',
      token: world.tokens.traineeLZ,
      payload: { courseVersionId: version.id },
    });
    enrollmentId = enrolled.json().id;

    browser = await launchChromium();
    context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    page = await context.newPage();
    watch(page);
    await signIn(page, servers.baseUrl, 'traineelz', TEST_PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await servers?.close();
  });

  afterEach(() => expect(failures).toEqual([]));

  // One story, in order (each step starts where the previous one left the video, the session and
  // the tabs), so one test: Jest runs the tests of a file in random order.
  it('plays the seeded demo video to completion: a seek ahead and an open attention check credit nothing, a second tab takes over', async () => {
    // The server credits the watched time.
    await page.goto(lessonUrl(videoLessonId));
    const video = page.getByTestId('lesson-video');
    await video.waitFor();
    await page.getByTestId('study-progress').getByRole('progressbar').waitFor();
    // The trainee presses play (a click is the user gesture Chromium wants before playing sound).
    await video.click();
    await page.waitForFunction(() => {
      const v = document.querySelector<VideoLike>('[data-testid="lesson-video"]');
      return v !== null && !v.paused && v.currentTime > 1;
    });
    const credited = await nextBeat(page, (b) => b.verdict === 'ok' && b.creditedSeconds > 0);
    expect(credited.requiredSeconds).toBe(54);
    expect(credited.furthestPosition).toBeGreaterThan(0);
    expect(await videoState(page)).toMatchObject({ rate: 1, error: null });

    // Snaps a seek past the furthest watched point back, and the server never credits it.
    await page.getByTestId('lesson-video').evaluate((v: VideoLike) => {
      v.currentTime = 600;
    });
    await page.getByTestId('study-notice').getByText('不能快进到尚未观看的位置').waitFor();
    await page.waitForFunction(() => {
      const v = document.querySelector<VideoLike>('[data-testid="lesson-video"]');
      return v !== null && !v.seeking && v.currentTime < 60;
    });
    // A faster rate is put back to 1× as well.
    await page.getByTestId('lesson-video').evaluate((v: VideoLike) => {
      v.playbackRate = 2;
    });
    await page.waitForFunction(() => document.querySelector<VideoLike>('[data-testid="lesson-video"]')?.playbackRate === 1);
    const after = await nextBeat(page);
    expect(after.furthestPosition).toBeLessThan(60);
    expect((await progressRow()).furthest_position).toBeLessThan(60);
    expect((await progressRow()).active_seconds).toBeLessThan(60);

    // An unanswered attention check (a bank question) pauses the video and crediting until answered.
    // The check falls due now: the session's next check moves to its credited time (instead of
    // playing the course's 10–20 minutes).
    await db.query('UPDATE study_sessions SET next_check_at_seconds = credited_seconds WHERE enrollment_id = $1 AND ended_at IS NULL', [
      enrollmentId,
    ]);
    const dialog = page.getByTestId('attention-check');
    await dialog.waitFor();
    await dialog.getByText('首席质量官一般由谁聘任').waitFor();
    expect(await videoState(page)).toMatchObject({ paused: true });
    // Beats while it is open credit nothing, and the page says why.
    const held = await nextBeat(page, (b) => b.verdict === 'check');
    expect(held.creditedSeconds).toBe(0);
    await page.getByTestId('study-notice').getByText('请先完成随堂确认，计时已暂停').waitFor();
    const before = (await progressRow()).active_seconds;
    await nextBeat(page, (b) => b.verdict === 'check');
    expect((await progressRow()).active_seconds).toBe(before);
    // Past the 60-second limit by the server's clock: the answer is kept, as failed (late).
    clock.advance(61_000);
    await dialog.getByRole('button', { name: rightOption }).click();
    await page.getByTestId('study-notice').getByText('确认超时，已记录；计时已恢复。').waitFor();
    await dialog.waitFor({ state: 'detached' });
    await nextBeat(page, (b) => b.verdict === 'ok' && b.creditedSeconds > 0);
    const [check] = await db.query('SELECT kind, question_id, answer, passed FROM attention_checks WHERE enrollment_id = $1', [
      enrollmentId,
    ]);
    expect(check).toMatchObject({ kind: 'question', question_id: expect.any(String), passed: false });

    // A second tab pauses the first, which is told why, and only the second is credited.
    const secondTab = await context.newPage();
    watch(secondTab);
    await secondTab.goto(lessonUrl(videoLessonId));
    await secondTab.getByTestId('lesson-video').waitFor();
    const told = page.getByTestId('study-superseded');
    await told.getByText('已在其他窗口或设备上开始学习，此处已暂停计时。').waitFor();
    expect(await videoState(page)).toMatchObject({ paused: true });
    const [{ open }] = await db.query('SELECT count(*)::int AS open FROM study_sessions WHERE trainee_id = $1 AND ended_at IS NULL', [
      world.users.traineeLZ,
    ]);
    expect(open).toBe(1);
    // The second tab resumes where the first stopped.
    await secondTab.waitForFunction(() => (document.querySelector<VideoLike>('[data-testid="lesson-video"]')?.currentTime ?? 0) > 0);
    await secondTab.getByTestId('lesson-video').click();
    await nextBeat(secondTab, (b) => b.verdict === 'ok' && b.creditedSeconds > 0);

    // Completes the lesson on the heartbeat whose watched time reaches the requirement.
    const beats: Beat[] = [];
    // Bodies are read as they come; the page may show the completion before the last one is read.
    const reading: Promise<void>[] = [];
    const collect = (res: Response) => {
      if (isBeat(res) && res.status() === 200) reading.push(res.json().then((beat: Beat) => void beats.push(beat)));
    };
    secondTab.on('response', collect);
    await secondTab.getByText(/本课时已完成/).waitFor({ timeout: 120_000 });
    secondTab.off('response', collect);
    await Promise.all(reading);
    const completing = beats.find((b) => b.lessonCompleted)!;
    expect(completing.activeSeconds).toBeGreaterThanOrEqual(54);
    expect(beats.filter((b) => !b.lessonCompleted).every((b) => b.activeSeconds < 54)).toBe(true);
    const row = await progressRow();
    expect(row.completed_at).not.toBeNull();
    // Credited time never ran ahead of the furthest point watched (no skipped stretch counted).
    expect(row.active_seconds).toBeLessThanOrEqual(Math.floor(row.furthest_position) + 1);
    const evidence = (
      await servers.api.request({
        method: 'GET',
        url: `/enrollments/${enrollmentId}/lessons/${videoLessonId}/evidence`,
        token: world.tokens.orgAdminA,
      })
    ).json();
    expect(evidence).toMatchObject({ checksFailed: 1, checksPassed: 0 });
    expect(evidence.sessions.map((s: { endedReason: string | null }) => s.endedReason)).toContain('superseded');
    expect(evidence.watchedIntervals.every(([from, to]: [number, number]) => from < 60 && to < 120)).toBe(true);
  }, 400_000);

  it('renders the handout PDF with pdf.js, whose code only the document lesson downloads', async () => {
    // Nothing of pdf.js came with the log-in, course or video pages (whichever test ran first).
    expect(requested.filter((path) => /pdf/i.test(path))).toEqual([]);
    const documentTab = await context.newPage();
    watch(documentTab);
    await documentTab.goto(lessonUrl(documentLessonId));
    await documentTab.getByTestId('pdf-page').getByText('第 1 / 2 页').waitFor();
    // The label comes with the document; the page is drawn after it.
    await documentTab.locator('[data-testid="pdf-canvas"][data-drawn-page="1"]').waitFor();
    const inked = await documentTab.getByTestId('pdf-canvas').evaluate((canvas: CanvasLike) => {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && data[i] < 128) dark++;
      return { width: canvas.width, dark };
    });
    expect(inked.width).toBeGreaterThan(300);
    expect(inked.dark).toBeGreaterThan(500);
    await documentTab.getByRole('button', { name: '下一页' }).click();
    await documentTab.getByTestId('pdf-page').getByText('第 2 / 2 页').waitFor();
    // pdf.js arrived as its own chunk, and its worker as a separate file.
    const pdfFiles = requested.filter((path) => /pdf/i.test(path));
    expect(pdfFiles.some((path) => /\/assets\/.*pdf.*\.js$/.test(path))).toBe(true);
    expect(pdfFiles.some((path) => /\/assets\/pdf\.worker.*\.m?js$/.test(path))).toBe(true);
    // The document lesson credits time on the visible page.
    await nextBeat(documentTab, (b) => b.verdict === 'ok' && b.creditedSeconds > 0);
    await documentTab.close();
  });
});
