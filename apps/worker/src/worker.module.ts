import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module, Provider } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { CertificatesModule } from '@cqo/certificates';
import { AppConfig, buildLoggerParams, CoreModule, queuePrefix, RedisModule, redisConnectionOptions } from '@cqo/core';
import { CreditHoursModule } from '@cqo/credit-hours';
import { ExamsModule } from '@cqo/exams';
import { IdentityModule } from '@cqo/identity';
import { MailDeliveryModule, NotificationsModule } from '@cqo/notifications';
import { RegistryModule } from '@cqo/registry';
import { ReportingModule } from '@cqo/reporting';
import { DatabaseModule } from '@cqo/schema';
import { WorkerHealthServer } from './health/worker-health.server';
import { OutboxRelay } from './outbox/outbox-relay';
import { CertificatesProcessor } from './processors/certificates.processor';
import { ExamsProcessor } from './processors/exams.processor';
import { HandlerRegistry } from './processors/handler-registry';
import { IdentityProcessor } from './processors/identity.processor';
import { MaintenanceProcessor } from './processors/maintenance.processor';
import { OutboxPruner } from './outbox/outbox-pruner';
import { ComplianceProcessor } from './processors/compliance.processor';
import { CreditHoursProcessor } from './processors/credit-hours.processor';
import { MailProcessor } from './processors/mail.processor';
import { NotificationsProcessor } from './processors/notifications.processor';
import { RegistryProcessor } from './processors/registry.processor';
import { JobSchedulers } from './schedulers/job-schedulers';
import { WorkerShutdown } from './worker-shutdown';

export interface WorkerOptions {
  /** Serve GET /health on WORKER_HEALTH_PORT (off in tests, which run many workers at once). */
  healthServer?: boolean;
}

/** The background process: BullMQ processors, the outbox relay and schedulers. No HTTP routes. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, options: WorkerOptions = {}): DynamicModule {
    const providers: Provider[] = [
      OutboxRelay,
      HandlerRegistry,
      NotificationsProcessor,
      ExamsProcessor,
      CreditHoursProcessor,
      ComplianceProcessor,
      CertificatesProcessor,
      RegistryProcessor,
      IdentityProcessor,
      MaintenanceProcessor,
      OutboxPruner,
      MailProcessor,
      JobSchedulers,
      WorkerShutdown,
    ];
    if (options.healthServer ?? true) providers.push(WorkerHealthServer);
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot(config),
        LoggerModule.forRoot(buildLoggerParams(config, 'worker')),
        DatabaseModule.forRoot(),
        RedisModule,
        DiscoveryModule,
        // Processors take their connection from here. No queue is registered (registerQueue()
        // without names only sets up the processors): the worker adds jobs through the outbox
        // relay's and the schedulers' own fail-fast queues, and a registered queue's close
        // waits for Redis forever when it is down.
        BullModule.forRoot({ connection: redisConnectionOptions(config), prefix: queuePrefix(config) }),
        BullModule.registerQueue(),
        NotificationsModule,
        MailDeliveryModule,
        ExamsModule,
        CreditHoursModule,
        CertificatesModule,
        RegistryModule,
        ReportingModule,
        IdentityModule,
      ],
      providers,
    };
  }
}
