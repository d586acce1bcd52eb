import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { ChildProcess, execFileSync, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { Controller, Get, Module, Query } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig, Role } from '@cqo/core';
import { XapiKeysService } from '@cqo/courses';
import { migrateDatabase } from '@cqo/schema';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureApi } from '../../apps/api/src/bootstrap';
import { Public } from '../../apps/api/src/http/common/access.decorator';
import type { LoadResult, LoadRun, XapiPhase, XapiWorld } from './load-generator';

/**
 * `npm run bench:xapi`: xAPI statements from content sessions (HTTP Basic key pair, one trainee
 * and one registration per session, each statement a new id) against the real API (Fastify on
 * 127.0.0.1, PostgreSQL), beside a bare baseline in the same run: an unauthenticated endpoint
 * doing one indexed read. Phases: baseline and statements as fast as answered, then statements
 * held at the goal rate (1,000/s) to read the sustained p99. Prints the ratios, the server's
 * (the LRS's) peak RSS and heap during the statement phases, and the load average; asserts nothing.
 * Also prints, per request of each phase, figures the machine's load hardly changes: the
 * PostgreSQL round trips (counted in the driver) and the CPU time of the server process, of the
 * PostgreSQL backends serving the bench's database (from /proc) and of the clients' process.
 * Options: --connections=100 --seconds=10 --rate=1000; KEEP_DB=1 keeps the bench's database (to EXPLAIN in it).
 */
const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const CONNECTIONS = arg('connections', 100);
const SECONDS = arg('seconds', 10);
const RATE = arg('rate', 1000);
const WARMUP_SECONDS = 2;
let clients: ChildProcess | undefined;

// Every round trip to PostgreSQL (TypeORM and the driver's pool both end in Client#query): counted
// during each measured run, printed per request, a figure the machine's load does not change.
let roundTrips = 0;
const clientQuery = Client.prototype.query;
Client.prototype.query = function (this: Client, ...args: unknown[]) {
  roundTrips++;
  return (clientQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof Client.prototype.query;

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

interface Phase extends LoadResult {
  name: string;
  rps: number;
  rssPeakMiB: number;
  heapPeakMiB: number;
  roundTripsPerRequest: number;
  /** CPU µs per request: this (the server's) process, the PostgreSQL backends of its database, the clients. */
  cpu: { server: number; postgres: number; clients: number };
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU µs (user + system) of each PostgreSQL backend serving the bench's database, by pid (from /proc; empty where unreadable). */
async function backendCpu(db: DataSource): Promise<Map<number, number>> {
  const rows: { pid: number }[] = await db.query('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      cpu.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS);
    } catch {
      // another machine's PostgreSQL, or a backend gone meanwhile
    }
  }
  return cpu;
}

async function main(): Promise<void> {
  const base = loadConfig();
  const url = new URL(base.databaseUrl);
  url.pathname = `/cqo_bench_xapi_${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const databaseUrl = url.toString();
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: databaseUrl,
    DATABASE_READ_URL: databaseUrl,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  });
  await migrateDatabase(databaseUrl);
  let app: NestFastifyApplication | undefined;
  try {
    @Module({ imports: [ApiModule.forRoot(config)], controllers: [BaselineController] })
    class BenchModule {}
    app = await NestFactory.create<NestFastifyApplication>(BenchModule, new FastifyAdapter(), { logger: ['error'] });
    configureApi(app);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const origin = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const world = await seed(app, origin, config.publicBaseUrl);
    process.stdout.write(
      `bench:xapi — ${CONNECTIONS} content sessions (connections), ${SECONDS} s per phase after ${WARMUP_SECONDS} s warm-up, node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}\n`,
    );
    clients = fork(join(__dirname, 'load-generator.js'), { stdio: 'inherit' });
    clients.send({ world });
    await once(clients, 'message');
    const db = app.get(DataSource);
    const baseline = await phase(db, 'baseline', 'baseline (GET, 1 indexed read, no auth)', 0);
    const open = await phase(db, 'statements', 'statements (POST, Basic, 1 each), open', 0);
    const held = await phase(db, 'statements', `statements held at ${RATE}/s`, RATE);

    process.stdout.write(
      `\n${'phase'.padEnd(44)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'max ms'.padStart(7)} ${'non-2xx'.padStart(7)}  ${'ratio req/s, p99'.padEnd(16)}  ${'DB trips/req'.padStart(12)}  RSS / heap peak MiB\n`,
    );
    for (const r of [baseline, open, held]) {
      const ratio = `${(r.rps / baseline.rps).toFixed(2)}×, ${(r.p99 / baseline.p99).toFixed(2)}×`;
      process.stdout.write(
        `${r.name.padEnd(44)} ${r.rps.toFixed(0).padStart(7)} ${r.p50.toFixed(1).padStart(7)} ${r.p99.toFixed(1).padStart(7)} ${r.max.toFixed(0).padStart(7)} ${String(r.non2xx + r.errors).padStart(7)}  ${ratio.padEnd(16)}  ${r.roundTripsPerRequest.toFixed(2).padStart(12)}  ${r.rssPeakMiB.toFixed(0)} / ${r.heapPeakMiB.toFixed(0)}\n`,
      );
    }
    process.stdout.write(
      `\n${'CPU µs per request'.padEnd(44)} ${'server'.padStart(7)} ${'PG'.padStart(7)} ${'clients'.padStart(7)} ${'total'.padStart(7)}\n`,
    );
    for (const r of [baseline, open, held]) {
      const { server, postgres, clients: gen } = r.cpu;
      process.stdout.write(
        `${r.name.padEnd(44)} ${server.toFixed(0).padStart(7)} ${postgres.toFixed(0).padStart(7)} ${gen.toFixed(0).padStart(7)} ${(server + postgres + gen).toFixed(0).padStart(7)}\n`,
      );
    }
    const [check] = await db.query('SELECT count(*)::int AS statements FROM xapi_statements');
    process.stdout.write(`\nrecorded: ${check.statements} statements (warm-ups included)\n`);
    const goal = held.rps >= RATE * 0.98 && held.p99 < 200 && held.non2xx + held.errors === 0;
    process.stdout.write(
      `load average at the end: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}\n`,
    );
    process.stdout.write(
      `goal (${RATE} statements/s sustained from ${CONNECTIONS} sessions, p99 < 200 ms): ${goal ? 'met' : 'NOT met'} — ${held.rps.toFixed(0)}/s, p99 ${held.p99.toFixed(1)} ms\n`,
    );
  } finally {
    clients?.kill();
    await app?.close();
    if (!process.env.KEEP_DB) await adminQuery(databaseUrl, `DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`);
  }
}

/** A warm-up, then a measured run of the forked clients, sampling this process's memory. */
async function phase(db: DataSource, phaseName: XapiPhase, name: string, overallRate: number): Promise<Phase> {
  const run = async (seconds: number): Promise<LoadResult> => {
    clients!.send({ phase: phaseName, connections: CONNECTIONS, seconds, overallRate } satisfies LoadRun);
    const [result] = (await once(clients!, 'message')) as [LoadResult];
    return result;
  };
  await run(WARMUP_SECONDS);
  await drained(db);
  let rss = 0;
  let heap = 0;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 100);
  const trips = roundTrips;
  const pgBefore = await backendCpu(db);
  const serverBefore = process.cpuUsage();
  const result = await run(SECONDS);
  const serverUsed = process.cpuUsage(serverBefore);
  const pgAfter = await backendCpu(db);
  const tripsPerRequest = (roundTrips - trips) / Math.max(1, result.total);
  clearInterval(sampler);
  // A backend that started during the run counts whole; one that ended during it is missed.
  let pgMicros = 0;
  for (const [pid, micros] of pgAfter) pgMicros += micros - (pgBefore.get(pid) ?? 0);
  const per = (micros: number) => micros / Math.max(1, result.total);
  await drained(db);
  return {
    ...result,
    name,
    rps: result.total / (result.duration || SECONDS),
    rssPeakMiB: rss / 1024 ** 2,
    heapPeakMiB: heap / 1024 ** 2,
    roundTripsPerRequest: tripsPerRequest,
    cpu: { server: per(serverUsed.user + serverUsed.system), postgres: per(pgMicros), clients: per(result.cpuMicros) },
  };
}

/** Waits until no statement of ours is active in PostgreSQL for three polls in a row (at most 30 s). */
async function drained(db: DataSource): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (let quiet = 0; quiet < 3 && Date.now() < deadline;) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state <> 'idle' AND pid <> pg_backend_pid()`,
    );
    quiet = n === 0 ? quiet + 1 : 0;
  }
}

