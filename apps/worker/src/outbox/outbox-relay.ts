import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import { closeQueues, within } from '../close-queues';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import {
  AppConfig,
  Clock,
  DEFAULT_JOB_OPTIONS,
  DependencyMonitor,
  isConnectionError,
  JobName,
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
/**
 * A NOTIFY starts a pass this long after it, so that the events committed meanwhile go in the
 * same pass. Each pass is a transaction of four statements and a Redis round trip whatever it
 * carries: relayed one by one, a certificate's notification cost more CPU in this process than
 * its job (bench:certificates). Mail and the other routes do not mind the wait.
 */
const NOTIFY_COALESCE_MS = 30;
const ENQUEUE_TIMEOUT_MS = 5000;
/** While PostgreSQL or Redis is away, passes back off from 1 s to this. */
const OUTAGE_BACKOFF_MAX_MS = 30_000;
/**
 * At start, how long the relay waits for its queues' connections. Redis away must not hold the
 * worker's start: until it ends, everything the worker logs (the outage line too) stays in
 * Nest's start-up buffer.
 */
const QUEUES_READY_WAIT_MS = 3000;

/** On shutdown, a pass in progress gets this long; its transaction rolls back if cut short. */
const SHUTDOWN_WAIT_MS = 2000;

/** A route of any event, as the relay walks them (the typed table is OutboxRoutes). */
interface AnyRoute {
  job: JobName;
  payload: (eventId: string, event: unknown) => unknown;
  delay?: (event: unknown, now: Date) => number;
}

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
  private soon?: NodeJS.Timeout;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  /** Set while a dependency is down: no pass before this time. */
  private resumeAt = 0;
  private backoffMs = POLL_MS;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly monitor: DependencyMonitor,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const names = new Set(Object.values(JobQueues));
    await within(
      Promise.all(
        [...names].map((name) =>
          this.queue(name)
            .waitUntilReady()
            .catch(() => undefined),
        ),
      ),
      QUEUES_READY_WAIT_MS,
    );
    await this.listen().catch((error) => this.logger.warn(`LISTEN failed, polling only: ${String(error)}`));
    this.timer = setInterval(() => this.wake(), POLL_MS);
    this.wake();
  }

  /** Runs a relay pass shortly (see NOTIFY_COALESCE_MS); later calls until then join it. */
  wakeSoon(): void {
    if (this.soon || this.stopped) return;
    this.soon = setTimeout(() => {
      this.soon = undefined;
      this.wake();
    }, NOTIFY_COALESCE_MS);
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
        this.enqueue(events).catch((error: unknown) => {
          throw new EnqueueFailed(String(error));
        }),
        ENQUEUE_TIMEOUT_MS,
      );
      await runCommand(manager, outboxSql.markRelayed, [events.map((e) => e.id)]);
      return events.length;
    });
  }

  /** Adds the jobs of `events`, one round trip per queue (BullMQ's addBulk: a MULTI of the adds). */
  private async enqueue(
    events: readonly { id: string; type: OutboxEventType; payload: OutboxEventPayloads[OutboxEventType] }[],
  ): Promise<void> {
    const now = this.clock.now();
    const byQueue = new Map<QueueName, { name: string; data: unknown; opts: JobsOptions }[]>();
    for (const event of events) {
      for (const route of (OutboxRoutes[event.type] ?? []) as unknown as readonly AnyRoute[]) {
        const data = route.payload(event.id, event.payload);
        const opts: JobsOptions = { ...DEFAULT_JOB_OPTIONS, jobId: jobIdFor('evt', event.id, route.job) };
        // A route with a delay (e.g. an exam's auto-submit at its deadline) becomes a BullMQ delayed job.
        const delay = route.delay ? Math.max(0, Math.ceil(route.delay(event.payload, now))) : 0;
        if (delay > 0) opts.delay = delay;
        const queue = JobQueues[route.job];
        const jobs = byQueue.get(queue) ?? [];
        jobs.push({ name: route.job, data, opts });
        byQueue.set(queue, jobs);
      }
    }
    await Promise.all([...byQueue].map(([queue, jobs]) => this.queue(queue).addBulk(jobs)));
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
    client.on('notification', () => this.wakeSoon());
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
    if (this.soon) clearTimeout(this.soon);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.running, new Promise((resolve) => (timer = setTimeout(resolve, SHUTDOWN_WAIT_MS)))]);
    clearTimeout(timer);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.soon) clearTimeout(this.soon);
    // pg's end() waits for the server's answer; a dead server would make it wait on TCP.
    const listener = this.listener;
    this.listener = undefined;
    if (listener) await Promise.race([listener.end().catch(() => undefined), new Promise((r) => setTimeout(r, 500).unref())]);
    await closeQueues(this.queues.values());
  }
}
