import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createTestContext, TestContext } from '@cqo/testing';
import { freePort } from '../support/redis-server';
import { eventually } from '../support/worker';

/**
 * `npm start` with API_PROCESSES=2 and WORKER_PROCESSES=2 (the built CLI): four cluster children
 * behind one API port and one worker health port, one log-in limit between the API processes
 * (requests go round-robin), and SIGTERM to the parent stops them all.
 */
const START = join(__dirname, '../../dist/apps/cli/src/start.js');

describe('npm start with several processes', () => {
  let ctx: TestContext;
  let parent: ChildProcess;
  let logs = '';
  let port = 0;

  beforeAll(async () => {
    if (!existsSync(START)) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
    ctx = await createTestContext();
    port = await freePort();
    parent = spawn(process.execPath, [START], {
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        DATABASE_URL: ctx.config.databaseUrl,
        REDIS_URL: ctx.config.redisUrl,
        REDIS_PREFIX: ctx.config.redisPrefix,
        PORT: String(port),
        WORKER_HEALTH_PORT: String(await freePort()),
        API_PROCESSES: '2',
        WORKER_PROCESSES: '2',
        LOGIN_RATE_LIMIT_PER_MINUTE: '4',
        CERTIFICATE_RENDER_THREADS: '1',
      },
    });
    parent.stdout!.on('data', (d) => (logs += d));
    parent.stderr!.on('data', (d) => (logs += d));
    await eventually(
      async () => {
        if (parent.exitCode !== null) throw new Error(`npm start exited: ${logs.slice(-2000)}`);
        const ok = (await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined))?.ok;
        return ok && (logs.match(/running \(pid \d+\)/g) ?? []).length === 4 ? true : undefined;
      },
      300_000,
      'four processes up',
    );
  }, 360_000);
  afterAll(async () => {
    if (parent?.exitCode === null) parent.kill('SIGKILL');
    await ctx?.dispose();
  });

  it('runs two API and two worker processes', () => {
    for (const label of ['api 1/2', 'api 2/2', 'worker 1/2', 'worker 2/2']) expect(logs).toMatch(new RegExp(`start: ${label} running \\(pid \\d+\\)`));
  });

  it('counts log-ins on both API processes against one limit', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`http://127.0.0.1:${port}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'cluster-limit', password: 'wrong-password' }),
      });
      codes.push(res.status);
    }
    // Round-robin: each process saw about half; per-process counting would allow 8.
    expect(codes).toEqual([401, 401, 401, 401, 429, 429]);
  });

  it('stops every process on SIGTERM to the parent, within 10 s', async () => {
    const sent = Date.now();
    const code = await new Promise<number | null>((resolve) => {
      parent.once('exit', (c) => resolve(c));
      parent.kill('SIGTERM');
    });
    expect(Date.now() - sent).toBeLessThan(10_000);
    expect(code).toBe(0);
    expect((logs.match(/(api|worker): SIGTERM received/g) ?? []).length).toBe(4);
  }, 30_000);
});
