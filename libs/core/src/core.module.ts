import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { Clock, SystemClock } from './clock/clock';
import { OutboxWriter } from './outbox/outbox.writer';
import { DependencyMonitor } from './health/dependency-monitor';

/** Global providers every process needs: the validated config, the clock, the outbox writer and the outage monitor. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      providers: [{ provide: APP_CONFIG, useValue: config }, { provide: Clock, useClass: SystemClock }, OutboxWriter, DependencyMonitor],
      exports: [APP_CONFIG, Clock, OutboxWriter, DependencyMonitor],
    };
  }
}
