import 'reflect-metadata';
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { chromium } from 'playwright-core';
import { loadConfig } from '@cqo/core';
import { migrateDatabase } from '@cqo/schema';
import { DEMO_PASSWORD } from '../../apps/cli/src/demo-data';

/**
 * `npm run bench:web`: Lighthouse 12.2.3 (the last line that runs on Node 20) driving Debian's
 * Chromium with its default mobile profile (simulated slow 4G, 4× CPU slowdown, phone screen) on
 *   - the log-in page (/app/login, the first page anyone sees), and
 *   - the trainee's hours page (/app/hours, after logging in as the demo trainee).
 * Prints the performance, accessibility and best-practices scores, first contentful paint and the
 * JavaScript transferred (goals: each score ≥ 95, FCP < 2 s, JS < 150 KB on the first page), with
 * the load average, since a busy machine slows the simulated CPU too. Runs the built API (a child
 * process, as in production) on a throw-away database seeded with the demo data; asserts nothing.
 * `--runs=N` repeats each page and prints the median run; `--chrome=/path` picks the browser;
 * `--report=DIR` keeps each run's Lighthouse result as JSON.
 */
const RUNS = Number(process.argv.find((a) => a.startsWith('--runs='))?.split('=')[1] ?? 1);
const CHROME = process.argv.find((a) => a.startsWith('--chrome='))?.split('=')[1] ?? process.env.CHROME_PATH ?? '/usr/bin/chromium';
/** `--report=DIR` writes each run's full Lighthouse result (JSON) there, to read its audits. */
const REPORT_DIR = process.argv.find((a) => a.startsWith('--report='))?.split('=')[1];
const DIST = join(__dirname, '../..');
const API_ENTRY = join(DIST, 'apps/api/src/main.js');
const SEED_ENTRY = join(DIST, 'apps/cli/src/seed-demo.js');

