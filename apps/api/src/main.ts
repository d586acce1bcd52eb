import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { closeOnSignals, ConfigError, describeConnectionError, isConnectionError, loadConfig } from '@cqo/core';
import { ApiModule } from './api.module';
import { configureApi, createFastifyAdapter, registerSecurityHeaders } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule.forRoot(config),
    createFastifyAdapter(config.security.trustProxy),
    // Silent until pino takes over below, so a failed start prints our one line and nothing else.
    { logger: false, abortOnError: false },
  ).catch((error: unknown) => {
    throw isConnectionError(error) ? new StartupError(describeConnectionError(config.databaseUrl, error)) : error;
  });
  await registerSecurityHeaders(app, config);
  configureApi(app);
  closeOnSignals(app, 'api');
  await app.listen({ port: config.port, host: '0.0.0.0' });
}

class StartupError extends Error {}

main().catch((error: unknown) => {
  // One clear line, no stack trace loop: the process manager decides whether to restart.
  const message =
    error instanceof ConfigError || error instanceof StartupError
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
  process.stderr.write(`api: ${message}\n`);
  process.exit(1);
});
