import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { Controller, Get, Module, Query } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import * as pg from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig, traineeActor } from '@cqo/core';
import { TokenService } from '@cqo/identity';
import { migrateDatabase } from '@cqo/schema';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureApi } from '../../apps/api/src/bootstrap';
import { Public } from '../../apps/api/src/http/common/access.decorator';
import type { LoadResult, LoadRun } from './load-generator';
import { BenchWorld, PhaseName } from './requests';

/**
 * `npm run bench:enrolment`: heartbeat and enrolment throughput and latency at 200 concurrent
 * clients against the real API (Fastify on 127.0.0.1, PostgreSQL), each as a ratio to a bare
 * baseline measured in the same run: an unauthenticated endpoint doing one indexed read. The
 * server runs in this process; the clients (autocannon) in a forked one (load-generator.ts).
 * Uses a throw-away database on the server of DATABASE_URL; prints figures, asserts nothing.
 */
const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const CONNECTIONS = arg('connections', 200);
// Fewer trainees (`--trainees=200`) beat each session more often in a short or slow run.
const TRAINEES = arg('trainees', 2000);
const ENROL_COURSES = 25;
const SECONDS = arg('seconds', 10);
const WARMUP_SECONDS = 2;
// `--phases=baseline,heartbeat` runs only those (for a --cpu-prof of one path); the baseline always runs.
const PHASES = process.argv
  .find((a) => a.startsWith('--phases='))
  ?.split('=')[1]
  ?.split(',') ?? ['heartbeat', 'enrol'];
let database: DataSource | undefined;
let clients: ChildProcess | undefined;

/** The bare baseline: public, no body, one primary-key read. It exists only in this bench's app. */
@Controller('bench')
class BaselineController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('baseline')
  @Public()
  async baseline(@Query('id') id: string): Promise<{ found: boolean }> {
    const rows: unknown[] = await this.dataSource.query('SELECT id FROM users WHERE id = $1', [id]);
    return { found: rows.length > 0 };
  }
}

interface Phase {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  total: number;
  /** CPU time per request of this process (the server) and of our PostgreSQL backends. */
  nodeCpuUs: number;
  pgCpuUs: number;
  /** Statements this process sent to PostgreSQL per answered request (guards included). */
  statements: number;
}

/** Counts every statement any pg client of this process sends (TypeORM's pool included). */
let statementsSent = 0;
const sendQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statementsSent += 1;
  return sendQuery.apply(this, args);
} as typeof pg.Client.prototype.query;

