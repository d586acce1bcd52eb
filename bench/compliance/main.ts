import 'reflect-metadata';
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { Queue, QueueEvents } from 'bullmq';
import { Client } from 'pg';
import type { CourseCompletedEvent } from '@cqo/core';
import { chinaYearOf, DEFAULT_JOB_OPTIONS, loadConfig, OUTBOX_CHANNEL, queuePrefix, redisConnectionOptions } from '@cqo/core';
import { migrateDatabase } from '@cqo/schema';

/**
 * `npm run bench:compliance [-- --trainees=1000000] [--samples=200] [--keep] [--reuse]`
 *
 * Generates trainees and a ledger of 20 entries each (generate_series, in the database) in a
 * database of its own, starts the real worker (dist/apps/worker, with its outbox relay) as a
 * child process, and prints:
 *  - the full compliance recomputation (the worker's `compliance.recompute-all` job), cold, in
 *    steady state (goal ≤ 1.5×) and on 1 January (the year's statuses new, the `once` ones
 *    there), as a ratio to one hand-written SQL aggregate over the same ledger, timed in the
 *    same run;
 *  - the same three as CPU time of the PostgreSQL backends (the worker's connections against the
 *    aggregate run without parallel workers), which other processes on the machine disturb much
 *    less than wall time;
 *  - the delay from a new completion (an outbox `course.completed` event) to the updated status
 *    row, p50/p99 (goal p99 < 1 s);
 *  - the worker's peak memory (VmHWM, goal < 512 MiB).
 * It asserts nothing; figures vary with the machine.
 */
const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const TRAINEES = arg('trainees', 100_000);
const ENTRIES_PER_TRAINEE = 20;
const SAMPLES = arg('samples', 200);
const ENTERPRISES = 1000;
const KEEP = process.argv.includes('--keep');
/** Reuse the database a `--keep` run left (same --trainees), skipping generation; statuses and flags start empty. */
const REUSE = process.argv.includes('--reuse');
/** One database per size, so a kept 1M database survives a 100k run. */
const DATABASE = TRAINEES === 100_000 ? 'cqo_bench_compliance' : `cqo_bench_compliance_${TRAINEES}`;

function ms(from: bigint): number {
  return Number(process.hrtime.bigint() - from) / 1e6;
}

function fmt(n: number): string {
  return n >= 100 ? n.toFixed(0) : n.toFixed(1);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
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

/** CPU time (user + system) of a process so far, in ms; 0 if it has gone. */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}
const CLOCK_TICKS = 100;

/**
 * CPU time of the PostgreSQL backends of the bench database other than the bench's own (the
 * worker's connections), by pid. PostgreSQL runs on this machine, so /proc has them.
 */
async function backendCpu(db: Client, database: string): Promise<Map<number, number>> {
  const { rows } = await db.query(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [database]);
  return new Map(rows.map((r: { pid: number }) => [r.pid, cpuMs(r.pid)]));
}

