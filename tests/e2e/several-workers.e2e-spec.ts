import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { chinaDateOf, DEFAULT_JOB_OPTIONS, OutboxWriter, Queues, queuePrefix, redisConnectionOptions } from '@cqo/core';
import { ComplianceEngine, currentYear } from '@cqo/credit-hours';
import type { TestApi } from '../support/api';
import { createTestApi } from '../support/api';
import type { World } from '../support/fixtures';
import { seedWorld } from '../support/fixtures';
import { freePort } from '../support/redis-server';
import { eventually } from '../support/worker';
import { completedEvent, insertCourseVersion, insertEnrollment } from '../integration/certificates/support';
import { insertTrainee } from '../integration/credit-hours/support';

/**
 * Two built worker processes on the same database and queues, racing for every job: the outbox
 * relay (SKIP LOCKED), deterministic job ids and idempotent jobs make each completion accrue
 * once, each certificate issue once and each reminder go out once; the job schedulers both
 * workers upsert at start keep one pending job each.
 */
const WORKER = join(__dirname, '../../dist/apps/worker/src/main.js');
const TRAINEES = 12;

describe('two worker processes on the same queues', () => {
  let api: TestApi;
  let world: World;
  let db: DataSource;
  const workers: { child: ChildProcess; logs: string }[] = [];

  beforeAll(async () => {
    if (!existsSync(WORKER)) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
    api = await createTestApi();
    world = await seedWorld(api);
    db = api.get(DataSource);
    // Today (CST) is a reminder date, so the reminder job has something to send.
    await db.query('UPDATE requirement_rule_sets SET reminder_dates = $1', [[chinaDateOf(new Date()).slice(5)]]);
    const { config } = api.ctx;
    for (let i = 0; i < 2; i++) {
      const healthPort = await freePort();
      const child = spawn(process.execPath, [WORKER], {
        env: {
          PATH: process.env.PATH ?? '',
          NODE_ENV: 'test',
          LOG_LEVEL: 'info',
          DATABASE_URL: config.databaseUrl,
          REDIS_URL: config.redisUrl,
          REDIS_PREFIX: config.redisPrefix,
          WORKER_HEALTH_PORT: String(healthPort),
          CERTIFICATE_RENDER_THREADS: '1',
        },
      });
      const worker = { child, logs: '' };
      child.stdout!.on('data', (d) => (worker.logs += d));
      child.stderr!.on('data', (d) => (worker.logs += d));
      workers.push(worker);
      await eventually(
        async () => {
          if (child.exitCode !== null) throw new Error(`worker ${i + 1} exited during start-up: ${worker.logs.slice(-2000)}`);
          return (await fetch(`http://127.0.0.1:${healthPort}/health`).catch(() => undefined))?.ok ? true : undefined;
        },
        180_000,
        `worker ${i + 1} healthy`,
      );
    }
  }, 400_000);
  afterAll(async () => {
    await Promise.all(
      workers.map(
        ({ child }) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
    await api?.close();
  });

  const count = async (sql: string, params: unknown[]): Promise<number> => (await db.query(sql, params))[0].n as number;

  it('accrues each completion once and issues each certificate once, both workers taking jobs', async () => {
    const version = await insertCourseVersion(db, world.orgA, { title: '卓越绩效管理', category: 1, kind: 'continuing', creditHours: '2' });
    const completedAt = new Date().toISOString();
    const trainees: string[] = [];
    const writer = api.get(OutboxWriter);
    for (let i = 0; i < TRAINEES; i++) {
      const trainee = await insertTrainee(db, { optIn: true });
      trainees.push(trainee);
      const enrollmentId = await insertEnrollment(db, trainee, version, { completedAt });
      const event = completedEvent(enrollmentId, trainee, world.orgA, version, { creditHours: '2', completedAt });
      // Each completion announced twice (a producer that retried): two events, two sets of jobs.
      for (let k = 0; k < 2; k++) await db.transaction((manager) => writer.record(manager, 'course.completed', event));
    }
    await eventually(
      async () => {
        const done = await count(
          `SELECT count(*)::int AS n FROM unnest($1::uuid[]) t(id)
            WHERE EXISTS (SELECT 1 FROM credit_entries e WHERE e.trainee_id = t.id)
              AND EXISTS (SELECT 1 FROM certificates c WHERE c.trainee_id = t.id AND c.kind = 'course_completion')
              AND EXISTS (SELECT 1 FROM compliance_flags f WHERE f.trainee_id = t.id AND f.cleared_at IS NULL)`,
          [trainees],
        );
        return done === TRAINEES ? true : undefined;
      },
      240_000,
      'every completion accrued, certified and flagged',
    );
    for (const trainee of trainees) {
      expect(await count('SELECT count(*)::int AS n FROM credit_entries WHERE trainee_id = $1', [trainee])).toBe(1);
      expect(
        await count(`SELECT count(*)::int AS n FROM certificates WHERE trainee_id = $1 AND kind = 'course_completion'`, [trainee]),
      ).toBe(1);
      expect(
        await count(`SELECT count(*)::int AS n FROM outbox_events WHERE type = 'credit.accrued' AND payload->>'traineeId' = $1`, [trainee]),
      ).toBe(1);
    }
    // The race was real: each process ran some of the jobs.
    for (const worker of workers)
      expect(worker.logs).toMatch(/"job":"(credit-hours\.accrue|certificates\.issue-course)"[^\n]*"msg":"job done"/);
  }, 300_000);

  it('sends each reminder once when both workers run the reminder job at the same moment', async () => {
    // Trainees of its own, held to the yearly requirements with no hours yet: flagged by the recompute.
    const trainees: string[] = [];
    for (let i = 0; i < TRAINEES; i++) {
      const trainee = await insertTrainee(db, { optIn: true });
      await api.get(ComplianceEngine).recomputeTrainee(trainee, currentYear(new Date()));
      trainees.push(trainee);
    }
    const queue = new Queue(Queues.compliance, { prefix: queuePrefix(api.ctx.config), connection: redisConnectionOptions(api.ctx.config) });
    try {
      const jobs = await Promise.all(
        [1, 2, 3, 4].map((n) => queue.add('compliance.remind', {}, { ...DEFAULT_JOB_OPTIONS, jobId: `remind-race-${n}` })),
      );
      await eventually(
        async () => {
          const states = await Promise.all(jobs.map((j) => queue.getJobState(j.id!)));
          return states.every((s) => s === 'completed') ? true : undefined;
        },
        60_000,
        'reminder jobs done',
      );
      const perFlag: { dedupe_key: string; n: number }[] = await db.query(
        `SELECT dedupe_key, count(*)::int AS n FROM notifications WHERE kind = 'compliance.reminder' AND user_id = ANY($1) GROUP BY dedupe_key`,
        [trainees],
      );
      const flags = await count(`SELECT count(*)::int AS n FROM compliance_flags WHERE cleared_at IS NULL AND trainee_id = ANY($1)`, [
        trainees,
      ]);
      expect(flags).toBeGreaterThanOrEqual(TRAINEES);
      // One reminder per open flag (the trainees have no enterprise, so no admin copies), none twice.
      expect(perFlag).toHaveLength(flags);
      expect(perFlag.every((r) => r.n === 1)).toBe(true);
    } finally {
      await queue.close();
    }
  }, 120_000);

  it('keeps one pending job per scheduler though both workers upserted them', async () => {
    const { config } = api.ctx;
    for (const name of Object.values(Queues)) {
      const queue = new Queue(name, { prefix: queuePrefix(config), connection: redisConnectionOptions(config) });
      try {
        const schedulers = await queue.getJobSchedulers();
        const delayed = (await queue.getJobs(['delayed', 'wait', 'prioritized'])).filter((j) => j.repeatJobKey);
        for (const scheduler of schedulers) {
          expect({
            queue: name,
            scheduler: scheduler.key,
            pending: delayed.filter((j) => j.repeatJobKey === scheduler.key).length,
          }).toEqual({
            queue: name,
            scheduler: scheduler.key,
            pending: 1,
          });
        }
      } finally {
        await queue.close();
      }
    }
  });
});
