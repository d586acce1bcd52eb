import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
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
 * five rounds interleaved with the jobs, and prints:
 *  - end-to-end throughput as a ratio to bare rendering (goal ≥ 0.8);
 *  - the median PDF size (goal ≤ 150 KB);
 *  - the process's peak memory (VmHWM), the worker being this process.
 * It asserts nothing; figures vary with the machine.
 */
const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const COUNT = arg('count', 500);
const KEEP = process.argv.includes('--keep');
const DB_NAME = 'cqo_bench_certificates';

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

/** When the worker finished job `id` (its record is committed a moment before the job is marked finished). */
async function finishedOn(queue: Queue, id: string): Promise<number> {
  for (;;) {
    const job = await queue.getJob(id);
    if (job?.finishedOn) return job.finishedOn;
    await new Promise((r) => setTimeout(r, 10));
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
  const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, { healthServer: false }), { logger: ['error'] });
  try {
    const renderThreads = worker.get(CertificateRenderPool).threads;
    process.stdout.write(
      `bench:certificates — ${COUNT} certificates, worker in this process (16 jobs at a time, ${renderThreads} render thread${renderThreads === 1 ? '' : 's'}), 5 interleaved rounds, ${cpus().length} CPUs, load average ${loadavg()[0].toFixed(1)}, node ${process.version}\n`,
    );
    const events = await seed(db, COUNT);
    const renderer = worker.get(CertificateRenderer);
    // Warm up: fonts parsed, code paths compiled, for both measurements alike.
    await bareRendering(renderer, 30, 10_000);

    // Interleaved rounds, so that a machine whose load changes during the run weighs on both alike.
    const ROUNDS = 5;
    let bareSeconds = 0;
    let endToEndSeconds = 0;
    // CPU time of this process (every thread: the worker's event loop and its render threads), per phase.
    let bareCpuMs = 0;
    let endToEndCpuMs = 0;
    const cpuMs = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    const perRound = Math.ceil(COUNT / ROUNDS);
    for (let round = 0; round < ROUNDS; round++) {
      const batch = events.slice(round * perRound, (round + 1) * perRound);
      if (batch.length === 0) break;
      const bareCpuFrom = cpuMs();
      bareSeconds += batch.length / (await bareRendering(renderer, batch.length, round * perRound));
      bareCpuMs += cpuMs() - bareCpuFrom;
      const endToEndCpuFrom = cpuMs();
      const startedAt = Date.now();
      const target = round * perRound + batch.length;
      const jobIds = batch.map((event) => `bench-${event.enrollmentId}`);
      await queue.addBulk(
        batch.map((event, i) => ({
          name: 'certificates.issue-course',
          data: { eventId: jobIds[i], event },
          opts: { ...DEFAULT_JOB_OPTIONS, jobId: jobIds[i] },
        })),
      );
      // Polled slowly so that the bench's own queries take next to nothing from the worker; the
      // round's end is when its last job finished, as the worker recorded it.
      for (;;) {
        const { rows } = await db.query('SELECT count(*)::int AS n FROM certificates');
        if (rows[0].n >= target) break;
        const failed = await queue.getFailedCount();
        if (failed > 0) throw new Error(`${failed} jobs failed: ${(await queue.getFailed(0, 0))[0]?.failedReason}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      let finishedAt = 0;
      for (const id of jobIds) finishedAt = Math.max(finishedAt, await finishedOn(queue, id));
      endToEndSeconds += (finishedAt - startedAt) / 1000;
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
      `end to end (job → PDF → signed → stored → record): ${endToEnd.toFixed(1)} /s, ${stored} certificates with distinct serials`,
      `throughput ratio end-to-end / bare rendering: ${(endToEnd / bare).toFixed(2)} (goal ≥ 0.80)`,
      `CPU per certificate in this process: end to end ${(endToEndCpuMs / COUNT).toFixed(1)} ms (all threads, bench polling included), bare rendering ${(bareCpuMs / COUNT).toFixed(1)} ms; load average at end ${loadavg()[0].toFixed(1)}`,
      `median PDF size: ${(median / 1024).toFixed(1)} KB (min ${(sizes[0] / 1024).toFixed(1)}, max ${(sizes[sizes.length - 1] / 1024).toFixed(1)}; goal ≤ 150 KB)`,
      `peak memory of the worker process (VmHWM): ${peakMemoryMiB().toFixed(0)} MiB`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await worker.close();
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
