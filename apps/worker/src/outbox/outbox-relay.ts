import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { closeQueues } from '../close-queues';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import {
  APP_CONFIG,
  AppConfig,
  Clock,
  DEFAULT_JOB_OPTIONS,
  DependencyMonitor,
  isConnectionError,
  JobQueues,
  jobIdFor,
  OUTBOX_CHANNEL,
  OutboxEventPayloads,
  OutboxEventType,
  OutboxRoutes,
  outboxSql,
  QueueName,
  queuePrefix,
  redisConnectionOptions,
  reportRedisErrors,
  runCommand,
  runQuery,
} from '@cqo/core';

const BATCH = 200;
const POLL_MS = 1000;
const ENQUEUE_TIMEOUT_MS = 5000;
/** While PostgreSQL or Redis is away, passes back off from 1 s to this. */
const OUTAGE_BACKOFF_MAX_MS = 30_000;
/** On shutdown, a pass in progress gets this long; its transaction rolls back if cut short. */
const SHUTDOWN_WAIT_MS = 2000;

/** Redis refused the jobs of a pass (as opposed to PostgreSQL failing). */
class EnqueueFailed extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new EnqueueFailed(`Redis did not accept the jobs within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Moves committed outbox events into BullMQ. It wakes on NOTIFY and also polls, so an event
 * written while Redis (or this worker) was down is delivered once both are back. Jobs get
 * deterministic ids, and every consumer is idempotent, so a relay that crashes between adding
 * the job and marking the event only causes a harmless duplicate.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly queues = new Map<QueueName, Queue>();
  private listener?: Client;
  private timer?: NodeJS.Timeout;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  /** Set while a dependency is down: no pass before this time. */
  private resumeAt = 0;
  private backoffMs = POLL_MS;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly monitor: DependencyMonitor,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const names = new Set(Object.values(JobQueues));
    await Promise.all(
      [...names].map((name) =>
        this.queue(name)
          .waitUntilReady()
          .catch(() => undefined),
      ),
    );
    await this.listen().catch((error) => this.logger.warn(`LISTEN failed, polling only: ${String(error)}`));
    this.timer = setInterval(() => this.wake(), POLL_MS);
    this.wake();
  }

  /** Runs one relay pass now, or right after the current one. */
  wake(): void {
    if (this.stopped || Date.now() < this.resumeAt) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .then(() => this.passSucceeded())
      .catch((error) => this.passFailed(error))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  private passSucceeded(): void {
    this.resumeAt = 0;
    this.backoffMs = POLL_MS;
    this.monitor.reportUp('postgres');
    if (!this.listener && !this.stopped) void this.listen().catch(() => undefined);
  }

  /** An outage is the monitor's to log (once); the relay only backs off. Anything else is logged. */
  private passFailed(error: unknown): void {
    if (error instanceof EnqueueFailed) this.monitor.reportDown('redis', error);
    else if (isConnectionError(error)) this.monitor.reportDown('postgres', error);
    else this.logger.warn(`outbox relay pass failed, will retry: ${String(error)}`);
    this.resumeAt = Date.now() + this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, OUTAGE_BACKOFF_MAX_MS);
  }

  /** Relays until nothing is pending; returns the number of events relayed. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.relayBatch();
      total += n;
      if (n < BATCH) return total;
    }
  }

  private async relayBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const events = await runQuery(manager, outboxSql.claimPending, [BATCH]);
      if (events.length === 0) return 0;
      // If Redis is down this throws (or times out: BullMQ waits for a connection), the
      // transaction rolls back and the events stay pending for the next pass.
      await withTimeout(
        Promise.all(events.flatMap((event) => this.enqueue(event.id, event.type, event.payload))).catch((error: unknown) => {
          throw new EnqueueFailed(String(error));
        }),
        ENQUEUE_TIMEOUT_MS,
      );
      await runCommand(manager, outboxSql.markRelayed, [events.map((e) => e.id)]);
      return events.length;
    });
  }

  private enqueue<E extends OutboxEventType>(eventId: string, type: E, payload: OutboxEventPayloads[E]): Promise<unknown>[] {
    const routes = OutboxRoutes[type] ?? [];
    const now = this.clock.now();
    return routes.map((route) => {
      const data = route.payload(eventId, payload);
      const options = { ...DEFAULT_JOB_OPTIONS, jobId: jobIdFor('evt', eventId, route.job) };
      // A route with a delay (e.g. an exam's auto-submit at its deadline) becomes a BullMQ delayed job.
      const delay = route.delay ? Math.max(0, Math.ceil(route.delay(payload, now))) : 0;
      return this.queue(JobQueues[route.job]).add(route.job, data, delay > 0 ? { ...options, delay } : options);
    });
  }

  private queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        prefix: queuePrefix(this.config),
        // Fail fast while Redis is away; the event stays in the outbox for the next pass.
        connection: { ...redisConnectionOptions(this.config), enableOfflineQueue: false, maxRetriesPerRequest: 1 },
      });
      reportRedisErrors(queue, this.monitor);
      this.queues.set(name, queue);
    }
    return queue;
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.config.databaseUrl, connectionTimeoutMillis: 5000 });
    client.on('notification', () => this.wake());
    // A lost LISTEN connection (PostgreSQL restarted) is replaced after the next good pass; polling covers the gap.
    client.on('error', (error) => {
      this.monitor.reportDown('postgres', error);
      if (this.listener === client) this.listener = undefined;
      void client.end().catch(() => undefined);
    });
    await client.connect();
    await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    if (this.stopped) await client.end();
    else this.listener = client;
  }

  /** Stops relaying before the other hooks close connections; a pass cut short rolls back. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.running, new Promise((resolve) => (timer = setTimeout(resolve, SHUTDOWN_WAIT_MS)))]);
    clearTimeout(timer);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    // pg's end() waits for the server's answer; a dead server would make it wait on TCP.
    const listener = this.listener;
    this.listener = undefined;
    if (listener) await Promise.race([listener.end().catch(() => undefined), new Promise((r) => setTimeout(r, 500).unref())]);
    await closeQueues(this.queues.values());
  }
}
