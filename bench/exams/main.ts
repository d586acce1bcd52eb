import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { Actor } from '@cqo/core';
import { loadConfig, Role, traineeActor } from '@cqo/core';
import type { GradableItem, QuestionInput } from '@cqo/exams';
import { gradeAttempt, PapersService, QuestionsService, seededRandom } from '@cqo/exams';
import { TokenService } from '@cqo/identity';
import { migrateDatabase } from '@cqo/schema';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureApi } from '../../apps/api/src/bootstrap';

/**
 * `npm run bench:exams`: 1,000 trainees hold open attempts of one 50-question paper at the same
 * time (drawn from a 60-question bank, options shuffled), then all submit. Prints submit latency
 * p50/p99 and errors from a bounded in-process load generator against the real API (Fastify on
 * 127.0.0.1, port 0, PostgreSQL), and grading throughput as a ratio to grading the same answers
 * with the plain grading function in the same run. Throw-away database; asserts nothing.
 * The generator keeps at most --concurrency requests in flight (default 32, above the pool of 20
 * connections more in flight only adds queueing: p99 ≈ in flight / throughput). --attempts=N
 * changes the number of trainees; --warmup=N the unmeasured attempts of another paper first (default 64, as
 * the other benches warm up: JIT, pool connections, prepared statements); --keep keeps the database.
 */
const ATTEMPTS = Number(arg('attempts') ?? 1000);
const QUESTIONS = 50;
const BANK = 60;
const CONCURRENCY = Number(arg('concurrency') ?? 32);
/** Trainees who start, save and submit a paper of their own first, unmeasured (JIT, pool connections, prepared statements), as the other benches warm up. */
const WARMUP = Number(arg('warmup') ?? 64);

function arg(name: string): string | undefined {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
}

interface Sample {
  ms: number;
  status: number;
}