/** By SQL: an organization with a key pair, one published online course, a trainee enrolled per session. */
async function seed(app: NestFastifyApplication, origin: string, homePage: string): Promise<XapiWorld> {
  const db = app.get(DataSource);
  const [region] = await db.query(`SELECT id FROM regions WHERE code = '620100'`);
  const [org] = await db.query(
    `INSERT INTO training_organizations (name, credit_code, region_id) VALUES ('压测培训机构', '12620000MB00BENCH1', $1) RETURNING id`,
    [region.id],
  );
  const [c] = await db.query('INSERT INTO courses (organization_id) VALUES ($1) RETURNING id', [org.id]);
  const [v] = await db.query(
    `INSERT INTO course_versions (course_id, organization_id, version, status, title, description, category, kind, credit_hours, delivery_mode, published_at)
     VALUES ($1, $2, 1, 'published', 'xAPI 压测课程', '压测', 1, 'continuing', 2.0, 'online', now()) RETURNING id`,
    [c.id, org.id],
  );
  const [l] = await db.query(
    `INSERT INTO lessons (course_version_id, position, title, type, minutes, required) VALUES ($1, 1, '课件', 'video', 600, true) RETURNING id`,
    [v.id],
  );
  const users: { id: string; username: string }[] = await db.query(
    `INSERT INTO users (username, password_hash, display_name, role)
     SELECT 'xapi-bench-' || g, 'not-a-hash', '压测学员' || g, 'trainee' FROM generate_series(1, $1::int) g ORDER BY g RETURNING id, username`,
    [CONNECTIONS],
  );
  await db.query(
    `INSERT INTO enrollments (trainee_id, course_id, course_version_id, status, enrolled_at) SELECT t, $2, $3, 'enrolled', now() - interval '1 day' FROM unnest($1::uuid[]) t`,
    [users.map((u) => u.id), c.id, v.id],
  );
  // Statistics of the seeded tables only: an ANALYZE of the still empty statement tables would
  // tell the planner they stay empty, and the generic plans the pooled connections cache for the
  // named statements would scan them whole for the rest of the run (production tables are not empty).
  await db.query('ANALYZE regions, training_organizations, courses, course_versions, lessons, users, enrollments');
  const key = await app
    .get(XapiKeysService)
    .create(
      { userId: randomUUID(), role: Role.OrgAdmin, organizationId: org.id, enterpriseId: null, regionId: null, regionPath: null },
      '压测密钥',
    );
  return {
    origin,
    authorization: `Basic ${Buffer.from(`${key.id}:${key.key}`).toString('base64')}`,
    homePage,
    lessonIri: `${homePage}/xapi/activities/lessons/${l.id}`,
    sessions: users.map((u) => ({ traineeId: u.id, username: u.username, registration: randomUUID() })),
  };
}

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
  process.stderr.write(`bench:xapi: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
