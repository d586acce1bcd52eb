import 'reflect-metadata';
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { Client } from 'pg';
import { chinaYearOf, loadConfig, Role } from '@cqo/core';
import { TokenService } from '@cqo/identity';
import { appointmentsQuery } from '@cqo/reporting';
import { migrateDatabase } from '@cqo/schema';

/**
 * `npm run bench:regulator`: the regulators' side at provincial scale — 20,000 enterprises,
 * 100,000 trainees, 100,000 CQO appointments (five terms per enterprise, the latest serving at
 * four in five) and 500,000 compliance status rows, generated in the database (generate_series).
 * Measured against the built API (a child process, as in production):
 *   - the province dashboard, p50/p99 over sequential requests, as a ratio to a baseline route
 *     answering one tiny query (same auth, same stack) — goal p99 < 200 ms;
 *   - the export of all 100,000 appointments (CSV, and XLSX), time and the API's peak memory
 *     (VmHWM, reset before each export), as a ratio to PostgreSQL's own `COPY (same query) TO
 *     STDOUT` of the same rows in the same run — goal ≤ 3×, memory < 256 MiB.
 * The 20,000 enterprises arrive as an official list (CSV) through the import path (preview, then
 * apply), timed with the API's peak memory — goal < 30 s, < 256 MiB; the dashboards are also
 * asked "as of 2021-12-31" (the 2021 deadline).
 * Uses a throw-away database on the server of DATABASE_URL; prints figures, asserts nothing.
 * Options: `--samples=N` (100), `--enterprises=N` (20,000), `--dashboards-only`, `--keep` (keep the database).
 */
const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
// `--enterprises=N` scales the world (five trainees and appointments per enterprise); default the goal's 20,000.
const ENTERPRISES = Number(option('enterprises') ?? 20_000);
const TRAINEES = 5 * ENTERPRISES;
const DASHBOARD_SAMPLES = Number(option('samples') ?? 100);
const KEEP = process.argv.includes('--keep');
// `--dashboards-only`: skip the exports (for profiling the dashboards on a kept database).
const DASHBOARDS_ONLY = process.argv.includes('--dashboards-only');
const API_ENTRY = join(__dirname, '../../apps/api/src/main.js');

const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;
const fmt = (n: number) => n.toFixed(1);

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