async function main(): Promise<void> {
  const base = loadConfig();
  const url = new URL(base.databaseUrl);
  url.pathname = `/cqo_bench_exams_${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const databaseUrl = url.toString();
  const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  await migrateDatabase(databaseUrl);
  let app: NestFastifyApplication | undefined;
  const agent = new Agent({ keepAlive: true, maxSockets: Math.max(CONCURRENCY, 1) });
  try {
    app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config), new FastifyAdapter({ bodyLimit: 5 * 1024 * 1024 }), {
      logger: ['error'],
    });
    configureApi(app);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.getHttpServer().address() as { port: number }).port;
    const db = app.get(DataSource);
    const { paperId, warmupPaperId, tokens, warmupTokens } = await seed(app, db);
    process.stdout.write(
      `bench:exams — ${ATTEMPTS} simultaneous attempts of a ${QUESTIONS}-question paper (drawn from ${BANK}), load generator bounded at ${CONCURRENCY} in flight, after ${WARMUP} unmeasured attempts of another paper, node ${process.version}, PostgreSQL pool 20\n` +
        `machine: ${cpus().length} cores, load average ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')} at start (other processes share these cores)\n\n`,
    );

    const send = (method: string, path: string, token: string, body?: unknown) => call(agent, port, method, path, token, body);
    // Warm-up: the same three requests by other trainees on another paper of the same bank.
    const warmAttempts: { id: string; items: { position: number; type: string; options: { id: string }[] }[] }[] = new Array(WARMUP);
    await bounded(WARMUP, CONCURRENCY, async (k) => {
      const res = await send('POST', `/me/exam-papers/${warmupPaperId}/attempts`, warmupTokens[k]);
      if (res.status !== 200) throw new Error(`warm-up start answered ${res.status}`);
      warmAttempts[k] = JSON.parse(res.body);
      return res;
    });
    if (warmAttempts.filter(Boolean).length !== WARMUP) throw new Error('a warm-up attempt did not start');
    const warmKeys = await keysOf(db);
    await bounded(WARMUP, CONCURRENCY, (k) =>
      send('PUT', `/me/exam-attempts/${warmAttempts[k].id}/answers`, warmupTokens[k], { answers: answersOf(warmAttempts[k], warmKeys, k) }),
    );
    await bounded(WARMUP, CONCURRENCY, (k) => send('POST', `/me/exam-attempts/${warmAttempts[k].id}/submit`, warmupTokens[k]));
    const [{ warmEvents }] = await db.query(`SELECT count(*)::int AS "warmEvents" FROM outbox_events WHERE type = 'exam.attempt.graded'`);
    const [{ warmConclusions }] = await db.query('SELECT count(*)::int AS "warmConclusions" FROM capability_results');
    // Start every attempt (all 1,000 are then open at once), then save each trainee's 50 answers in one request.
    const attempts: { id: string; items: { position: number; type: string; options: { id: string }[] }[] }[] = new Array(ATTEMPTS);
    const startCpu = await cpuNow(db);
    const starts = await bounded(ATTEMPTS, CONCURRENCY, async (k) => {
      const res = await send('POST', `/me/exam-papers/${paperId}/attempts`, tokens[k]);
      if (res.status === 200) attempts[k] = JSON.parse(res.body);
      return res;
    });
    const startCpuUsed = await cpuSince(db, startCpu);
    const [{ open }] = await db.query(`SELECT count(*)::int AS open FROM exam_attempts WHERE status = 'open'`);
    const keys = await keysOf(db);
    const saves = await bounded(ATTEMPTS, CONCURRENCY, (k) =>
      send('PUT', `/me/exam-attempts/${attempts[k].id}/answers`, tokens[k], { answers: answersOf(attempts[k], keys, k) }),
    );

    const submitCpu = await cpuNow(db);
    const submitStarted = process.hrtime.bigint();
    const submits = await bounded(ATTEMPTS, CONCURRENCY, (k) => send('POST', `/me/exam-attempts/${attempts[k].id}/submit`, tokens[k]));
    const submitSeconds = Number(process.hrtime.bigint() - submitStarted) / 1e9;
    const submitCpuUsed = await cpuSince(db, submitCpu);

    // The same gradings with the plain function: every attempt's items and saved answers, graded in a loop.
    const gradable = await gradableOf(db);
    const plainRounds = 20;
    const plainStarted = process.hrtime.bigint();
    let checksum = 0;
    for (let r = 0; r < plainRounds; r++) for (const a of gradable.values()) checksum += gradeAttempt(a.items, 60).score;
    const plainSeconds = Number(process.hrtime.bigint() - plainStarted) / 1e9;
    const plainRate = (plainRounds * gradable.size) / plainSeconds;
    const serverRate = submits.filter((s) => s.status === 200).length / submitSeconds;

    // Cross-check: every attempt graded exactly once, with the score the plain function gives.
    const stored: { id: string; score: number }[] = await db.query(
      `SELECT id, score FROM exam_attempts WHERE status = 'submitted' AND paper_id = $1`,
      [paperId],
    );
    const mismatches = stored.filter((s) => gradeAttempt(gradable.get(s.id)!.items, 60).score !== s.score).length;
    const [{ allEvents }] = await db.query(`SELECT count(*)::int AS "allEvents" FROM outbox_events WHERE type = 'exam.attempt.graded'`);
    const [{ allConclusions }] = await db.query('SELECT count(*)::int AS "allConclusions" FROM capability_results');
    const events = allEvents - warmEvents;
    const conclusions = allConclusions - warmConclusions;

    process.stdout.write(
      `${'phase'.padEnd(40)} ${'requests'.padStart(9)} ${'errors'.padStart(7)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)}\n`,
    );
    for (const [name, samples] of [
      ['start attempt (draw 50, freeze)', starts],
      ['save 50 answers (one PUT)', saves],
      ['submit (grade on the server, once)', submits],
    ] as const) {
      const s = stats(samples);
      process.stdout.write(
        `${name.padEnd(40)} ${String(samples.length).padStart(9)} ${String(s.errors).padStart(7)} ${s.p50.toFixed(1).padStart(8)} ${s.p99.toFixed(1).padStart(8)} ${s.max.toFixed(1).padStart(8)}\n`,
      );
    }
    process.stdout.write(`\nopen at once before submitting: ${open} attempts\n`);
    process.stdout.write(
      `grading throughput: server ${serverRate.toFixed(0)} submits/s (${ATTEMPTS} in ${submitSeconds.toFixed(2)} s) vs plain gradeAttempt ${plainRate.toFixed(0)} attempts/s`,
    );
    process.stdout.write(
      ` → ratio ${(serverRate / plainRate).toExponential(2)} (plain is ${(plainRate / serverRate).toFixed(0)}× faster; checksum ${checksum})\n`,
    );
    process.stdout.write(
      `graded once: ${stored.length} submitted, ${events} exam.attempt.graded events, ${conclusions} capability conclusions, ${mismatches} score mismatches vs the plain function\n`,
    );
    // CPU time per request, which the machine's load disturbs far less than the rates above.
    for (const [name, used] of [
      ['start', startCpuUsed],
      ['submit', submitCpuUsed],
    ] as const) {
      process.stdout.write(
        `CPU per ${name}: ${(used.node / ATTEMPTS).toFixed(2)} ms this process (API and load generator) + ${(used.postgres / ATTEMPTS).toFixed(2)} ms PostgreSQL backends of the bench database\n`,
      );
    }
    process.stdout.write(
      `load average at end: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}\n`,
    );
    const s = stats(submits);
    const goal = s.errors === 0 && s.p99 < 300;
    process.stdout.write(
      `goal (zero errors, p99 submit < 300 ms): ${goal ? 'met' : 'NOT met'} — ${s.errors} errors, p99 ${s.p99.toFixed(1)} ms\n`,
    );
    const start = stats(starts);
    process.stdout.write(
      `issue 20 goals: start p99 < 300 ms: ${start.p99 < 300 ? 'met' : 'NOT met'} (${start.p99.toFixed(1)} ms); grading ≥ 500 submits/s: ${serverRate >= 500 ? 'met' : 'NOT met'} (${serverRate.toFixed(0)}/s)\n`,
    );
  } finally {
    agent.destroy();
    await app?.close();
    if (process.argv.includes('--keep')) process.stdout.write(`kept database ${databaseUrl}\n`);
    else await dropDatabase(databaseUrl);
  }
}

