import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString, writeHeapSnapshot } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { Client } from 'pg';
import { loadConfig } from '@cqo/core';
import { ContentFilesService } from '@cqo/courses';
import { RegionsService, TrainingOrganizationsService } from '@cqo/organizations';
import { migrateDatabase } from '@cqo/schema';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureApi } from '../../apps/api/src/bootstrap';
import { API_NODE_OPTIONS } from '../../apps/api/src/node-options';
import { demoVideoPath } from '../../apps/cli/src/demo-content';

/**
 * `npm run bench:content`: 200 concurrent streams of byte ranges of the demo video through the
 * API's signed media route, against @fastify/static serving the same file from the same Fastify
 * server in the same run. Prints throughput (MiB/s, requests/s) and p99 time to first byte, each
 * as a ratio to the baseline, the API's peak RSS during the run and the load average. The clients
 * run in a forked process; the server process runs with the API's Node options (API_NODE_OPTIONS).
 * Prints the server's memory as V8 heap, external (array buffers) and the rest, at each phase's
 * RSS peak and after a full collection (what is retained rather than garbage not yet collected).
 * Options: --connections=200 --seconds=10 --chunk=262144; BENCH_HEAPSNAPSHOT=/path/prefix writes
 * a heap snapshot after each phase.
 */
const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const CONNECTIONS = arg('connections', 200);
const SECONDS = arg('seconds', 10);
const CHUNK = arg('chunk', 256 * 1024);
/** A full garbage collection (the bench's own process; `--expose-gc` set at run time). */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const mb = (bytes: number) => (bytes / 1024 ** 2).toFixed(0);

interface ClientRun {
  url: string;
  size: number;
  connections: number;
  seconds: number;
  chunk: number;
}
interface ClientResult {
  requests: number;
  bytes: number;
  errors: number;
  ttfbP50: number;
  ttfbP99: number;
  seconds: number;
}

/** The client side (forked): `connections` loops, each requesting random ranges over keep-alive. */
async function clients(run: ClientRun): Promise<ClientResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: run.connections });
  const ttfb: number[] = [];
  let bytes = 0;
  let errors = 0;
  const until = Date.now() + run.seconds * 1000;
  const one = () =>
    new Promise<void>((resolve) => {
      const start = Math.floor(Math.random() * Math.max(1, run.size - run.chunk));
      const sent = performance.now();
      const req = http.get(run.url, { agent, headers: { range: `bytes=${start}-${start + run.chunk - 1}` } }, (res) => {
        ttfb.push(performance.now() - sent);
        if (res.statusCode !== 206) errors++;
        res.on('data', (c: Buffer) => (bytes += c.length));
        res.on('end', resolve);
        res.on('error', () => (errors++, resolve()));
      });
      req.on('error', () => (errors++, resolve()));
    });
  const began = Date.now();
  await Promise.all(
    Array.from({ length: run.connections }, async () => {
      while (Date.now() < until) await one();
    }),
  );
  agent.destroy();
  ttfb.sort((a, b) => a - b);
  const q = (p: number) => ttfb[Math.min(ttfb.length - 1, Math.floor(p * ttfb.length))] ?? 0;
  return { requests: ttfb.length, bytes, errors, ttfbP50: q(0.5), ttfbP99: q(0.99), seconds: (Date.now() - began) / 1000 };
}

