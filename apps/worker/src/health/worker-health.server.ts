import { createServer, Server } from 'node:http';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, RedisClient } from '@cqo/core';

/** The worker's only HTTP surface: GET /health answers 200 when PostgreSQL and Redis answer, else 503. */
@Injectable()
export class WorkerHealthServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerHealthServer.name);
  private server?: Server;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly redis: RedisClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async check(): Promise<{ status: 'ok' | 'error'; postgres: 'up' | 'down'; redis: 'up' | 'down' }> {
    const postgres = await this.dataSource.query('SELECT 1').then(
      () => 'up' as const,
      () => 'down' as const,
    );
    const redis = (await this.redis.ping()) ? ('up' as const) : ('down' as const);
    return { status: postgres === 'up' && redis === 'up' ? 'ok' : 'error', postgres, redis };
  }

  onApplicationBootstrap(): Promise<void> {
    this.server = createServer((req, res) => {
      if (req.method !== 'GET' || req.url !== '/health') {
        res.writeHead(404).end();
        return;
      }
      void this.check().then((result) => {
        res.writeHead(result.status === 'ok' ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(result));
      });
    });
    return new Promise((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.config.workerHealthPort, '0.0.0.0', () => {
        this.logger.log(`worker health on :${this.config.workerHealthPort}/health`);
        resolve();
      });
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(undefined)));
  }
}
