import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import {
  APP_CONFIG,
  AppConfig,
  Clock,
  DEFAULT_JOB_OPTIONS,
  JobQueues,
  jobIdFor,
  OUTBOX_CHANNEL,
  OutboxEventPayloads,
  OutboxEventType,
  OutboxRoutes,
  QueueName,
  redisConnectionOptions,
} from '@cqo/core';

const BATCH = 200;
const POLL_MS = 1000;
const ENQUEUE_TIMEOUT_MS = 5000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not accept the jobs within ${ms} ms`)), ms);
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
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly queues = new Map<QueueName, Queue>();
  private listener?: Client;
  private timer?: NodeJS.Timeout;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const names = new Set(Object.values(JobQueues));
    await Promise.all([...names].map((name) => this.queue(name).waitUntilReady().catch(() => undefined)));
    await this.listen().catch((error) => this.logger.warn(`LISTEN failed, polling only: ${String(error)}`));
    this.timer = setInterval(() => this.wake(), POLL_MS);
    this.wake();
  }

  /** Runs one relay pass now, or right after the current one. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .then(() => undefined)
      .catch((error) => this.logger.warn(`outbox relay pass failed, will retry: ${String(error)}`))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
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
      const events: { id: string; type: OutboxEventType; payload: OutboxEventPayloads[OutboxEventType] }[] = await manager.query(
        `SELECT id, type, payload FROM outbox_events
          WHERE relayed_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH],
      );
      if (events.length === 0) return 0;
      // If Redis is down this throws (or times out: BullMQ waits for a connection), the
      // transaction rolls back and the events stay pending for the next pass.
      await withTimeout(Promise.all(events.flatMap((event) => this.enqueue(event.id, event.type, event.payload))), ENQUEUE_TIMEOUT_MS);
      await manager.query('UPDATE outbox_events SET relayed_at = now(), relay_attempts = relay_attempts + 1 WHERE id = ANY($1)', [
        events.map((e) => e.id),
      ]);
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
        prefix: this.config.redisPrefix,
        // Fail fast while Redis is away; the event stays in the outbox for the next pass.
        connection: { ...redisConnectionOptions(this.config), enableOfflineQueue: false, maxRetriesPerRequest: 1 },
      });
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.config.databaseUrl });
    client.on('error', () => undefined);
    client.on('notification', () => this.wake());
    await client.connect();
    await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    this.listener = client;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
    await this.listener?.end().catch(() => undefined);
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
  }
}
