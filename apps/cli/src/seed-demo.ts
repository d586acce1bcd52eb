import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { AppConfig } from '@cqo/core';
import { ConfigError, loadConfig, ROLE_LABELS } from '@cqo/core';
import { ContentFilesService, CoursesService } from '@cqo/courses';
import { UsersService } from '@cqo/identity';
import { EnterprisesService, RegionsService, TrainingOrganizationsService } from '@cqo/organizations';
import { DatabaseUnavailableError, migrateDatabase } from '@cqo/schema';
import { AppointmentsService, DeclarationsService } from '@cqo/registry';
import { TraineesService } from '@cqo/trainees';
import { DEMO_PASSWORD, seedDemoData } from './demo-data';
import { SeedModule } from './seed.module';

/** Seeds demo data into an empty database and prints the log-ins. Safe to run again: it then does nothing. */
export async function seedDemo(config: AppConfig): Promise<void> {
  const app = await NestFactory.createApplicationContext(SeedModule.forRoot(config), { logger: ['error'] });
  try {
    const logins = await seedDemoData({
      dataSource: app.get(getDataSourceToken()),
      regions: app.get(RegionsService),
      organizations: app.get(TrainingOrganizationsService),
      enterprises: app.get(EnterprisesService),
      users: app.get(UsersService),
      trainees: app.get(TraineesService),
      courses: app.get(CoursesService),
      content: app.get(ContentFilesService),
      appointments: app.get(AppointmentsService),
      declarations: app.get(DeclarationsService),
    });
    if (!logins) {
      process.stdout.write('seed: users exist already, demo data not added\n');
      return;
    }
    process.stdout.write(`seed: demo data added. Log in at ${config.publicBaseUrl} with password ${DEMO_PASSWORD}:\n`);
    for (const l of logins) process.stdout.write(`  ${l.username.padEnd(14)} ${ROLE_LABELS[l.role].padEnd(10, '　')} ${l.who}\n`);
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  const config = loadConfig();
  migrateDatabase(config.databaseUrl)
    .then(() => seedDemo(config))
    .catch((error: unknown) => {
      const known = error instanceof ConfigError || error instanceof DatabaseUnavailableError;
      process.stderr.write(`seed: ${known ? (error as Error).message : error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    });
}
