import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import type { INestApplicationContext } from '@nestjs/common';
import { Clock } from '@cqo/core';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { TestApi } from './api';
import { createTestApi } from './api';
import { freePort } from './redis-server';
import { createTestWorker } from './worker';

const ROOT = join(__dirname, '../..');
export const SCREENSHOT_DIR = join(ROOT, 'tests/artifacts/screenshots');
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 812 };

/** Debian's Chromium (apt-get install chromium); never a downloaded browser build. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless Chromium with everything that would reach the network switched off (the machine's
 * network is closed). Playwright gives each launch a fresh temporary --user-data-dir of its own
 * and deletes it on close.
 */
export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`no Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (see .ci/run)`);
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** The built web front end (dist/web); built here when a test runs before `npm run build`. */
export function ensureWebBuild(): void {
  if (existsSync(join(ROOT, 'dist/web/index.html'))) return;
  const result = spawnSync('npx', ['vite', 'build', '--config', 'apps/web/vite.config.ts', '--logLevel', 'error'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('vite build failed');
}

export interface LiveServers {
  api: TestApi;
  worker: INestApplicationContext;
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * The real API listening on a free local port (a browser needs a socket) and the real worker,
 * both over the test file's own cloned database and Redis prefix.
 */
export async function startLiveServers(env: Record<string, string> = {}, options: { clock?: Clock } = {}): Promise<LiveServers> {
  ensureWebBuild();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const api = await createTestApi({
    clock: options.clock,
    env: { PUBLIC_BASE_URL: baseUrl, LOGIN_RATE_LIMIT_PER_MINUTE: '1000', VERIFY_RATE_LIMIT_PER_MINUTE: '1000', ...env },
  });
  await api.app.listen({ port, host: '127.0.0.1' });
  const worker = await createTestWorker(api.ctx.config);
  return {
    api,
    worker,
    baseUrl,
    close: async () => {
      await worker.close();
      await api.close();
    },
  };
}

/**
 * The API's clock for browser tests: real time (a browser plays video in real time, so the server's
 * time cannot stand still), moved ahead when the test says so, e.g. past an attention check's limit.
 */
export class ShiftedClock extends Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

/** Saves the page at desktop (1280×800) and phone (375×812) width as tests/artifacts/screenshots/<name>-{desktop,phone}.png. */
export async function screenshots(page: Page, name: string, ready: () => Promise<unknown>): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const original = page.viewportSize();
  for (const [label, size] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await page.setViewportSize(size);
    await ready();
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${label}.png`), fullPage: label === 'phone' });
  }
  if (original) await page.setViewportSize(original);
}

/** Signs in through the log-in page and waits for the role's home page heading. */
export async function signIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/app/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/login'));
}

/** Tables sticking out of the screen, or cells hidden inside a sideways scroll, described for the failure message. */
export async function overflowingTables(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const doc = (
      globalThis as unknown as {
        document: {
          documentElement: { clientWidth: number };
          querySelectorAll(s: string): ArrayLike<{
            getBoundingClientRect(): { right: number; width: number };
            scrollWidth: number;
            clientWidth: number;
            closest(s: string): { scrollWidth: number; clientWidth: number } | null;
            querySelectorAll(s: string): ArrayLike<{ getBoundingClientRect(): { right: number; width: number } }>;
          }>;
        };
      }
    ).document;
    const width = doc.documentElement.clientWidth;
    const problems: string[] = [];
    Array.from(doc.querySelectorAll('table')).forEach((table, i) => {
      const box = table.getBoundingClientRect();
      const wrap = table.closest('.table-wrap');
      if (box.right > width + 1) problems.push(`table ${i} ends at ${Math.round(box.right)} px of ${width}`);
      if (wrap && wrap.scrollWidth > wrap.clientWidth + 1)
        problems.push(`table ${i} scrolls sideways (${wrap.scrollWidth} > ${wrap.clientWidth})`);
      Array.from(table.querySelectorAll('td')).forEach((td) => {
        const cell = td.getBoundingClientRect();
        if (cell.width > 0 && cell.right > width + 1) problems.push(`table ${i} has a cell past the edge`);
      });
    });
    return [...new Set(problems)];
  });
}
