import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import type { CertificateContent } from '@cqo/certificates';
import { CertificateRenderer, CertificateRenderPool } from '@cqo/certificates';
import type { CourseCompletedEvent } from '@cqo/core';
import { DEFAULT_JOB_OPTIONS, loadConfig, Queues, queuePrefix, redisConnectionOptions } from '@cqo/core';
import { migrateDatabase } from '@cqo/schema';
import { WorkerModule } from '../../apps/worker/src/worker.module';

/**
 * `npm run bench:certificates [-- --count=500] [--keep]`
 *
 * In a database of its own, with the worker running in this process (its BullMQ processors,
 * 16 jobs at a time), it adds `count` `certificates.issue-course` jobs and times them until every
 * certificate is rendered, signed, stored and recorded. In the same process and run it times the
 * bare rendering of the same layout (CertificateRenderer: QR code + pdfkit, nothing else), in
 * five rounds interleaved with the jobs. Both are warmed up alike first (30 bare renders, 30
 * certificates through the pipeline). A round of jobs ends, for its throughput, when its last job
 * finished; its CPU time runs on until what the certificates set off (each one's notification,
 * relayed from the outbox to a mail job) is done too, so that none of it lands in the next bare
 * round. It prints:
 *  - end-to-end throughput as a ratio to bare rendering (goal ≥ 0.8);
 *  - the median PDF size (goal ≤ 150 KB);
 *  - the process's peak memory (VmHWM), the worker being this process.
 * It asserts nothing; figures vary with the machine.
 */
const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const COUNT = arg('count', 500);
const KEEP = process.argv.includes('--keep');
const DB_NAME = 'cqo_bench_certificates';
/** Certificates issued through the pipeline before the measured rounds (as bare rendering is warmed up). */
const WARM_UP = 30;

const TITLES = ['企业质量管理体系建设', '卓越绩效管理', '六西格玛管理', '精益管理', '质量常用工具', '企业品牌建设及管理', '质量经济分析'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华';

function nameOf(i: number): string {
  return SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length] + GIVEN[(i * 13 + 5) % GIVEN.length];
}

function peakMemoryMiB(): number {
  const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) / 1024 : process.memoryUsage().rss / 1024 / 1024;
}

function seconds(from: bigint): number {
  return Number(process.hrtime.bigint() - from) / 1e9;
}

/** The content the worker would build for certificate `i`, for the bare-rendering baseline. */
function sampleContent(i: number): CertificateContent {
  const id = randomUUID();
  return {
    format: 1,
    serial: `GS-JY-2026-${String(900000 + i).padStart(6, '0')}-00`,
    kind: 'course_completion',
    version: 1,
    previousSerial: null,
    holder: { name: nameOf(i), idNumberMasked: '620102********0000' },
    subjectKey: id,
    period: '2026',
    facts: {
      kind: 'course_completion',
      enrollmentId: id,
      courseId: id,
      courseVersionId: id,
      organizationId: id,
      courseTitle: TITLES[i % TITLES.length],
      organizationName: '甘肃省质量发展研究院',
      category: 2,
      trainingKind: 'continuing',
      creditHours: '8',
      completedAt: '2026-06-01T02:00:00.000Z',
    },
    issuer: '甘肃省首席质量官培训平台',
    issuedAt: new Date().toISOString(),
    versionIssuedAt: new Date().toISOString(),
    verifyUrl: `http://localhost:3000/verify/${randomBytes(16).toString('base64url')}`,
  };
}

/** When the worker finished each job (its record is committed a moment before the job is marked finished); read concurrently. */
async function finishedOn(queue: Queue, ids: string[]): Promise<number[]> {
  return Promise.all(
    ids.map(async (id) => {
      const job = await queue.getJob(id);
      if (!job?.finishedOn) throw new Error(`job ${id} counted as completed but has no finishedOn`);
      return job.finishedOn;
    }),
  );
}

/** CPU milliseconds per thread of this process (Linux: /proc/self/task), or null elsewhere. */
function threadCpuMs(): Map<string, number> | null {
  try {
    const out = new Map<string, number>();
    for (const tid of readdirSync('/proc/self/task')) {
      try {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        out.set(tid, ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS);
      } catch {
        // the thread ended meanwhile
      }
    }
    return out;
  } catch {
    return null;
  }
}
/** USER_HZ, the unit of /proc's CPU times (100 on Linux). */
const CLOCK_TICKS = 100;

/** CPU of the event loop (the main thread) and of every other thread (render threads, GC, compiler, libuv), in ms. */
class ThreadCpu {
  eventLoop = 0;
  others = 0;
  private from: Map<string, number> | null = null;
  start(): void {
    this.from = threadCpuMs();
  }
  stop(): void {
    const to = threadCpuMs();
    if (!this.from || !to) return;
    for (const [tid, ms] of to) {
      const spent = ms - (this.from.get(tid) ?? 0);
      if (tid === String(process.pid)) this.eventLoop += spent;
      else this.others += spent;
    }
  }
}

