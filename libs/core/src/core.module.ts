import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from './config/app-config';
import { Clock, SystemClock } from './clock/clock';
import { OutboxWriter } from './outbox/outbox.writer';
import { FileSystemObjectStorage, ObjectStorage } from './storage/object-storage';
import { DependencyMonitor } from './health/dependency-monitor';

/** Global providers every process needs: the validated config, the clock, the outbox writer, object storage and the outage monitor. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: Clock, useClass: SystemClock },
        OutboxWriter,
        { provide: ObjectStorage, useFactory: () => new FileSystemObjectStorage(config.storageDir) },
        DependencyMonitor,
      ],
      exports: [AppConfig, Clock, OutboxWriter, ObjectStorage, DependencyMonitor],
    };
  }
}