interface PageFigures {
  performance: number;
  accessibility: number;
  bestPractices: number;
  fcpMs: number;
  lcpMs: number;
  scriptKb: number;
  totalKb: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function run(entry: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${entry} exited with ${code}`))));
  });
}

async function waitForHealth(origin: string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (
    !(await fetch(`${origin}/health`)
      .then((r) => r.ok)
      .catch(() => false))
  ) {
    if (Date.now() > deadline) throw new Error('API did not become healthy within 180 s');
    await new Promise((r) => setTimeout(r, 200));
  }
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** One Lighthouse navigation of `url` in the already running browser (its profile keeps the log-in). */
async function audit(url: string, port: number): Promise<PageFigures> {
  // Lighthouse is an ES module; the bench is compiled to CommonJS.
  const { default: lighthouse } = (await import('lighthouse')) as typeof import('lighthouse');
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices'],
    // Keep the session cookie and storage the log-in step left behind.
    disableStorageReset: true,
  });
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  const { lhr } = result;
  if (REPORT_DIR) {
    await mkdir(REPORT_DIR, { recursive: true });
    await writeFile(join(REPORT_DIR, `${new URL(url).pathname.replaceAll('/', '_')}-${Date.now()}.json`), JSON.stringify(lhr));
  }
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const resources =
    (lhr.audits['resource-summary']?.details as { items?: { resourceType: string; transferSize: number }[] } | undefined)?.items ?? [];
  const bytes = (type: string) => resources.find((r) => r.resourceType === type)?.transferSize ?? 0;
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    fcpMs: lhr.audits['first-contentful-paint']?.numericValue ?? NaN,
    lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? NaN,
    scriptKb: bytes('script') / 1024,
    totalKb: bytes('total') / 1024,
  };
}

interface Shift {
  value: number;
  at: number;
  sources: string[];
}

const OBSERVE_SHIFTS = `
  window.__shifts = [];
  const describe = (node) => {
    if (!(node instanceof Element)) return node ? node.nodeName : '?';
    const cls = typeof node.className === 'string' && node.className.trim() ? '.' + node.className.trim().split(/\\s+/).join('.') : '';
    const text = (node.textContent || '').trim().slice(0, 30);
    return node.tagName.toLowerCase() + (node.id ? '#' + node.id : '') + cls + (text ? ' "' + text + '"' : '');
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      window.__shifts.push({
        value: e.value,
        at: Math.round(e.startTime),
        sources: e.sources.map((s) => describe(s.node) + ' y ' + Math.round(s.previousRect.y) + '→' + Math.round(s.currentRect.y) + ' h ' + Math.round(s.previousRect.height) + '→' + Math.round(s.currentRect.height)),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
`;

/**
 * The page's own layout shifts (PerformanceObserver), with the elements that moved: Lighthouse
 * 12.2's layout-shifts audit fails on current Chromium ("frame_sequence"), so this says what the
 * cumulative-layout-shift score is made of. The audited browser (logged in, or a fresh context for
 * the log-in page), Lighthouse's mobile
 * screen (412×823), no throttling (Lighthouse's simulated mode loads unthrottled too).
 */
async function layoutShifts(cdp: string, url: string, loggedIn: boolean): Promise<{ total: number; shifts: Shift[] }> {
  const connected = await chromium.connectOverCDP(cdp);
  try {
    const page = await (loggedIn ? connected.contexts()[0] : await connected.newContext()).newPage();
    await page.setViewportSize({ width: 412, height: 823 });
    // A string: the bench is compiled without the DOM's types.
    await page.addInitScript(OBSERVE_SHIFTS);
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.waitForTimeout(1000);
    const shifts = (await page.evaluate('window.__shifts')) as Shift[];
    await page.close();
    return { total: shifts.reduce((sum, s) => sum + s.value, 0), shifts };
  } finally {
    await connected.close();
  }
}

function printShifts(name: string, { total, shifts }: { total: number; shifts: Shift[] }): void {
  process.stdout.write(`${name.padEnd(14)} layout shifts (page's own observer, 412×823): total ${total.toFixed(3)}\n`);
  for (const s of shifts) process.stdout.write(`  ${s.value.toFixed(3)} at ${s.at} ms: ${s.sources.join('; ')}\n`);
}

function median(runs: PageFigures[]): PageFigures {
  const sorted = [...runs].sort((a, b) => a.performance - b.performance);
  return sorted[Math.floor(sorted.length / 2)];
}

function print(name: string, f: PageFigures): void {
  const goal = (ok: boolean) => (ok ? 'met' : 'NOT met');
  process.stdout.write(
    `${name.padEnd(14)} performance ${f.performance}  accessibility ${f.accessibility}  best-practices ${f.bestPractices}  ` +
      `FCP ${(f.fcpMs / 1000).toFixed(2)} s  LCP ${(f.lcpMs / 1000).toFixed(2)} s  JS ${f.scriptKb.toFixed(1)} KB  total ${f.totalKb.toFixed(1)} KB  ` +
      `(scores ≥ 95: ${goal(f.performance >= 95 && f.accessibility >= 95 && f.bestPractices >= 95)}; FCP < 2 s: ${goal(f.fcpMs < 2000)}; JS < 150 KB: ${goal(f.scriptKb < 150)})  load average ${load()}\n`,
  );
}

async function main(): Promise<void> {
  const base = loadConfig();
  const name = `cqo_bench_web_${randomBytes(3).toString('hex')}`;
  const databaseUrl = Object.assign(new URL(base.databaseUrl), { pathname: `/${name}` }).toString();
  const admin = new Client({ connectionString: Object.assign(new URL(base.databaseUrl), { pathname: '/postgres' }).toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  let api: ChildProcess | undefined;
  let browser: ChildProcess | undefined;
  try {
    const env = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      REDIS_PREFIX: `bench-web-${randomBytes(3).toString('hex')}`,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    };
    await migrateDatabase(databaseUrl);
    await run(SEED_ENTRY, env);
    const port = await freePort();
    api = spawn(process.execPath, [API_ENTRY], { env: { ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
    const origin = `http://127.0.0.1:${port}`;
    await waitForHealth(origin);

    // One headless Chromium with a debugging port: Lighthouse audits in it, playwright logs in through it.
    const debugPort = await freePort();
    const profile = `/tmp/cqo-bench-web-${randomBytes(3).toString('hex')}`;
    browser = spawn(
      CHROME,
      [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        `--user-data-dir=${profile}`,
        `--remote-debugging-port=${debugPort}`,
        'about:blank',
      ],
      { stdio: 'ignore' },
    );
    const cdp = `http://127.0.0.1:${debugPort}`;
    const deadline = Date.now() + 30_000;
    while (
      !(await fetch(`${cdp}/json/version`)
        .then((r) => r.ok)
        .catch(() => false))
    ) {
      if (Date.now() > deadline) throw new Error(`${CHROME} did not open its debugging port`);
      await new Promise((r) => setTimeout(r, 200));
    }
    process.stdout.write(
      `bench:web — Lighthouse 12.2.3, mobile profile, ${CHROME}, node ${process.version}, ${RUNS} run(s) a page, load average ${load()}\n`,
    );

    const loginRuns: PageFigures[] = [];
    for (let i = 0; i < RUNS; i++) loginRuns.push(await audit(`${origin}/app/login`, debugPort));
    print('log-in page', median(loginRuns));

    // Log in as the demo trainee in the same profile, through the page itself (whatever the app keeps: storage or cookie).
    const connected = await chromium.connectOverCDP(cdp);
    const page = await connected.contexts()[0].newPage();
    await page.goto(`${origin}/app/login`);
    await page.getByLabel('用户名').fill('trainee');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/login'), { timeout: 30_000 });
    await page.close();
    await connected.close();

    const hoursRuns: PageFigures[] = [];
    for (let i = 0; i < RUNS; i++) hoursRuns.push(await audit(`${origin}/app/hours`, debugPort));
    print('trainee hours', median(hoursRuns));
    // After the audits: a playwright page opened between them has made Lighthouse's next trace fail (NO_NAVSTART).
    printShifts('log-in page', await layoutShifts(cdp, `${origin}/app/login`, false));
    printShifts('trainee hours', await layoutShifts(cdp, `${origin}/app/hours`, true));
  } finally {
    browser?.kill('SIGTERM');
    if (api && api.exitCode === null) {
      const exited = new Promise((r) => api!.once('exit', r));
      api.kill('SIGTERM');
      await exited;
    }
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
