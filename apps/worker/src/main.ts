import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { closeOnSignals, ConfigError, describeConnectionError, isConnectionError, loadConfig } from '@cqo/core';
import { WorkerLogger } from './worker-logger';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfig();
  // createApplicationContext also initializes the app: the health port listens and the processors
  // start inside it (what they log waits in Nest's buffer until the logger is attached below).
  // The signal handlers go in first, on the app's promise, so a SIGTERM in that moment is a
  // graceful stop too (npm start calls a worker running once its health port listens).
  const starting = NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: false,
    bufferLogs: true,
    abortOnError: false,
  }).catch((error: unknown) => {
    throw isConnectionError(error) ? new ConfigError(describeConnectionError(config.databaseUrl, error)) : error;
  });
  closeOnSignals(starting, 'worker');
  const app = await starting;
  // Replays what was logged while the app started (see WorkerLogger).
  app.useLogger(new WorkerLogger(app.get(Logger)));
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`worker: ${message}\n`);
  process.exit(1);
});
