import { createServer, Server } from 'node:http';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig, checkDependency, Dependency, DependencyMonitor, RedisClient } from '@cqo/core';

type State = 'up' | 'down';
export interface WorkerHealth {
  status: 'ok' | 'error';
  postgres: State;
  redis: State;
  /** Only while something is down: since when, and the first error of the outage. */
  outages?: Partial<Record<Dependency, { since: string; error: string }>>;
}

/**
 * The worker's only HTTP surface: GET /health answers 200 when PostgreSQL and Redis answer, else
 * 503 with the outage (since when, first error). With several worker processes they share the
 * port (Node cluster) and each answer is one process's view.
 */
@Injectable()
export class WorkerHealthServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerHealthServer.name);
  private server?: Server;

  constructor(
    private readonly dataSource: DataSource,
    private readonly redis: RedisClient,
    private readonly monitor: DependencyMonitor,
    private readonly config: AppConfig,
  ) {}

  async check(): Promise<WorkerHealth> {
    const [postgres, redis] = await Promise.all([
      this.probe('postgres', () => this.dataSource.query('SELECT 1')),
      this.probe('redis', async () => {
        if (!(await this.redis.ping())) throw new Error('no answer to PING');
      }),
    ]);
    const result: WorkerHealth = { status: postgres === 'up' && redis === 'up' ? 'ok' : 'error', postgres, redis };
    const outages = Object.fromEntries(
      (['postgres', 'redis'] as const).flatMap((d) => {
        const outage = this.monitor.outage(d);
        return outage ? [[d, { since: outage.since.toISOString(), error: outage.error }]] : [];
      }),
    );
    if (Object.keys(outages).length > 0) result.outages = outages;
    return result;
  }

  private async probe(dependency: Dependency, check: () => Promise<unknown>): Promise<State> {
    return (await checkDependency(this.monitor, dependency, check)) ? 'down' : 'up';
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
    // Open keep-alive connections would hold close() until they time out.
    this.server?.closeAllConnections();
    await new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(undefined)));
  }
}