async function main(): Promise<void> {
  const base = loadConfig();
  const dbName = `cqo_bench_content_${randomBytes(4).toString('hex')}`;
  const databaseUrl = Object.assign(new URL(base.databaseUrl), { pathname: `/${dbName}` }).toString();
  const storageDir = await mkdtemp(join(tmpdir(), 'cqo-bench-content-'));
  await migrateDatabase(databaseUrl);
  const config = {
    ...base,
    databaseUrl,
    databaseReadUrl: databaseUrl,
    storageDir,
    logLevel: 'silent' as const,
    redisPrefix: `bench-content-${randomBytes(3).toString('hex')}`,
  };
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config), new FastifyAdapter(), {
    logger: ['error'],
    abortOnError: false,
  });
  configureApi(app);
  // The baseline: @fastify/static serving the same file from the same server.
  const staticDir = join(storageDir, 'static');
  const { mkdir } = await import('node:fs/promises');
  await mkdir(staticDir, { recursive: true });
  await copyFile(demoVideoPath(), join(staticDir, 'demo.mp4'));
  const instance = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  const { default: fastifyStatic } = await import('@fastify/static');
  await instance.register(fastifyStatic, { root: staticDir, prefix: '/bench-static/', decorateReply: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;

  const region = (await app.get(RegionsService).findByCode('620100'))!;
  const org = await app
    .get(TrainingOrganizationsService)
    .create({ name: '基准测试机构', creditCode: '12620000MB0000009X', regionId: region.id, contactName: '测试' });
  const content = app.get(ContentFilesService);
  const file = await content.importCopy(org.id, null, 'video', demoVideoPath(), 'demo.mp4');
  const signed = content.signedUrl(file.id, randomUUID()).url;

  const child = fork(__filename, ['--client'], { stdio: 'inherit' });
  await once(child, 'spawn');
  const run = async (url: string): Promise<ClientResult & { rssPeak: number; atPeak: NodeJS.MemoryUsage; afterGc: NodeJS.MemoryUsage }> => {
    let atPeak = process.memoryUsage();
    const sampler = setInterval(() => {
      const now = process.memoryUsage();
      if (now.rss > atPeak.rss) atPeak = now;
    }, 100);
    child.send({ url, size: file.sizeBytes, connections: CONNECTIONS, seconds: SECONDS, chunk: CHUNK } satisfies ClientRun);
    const [result] = (await once(child, 'message')) as [ClientResult];
    clearInterval(sampler);
    // What stays after a full collection: retained by the server, as opposed to garbage not yet collected.
    collectGarbage();
    const afterGc = process.memoryUsage();
    if (process.env.BENCH_HEAPSNAPSHOT) writeHeapSnapshot(`${process.env.BENCH_HEAPSNAPSHOT}-${++snapshots}.heapsnapshot`);
    return { ...result, rssPeak: atPeak.rss, atPeak, afterGc };
  };
  const mem = (m: NodeJS.MemoryUsage) =>
    `RSS ${mb(m.rss)} = V8 heap ${mb(m.heapTotal)} (used ${mb(m.heapUsed)}) + external ${mb(m.external)} (array buffers ${mb(m.arrayBuffers)}) + code, stacks and native ${mb(m.rss - m.heapTotal - m.external)} MiB`;
  let snapshots = 0;
  collectGarbage();
  const idle = process.memoryUsage();
  try {
    // Warm both paths, then measure each.
    await run(`${origin}/bench-static/demo.mp4`);
    await run(`${origin}${signed}`);
    const baseline = await run(`${origin}/bench-static/demo.mp4`);
    const api = await run(`${origin}${signed}`);
    const mib = (r: ClientResult) => r.bytes / r.seconds / 1024 ** 2;
    const line = (name: string, r: ClientResult & { rssPeak: number }) =>
      `${name.padEnd(16)} ${mib(r).toFixed(1).padStart(7)} MiB/s ${(r.requests / r.seconds).toFixed(0).padStart(6)} req/s  TTFB p50 ${r.ttfbP50.toFixed(1)} ms p99 ${r.ttfbP99.toFixed(1)} ms  errors ${r.errors}  RSS ${(r.rssPeak / 1024 ** 2).toFixed(0)} MiB`;
    process.stdout.write(
      `bench:content — ${CONNECTIONS} concurrent range streams (${CHUNK / 1024} KiB each) for ${SECONDS} s, file ${(file.sizeBytes / 1024).toFixed(0)} KiB\n`,
    );
    process.stdout.write(`${line('@fastify/static', baseline)}\n${line('signed /media', api)}\n`);
    process.stdout.write(
      `ratio: throughput ${(mib(api) / mib(baseline)).toFixed(2)}× (goal ≥ 0.8×), p99 TTFB ${(api.ttfbP99 / baseline.ttfbP99).toFixed(2)}× the baseline; API RSS peak ${(api.rssPeak / 1024 ** 2).toFixed(0)} MiB (goal < 300 MiB)\n`,
    );
    process.stdout.write(`API memory idle (before the runs): ${mem(idle)}\n`);
    process.stdout.write(`API memory at the baseline's peak: ${mem(baseline.atPeak)}; after a full GC: ${mem(baseline.afterGc)}\n`);
    process.stdout.write(`API memory at the media route's peak: ${mem(api.atPeak)}; after a full GC: ${mem(api.afterGc)}\n`);
    process.stdout.write(
      `load average: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}\n`,
    );
  } finally {
    child.kill();
    await app.close();
    await rm(storageDir, { recursive: true, force: true });
    const url = new URL(base.databaseUrl);
    url.pathname = '/postgres';
    const admin = new Client({ connectionString: url.toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
  }
}

if (process.argv.includes('--client')) {
  process.on('message', (run: ClientRun) => void clients(run).then((r) => process.send!(r)));
} else if (!API_NODE_OPTIONS.every((option) => process.execArgv.includes(option))) {
  // This process hosts the API, so it runs with the API's Node options (as npm start and the image do).
  const server = fork(__filename, process.argv.slice(2), { execArgv: [...process.execArgv, ...API_NODE_OPTIONS], stdio: 'inherit' });
  server.on('exit', (code) => process.exit(code ?? 1));
} else {
  main().catch((error: unknown) => {
    process.stderr.write(`bench:content failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
