import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestContext } from '@cqo/testing';
import { createTestContext } from '@cqo/testing';
import { DisposableRedis, freePort } from '../support/redis-server';
import { TcpProxy } from '../support/tcp-proxy';
import { eventually } from '../support/worker';

/**
 * The built API and worker while PostgreSQL or Redis is away: the outage is logged once (not
 * per connection per retry), /health reports it with its start, and SIGTERM still stops the
 * process within 10 s (jobs in flight are left to BullMQ's retry).
 */
const DIST = join(__dirname, '../../dist/apps');
const ENTRIES = { api: join(DIST, 'api/src/main.js'), worker: join(DIST, 'worker/src/main.js') };
const STOP_WITHIN_MS = 10_000;

interface Running {
  child: ChildProcess;
  logs: () => string;
  healthUrl: string;
}

function start(name: 'api' | 'worker', env: Record<string, string>, port: number, healthPort: number): Running {
  const child = spawn(process.execPath, [ENTRIES[name]], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      PORT: String(port),
      WORKER_HEALTH_PORT: String(healthPort),
      ...env,
    },
  });
  let logs = '';
  child.stdout!.on('data', (d) => (logs += d));
  child.stderr!.on('data', (d) => (logs += d));
  const healthUrl = name === 'api' ? `http://127.0.0.1:${port}/health` : `http://127.0.0.1:${healthPort}/health`;
  return { child, logs: () => logs, healthUrl };
}

async function health(url: string): Promise<{ status: number; body: Record<string, unknown> } | undefined> {
  const res = await fetch(url, { signal: AbortSignal.timeout(5000) }).catch(() => undefined);
  return res ? { status: res.status, body: (await res.json()) as Record<string, unknown> } : undefined;
}

/** Sends SIGTERM and resolves with the exit code and the milliseconds it took. */
function terminate(child: ChildProcess): Promise<{ code: number | null; ms: number }> {
  const sent = Date.now();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, ms: Date.now() - sent });
    });
    child.kill('SIGTERM');
  });
}

