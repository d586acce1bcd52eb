import 'reflect-metadata';
import type { Worker as ClusterProcess } from 'node:cluster';
import cluster from 'node:cluster';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '@cqo/core';
import { DatabaseUnavailableError, migrateDatabase } from '@cqo/schema';
import { API_NODE_OPTIONS } from '../../api/src/node-options';
import { seedDemo } from './seed-demo';

/**
 * `npm start`: migrate, seed demo data into an empty database, then run the API
 * (API_PROCESSES processes) and the worker (WORKER_PROCESSES processes). Every process is a
 * Node cluster child of this one, so the API processes share PORT and the workers share
 * WORKER_HEALTH_PORT; this process hands the connections round-robin. Ctrl-C (or SIGTERM) stops
 * them all gracefully; if one dies, the others are stopped (the process manager restarts the lot).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const ran = await migrateDatabase(config.databaseUrl);
  process.stdout.write(ran.length ? `start: migrations run: ${ran.join(', ')}\n` : 'start: schema is up to date\n');
  await seedDemo(config);

  const children: ClusterProcess[] = [];
  let stopping = false;
  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) if (!child.isDead()) child.process.kill('SIGTERM');
    process.exitCode = code;
  };
  const roles = [
    ['api', join(__dirname, '../../api/src/main.js'), config.processes.api],
    ['worker', join(__dirname, '../../worker/src/main.js'), config.processes.worker],
  ] as const;
  for (const [name, entry, count] of roles) {
    for (let i = 1; i <= count; i++) {
      // Settings apply to the forks that follow, so each role gets its own entry point.
      cluster.setupPrimary({
        exec: entry,
        args: [],
        silent: false,
        execArgv: name === 'api' ? [...process.execArgv, ...API_NODE_OPTIONS] : process.execArgv,
      });
      const child = cluster.fork();
      const label = count > 1 ? `${name} ${i}/${count}` : name;
      child.on('exit', (code, signal) => {
        if (!stopping) process.stderr.write(`start: ${label} exited (${signal ?? code}); stopping\n`);
        stop(code ?? 1);
      });
      // 'listening' (the API's port, the worker's health port) rather than 'online': a process is
      // running once it serves and has its SIGTERM handler, not when its Node runtime has started.
      child.once('listening', () => process.stdout.write(`start: ${label} running (pid ${child.process.pid})\n`));
      children.push(child);
    }
  }
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  process.stdout.write(
    `start: web app on ${config.publicBaseUrl}/app/, API docs at /docs, worker health on :${config.workerHealthPort}/health\n`,
  );
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof DatabaseUnavailableError;
  process.stderr.write(`start: ${known ? (error as Error).message : error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