async function bareRendering(renderer: CertificateRenderer, count: number, offset: number): Promise<number> {
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i++) await renderer.render(sampleContent(offset + i));
  return count / seconds(started);
}

async function seed(db: Client, count: number): Promise<CourseCompletedEvent[]> {
  const org = (
    await db.query(
      `INSERT INTO training_organizations (name, credit_code, region_id)
       VALUES ('甘肃省质量发展研究院', '12620000MB0000001X', (SELECT id FROM regions WHERE code = '620100')) RETURNING id`,
    )
  ).rows[0].id as string;
  const enterprise = (
    await db.query(
      `INSERT INTO enterprises (name, credit_code, region_id)
       VALUES ('基准企业', '91620100MA00000001', (SELECT id FROM regions WHERE code = '620100')) RETURNING id`,
    )
  ).rows[0].id as string;
  const users: { id: string; n: number }[] = (
    await db.query(
      `INSERT INTO users (username, password_hash, display_name, role)
       SELECT 'bench' || g, 'x', 'bench' || g, 'trainee' FROM generate_series(1, $1::int) g RETURNING id, substr(username, 6)::int AS n`,
      [count],
    )
  ).rows;
  for (const u of users) {
    await db.query(
      `INSERT INTO trainee_profiles (user_id, full_name, id_number_hash, id_number_masked, enterprise_id, education_level)
       VALUES ($1, $2, $3, '620102********0000', $4, 'bachelor')`,
      [u.id, nameOf(u.n), `bench-${u.n}`, enterprise],
    );
  }
  const versions: { course_id: string; id: string; title: string }[] = [];
  for (const title of TITLES) {
    const courseId = (await db.query('INSERT INTO courses (organization_id) VALUES ($1) RETURNING id', [org])).rows[0].id as string;
    const version = (
      await db.query(
        `INSERT INTO course_versions (course_id, organization_id, version, status, title, description, category, kind, credit_hours, delivery_mode, published_at)
         VALUES ($1, $2, 1, 'published', $3, '基准', 2, 'continuing', 8, 'online', now()) RETURNING id`,
        [courseId, org, title],
      )
    ).rows[0].id as string;
    versions.push({ course_id: courseId, id: version, title });
  }
  const events: CourseCompletedEvent[] = [];
  for (const u of users) {
    const v = versions[u.n % versions.length];
    const enrollment = (
      await db.query(
        `INSERT INTO enrollments (trainee_id, course_id, course_version_id, status, enrolled_at, completed_at)
         VALUES ($1, $2, $3, 'completed', now(), '2026-06-01T02:00:00Z') RETURNING id`,
        [u.id, v.course_id, v.id],
      )
    ).rows[0].id as string;
    events.push({
      enrollmentId: enrollment,
      traineeId: u.id,
      courseId: v.course_id,
      courseVersionId: v.id,
      organizationId: org,
      category: 2,
      kind: 'continuing',
      creditHours: '8',
      completedAt: '2026-06-01T02:00:00.000Z',
    });
  }
  return events;
}