async function main(): Promise<void> {
  const base = loadConfig();
  const url = new URL(base.databaseUrl);
  url.pathname = `/cqo_bench_${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const databaseUrl = url.toString();
  // Request logging at `warn` (errors only) unless LOG_LEVEL says otherwise; both phases pay the same.
  const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  await migrateDatabase(databaseUrl);
  // An experiment knob, off by default: how much of a heartbeat is waiting for the WAL flush.
  const asyncCommit = process.argv.includes('--async-commit');
  if (asyncCommit) await adminQuery(databaseUrl, `ALTER DATABASE "${url.pathname.slice(1)}" SET synchronous_commit = off`);
  let app: NestFastifyApplication | undefined;
  try {
    @Module({ imports: [ApiModule.forRoot(config)], controllers: [BaselineController] })
    class BenchModule {}
    app = await NestFactory.create<NestFastifyApplication>(BenchModule, new FastifyAdapter({ bodyLimit: 5 * 1024 * 1024 }), {
      logger: ['error'],
    });
    configureApi(app);
    database = app.get(DataSource);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpServer().address() as { port: number };
    const origin = `http://127.0.0.1:${address.port}`;
    const world = await seed(app.get(DataSource), app.get(TokenService));
    process.stdout.write(
      `bench:enrolment — ${CONNECTIONS} connections, ${SECONDS} s per phase after ${WARMUP_SECONDS} s warm-up, node ${process.version}, ${TRAINEES} trainees, ${cpus().length} CPUs, load average ${loadavg()[0].toFixed(1)}${asyncCommit ? ', synchronous_commit off' : ''}\n`,
    );

    clients = fork(join(__dirname, 'load-generator.js'), { stdio: 'inherit' });
    clients.send({ world });
    await once(clients, 'message');
    const baseline = await phase(origin, 'baseline', 'baseline (GET, 1 indexed read, no auth)');
    const heartbeat = PHASES.includes('heartbeat')
      ? await phase(origin, 'heartbeat', 'heartbeat (POST, JWT, group-committed write)')
      : undefined;
    // No warm-up: each (trainee, course) pair is enrolled once.
    const enrol = PHASES.includes('enrol')
      ? await phase(origin, 'enrol', `enrol (POST, JWT, 1 statement + view, ${ENROL_COURSES} courses)`, false)
      : undefined;

    const rows = [baseline, heartbeat, enrol].filter((r): r is Phase => r !== undefined);
    process.stdout.write(
      `\n${'phase'.padEnd(52)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'non-2xx'.padStart(7)}  ${'ratio req/s, p99'.padEnd(16)}  CPU µs/req (server + pg) ratio  statements/req\n`,
    );
    for (const r of rows) {
      const ratio = `${(r.rps / baseline.rps).toFixed(2)}×, ${(r.p99 / baseline.p99).toFixed(2)}×`;
      const cpu = `${r.nodeCpuUs.toFixed(0)} + ${r.pgCpuUs.toFixed(0)}`;
      const cpuRatio = `${((r.nodeCpuUs + r.pgCpuUs) / (baseline.nodeCpuUs + baseline.pgCpuUs)).toFixed(2)}×`;
      process.stdout.write(
        `${r.name.padEnd(52)} ${r.rps.toFixed(0).padStart(7)} ${r.p50.toFixed(1).padStart(7)} ${r.p99.toFixed(1).padStart(7)} ${String(r.non2xx + r.errors).padStart(7)}  ${ratio.padEnd(16)}  ${cpu.padEnd(12)} ${cpuRatio.padEnd(6)}  ${r.statements.toFixed(2)}\n`,
      );
    }
    const [check] = await app
      .get(DataSource)
      .query(
        `SELECT (SELECT count(*)::int FROM enrollments WHERE course_version_id = ANY($1)) AS enrolments, (SELECT sum(beats)::int FROM study_sessions) AS beats`,
        [world.enrolCourses],
      );
    process.stdout.write(`\nrecorded: ${check.enrolments} enrolments, ${check.beats} heartbeats (warm-up included)\n`);
    // Server, load generator and PostgreSQL share the machine: other work on it shows in the load average.
    process.stdout.write(`load average at the end: ${loadavg()[0].toFixed(1)} (1 min)\n`);
    // Issue 20's goals, as ratios to the baseline measured in the same run.
    const goal = (r: Phase | undefined, label: string, rps: number, p99: number) => {
      if (!r) return;
      const [rpsRatio, p99Ratio] = [r.rps / baseline.rps, r.p99 / baseline.p99];
      const met = rpsRatio >= rps && p99Ratio <= p99;
      process.stdout.write(
        `goal (${label} ≥ ${rps}× baseline req/s, p99 ≤ ${p99}×): ${met ? 'met' : 'NOT met'} — ${rpsRatio.toFixed(2)}×, p99 ${p99Ratio.toFixed(2)}×\n`,
      );
    };
    goal(heartbeat, 'heartbeats', 0.85, 1.2);
    goal(enrol, 'enrol', 0.6, 3);
  } finally {
    clients?.kill();
    await app?.close();
    await dropDatabase(databaseUrl);
  }
}

/** Runs a warm-up (unless told not to) then a measured run of the forked clients. */
async function phase(origin: string, phaseName: PhaseName, name: string, warmup = true): Promise<Phase> {
  const run = async (seconds: number): Promise<LoadResult> => {
    const request: LoadRun = { origin, phase: phaseName, connections: CONNECTIONS, seconds };
    clients!.send(request);
    const [result] = (await once(clients!, 'message')) as [LoadResult];
    return result;
  };
  if (warmup) {
    await run(WARMUP_SECONDS);
    await drained();
  }
  const nodeBefore = process.cpuUsage();
  const pgBefore = await backendCpuMs();
  const statementsBefore = statementsSent;
  const result = await run(SECONDS);
  await drained();
  const node = process.cpuUsage(nodeBefore);
  // The bench's own polls (drained, backendCpuMs) are a handful against thousands of requests.
  const statements = statementsSent - statementsBefore;
  // Per backend: the pool closes connections idle for 10 s (a group-committed phase leaves most
  // idle), and a backend that ended takes its CPU with it; those are left out, never subtracted.
  let pgMs = 0;
  for (const [pid, ms] of await backendCpuMs()) pgMs += ms - (pgBefore.get(pid) ?? 0);
  const answered = Math.max(1, result.total);
  return {
    statements: statements / answered,
    nodeCpuUs: (node.user + node.system) / answered,
    pgCpuUs: (pgMs * 1000) / answered,
    name,
    rps: result.total / (result.duration || SECONDS),
    p50: result.p50,
    p99: result.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    total: result.total,
  };
}

/**
 * CPU milliseconds used so far by each PostgreSQL backend serving this database (from /proc;
 * 0 where that cannot be read). With the per-process figure this gives a cost per request that
 * depends less than throughput on what else the machine runs (a saturated machine inflates it too).
 */