function cpuSince(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

function procStatus(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

async function generate(db: Client, year: number): Promise<void> {
  await db.query(`
    INSERT INTO enterprises (name, credit_code, region_id)
    SELECT '基准企业' || g, 'BENCH' || lpad(g::text, 13, '0'),
           (SELECT id FROM regions WHERE level = 'city' ORDER BY sort_order OFFSET (g % 16) LIMIT 1)
      FROM generate_series(1, ${ENTERPRISES}) g`);
  await db.query(
    `
    INSERT INTO users (username, password_hash, display_name, role)
    SELECT 'bench' || g, 'x', '学员' || g, 'trainee' FROM generate_series(1, $1::int) g`,
    [TRAINEES],
  );
  // Three in five trainees are held to the yearly requirements.
  await db.query(`
    INSERT INTO trainee_profiles (user_id, full_name, id_number_hash, id_number_masked, enterprise_id, education_level, yearly_requirements_opt_in)
    SELECT u.id, u.display_name, 'h' || u.username, '620102********0000', e.id, 'bachelor', (u.n % 5) < 3
      FROM (SELECT id, username, display_name, row_number() OVER (ORDER BY username) AS n FROM users WHERE role = 'trainee') u
      JOIN (SELECT id, row_number() OVER (ORDER BY credit_code) - 1 AS k FROM enterprises) e ON e.k = u.n % ${ENTERPRISES}`);
  // Bulk load as a restore would: without the ledger's indexes and triggers (its foreign keys and
  // append-only guard), rebuilt with the migration's exact definitions right after.
  // The ledger is partitioned by year: its three years get their partitions first, as the accrual does.
  for (let y = year - 2; y <= year; y++) await db.query('SELECT credit_entries_ensure_partition($1)', [y]);
  const indexes: { indexdef: string; indexname: string }[] = (
    await db.query(
      `SELECT indexname, indexdef FROM pg_indexes
        WHERE tablename = 'credit_entries' AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = 'credit_entries'::regclass)`,
    )
  ).rows;
  await db.query('ALTER TABLE credit_entries DISABLE TRIGGER ALL');
  for (const index of indexes) await db.query(`DROP INDEX ${index.indexname}`);
  // 20 entries per trainee over three years: appointment hours first, then continuing and methods.
  await db.query(
    `
    INSERT INTO credit_entries (trainee_id, category, kind, hours, year, occurred_at, source, course_id, course_version_id, enrollment_id, evidence_ref, accrual_key)
    SELECT p.user_id,
           CASE WHEN k <= 3 THEN 1 WHEN k % 2 = 0 THEN 1 ELSE 2 END,
           CASE WHEN k <= 3 THEN 'appointment' ELSE 'continuing' END,
           ((k * 7 + p.n) % 8 + 1) * 0.5,
           $1::int - (k % 3),
           make_timestamptz($1::int - (k % 3), 1 + (k % 10), (1 + p.n % 27)::int, 10, 0, 0, 'Asia/Shanghai'),
           'course_completion', NULL, NULL, NULL, 'bench', 'bench:' || p.user_id || ':' || k
      FROM (SELECT user_id, row_number() OVER () AS n FROM trainee_profiles) p
     CROSS JOIN generate_series(1, ${ENTRIES_PER_TRAINEE}) k`,
    [year],
  );
  await db.query(`SET maintenance_work_mem = '256MB'`);
  // A partitioned table lists its indexes as `ON ONLY` the parent: build them on every partition.
  for (const index of indexes) await db.query(index.indexdef.replace(' ON ONLY ', ' ON '));
  await db.query('ALTER TABLE credit_entries ENABLE TRIGGER ALL');
  await db.query('VACUUM ANALYZE');
}

/** The baseline: one hand-written aggregate giving, per trainee, what the statuses hold. */
async function baseline(db: Client, year: number): Promise<number> {
  const started = process.hrtime.bigint();
  await db.query(
    `SELECT count(*), sum(appointment), sum(continuing), sum(methods) FROM (
       SELECT trainee_id,
              sum(hours) FILTER (WHERE category = 1 AND kind = 'appointment') AS appointment,
              sum(hours) FILTER (WHERE year = $1 AND category = 1 AND kind = 'continuing') AS continuing,
              sum(hours) FILTER (WHERE year = $1 AND category = 2) AS methods
         FROM credit_entries GROUP BY trainee_id) s`,
    [year],
  );
  return ms(started);
}

async function main(): Promise<void> {
  const base = loadConfig();
  const url = new URL(base.databaseUrl);
  url.pathname = `/${DATABASE}`;
  const databaseUrl = url.toString();
  const admin = new Client({ connectionString: new URL('/postgres', databaseUrl).toString() });
  await admin.connect();
  if (!REUSE) {
    await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${DATABASE}`);
  }
  await migrateDatabase(databaseUrl);
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const year = chinaYearOf(new Date());
  const redisPrefix = `bench-compliance-${randomBytes(3).toString('hex')}`;
  const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl, REDIS_PREFIX: redisPrefix });
  let worker: ChildProcess | undefined;
  const queue = new Queue('compliance', { prefix: queuePrefix({ redisPrefix }), connection: redisConnectionOptions(config) });
  const events = new QueueEvents('compliance', { prefix: queuePrefix({ redisPrefix }), connection: redisConnectionOptions(config) });
  try {
    process.stdout.write(
      `bench:compliance — ${TRAINEES.toLocaleString('en')} trainees, ${(TRAINEES * ENTRIES_PER_TRAINEE).toLocaleString('en')} ledger entries, year ${year}, node ${process.version}\n`,
    );
    process.stdout.write(
      `load average at start (1/5/15 min): ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' / ')}\n`,
    );
    if (REUSE) {
      await db.query('TRUNCATE compliance_statuses, compliance_flag_history');
      await db.query('VACUUM ANALYZE');
      process.stdout.write('reusing the kept database\n');
    } else {
      const started = process.hrtime.bigint();
      await generate(db, year);
      process.stdout.write(`generated in ${(ms(started) / 1000).toFixed(1)} s (generate_series in the database, then VACUUM ANALYZE)\n`);
    }

    const healthPort = await freePort();
    worker = spawn(process.execPath, [join(__dirname, '../../apps/worker/src/main.js')], {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        REDIS_PREFIX: redisPrefix,
        WORKER_HEALTH_PORT: String(healthPort),
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const pid = worker.pid!;
    await waitForHealth(healthPort);
    let peakSampled = 0;
    const sampler = setInterval(() => {
      peakSampled = Math.max(peakSampled, procStatus(pid, 'VmRSS'));
    }, 100);
    await events.waitUntilReady();

    const baselines: number[] = [];
    for (let i = 0; i < 3; i++) baselines.push(await baseline(db, year));
    const base = Math.min(...baselines);
    // The same aggregate without parallel workers, for its CPU time: a figure the load of other
    // processes moves much less than wall time (the recompute's is measured the same way).
    const [{ pid: ownPid }] = (await db.query('SELECT pg_backend_pid() AS pid')).rows as { pid: number }[];
    await db.query('SET max_parallel_workers_per_gather = 0');
    const baseCpus: number[] = [];
    for (let i = 0; i < 3; i++) {
      const before = cpuMs(ownPid);
      await baseline(db, year);
      baseCpus.push(cpuMs(ownPid) - before);
    }
    await db.query('RESET max_parallel_workers_per_gather');
    const baseCpu = Math.min(...baseCpus);

    const cpus: number[] = [];
    const runAll = async (): Promise<number> => {
      const cpuBefore = await backendCpu(db, DATABASE);
      const t = process.hrtime.bigint();
      const job = await queue.add(
        'compliance.recompute-all',
        { reason: 'bench' },
        { ...DEFAULT_JOB_OPTIONS, jobId: `bench-${randomUUID()}` },
      );
      await job.waitUntilFinished(events, 30 * 60_000);
      const elapsed = ms(t);
      cpus.push(cpuSince(cpuBefore, await backendCpu(db, DATABASE)));
      return elapsed;
    };
    const cold = await runAll();
    const warm: number[] = [];
    for (let i = 0; i < 3; i++) warm.push(await runAll());
    const steady = Math.min(...warm);
    const coldCpu = cpus[0];
    const steadyCpu = Math.min(...cpus.slice(1));
    // 1 January: the year's statuses become last year's (they stay in the table, as they do), the
    // `once` statuses stay, and the nightly run judges the new year for the first time.
    await db.query('UPDATE compliance_statuses SET period_year = $1 WHERE period_year = $2', [year - 1, year]);
    await db.query('VACUUM ANALYZE compliance_statuses');
    const newYear = await runAll();
    const newYearCpu = cpus[cpus.length - 1];
    const [{ rows, flags }] = (
      await db.query(
        `SELECT count(*)::int AS rows, count(flag_raised_at)::int AS flags FROM compliance_statuses WHERE period_year IN (0, $1)`,
        [year],
      )
    ).rows;

    // Completion → status delay, through the outbox, the relay, the accrual job, the relay again and the recompute job.
    const delays: number[] = [];
    const subjects = (
      await db.query(`SELECT user_id FROM trainee_profiles WHERE yearly_requirements_opt_in ORDER BY random() LIMIT $1`, [SAMPLES])
    ).rows.map((r: { user_id: string }) => r.user_id);
    for (const traineeId of subjects) {
      const before = (
        await db.query(
          `SELECT accrued FROM compliance_statuses WHERE trainee_id = $1 AND requirement = 'continuing' AND period_year = $2`,
          [traineeId, year],
        )
      ).rows[0]?.accrued as string;
      const event: CourseCompletedEvent = {
        enrollmentId: randomUUID(),
        traineeId,
        courseId: randomUUID(),
        courseVersionId: randomUUID(),
        organizationId: randomUUID(),
        category: 1,
        kind: 'continuing',
        creditHours: '1.5',
        completedAt: new Date().toISOString(),
      };
      const t = process.hrtime.bigint();
      await db.query('BEGIN');
      const { rows: inserted } = await db.query(`INSERT INTO outbox_events (type, payload) VALUES ('course.completed', $1) RETURNING id`, [
        JSON.stringify(event),
      ]);
      await db.query('SELECT pg_notify($1, $2)', [OUTBOX_CHANNEL, inserted[0].id]);
      await db.query('COMMIT');
      for (;;) {
        const now = (
          await db.query(
            `SELECT accrued FROM compliance_statuses WHERE trainee_id = $1 AND requirement = 'continuing' AND period_year = $2`,
            [traineeId, year],
          )
        ).rows[0]?.accrued as string;
        if (now !== before) break;
        if (ms(t) > 30_000) throw new Error(`status of ${traineeId} not updated within 30 s`);
        await new Promise((r) => setTimeout(r, 2));
      }
      delays.push(ms(t));
    }
    clearInterval(sampler);
    const hwm = procStatus(pid, 'VmHWM');
    delays.sort((a, b) => a - b);

    const lines = [
      ['baseline: one SQL aggregate over the ledger (best of 3)', `${fmt(base)} ms`, '1.00×'],
      ['full recomputation, cold (first run: every status row inserted)', `${fmt(cold)} ms`, `${(cold / base).toFixed(2)}×`],
      ['full recomputation, steady state (nightly; best of 3)', `${fmt(steady)} ms`, `${(steady / base).toFixed(2)}×  (goal ≤ 1.5×)`],
      ['full recomputation, 1 January (the year new, `once` rows there)', `${fmt(newYear)} ms`, `${(newYear / base).toFixed(2)}×`],
      ['baseline CPU (the aggregate without parallel workers; best of 3)', `${fmt(baseCpu)} ms`, '1.00×'],
      ['recompute CPU of the worker’s backends, cold', `${fmt(coldCpu)} ms`, `${(coldCpu / baseCpu).toFixed(2)}×`],
      ['recompute CPU of the worker’s backends, steady state (best of 3)', `${fmt(steadyCpu)} ms`, `${(steadyCpu / baseCpu).toFixed(2)}×`],
      ['recompute CPU of the worker’s backends, 1 January', `${fmt(newYearCpu)} ms`, `${(newYearCpu / baseCpu).toFixed(2)}×`],
      ['completion → status delay p50', `${fmt(percentile(delays, 50))} ms`, ''],
      [
        'completion → status delay p99',
        `${fmt(percentile(delays, 99))} ms`,
        `(goal < 1000 ms; ${delays.length} samples, max ${fmt(delays[delays.length - 1])} ms)`,
      ],
      ['worker peak memory (VmHWM)', `${hwm.toFixed(0)} MiB`, `(goal < 512 MiB; peak RSS sampled ${peakSampled.toFixed(0)} MiB)`],
    ];
    for (const [what, value, ratio] of lines) process.stdout.write(`${what.padEnd(66)} ${value.padStart(10)}  ${ratio}\n`);
    // Other processes on the machine disturb every figure: print the load they put on it.
    process.stdout.write(
      `load average at end (1/5/15 min): ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' / ')}\n`,
    );
    process.stdout.write(
      `status rows ${rows.toLocaleString('en')}, open flags ${flags.toLocaleString('en')}; warm runs ${warm.map(fmt).join(' / ')} ms; backend CPU per run ${cpus.map(fmt).join(' / ')} ms; baselines ${baselines.map(fmt).join(' / ')} ms\n`,
    );
  } finally {
    if (worker && worker.exitCode === null) {
      const exited = new Promise((r) => worker!.once('exit', r));
      worker.kill('SIGTERM');
      await exited;
    }
    await events.close();
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    await db.end();
    if (!KEEP && !REUSE) await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await admin.end();
  }
}

async function waitForHealth(port: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('worker did not become healthy within 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:compliance failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