async function main(): Promise<void> {
  const base = loadConfig();
  const url = new URL(base.databaseUrl);
  url.pathname = `/${DB_NAME}`;
  const databaseUrl = url.toString();
  const admin = new Client({ connectionString: new URL('/postgres', databaseUrl).toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DB_NAME}`);
  await migrateDatabase(databaseUrl);
  const storageDir = await mkdtemp(join(tmpdir(), 'cqo-bench-certificates-'));
  const redisPrefix = `bench-certificates-${randomBytes(3).toString('hex')}`;
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: databaseUrl,
    REDIS_PREFIX: redisPrefix,
    STORAGE_DIR: storageDir,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
  });
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const queue = new Queue(Queues.certificates, { prefix: queuePrefix({ redisPrefix }), connection: redisConnectionOptions(config) });
  const mailQueue = new Queue(Queues.mail, { prefix: queuePrefix({ redisPrefix }), connection: redisConnectionOptions(config) });
  const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, { healthServer: false }), { logger: ['error'] });
  try {
    const renderThreads = worker.get(CertificateRenderPool).threads;
    process.stdout.write(
      `bench:certificates — ${COUNT} certificates, worker in this process (16 jobs at a time, ${renderThreads} render thread${renderThreads === 1 ? '' : 's'}), 5 interleaved rounds, ${cpus().length} CPUs, load average ${loadavg()[0].toFixed(1)}, node ${process.version}\n`,
    );
    const events = await seed(db, COUNT + WARM_UP);
    const warmUpEvents = events.splice(COUNT);
    const renderer = worker.get(CertificateRenderer);
    let issued = 0;
    let polls = 0;
    /** Adds the jobs of `batch`, waits until they are finished and answers when each finished (ms since epoch). */
    const issue = async (batch: CourseCompletedEvent[]): Promise<number[]> => {
      const jobIds = batch.map((event) => `bench-${event.enrollmentId}`);
      await queue.addBulk(
        batch.map((event, i) => ({
          name: 'certificates.issue-course',
          data: { eventId: jobIds[i], event },
          opts: { ...DEFAULT_JOB_OPTIONS, jobId: jobIds[i] },
        })),
      );
      issued += batch.length;
      // Polled slowly (one Redis round trip every 100 ms, as much again per 50 ms of settling) so that the bench's own work takes next to
      // nothing from the worker; the round's end is when its last job finished, as the worker recorded it.
      for (;;) {
        polls++;
        const counts = await queue.getJobCounts('completed', 'failed');
        if (counts.failed > 0) throw new Error(`${counts.failed} jobs failed: ${(await queue.getFailed(0, 0))[0]?.failedReason}`);
        if (counts.completed >= issued) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      return finishedOn(queue, jobIds);
    };
    /** Waits until what the issued certificates set off is done: every outbox event relayed, the mail jobs finished. */
    const settle = async (): Promise<void> => {
      for (;;) {
        polls++;
        const pending = (await db.query('SELECT count(*)::int AS n FROM outbox_events WHERE relayed_at IS NULL')).rows[0].n as number;
        const mail = await mailQueue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        if (pending === 0 && Object.values(mail).every((n) => n === 0)) return;
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    // Warm up: fonts parsed, code paths compiled, for both measurements alike (the render threads
    // and the pipeline's code as much as the bare renderer).
    await bareRendering(renderer, WARM_UP, 10_000);
    await issue(warmUpEvents);
    await settle();

    // Interleaved rounds, so that a machine whose load changes during the run weighs on both alike.
    const ROUNDS = 5;
    let bareSeconds = 0;
    let endToEndSeconds = 0;
    // CPU time of this process (every thread: the worker's event loop and its render threads), per phase.
    let bareCpuMs = 0;
    let endToEndCpuMs = 0;
    const bareThreads = new ThreadCpu();
    const endToEndThreads = new ThreadCpu();
    const cpuMs = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    const perRound = Math.ceil(COUNT / ROUNDS);
    for (let round = 0; round < ROUNDS; round++) {
      const batch = events.slice(round * perRound, (round + 1) * perRound);
      if (batch.length === 0) break;
      const bareCpuFrom = cpuMs();
      bareThreads.start();
      bareSeconds += batch.length / (await bareRendering(renderer, batch.length, round * perRound));
      bareThreads.stop();
      bareCpuMs += cpuMs() - bareCpuFrom;
      const endToEndCpuFrom = cpuMs();
      endToEndThreads.start();
      const startedAt = Date.now();
      const finished = await issue(batch);
      endToEndSeconds += (Math.max(...finished) - startedAt) / 1000;
      await settle();
      endToEndThreads.stop();
      endToEndCpuMs += cpuMs() - endToEndCpuFrom;
    }
    const bare = COUNT / bareSeconds;
    const endToEnd = COUNT / endToEndSeconds;
    const sizes: number[] = (await db.query('SELECT pdf_size FROM certificates ORDER BY pdf_size')).rows.map(
      (r: { pdf_size: number }) => r.pdf_size,
    );
    const median = sizes.length % 2 ? sizes[(sizes.length - 1) / 2] : (sizes[sizes.length / 2 - 1] + sizes[sizes.length / 2]) / 2;
    const stored = (await db.query('SELECT count(DISTINCT serial)::int AS n FROM certificates')).rows[0].n as number;

    const lines = [
      `bare rendering (same layout, pdfkit + QR, one at a time): ${bare.toFixed(1)} /s`,
      `end to end (job → PDF → signed → stored → record): ${endToEnd.toFixed(1)} /s, ${stored} certificates with distinct serials (${WARM_UP} of them the warm-up)`,
      `throughput ratio end-to-end / bare rendering: ${(endToEnd / bare).toFixed(2)} (goal ≥ 0.80)`,
      `CPU per certificate in this process: end to end ${(endToEndCpuMs / COUNT).toFixed(1)} ms (all threads; the mail jobs the certificates set off and the bench's ${polls} polls included), bare rendering ${(bareCpuMs / COUNT).toFixed(1)} ms; load average at end ${loadavg()[0].toFixed(1)}`,
      ...(endToEndThreads.eventLoop + endToEndThreads.others > 0
        ? [
            `  by thread: end to end: event loop ${(endToEndThreads.eventLoop / COUNT).toFixed(1)} ms, other threads (render threads, V8 GC and compiler, libuv) ${(endToEndThreads.others / COUNT).toFixed(1)} ms; bare rendering: event loop ${(bareThreads.eventLoop / COUNT).toFixed(1)} ms, other threads ${(bareThreads.others / COUNT).toFixed(1)} ms`,
          ]
        : []),
      `median PDF size: ${(median / 1024).toFixed(1)} KB (min ${(sizes[0] / 1024).toFixed(1)}, max ${(sizes[sizes.length - 1] / 1024).toFixed(1)}; goal ≤ 150 KB)`,
      `peak memory of the worker process (VmHWM): ${peakMemoryMiB().toFixed(0)} MiB`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await worker.close();
    await mailQueue.close();
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    await db.end();
    if (!KEEP) {
      await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
      await rm(storageDir, { recursive: true, force: true });
    }
    await admin.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:certificates failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
