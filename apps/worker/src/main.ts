import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ConfigError, describeConnectionError, isConnectionError, loadConfig } from '@cqo/core';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true, abortOnError: false }).catch(
    (error: unknown) => {
      throw isConnectionError(error) ? new ConfigError(describeConnectionError(config.databaseUrl, error)) : error;
    },
  );
  app.useLogger(app.get(Logger));
  // On SIGTERM BullMQ workers stop taking jobs and wait for the ones in flight; unfinished ones are retried later.
  app.enableShutdownHooks();
  await app.init();
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`worker: ${message}\n`);
  process.exit(1);
});