function vmHwmMiB(pid: number): number {
  const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

function vmRssMiB(pid: number): number {
  const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** Resets the peak-RSS mark of a process (Linux: write 5 to clear_refs), so VmHWM measures one phase. */
function resetHwm(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

async function generate(db: Client, year: number): Promise<void> {
  // Enterprises come from the official list imported through the API (see importList).
  await db.query(`
    INSERT INTO users (username, password_hash, display_name, role)
    SELECT 'bench' || lpad(g::text, 6, '0'), 'x', '学员' || g, 'trainee' FROM generate_series(0, ${TRAINEES - 1}) g`);
  await db.query(`
    INSERT INTO trainee_profiles (user_id, full_name, id_number_hash, id_number_masked, enterprise_id, education_level, quality_work_years, quality_qualification)
    SELECT u.id, u.display_name, 'h' || u.username, '620102********0000', e.id, 'bachelor', 6, 'intermediate'
      FROM (SELECT id, username, display_name, row_number() OVER (ORDER BY username) - 1 AS n FROM users WHERE role = 'trainee') u
      JOIN (SELECT id, row_number() OVER (ORDER BY credit_code) - 1 AS k FROM enterprises) e ON e.k = u.n % ${ENTERPRISES}`);
  // Trainee n holds term k = n / 20000 at enterprise n % 20000: five 3-year terms from 2012;
  // the fifth (from 2024-06-01) is serving at four enterprises in five, ended in 2025 elsewhere.
  // One appointment in fifty was made by exception.
  await db.query(`
    INSERT INTO cqo_appointments (enterprise_id, trainee_id, position_title, position_level, authorization_certificate_no,
                                  appointed_on, term_years, term_ends_on, eligibility, eligible, eligibility_exception_reason,
                                  status, ended_on, end_reason, created_at, updated_at)
    SELECT p.enterprise_id, p.user_id, '副总经理兼首席质量官', 'deputy_general_manager', 'AUTH-' || q.n,
           make_date(2012 + 3 * (q.n / ${ENTERPRISES}), 6, 1), 3, make_date(2015 + 3 * (q.n / ${ENTERPRISES}), 5, 31),
           '{"eligible": true, "failures": []}'::jsonb, q.n % 50 <> 0, CASE WHEN q.n % 50 = 0 THEN '基准例外' END,
           CASE WHEN q.serving THEN 'serving' ELSE 'ended' END,
           CASE WHEN q.serving THEN NULL WHEN q.n / ${ENTERPRISES} = 4 THEN date '2025-12-31' ELSE make_date(2015 + 3 * (q.n / ${ENTERPRISES}), 5, 31) END,
           CASE WHEN q.serving THEN NULL WHEN q.n / ${ENTERPRISES} = 4 THEN 'resignation' ELSE 'term_expired' END,
           now(), now()
      FROM (SELECT t.user_id, t.enterprise_id, (row_number() OVER (ORDER BY u.username) - 1)::int AS rn FROM trainee_profiles t JOIN users u ON u.id = t.user_id) p
      JOIN LATERAL (SELECT p.rn AS n, p.rn / ${ENTERPRISES} = 4 AND p.rn % 5 <> 0 AS serving) q ON true`);
  // Statuses as the compliance engine leaves them: the yearly requirements of this and last year
  // (applicable to the CQOs serving in the year, states spread by a hash) and appointment training.
  await db.query(
    `
    WITH rules AS (
      SELECT r.* FROM requirement_rules r JOIN requirement_rule_sets s ON s.id = r.rule_set_id
       WHERE s.effective_to IS NULL AND s.region_id = (SELECT id FROM regions WHERE parent_id IS NULL)),
    ys AS (SELECT unnest(ARRAY[$1::int - 1, $1::int]) AS y),
    subj AS (
      SELECT p.user_id, ys.y,
             EXISTS (SELECT 1 FROM cqo_appointments a WHERE a.trainee_id = p.user_id
                        AND a.appointed_on <= make_date(ys.y, 12, 31) AND COALESCE(a.ended_on, a.term_ends_on) >= make_date(ys.y, 1, 1)) AS serving,
             abs(hashtext(p.user_id::text || ys.y)) % 4 AS h
        FROM trainee_profiles p CROSS JOIN ys)
    INSERT INTO compliance_statuses (trainee_id, requirement, period_year, rule_set_id, rule_id, required, accrued, shortfall, state, final, updated_at,
                                     flag_raised_at, flag_raised_state)
    SELECT v.*, CASE WHEN v.state IN ('at_risk', 'shortfall') THEN now() END, CASE WHEN v.state IN ('at_risk', 'shortfall') THEN v.state END
      FROM (
    SELECT s.user_id, r.code, CASE WHEN r.period = 'once' THEN 0 ELSE s.y END, r.rule_set_id, r.id, r.min_hours,
           CASE WHEN s.h = 1 THEN round(r.min_hours / 3, 2) ELSE r.min_hours END,
           CASE WHEN s.serving AND s.h = 1 THEN r.min_hours - round(r.min_hours / 3, 2) ELSE 0 END,
           CASE WHEN r.period = 'once' THEN 'complete'
                WHEN NOT s.serving THEN 'not_applicable'
                WHEN s.h = 1 THEN CASE WHEN s.y < $1::int THEN 'shortfall' ELSE 'at_risk' END
                ELSE 'complete' END AS state,
           r.period = 'calendar_year' AND s.y < $1::int, now()
      FROM subj s JOIN rules r ON r.period = 'calendar_year' OR s.y = $1::int) v`,
    [year],
  );
  await db.query('VACUUM ANALYZE');
}

/**
 * The official list of 20,000 enterprises over the 16 cities as a CSV, target facts in fixed
 * proportions (awards with their years; some city awards after 2021, some city nominees).
 */
async function officialList(db: Client): Promise<Buffer> {
  const cities = (await db.query(`SELECT name FROM regions WHERE level = 'city' ORDER BY sort_order, code`)).rows.map(
    (r: { name: string }) => r.name,
  );
  const yes = (b: boolean) => (b ? '是' : '否');
  const lines = [
    '统一社会信用代码,企业名称,所属地区,国有企业,规模以上,生产性企业,中国质量奖,中国质量奖年度,甘肃省人民政府质量奖,甘肃省人民政府质量奖年度,市州政府质量奖,市州政府质量奖年度',
  ];
  for (let g = 0; g < ENTERPRISES; g++) {
    const city = g % 13 === 0 ? (g % 5 === 0 ? ['提名', 2020] : ['获奖', 2018 + (g % 6)]) : ['无', ''];
    lines.push(
      [
        `91620100${String(g).padStart(10, '0')}`,
        `基准企业${g}`,
        cities[g % cities.length],
        yes(g % 7 === 0),
        yes(g % 3 !== 0),
        yes(g % 2 === 0),
        g % 97 === 0 ? '获奖' : '无',
        g % 97 === 0 ? 2019 : '',
        g % 41 === 0 ? '提名' : '无',
        g % 41 === 0 ? 2020 : '',
        ...city,
      ].join(','),
    );
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

async function postJson(url: string, token: string, body: unknown): Promise<{ ms: number; json: Record<string, unknown> }> {
  const started = process.hrtime.bigint();
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status >= 300) throw new Error(`${url} answered ${res.status}: ${JSON.stringify(json)}`);
  return { ms: ms(started), json };
}

async function timed(url: string, token: string): Promise<number> {
  const started = process.hrtime.bigint();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return ms(started);
}

async function latency(url: string, token: string, samples: number): Promise<{ p50: number; p99: number; max: number }> {
  for (let i = 0; i < 5; i++) await timed(url, token);
  const times: number[] = [];
  for (let i = 0; i < samples; i++) times.push(await timed(url, token));
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), max: times[times.length - 1] };
}

/** Streams a response, counting bytes and lines (never holding it). */
function download(url: string, token: string): Promise<{ ms: number; bytes: number; lines: number }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = request(url, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`${url} answered ${res.statusCode}`));
      let bytes = 0;
      let lines = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
      });
      res.on('end', () => resolve({ ms: ms(started), bytes, lines }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** PostgreSQL's own COPY … TO STDOUT of the same query (psql), read by this process the same way. */
function copyBaseline(databaseUrl: string, sql: string): Promise<{ ms: number; bytes: number; lines: number }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn('psql', [databaseUrl, '-X', '-q', '-c', `COPY (${sql}) TO STDOUT WITH (FORMAT csv, HEADER)`], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let bytes = 0;
    let lines = 0;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
    });
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) =>
      code === 0 ? resolve({ ms: ms(started), bytes, lines }) : reject(new Error(`psql COPY failed: ${stderr}`)),
    );
  });
}

