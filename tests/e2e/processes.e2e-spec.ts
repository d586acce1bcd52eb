import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestContext } from '@cqo/testing';
import { createTestContext } from '@cqo/testing';
import { testIdNumber } from '../support/fixtures';
import { freePort } from '../support/redis-server';
import { eventually } from '../support/worker';

/**
 * The built processes (dist/, made by `npm run build`, which `npm test` runs first), started as a
 * user starts them: fail-fast start-up, logs free of personal data, graceful stop.
 */
const DIST = join(__dirname, '../../dist/apps');
const API = join(DIST, 'api/src/main.js');
const WORKER = join(DIST, 'worker/src/main.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(entry: string, env: Record<string, string>, timeoutMs = 45_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry], { env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${entry} still running after ${timeoutMs} ms; stderr: ${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('processes', () => {
  beforeAll(() => {
    if (!existsSync(API) || !existsSync(WORKER)) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  });

  it.each([
    ['api', API],
    ['worker', WORKER],
  ])('%s fails fast, in one line, when DATABASE_URL points at a closed port', async (name, entry) => {
    const started = Date.now();
    const result = await run(entry, {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/cqo',
      PORT: String(await freePort()),
      WORKER_HEALTH_PORT: String(await freePort()),
    });
    expect(result.code).toBe(1);
    // Fast means one attempt, not a retry loop: seconds, even on a loaded 2-core machine.
    expect(Date.now() - started).toBeLessThan(30_000);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${name}: Cannot connect to PostgreSQL at 127\\.0\\.0\\.1:1/cqo \\(DATABASE_URL\\)`));
  });

  it('refuses a bad configuration value, naming the variable', async () => {
    const result = await run(API, { PORT: 'eighty' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^api: Invalid configuration: PORT /);
  });

  describe('running API and worker', () => {
    let ctx: TestContext;
    let api: ChildProcess;
    let worker: ChildProcess;
    let logs = '';
    let baseUrl = '';
    let workerHealthUrl = '';
    const idNumber = testIdNumber(501);
    const phone = '13700001234';

    const start = (entry: string, env: Record<string, string>) => {
      const child = spawn(process.execPath, [entry], { env: { PATH: process.env.PATH ?? '', ...env } });
      child.stdout!.on('data', (d) => (logs += d));
      child.stderr!.on('data', (d) => (logs += d));
      return child;
    };
    const stopped = (child: ChildProcess) =>
      new Promise<number | null>((resolve) =>
        child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code)),
      );

    beforeAll(async () => {
      ctx = await createTestContext();
      const port = await freePort();
      baseUrl = `http://127.0.0.1:${port}`;
      const env = {
        NODE_ENV: 'test',
        DATABASE_URL: ctx.config.databaseUrl,
        REDIS_URL: ctx.config.redisUrl,
        REDIS_PREFIX: ctx.config.redisPrefix,
        LOG_LEVEL: 'trace',
        PORT: String(port),
        WORKER_HEALTH_PORT: String(await freePort()),
      };
      workerHealthUrl = `http://127.0.0.1:${env.WORKER_HEALTH_PORT}/health`;
      api = start(API, env);
      worker = start(WORKER, env);
      await eventually(
        async () =>
          (await fetch(`${baseUrl}/health`)
            .then((r) => r.ok)
            .catch(() => false)) || undefined,
        60_000,
        'API health',
      );
    }, 90_000);
    // The graceful stop is checked here, after every test of the running processes, so the
    // tests run in any order; a process that does not stop is killed and fails the file.
    afterAll(async () => {
      try {
        api.kill('SIGTERM');
        worker.kill('SIGTERM');
        expect(await stopped(api)).toBe(0);
        expect(await stopped(worker)).toBe(0);
      } finally {
        for (const child of [api, worker]) if (child?.exitCode === null) child.kill('SIGKILL');
        await ctx.dispose();
      }
    });

    it('reports the worker ready on its own health port', async () => {
      const health = await eventually(async () => (await fetch(workerHealthUrl).catch(() => undefined))?.json(), 60_000, 'worker health');
      expect(health).toEqual({ status: 'ok', postgres: 'up', redis: 'up' });
    });

    it('registers a trainee, runs the welcome job, and never logs the ID number or phone', async () => {
      const res = await fetch(`${baseUrl}/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          username: 'logcheck',
          password: 'Qm7#Lanzhou-2026',
          fullName: '日志检查',
          idNumber,
          phone,
          educationLevel: 'bachelor',
          qualityWorkYears: 5,
          qualityQualification: 'intermediate',
          relatedSeniorTitle: false,
        }),
      });
      expect(res.status).toBe(201);
      const login = await fetch(`${baseUrl}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'logcheck', password: 'Qm7#Lanzhou-2026' }),
      }).then((r) => r.json() as Promise<{ accessToken: string }>);
      const welcome = await eventually(
        async () => {
          const list = (await fetch(`${baseUrl}/me/notifications`, { headers: { authorization: `Bearer ${login.accessToken}` } }).then(
            (r) => r.json(),
          )) as { items: { kind: string }[] };
          return list.items.find((n) => n.kind === 'welcome');
        },
        15_000,
        'welcome notification',
      );
      expect(welcome).toBeDefined();

      expect(logs).toContain('"msg":"request completed"');
      expect(logs).toContain('notifications.welcome');
      expect(logs).not.toContain(idNumber);
      expect(logs).not.toContain(idNumber.slice(6, 14)); // not even the birth date part
      expect(logs).not.toContain(phone);
      expect(logs).not.toContain(login.accessToken);
    });
  });
});