interface CpuMark {
  node: number;
  postgres: Map<number, number>;
}

/** CPU milliseconds (user + system) of this process and of every PostgreSQL backend connected to the bench database. */
async function cpuNow(db: DataSource): Promise<CpuMark> {
  const usage = process.cpuUsage();
  const pids: { pid: number }[] = await db.query('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
  const postgres = new Map<number, number>();
  for (const { pid } of pids) {
    try {
      // Fields 14 and 15 of /proc/<pid>/stat (after the parenthesised name): utime and stime in clock ticks (100 Hz).
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      postgres.set(pid, (Number(fields[11]) + Number(fields[12])) * 10);
    } catch {
      // not on this machine, or gone
    }
  }
  return { node: (usage.user + usage.system) / 1000, postgres };
}

async function cpuSince(db: DataSource, from: CpuMark): Promise<{ node: number; postgres: number }> {
  const to = await cpuNow(db);
  let postgres = 0;
  for (const [pid, ms] of to.postgres) postgres += ms - (from.postgres.get(pid) ?? 0);
  return { node: to.node - from.node, postgres };
}

/** Runs `total` tasks with at most `limit` in flight; returns one sample per task, in task order. */
async function bounded(total: number, limit: number, task: (k: number) => Promise<Sample>): Promise<Sample[]> {
  const samples: Sample[] = new Array(total);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, total) }, async () => {
    for (let k = next++; k < total; k = next++) {
      try {
        samples[k] = await task(k);
      } catch {
        samples[k] = { ms: 0, status: 0 };
      }
    }
  });
  await Promise.all(lanes);
  return samples;
}

function call(agent: Agent, port: number, method: string, path: string, token: string, body?: unknown): Promise<Sample & { body: string }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            ms: Number(process.hrtime.bigint() - started) / 1e6,
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

function stats(samples: Sample[]): { p50: number; p99: number; max: number; errors: number } {
  const ok = samples
    .filter((s) => s.status >= 200 && s.status < 300)
    .map((s) => s.ms)
    .sort((a, b) => a - b);
  const at = (q: number) => (ok.length ? ok[Math.min(ok.length - 1, Math.ceil(q * ok.length) - 1)] : NaN);
  return { p50: at(0.5), p99: at(0.99), max: ok[ok.length - 1] ?? NaN, errors: samples.length - ok.length };
}

/** Trainee k answers each question right with probability ~0.7 (seeded), else picks a wrong option. */
function answersOf(
  attempt: { items: { position: number; options: { id: string }[] }[] },
  keys: Map<string, Map<number, string[]>>,
  k: number,
) {
  const random = seededRandom(`bench-answers-${k}`);
  const key = keys.get((attempt as unknown as { id: string }).id)!;
  return attempt.items.map((item) => {
    const correct = key.get(item.position)!;
    return { position: item.position, optionIds: random() < 0.7 ? correct : [item.options.find((o) => !correct.includes(o.id))!.id] };
  });
}