async function backendCpuMs(): Promise<Map<number, number>> {
  const rows: { pid: number }[] = await database!.query('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1].split(' ');
      // utime, stime (fields 14 and 15 of the line), in ticks; USER_HZ is 100 on Linux
      cpu.set(pid, (Number(fields[11]) + Number(fields[12])) * 10);
    } catch {
      // a backend that ended meanwhile, or no /proc: not counted
    }
  }
  return cpu;
}

/**
 * Waits until the server has finished the requests the load generator gave up on at the end of a
 * run: no statement of ours active in PostgreSQL for three polls in a row (at most 30 s).
 */
async function drained(): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (let quiet = 0; quiet < 3 && Date.now() < deadline;) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const [{ n }] = await database!.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state <> 'idle' AND pid <> pg_backend_pid()`,
    );
    quiet = n === 0 ? quiet + 1 : 0;
  }
}

/** Seeds by SQL: an organization, one published course with a study session per trainee, and the courses to enrol in. */
async function seed(db: DataSource, tokens: TokenService): Promise<BenchWorld> {
  const [region] = await db.query(`SELECT id FROM regions WHERE code = '620100'`);
  const [org] = await db.query(
    `INSERT INTO training_organizations (name, credit_code, region_id) VALUES ('压测培训机构', '12620000MB00BENCH1', $1) RETURNING id`,
    [region.id],
  );
  const course = async (title: string) => {
    const [c] = await db.query('INSERT INTO courses (organization_id) VALUES ($1) RETURNING id', [org.id]);
    const [v] = await db.query(
      `INSERT INTO course_versions (course_id, organization_id, version, status, title, description, category, kind, credit_hours, delivery_mode, published_at)
       VALUES ($1, $2, 1, 'published', $3, '压测', 1, 'continuing', 2.0, 'online', now()) RETURNING id`,
      [c.id, org.id, title],
    );
    const [l] = await db.query(
      `INSERT INTO lessons (course_version_id, position, title, type, minutes, required) VALUES ($1, 1, '课时', 'video', 600, true) RETURNING id`,
      [v.id],
    );
    return { courseId: c.id as string, versionId: v.id as string, lessonId: l.id as string };
  };
  const study = await course('心跳压测课程');
  const enrolCourses = [];
  for (let i = 0; i < ENROL_COURSES; i++) enrolCourses.push((await course(`报名压测课程 ${i + 1}`)).versionId);
  const users: { id: string }[] = await db.query(
    `INSERT INTO users (username, password_hash, display_name, role)
     SELECT 'bench-' || g, 'not-a-hash', '压测学员' || g, 'trainee' FROM generate_series(1, $1::int) g ORDER BY g RETURNING id`,
    [TRAINEES],
  );
  const ids = users.map((u) => u.id);
  const enrolments: { id: string; trainee_id: string }[] = await db.query(
    `INSERT INTO enrollments (trainee_id, course_id, course_version_id, status, enrolled_at)
     SELECT t, $2, $3, 'enrolled', now() FROM unnest($1::uuid[]) t RETURNING id, trainee_id`,
    [ids, study.courseId, study.versionId],
  );
  await db.query(`INSERT INTO lesson_progress (enrollment_id, lesson_id, required_seconds) SELECT e, $2, 32400 FROM unnest($1::uuid[]) e`, [
    enrolments.map((e) => e.id),
    study.lessonId,
  ]);
  const sessions: { id: string; trainee_id: string }[] = await db.query(
    `INSERT INTO study_sessions (enrollment_id, lesson_id, trainee_id, started_at, last_beat_at)
     SELECT e.id, $2, e.trainee_id, now(), now() FROM unnest($1::uuid[], $3::uuid[]) AS e(id, trainee_id) RETURNING id, trainee_id`,
    [enrolments.map((e) => e.id), study.lessonId, enrolments.map((e) => e.trainee_id)],
  );
  const sessionOf = new Map(sessions.map((s) => [s.trainee_id, s.id]));
  await db.query('ANALYZE');
  const trainees = await Promise.all(
    ids.map(async (id) => ({
      id,
      sessionId: sessionOf.get(id)!,
      token: await tokens.signAccess(traineeActor(id)),
    })),
  );
  return { trainees, enrolCourses };
}

async function dropDatabase(databaseUrl: string): Promise<void> {
  await adminQuery(databaseUrl, `DROP DATABASE IF EXISTS "${new URL(databaseUrl).pathname.slice(1)}" WITH (FORCE)`);
}

/** Runs one statement on the server's `postgres` database. */
async function adminQuery(databaseUrl: string, sql: string): Promise<void> {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:enrolment: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
