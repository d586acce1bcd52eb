import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { closeOnSignals, ConfigError, describeConnectionError, isConnectionError, loadConfig } from '@cqo/core';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false, abortOnError: false }).catch(
    (error: unknown) => {
      throw isConnectionError(error) ? new ConfigError(describeConnectionError(config.databaseUrl, error)) : error;
    },
  );
  app.useLogger(app.get(Logger));
  closeOnSignals(app, 'worker');
  await app.init();
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`worker: ${message}\n`);
  process.exit(1);
});
