import 'reflect-metadata';
import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '@cqo/core';
import { DatabaseUnavailableError, migrateDatabase } from '@cqo/schema';
import { seedDemo } from './seed-demo';

/**
 * `npm start`: migrate, seed demo data into an empty database, then run the API and the worker
 * as two processes. Ctrl-C (or SIGTERM) stops both gracefully; if either dies, the other is stopped.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const ran = await migrateDatabase(config.databaseUrl);
  process.stdout.write(ran.length ? `start: migrations run: ${ran.join(', ')}\n` : 'start: schema is up to date\n');
  await seedDemo(config);

  const children: ChildProcess[] = [];
  let stopping = false;
  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    process.exitCode = code;
  };
  for (const [name, entry] of [
    ['api', join(__dirname, '../../api/src/main.js')],
    ['worker', join(__dirname, '../../worker/src/main.js')],
  ] as const) {
    const child = fork(entry, [], { stdio: 'inherit' });
    child.on('exit', (code, signal) => {
      if (!stopping) process.stderr.write(`start: ${name} exited (${signal ?? code}); stopping\n`);
      stop(code ?? 1);
    });
    children.push(child);
  }
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  process.stdout.write(`start: web app on ${config.publicBaseUrl}/app/, API docs at /docs, worker health on :${config.workerHealthPort}/health\n`);
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof DatabaseUnavailableError;
  process.stderr.write(`start: ${known ? (error as Error).message : error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