async function waitForHealth(port: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/health`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) return;
    if (Date.now() > deadline) throw new Error('API did not become healthy within 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function main(): Promise<void> {
  const base = loadConfig();
  const name = `cqo_bench_regulator_${randomBytes(3).toString('hex')}`;
  const databaseUrl = Object.assign(new URL(base.databaseUrl), { pathname: `/${name}` }).toString();
  const admin = new Client({ connectionString: Object.assign(new URL(base.databaseUrl), { pathname: '/postgres' }).toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  let api: ChildProcess | undefined;
  const db = new Client({ connectionString: databaseUrl });
  try {
    await migrateDatabase(databaseUrl);
    await db.connect();
    const year = chinaYearOf(new Date());
    process.stdout.write(
      `bench:regulator — ${ENTERPRISES.toLocaleString('en')} enterprises, ${TRAINEES.toLocaleString('en')} trainees and appointments, year ${year}, node ${process.version}, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}\n`,
    );
    const [province] = (await db.query(`SELECT id, path FROM regions WHERE parent_id IS NULL`)).rows as { id: string; path: string }[];
    const [regulator] = (
      await db.query(
        `INSERT INTO users (username, password_hash, display_name, role, region_id) VALUES ('bench-gs', 'x', '省局', 'regulator', $1) RETURNING id`,
        [province.id],
      )
    ).rows as { id: string }[];
    const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl });
    const token = await new TokenService(new JwtService(), config).signAccess({
      userId: regulator.id,
      role: Role.Regulator,
      organizationId: null,
      enterpriseId: null,
      regionId: province.id,
      regionPath: province.path,
    });
    const startApi = async (nodeOptions: string[] = []): Promise<{ child: ChildProcess; origin: string }> => {
      const port = await freePort();
      const child = spawn(process.execPath, [...nodeOptions, API_ENTRY], {
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          PORT: String(port),
          REDIS_PREFIX: `bench-regulator-${randomBytes(3).toString('hex')}`,
          LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      await waitForHealth(port);
      return { child, origin: `http://127.0.0.1:${port}` };
    };
    const stopApi = async (child: ChildProcess) => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    };
    const started1 = await startApi();
    api = started1.child;
    const origin = started1.origin;

    // The official list through the import path: upload and preview (every row checked), then apply.
    const list = await officialList(db);
    const importBody = { fileName: '甘肃省企业名录.csv', format: 'csv', contentBase64: list.toString('base64'), effectiveOn: '2021-01-01' };
    const importRest = vmRssMiB(api.pid!);
    resetHwm(api.pid!);
    const preview = await postJson(`${origin}/regulators/enterprise-imports`, token, importBody);
    const applied = await postJson(`${origin}/regulators/enterprise-imports/${String(preview.json.id)}/apply`, token, {});
    const importPeak = vmHwmMiB(api.pid!);
    const again = await postJson(`${origin}/regulators/enterprise-imports`, token, importBody);
    const againApplied = await postJson(`${origin}/regulators/enterprise-imports/${String(again.json.id)}/apply`, token, {});
    process.stdout.write(
      `import of ${ENTERPRISES.toLocaleString('en')} rows (CSV ${(list.length / 1048576).toFixed(1)} MiB): preview ${fmt(preview.ms)} ms + apply ${fmt(applied.ms)} ms = ` +
        `${((preview.ms + applied.ms) / 1000).toFixed(1)} s (goal < 30 s), API peak ${importPeak.toFixed(0)} MiB (goal < 256 MiB; RSS before ${importRest.toFixed(0)} MiB); ` +
        `created ${String(applied.json.toCreate)}, errors ${String(preview.json.errorRows)}; re-import of the same file: ${fmt(again.ms + againApplied.ms)} ms, ` +
        `created ${String(againApplied.json.toCreate)}, updated ${String(againApplied.json.toUpdate)}, unchanged ${String(againApplied.json.unchanged)}; load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}\n`,
    );

    let started = process.hrtime.bigint();
    await generate(db, year);
    const counts = (
      await db.query(`SELECT (SELECT count(*) FROM cqo_appointments)::int AS a, (SELECT count(*) FROM cqo_appointments WHERE status = 'serving')::int AS s,
                                           (SELECT count(*) FROM compliance_statuses)::int AS c`)
    ).rows[0] as { a: number; s: number; c: number };
    process.stdout.write(
      `generated in ${(ms(started) / 1000).toFixed(1)} s: ${counts.a.toLocaleString('en')} appointments (${counts.s.toLocaleString('en')} serving), ${counts.c.toLocaleString('en')} status rows\n`,
    );

    const baseline = await latency(`${origin}/registry/eligibility-rules`, token, DASHBOARD_SAMPLES);
    const dashboard = await latency(`${origin}/regulators/dashboard?year=${year}`, token, DASHBOARD_SAMPLES);
    const asOfDeadline = await latency(`${origin}/regulators/dashboard?year=2021&asOf=2021-12-31`, token, DASHBOARD_SAMPLES);
    // The same question with the figures cache emptied before each request (the epoch bumped, as any
    // change to appointments, flags or master data does): what a dashboard costs right after a change.
    const coldTimes: number[] = [];
    for (let i = 0; i < Math.min(20, DASHBOARD_SAMPLES); i++) {
      await db.query('UPDATE registry_figures_epoch SET epoch = epoch + 1');
      coldTimes.push(await timed(`${origin}/regulators/dashboard?year=${year}`, token));
    }
    coldTimes.sort((a, b) => a - b);
    const cold = { p50: percentile(coldTimes, 50), p99: percentile(coldTimes, 99), max: coldTimes[coldTimes.length - 1] };
    const city = await latency(
      `${origin}/regulators/dashboard?year=${year}&regionId=${(await db.query(`SELECT id FROM regions WHERE level = 'city' ORDER BY sort_order LIMIT 1`)).rows[0].id}`,
      token,
      DASHBOARD_SAMPLES,
    );
    const enterprises = await latency(`${origin}/regulators/dashboard/enterprises?year=${year}&pageSize=50`, token, DASHBOARD_SAMPLES);

    if (DASHBOARDS_ONLY) {
      for (const [what, r] of [
        ['baseline route', baseline],
        ['province dashboard', dashboard],
        ['province dashboard as of 2021-12-31', asOfDeadline],
        ['province dashboard, figures cache emptied before each', cold],
        ['city dashboard', city],
        ['province enterprise list', enterprises],
      ] as const) {
        process.stdout.write(`${what.padEnd(66)} p50 ${fmt(r.p50)} / p99 ${fmt(r.p99)} ms\n`);
      }
      process.stdout.write(
        `load average at the end: ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')} on ${cpus().length} cores\n`,
      );
      return;
    }
    // The export and its baseline: the same rows (every appointment, history included).
    const query = appointmentsQuery(null, { status: 'all' });
    const literal = query.sql
      .replace(/\$1::text/g, 'NULL::text')
      .replace(/\$1/g, 'NULL::text')
      .replace(/\$2/g, `'all'`)
      .replace(/\$3/g, 'NULL::uuid');
    const copies = [];
    for (let i = 0; i < 3; i++) copies.push(await copyBaseline(databaseUrl, literal));
    const rssBefore = vmRssMiB(api.pid!);
    const csvRuns = [];
    const csvPeaks = [];
    for (let i = 0; i < 3; i++) {
      const reset = resetHwm(api.pid!);
      csvRuns.push(await download(`${origin}/regulators/exports/appointments?status=all&format=csv`, token));
      csvPeaks.push(reset ? vmHwmMiB(api.pid!) : NaN);
    }
    resetHwm(api.pid!);
    const xlsx = await download(`${origin}/regulators/exports/appointments?status=all&format=xlsx`, token);
    const xlsxPeak = vmHwmMiB(api.pid!);

    await stopApi(api);
    // The same exports with V8's old generation capped (as a container limit would): V8 then
    // collects the exports' garbage early instead of letting the heap grow lazily, which shows
    // what the exports themselves hold. Same code, same data.
    const capped = await startApi(['--max-old-space-size=128']);
    api = capped.child;
    const cappedRest = vmRssMiB(api.pid!);
    resetHwm(api.pid!);
    const cappedCsv = await download(`${capped.origin}/regulators/exports/appointments?status=all&format=csv`, token);
    const cappedCsvPeak = vmHwmMiB(api.pid!);
    resetHwm(api.pid!);
    const cappedXlsx = await download(`${capped.origin}/regulators/exports/appointments?status=all&format=xlsx`, token);
    const cappedXlsxPeak = vmHwmMiB(api.pid!);

    const best = <T extends { ms: number }>(runs: T[]) => runs.reduce((a, b) => (b.ms < a.ms ? b : a));
    const copy = best(copies);
    const csv = best(csvRuns);
    const lines: [string, string, string][] = [
      ['baseline route (one tiny query, same auth) p50 / p99', `${fmt(baseline.p50)} / ${fmt(baseline.p99)} ms`, '1.00×'],
      [
        'province dashboard p50 / p99',
        `${fmt(dashboard.p50)} / ${fmt(dashboard.p99)} ms`,
        `${(dashboard.p50 / baseline.p50).toFixed(1)}× / ${(dashboard.p99 / baseline.p99).toFixed(1)}×  (goal p99 < 200 ms; max ${fmt(dashboard.max)} ms)`,
      ],
      [
        'province dashboard as of 2021-12-31 p50 / p99',
        `${fmt(asOfDeadline.p50)} / ${fmt(asOfDeadline.p99)} ms`,
        `${(asOfDeadline.p50 / baseline.p50).toFixed(1)}× / ${(asOfDeadline.p99 / baseline.p99).toFixed(1)}×  (goal p99 < 200 ms)`,
      ],
      [
        'province dashboard, figures cache emptied before each, p50 / p99',
        `${fmt(cold.p50)} / ${fmt(cold.p99)} ms`,
        `${(cold.p50 / baseline.p50).toFixed(1)}× / ${(cold.p99 / baseline.p99).toFixed(1)}×  (${coldTimes.length} requests, after a change)`,
      ],
      [
        'city dashboard p50 / p99',
        `${fmt(city.p50)} / ${fmt(city.p99)} ms`,
        `${(city.p50 / baseline.p50).toFixed(1)}× / ${(city.p99 / baseline.p99).toFixed(1)}×`,
      ],
      [
        'province enterprise list (page of 50) p50 / p99',
        `${fmt(enterprises.p50)} / ${fmt(enterprises.p99)} ms`,
        `${(enterprises.p50 / baseline.p50).toFixed(1)}× / ${(enterprises.p99 / baseline.p99).toFixed(1)}×`,
      ],
      [`COPY (same query) TO STDOUT via psql, ${(copy.lines - 1).toLocaleString('en')} rows (best of 3)`, `${fmt(copy.ms)} ms`, '1.00×'],
      [
        `CSV export over HTTP, ${(csv.lines - 1).toLocaleString('en')} rows (best of 3)`,
        `${fmt(csv.ms)} ms`,
        `${(csv.ms / copy.ms).toFixed(2)}×  (goal ≤ 3×; ${(csv.bytes / 1048576).toFixed(1)} MiB vs COPY ${(copy.bytes / 1048576).toFixed(1)} MiB)`,
      ],
      [
        'API peak memory during the CSV exports (VmHWM)',
        `${Math.max(...csvPeaks).toFixed(0)} MiB`,
        `(goal < 256 MiB; RSS before ${rssBefore.toFixed(0)} MiB)`,
      ],
      [
        `XLSX export over HTTP, same rows`,
        `${fmt(xlsx.ms)} ms`,
        `${(xlsx.ms / copy.ms).toFixed(2)}×  (${(xlsx.bytes / 1048576).toFixed(1)} MiB)`,
      ],
      ['API peak memory during the XLSX export (VmHWM)', `${xlsxPeak.toFixed(0)} MiB`, '(goal < 256 MiB)'],
      [
        'with --max-old-space-size=128: CSV export time / peak (VmHWM)',
        `${fmt(cappedCsv.ms)} ms / ${cappedCsvPeak.toFixed(0)} MiB`,
        `${(cappedCsv.ms / copy.ms).toFixed(2)}×  (RSS at rest ${cappedRest.toFixed(0)} MiB; ${(cappedCsv.lines - 1).toLocaleString('en')} rows)`,
      ],
      [
        'with --max-old-space-size=128: XLSX export time / peak (VmHWM)',
        `${fmt(cappedXlsx.ms)} ms / ${cappedXlsxPeak.toFixed(0)} MiB`,
        `${(cappedXlsx.ms / copy.ms).toFixed(2)}×`,
      ],
    ];
    for (const [what, value, ratio] of lines) process.stdout.write(`${what.padEnd(66)} ${value.padStart(20)}  ${ratio}\n`);
    process.stdout.write(`load average (1 min) at the end: ${loadavg()[0].toFixed(1)} on ${cpus().length} cores\n`);
    process.stdout.write(
      `runs: COPY ${copies.map((c) => fmt(c.ms)).join(' / ')} ms; CSV ${csvRuns.map((c) => fmt(c.ms)).join(' / ')} ms; CSV peaks ${csvPeaks.map((p) => p.toFixed(0)).join(' / ')} MiB\n`,
    );
  } finally {
    if (api && api.exitCode === null) {
      const child = api;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await db.end().catch(() => undefined);
    if (!KEEP) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    else process.stdout.write(`kept database ${name}\n`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:regulator failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
