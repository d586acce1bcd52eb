import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, buildDataSourceOptions } from '@cqo/core';
import { ALL_ENTITIES } from './entities';
import { ALL_MIGRATIONS } from './migrations';

/** The TypeORM connection of the API and the worker. It never migrates: that is a step of its own. */
@Module({})
export class DatabaseModule {
  static forRoot(): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            ...buildDataSourceOptions(config.databaseUrl, ALL_ENTITIES, ALL_MIGRATIONS),
            // Fail at once when PostgreSQL is unreachable; the process manager restarts us.
            retryAttempts: 0,
          }),
        }),
      ],
    };
  }
}