/** Lets the outage last 4 s, asking /health every half second meanwhile. */
async function observeOutage(healthUrl: string): Promise<void> {
  const until = Date.now() + 4000;
  while (Date.now() < until) {
    expect((await health(healthUrl))?.status).toBe(503);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Waits until this very process answers healthy (a slow start on a busy machine can take a minute or more). */
async function healthy(name: 'api' | 'worker', r: Running): Promise<void> {
  await eventually(
    async () => {
      if (r.child.exitCode !== null) throw new Error(`${name} exited during start-up: ${r.logs().slice(-2000)}`);
      const h = await health(r.healthUrl);
      // The worker's body names each dependency; the API's is terminus' { status, info, ... }.
      const ours = name === 'worker' ? h?.body.postgres !== undefined : h?.body.info !== undefined;
      return h?.status === 200 && ours ? true : undefined;
    },
    180_000,
    `${name} healthy`,
  );
}

const outageLines = (logs: string, dependency: string) => logs.split('\n').filter((l) => l.includes(`"msg":"${dependency} unreachable`));

describe('outages and shutdown (built processes)', () => {
  let ctx: TestContext;
  const running: Running[] = [];
  beforeAll(async () => {
    if (!existsSync(ENTRIES.api) || !existsSync(ENTRIES.worker))
      throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
    ctx = await createTestContext();
  });
  afterAll(async () => {
    for (const r of running) if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill('SIGKILL');
    await ctx?.dispose();
  });

  describe.each(['api', 'worker'] as const)('%s', (name) => {
    it('with Redis stopped: logs the outage once, reports it on /health, exits within 10 s of SIGTERM', async () => {
      const redis = await DisposableRedis.create();
      try {
        const env = { DATABASE_URL: ctx.config.databaseUrl, REDIS_URL: redis.url, REDIS_PREFIX: ctx.config.redisPrefix };
        const r = start(name, env, await freePort(), await freePort());
        running.push(r);
        await healthy(name, r);

        await redis.stop();
        const down = await eventually(
          async () => {
            const h = await health(r.healthUrl);
            return h?.status === 503 ? h.body : undefined;
          },
          15_000,
          `${name} health reporting Redis down`,
        );
        if (name === 'worker') {
          expect(down).toMatchObject({
            status: 'error',
            postgres: 'up',
            redis: 'down',
            outages: { redis: { since: expect.any(String), error: expect.any(String) } },
          });
        } else {
          expect(down).toMatchObject({
            statusCode: 503,
            code: 'SERVICE_UNAVAILABLE',
            details: [{ field: 'redis', message: expect.stringMatching(/^down since \d{4}-/) }],
          });
        }
        // Several reconnection attempts of every connection (and health checks) later, still one line about it.
        await observeOutage(r.healthUrl);
        if (outageLines(r.logs(), 'redis').length !== 1) process.stderr.write(r.logs().slice(-6000));
        expect(outageLines(r.logs(), 'redis')).toHaveLength(1);
        // Logged while the worker's app was still starting, before its logger was attached: kept, not lost.
        if (name === 'worker') expect(r.logs()).toContain('"msg":"worker health on :');
        expect(r.logs()).not.toMatch(/connection error|Unhandled error event/);

        // A clean close (exit code 0), not the 9 s backstop (exit code 1): every connection's close is bounded.
        const stop = await terminate(r.child);
        expect(stop.ms).toBeLessThan(STOP_WITHIN_MS);
        expect(stop.code).toBe(0);
      } finally {
        for (const r of running) if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill('SIGKILL');
        if (redis.running) await redis.stop();
      }
    }, 300_000);

    it('with PostgreSQL unreachable: logs the outage once, reports it on /health, exits within 10 s of SIGTERM', async () => {
      const proxy = await TcpProxy.create(Number(new URL(ctx.config.databaseUrl).port || 5432));
      const url = new URL(ctx.config.databaseUrl);
      url.port = String(proxy.port);
      const env = { DATABASE_URL: url.toString(), REDIS_URL: ctx.config.redisUrl, REDIS_PREFIX: ctx.config.redisPrefix };
      const r = start(name, env, await freePort(), await freePort());
      running.push(r);
      try {
        await healthy(name, r);
      } catch (error) {
        await proxy.close();
        throw error;
      }

      await proxy.close();
      const down = await eventually(
        async () => {
          const h = await health(r.healthUrl);
          return h?.status === 503 ? h.body : undefined;
        },
        15_000,
        `${name} health reporting PostgreSQL down`,
      );
      if (name === 'worker') {
        expect(down).toMatchObject({
          status: 'error',
          postgres: 'down',
          redis: 'up',
          outages: { postgres: { since: expect.any(String) } },
        });
      } else {
        expect(down).toMatchObject({
          statusCode: 503,
          details: [{ field: 'postgres', message: expect.stringMatching(/^down since \d{4}-/) }],
        });
      }
      // The worker's relay polls every second: several failed passes (and health checks), one line.
      await observeOutage(r.healthUrl);
      if (outageLines(r.logs(), 'postgres').length !== 1) process.stderr.write(r.logs().slice(-5000));
      expect(outageLines(r.logs(), 'postgres')).toHaveLength(1);
      expect(r.logs()).not.toMatch(/outbox relay pass failed/);

      const stop = await terminate(r.child);
      expect(stop.ms).toBeLessThan(STOP_WITHIN_MS);
      expect(stop.code).toBe(0);
    }, 300_000);
  });

  // Redis gone while the worker starts (here: before it starts) must not hold its start, and with
  // it every line it logs, which waits in Nest's start-up buffer until the start ends.
  it('worker started with Redis already down: logs the outage once and its health line, exits within 10 s of SIGTERM', async () => {
    const redis = await DisposableRedis.create();
    await redis.stop();
    const env = { DATABASE_URL: ctx.config.databaseUrl, REDIS_URL: redis.url, REDIS_PREFIX: ctx.config.redisPrefix };
    const r = start('worker', env, await freePort(), await freePort());
    running.push(r);
    const down = await eventually(
      async () => {
        const h = await health(r.healthUrl);
        return h?.status === 503 ? h.body : undefined;
      },
      180_000,
      'worker health reporting Redis down',
    );
    expect(down).toMatchObject({ status: 'error', postgres: 'up', redis: 'down' });
    await eventually(async () => (r.logs().includes('"msg":"worker health on :') ? true : undefined), 15_000, 'the start-up lines logged');
    await observeOutage(r.healthUrl);
    if (outageLines(r.logs(), 'redis').length !== 1) process.stderr.write(r.logs().slice(-6000));
    expect(outageLines(r.logs(), 'redis')).toHaveLength(1);

    const stop = await terminate(r.child);
    expect(stop.ms).toBeLessThan(STOP_WITHIN_MS);
    expect(stop.code).toBe(0);
  }, 300_000);
});
