import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { AppConfig, buildDataSourceOptions, DependencyMonitor, READ_DATA_SOURCE } from '@cqo/core';
import { ALL_ENTITIES } from './entities';
import { ALL_MIGRATIONS } from './migrations';

/** Reports PostgreSQL outages of the primary connection and probes it while it is down. */
@Injectable()
class PostgresProbe {
  constructor(@Inject(getDataSourceToken()) dataSource: DataSource, monitor: DependencyMonitor) {
    monitor.setProbe('postgres', () => dataSource.query('SELECT 1'));
  }
}

/** Closes the replica connection, when there is one of its own. */
@Injectable()
class ReadDataSourceCloser implements OnApplicationShutdown {
  constructor(
    @Inject(READ_DATA_SOURCE) private readonly read: DataSource,
    @Inject(getDataSourceToken()) private readonly primary: DataSource,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.read !== this.primary && this.read.isInitialized) await this.read.destroy();
  }
}

/** The TypeORM connection of the API and the worker. It never migrates: that is a step of its own. */
@Module({})
export class DatabaseModule {
  static forRoot(): DynamicModule {
    return {
      module: DatabaseModule,
      // Like TypeORM's own DataSource, the read connection is injectable everywhere.
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig, DependencyMonitor],
          useFactory: (config: AppConfig, monitor: DependencyMonitor) => ({
            ...buildDataSourceOptions(config.databaseUrl, ALL_ENTITIES, ALL_MIGRATIONS),
            // Fail at once when PostgreSQL is unreachable; the process manager restarts us.
            retryAttempts: 0,
            // An idle connection dropped by the server: an outage, logged once by the monitor.
            poolErrorHandler: (error: unknown) => monitor.reportDown('postgres', error),
          }),
        }),
      ],
      providers: [
        PostgresProbe,
        {
          provide: READ_DATA_SOURCE,
          inject: [AppConfig, getDataSourceToken(), DependencyMonitor],
          useFactory: async (config: AppConfig, primary: DataSource, monitor: DependencyMonitor): Promise<DataSource> => {
            if (config.databaseReadUrl === config.databaseUrl) return primary;
            const options = buildDataSourceOptions(config.databaseReadUrl, ALL_ENTITIES, []) as PostgresDataSourceOptions;
            const read = new DataSource({
              ...options,
              applicationName: 'cqo-lms-read',
              poolErrorHandler: (error: unknown) => monitor.reportDown('postgres', error),
            });
            return read.initialize();
          },
        },
        ReadDataSourceCloser,
      ],
      exports: [READ_DATA_SOURCE],
    };
  }
}
