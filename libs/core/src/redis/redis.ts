import { once } from 'node:events';
import { Injectable, Module, Global, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config';
import { DependencyMonitor } from '../health/dependency-monitor';

/**
 * Connection options for every Redis client of ours (BullMQ's included), from one place, so the
 * API and the worker can never read Redis settings differently.
 */
export interface RedisConnection {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db: number;
  tls?: Record<string, never>;
  maxRetriesPerRequest: number | null;
  retryStrategy: (times: number) => number;
  disconnectTimeout: number;
}

export function redisConnectionOptions(config: AppConfig): RedisConnection {
  const url = new URL(config.redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username || undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    // BullMQ workers need this; it also keeps a blocked command from failing during a Redis restart.
    maxRetriesPerRequest: null,
    // Keep retrying to connect, with backoff: 0.5 s, 1 s, 2 s, 4 s, then every 5 s.
    retryStrategy: reconnectDelay,
    // How long disconnect() waits for the socket to close before destroying it. ioredis arms this
    // timer on the socket it last had, and only that socket's 'close' clears it: a client closed
    // while reconnecting (Redis gone) keeps the timer, and with it a finished process, that long.
    disconnectTimeout: 200,
  };
}

/** Milliseconds before reconnection attempt `times` (1, 2, …). */
export function reconnectDelay(times: number): number {
  return Math.min(250 * 2 ** Math.min(times, 5), 5000);
}

/**
 * BullMQ's key prefix: ours in braces, a Redis Cluster hash tag. BullMQ's Lua scripts touch
 * several keys of a queue at once, which Redis Cluster allows only within one hash slot; with the
 * tag all our queue keys share one slot (docs/scaling.md: why one slot is enough, and the
 * migration from the untagged keys). RedisClient's own counters keep `prefix:`.
 */
export function queuePrefix(config: Pick<AppConfig, 'redisPrefix'>): string {
  return `{${config.redisPrefix}}`;
}

/** Whether an error means "Redis cannot be reached", as opposed to a bug or a refused command. */
export function isRedisConnectionError(error: unknown): boolean {
  const e = error as { code?: string; message?: string; name?: string };
  if (e?.code && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'EPIPE'].includes(e.code)) return true;
  if (e?.name === 'MaxRetriesPerRequestError') return true;
  return /Stream isn't writeable|Connection is closed|ECONNREFUSED|max retries per request/i.test(e?.message ?? String(error));
}

/** Anything that emits a connection's errors (ioredis clients, BullMQ queues and workers). */
interface ErrorEmitter {
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** Sends a Redis connection's errors to the outage monitor instead of the log, once per outage. */
export function reportRedisErrors<T extends ErrorEmitter>(emitter: T, monitor: DependencyMonitor): T {
  emitter.on('error', (error) => monitor.reportDown('redis', error));
  return emitter;
}

/** A small Redis client for health checks and counters (not for BullMQ, which makes its own). */
@Injectable()
export class RedisClient implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly redis: Redis;
  constructor(config: AppConfig, monitor: DependencyMonitor) {
    this.redis = new Redis({
      ...redisConnectionOptions(config),
      keyPrefix: `${config.redisPrefix}:`,
      lazyConnect: true,
      // Answer "down" at once when Redis is away, rather than queueing commands.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
    });
    reportRedisErrors(this.redis, monitor);
    this.redis.on('ready', () => monitor.reportUp('redis'));
    monitor.setProbe('redis', async () => {
      if ((await this.redis.ping()) !== 'PONG') throw new Error('no answer to PING');
    });
    void this.redis.connect().catch(() => undefined);
  }

  /**
   * Waits (at most 2 s) for the first connection before the app serves, so what API processes
   * count together (log-in and verification limits) is counted in Redis from the first request:
   * a request in the first milliseconds otherwise fell back to this process's own count and
   * was missing from the shared one. With Redis down the app starts anyway, as in an outage.
   */
  async onApplicationBootstrap(): Promise<void> {
    if (this.redis.status === 'ready') return;
    await once(this.redis, 'ready', { signal: AbortSignal.timeout(2000) }).catch(() => undefined);
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.redis.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}

@Global()
@Module({ providers: [RedisClient], exports: [RedisClient] })
export class RedisModule {}
