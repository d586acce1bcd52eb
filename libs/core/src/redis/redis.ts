import { Inject, Injectable, Module, Global, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, AppConfig } from '../config/app-config';

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
    // Keep retrying to connect, but not faster than every two seconds.
    retryStrategy: (times) => Math.min(times * 200, 2000),
  };
}

/** A small Redis client for health checks and counters (not for BullMQ, which makes its own). */
@Injectable()
export class RedisClient implements OnApplicationShutdown {
  readonly redis: Redis;
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.redis = new Redis({
      ...redisConnectionOptions(config),
      keyPrefix: `${config.redisPrefix}:`,
      lazyConnect: true,
      // Answer "down" at once when Redis is away, rather than queueing commands.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
    });
    this.redis.on('error', () => undefined); // reported through health checks, not as unhandled errors
    void this.redis.connect().catch(() => undefined);
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
