import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import type { TestContext } from '@cqo/testing';
import { createTestContext } from '@cqo/testing';
import { DEMO_PASSWORD } from '../../apps/cli/src/demo-data';
import { freePort } from '../support/redis-server';
import { eventually } from '../support/worker';

/**
 * `npm start` with API_PROCESSES=2 and WORKER_PROCESSES=2 (the built CLI): four cluster children
 * behind one API port and one worker health port, one log-in limit between the API processes
 * (requests go round-robin), a revoked token refused by both API processes at once, and SIGTERM
 * to the parent stops them all.
 */
const START = join(__dirname, '../../dist/apps/cli/src/start.js');

/** A running `npm start` (API_PROCESSES=2, WORKER_PROCESSES=2) and what its processes printed. */
interface Cluster {
  parent: ChildProcess;
  port: number;
  logs: () => string;
}

async function startCluster(ctx: TestContext): Promise<Cluster> {
  if (!existsSync(START)) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  let logs = '';
  const port = await freePort();
  const parent = spawn(process.execPath, [START], {
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
  return { parent, port, logs: () => logs };
}

// Tests run in random order, so the SIGTERM test stops a cluster of its own rather than the one
// the other tests talk to.
describe('npm start with several processes', () => {
  let ctx: TestContext;
  let cluster: Cluster;
  let port = 0;

  beforeAll(async () => {
    ctx = await createTestContext();
    cluster = await startCluster(ctx);
    port = cluster.port;
  }, 360_000);
  afterAll(async () => {
    if (cluster?.parent.exitCode === null) cluster.parent.kill('SIGKILL');
    await ctx?.dispose();
  });

  it('runs two API and two worker processes', () => {
    for (const label of ['api 1/2', 'api 2/2', 'worker 1/2', 'worker 2/2'])
      expect(cluster.logs()).toMatch(new RegExp(`start: ${label} running \\(pid \\d+\\)`));
  });

  it('counts log-ins on both API processes against one limit', async () => {
    const codes: number[] = [];
    // Each attempt on a connection of its own (`call`, below), so the primary deals them to the two
    // processes in turn: 3 each, which per-process counting (limit 4) would all let through.
    for (let i = 0; i < 6; i++)
      codes.push((await call('POST', '/auth/login', undefined, { username: 'cluster-limit', password: 'wrong-password' })).status);
    expect(codes).toEqual([401, 401, 401, 401, 429, 429]);
  });

  /** One request on a connection of its own: the primary hands new connections round-robin to the API processes. */
  const call = (method: string, path: string, token?: string, body?: unknown) =>
    new Promise<{ status: number; json: Record<string, unknown> }>((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method,
          path,
          agent: false,
          headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(payload ? { 'content-type': 'application/json' } : {}) },
        },
        (res) => {
          let text = '';
          res.on('data', (d) => (text += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} }));
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  const logIn = async (username: string) => {
    const res = await call('POST', '/auth/login', undefined, { username, password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    return res.json.accessToken as string;
  };
  /** Both API processes have checked a token: each subscribes to the revocations on its first check. */
  const listeners = async (): Promise<number> => {
    const redis = new Redis(ctx.config.redisUrl);
    try {
      const [, n] = (await redis.pubsub('NUMSUB', `${ctx.config.redisPrefix}:auth:revocations`)) as [string, number];
      return Number(n);
    } finally {
      redis.disconnect();
    }
  };

  it('refuses a logged-out token and a disabled account’s token on both API processes at once', async () => {
    const loggedOut = await logIn('regulator-lz');
    const disabled = await logIn('ent-admin');
    const admin = await logIn('admin');
    // Both processes verify (and remember) both tokens first.
    for (let i = 0; i < 4; i++) {
      expect((await call('GET', '/auth/me', loggedOut)).status).toBe(200);
      expect((await call('GET', '/auth/me', disabled)).status).toBe(200);
    }
    expect(await listeners()).toBe(2);
    const disabledId = (await call('GET', '/auth/me', disabled)).json.userId as string;

    // Log-out on whichever process takes it; the very next requests, on either process, are refused.
    expect((await call('POST', '/auth/logout', loggedOut, {})).status).toBe(204);
    const afterLogout = [];
    for (let i = 0; i < 6; i++) afterLogout.push(await call('GET', '/auth/me', loggedOut));
    expect(afterLogout.map((r) => [r.status, r.json.code])).toEqual(Array(6).fill([401, 'SESSION_ENDED']));

    expect((await call('PATCH', `/users/${disabledId}/status`, admin, { status: 'disabled' })).status).toBe(200);
    const afterDisable = [];
    for (let i = 0; i < 6; i++) afterDisable.push(await call('GET', '/auth/me', disabled));
    expect(afterDisable.map((r) => [r.status, r.json.code])).toEqual(Array(6).fill([401, 'ACCOUNT_DISABLED']));
    // The admin's own token still works everywhere.
    for (let i = 0; i < 4; i++) expect((await call('GET', '/auth/me', admin)).status).toBe(200);
  });
});

describe('npm start stopping', () => {
  let ctx: TestContext;
  let cluster: Cluster;

  beforeAll(async () => {
    ctx = await createTestContext();
    cluster = await startCluster(ctx);
  }, 360_000);
  afterAll(async () => {
    if (cluster?.parent.exitCode === null) cluster.parent.kill('SIGKILL');
    await ctx?.dispose();
  });

  it('stops every process on SIGTERM to the parent, within 10 s', async () => {
    const sent = Date.now();
    // 'close', not 'exit': the children write to the pipe they share with the parent, and 'exit'
    // may come before the test has read the last of it (a child's "SIGTERM received").
    const code = await new Promise<number | null>((resolve) => {
      cluster.parent.once('close', (c) => resolve(c));
      cluster.parent.kill('SIGTERM');
    });
    expect(Date.now() - sent).toBeLessThan(10_000);
    expect(code).toBe(0);
    expect((cluster.logs().match(/(api|worker): SIGTERM received/g) ?? []).length).toBe(4);
  }, 30_000);
});
