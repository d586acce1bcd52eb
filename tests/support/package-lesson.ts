import { DataSource } from 'typeorm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { LiveServers } from './browser';
import { DESKTOP, launchChromium, ShiftedClock, signIn, startLiveServers } from './browser';
import { onlineCourse, publishCourse } from './courses';
import type { World } from './fixtures';
import { seedWorld, TEST_PASSWORD } from './fixtures';
import { filesOf, zipOf } from './packages';

/** What a browser spec of a content package (SCORM 1.2, SCORM 2004, cmi5) starts from. */
export interface PackageLessonStage {
  servers: LiveServers;
  world: World;
  db: DataSource;
  browser: Browser;
  /** The trainee's browser context; its clock (and its frames') runs in real time until a test moves it ahead. */
  context: BrowserContext;
  /** Trainee TS, signed in. */
  page: Page;
  /** The server's clock, likewise moved by the test. */
  clock: ShiftedClock;
  versionId: string;
  lessonId: string;
  enrollmentId: string;
  /** Page errors, console errors and answers at or above `failStatus` on the trainee's page, as they happen. */
  failures: string[];
  close(): Promise<void>;
}

export interface PackageLessonOptions {
  /** The package's folder under tests/fixtures, zipped and imported by org admin A as `fileName`. */
  packageDir: string;
  fileName: string;
  type: 'scorm' | 'cmi5';
  courseTitle: string;
  lessonTitle: string;
  /** The lowest status that counts as a failure on the trainee's page (default 400). */
  failStatus?: number;
}

/**
 * Live API and web servers on a shifted clock; org admin A imports the package and publishes a
 * course whose one required 10-minute lesson plays it; trainee TS enrols and signs in in Chromium.
 */
export async function stagePackageLesson(options: PackageLessonOptions): Promise<PackageLessonStage> {
  const clock = new ShiftedClock();
  const failures: string[] = [];
  const servers = await startLiveServers({}, { clock });
  let browser: Browser | undefined;
  const close = async (): Promise<void> => {
    await browser?.close();
    await servers.close();
  };
  try {
    const { api } = servers;
    const world = await seedWorld(api);
    const imported = await api.request({
      method: 'POST',
      url: '/content-packages',
      token: world.tokens.orgAdminA,
      payload: { fileName: options.fileName, contentBase64: (await zipOf(filesOf(options.packageDir))).toString('base64') },
    });
    if (imported.statusCode !== 201) throw new Error(`import ${options.fileName}: ${imported.statusCode} ${imported.body}`);
    const lesson = { title: options.lessonTitle, type: options.type, minutes: 10, required: true, contentPackageId: imported.json().id };
    const version = await publishCourse(api, world, onlineCourse({ title: options.courseTitle, lessons: [lesson] }));
    const enrolled = await api.request({
      method: 'POST',
      url: '/me/enrollments',
      token: world.tokens.traineeTS,
      payload: { courseVersionId: version.id },
    });
    if (enrolled.statusCode !== 201) throw new Error(`enrol: ${enrolled.statusCode} ${enrolled.body}`);

    browser = await launchChromium();
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    await context.clock.install();
    const page = await context.newPage();
    const failStatus = options.failStatus ?? 400;
    page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
    page.on('response', (res) => res.status() >= failStatus && failures.push(`${res.status()} ${res.url()}`));
    page.on('console', (message) => message.type() === 'error' && failures.push(`console: ${message.text()}`));
    await signIn(page, servers.baseUrl, 'traineets', TEST_PASSWORD);
    return {
      servers,
      world,
      db: api.get(DataSource),
      browser,
      context,
      page,
      clock,
      versionId: version.id,
      lessonId: version.lessons[0].id,
      enrollmentId: enrolled.json().id as string,
      failures,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