async function keysOf(db: DataSource): Promise<Map<string, Map<number, string[]>>> {
  const rows: { attempt_id: string; position: number; correct_option_ids: string[] }[] = await db.query(
    `SELECT i.attempt_id, i.position, v.correct_option_ids FROM exam_attempt_items i JOIN question_versions v ON v.id = i.question_version_id`,
  );
  const keys = new Map<string, Map<number, string[]>>();
  for (const r of rows) {
    const m = keys.get(r.attempt_id) ?? new Map<number, string[]>();
    m.set(r.position, r.correct_option_ids);
    keys.set(r.attempt_id, m);
  }
  return keys;
}

async function gradableOf(db: DataSource): Promise<Map<string, { items: GradableItem[] }>> {
  const rows: {
    attempt_id: string;
    type: GradableItem['type'];
    correct_option_ids: string[];
    points: number;
    selected_option_ids: string[] | null;
  }[] = await db.query(
    `SELECT i.attempt_id, v.type, v.correct_option_ids, i.points, i.selected_option_ids
       FROM exam_attempt_items i JOIN question_versions v ON v.id = i.question_version_id ORDER BY i.attempt_id, i.position`,
  );
  const out = new Map<string, { items: GradableItem[] }>();
  for (const r of rows) {
    const a = out.get(r.attempt_id) ?? { items: [] };
    a.items.push({ type: r.type, correctOptionIds: r.correct_option_ids, points: r.points, selectedOptionIds: r.selected_option_ids });
    out.set(r.attempt_id, a);
  }
  return out;
}

/** An organization, a 60-question bank (20 of each type), a published paper drawing 50, and 1,000 trainees with tokens. */
async function seed(
  app: NestFastifyApplication,
  db: DataSource,
): Promise<{ paperId: string; warmupPaperId: string; tokens: string[]; warmupTokens: string[] }> {
  const [region] = await db.query(`SELECT id FROM regions WHERE code = '620100'`);
  const [org] = await db.query(
    `INSERT INTO training_organizations (name, credit_code, region_id) VALUES ('压测培训机构', '12620000MB00EXAM1', $1) RETURNING id`,
    [region.id],
  );
  const admin: Actor = {
    userId: (
      await db.query(
        `INSERT INTO users (username, password_hash, display_name, role, organization_id) VALUES ('bench-org', 'x', '机构', 'org_admin', $1) RETURNING id`,
        [org.id],
      )
    )[0].id,
    role: Role.OrgAdmin,
    organizationId: org.id,
    enterpriseId: null,
    regionId: null,
    regionPath: null,
  };
  const questions = app.get(QuestionsService);
  const topics = ['quality-tools', 'six-sigma', 'lean'];
  for (let n = 0; n < BANK; n++) {
    const type = (['single', 'multiple', 'true_false'] as const)[n % 3];
    const options =
      type === 'true_false'
        ? [
            { text: '正确', correct: n % 2 === 0 },
            { text: '错误', correct: n % 2 === 1 },
          ]
        : ['甲', '乙', '丙', '丁'].map((t, i) => ({ text: `${t}${n}`, correct: type === 'single' ? i === n % 4 : i !== n % 4 }));
    const input: QuestionInput = { type, stem: `压测题${n}`, options, category: 2, topics: [topics[n % 3]], difficulty: (n % 5) + 1 };
    await questions.create(admin, input);
  }
  const papers = app.get(PapersService);
  const paperOf = async (title: string) => {
    const paper = await papers.create(admin, {
      kind: 'capability_test',
      title,
      passMarkPercent: 60,
      timeLimitMinutes: 60,
      shuffleQuestions: true,
      shuffleOptions: true,
      drawRules: [
        { count: 20, topic: 'quality-tools' },
        { count: 30, category: 2 },
      ],
    });
    await papers.publish(admin, paper.id);
    return paper;
  };
  const paper = await paperOf('压测能力测试');
  const warmupPaper = await paperOf('压测预热试卷');
  const users: { id: string }[] = await db.query(
    `INSERT INTO users (username, password_hash, display_name, role)
     SELECT 'bench-' || g, 'not-a-hash', '压测学员' || g, 'trainee' FROM generate_series(1, $1::int) g ORDER BY g RETURNING id`,
    [ATTEMPTS + WARMUP],
  );
  await db.query('ANALYZE');
  const signer = app.get(TokenService);
  const tokens = await Promise.all(users.map((u) => signer.signAccess(traineeActor(u.id))));
  return { paperId: paper.id, warmupPaperId: warmupPaper.id, tokens: tokens.slice(0, ATTEMPTS), warmupTokens: tokens.slice(ATTEMPTS) };
}

async function dropDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:exams: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
