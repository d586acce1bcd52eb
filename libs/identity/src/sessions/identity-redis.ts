import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig, redisConnectionOptions } from '@cqo/core';

/**
 * Identity's own Redis connections (session revocations, log-in counters), made on first use:
 * the worker and the CLI load this module but never use them, so they never connect.
 */
@Injectable()
export class IdentityRedis implements OnApplicationShutdown {
  private commandClient?: Redis;
  private readonly subscribers: Redis[] = [];

  constructor(private readonly config: AppConfig) {}

  /** Key prefix of this deployment (tests: of this test file). */
  get prefix(): string {
    return this.config.redisPrefix;
  }

  /** Commands, keys under the prefix; answers "down" at once while Redis is away. */
  get commands(): Redis {
    if (!this.commandClient) {
      this.commandClient = new Redis({
        ...redisConnectionOptions(this.config),
        keyPrefix: `${this.config.redisPrefix}:`,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        lazyConnect: true,
      });
      this.commandClient.on('error', () => undefined);
      void this.commandClient.connect().catch(() => undefined);
    }
    return this.commandClient;
  }

  /**
   * Waits (up to a second) for a client making its first connection: commands fail at once
   * while it is not ready. A client reconnecting (Redis away) is not waited for.
   */
  async ready(client: Redis): Promise<void> {
    if (!['wait', 'connecting', 'connect'].includes(client.status)) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, 1000);
      function done() {
        clearTimeout(timer);
        client.off('ready', done);
        resolve();
      }
      client.once('ready', done);
    });
  }

  /** A new connection for SUBSCRIBE (channel names are not prefixed by ioredis: callers add it). */
  subscriber(): Redis {
    const client = new Redis({ ...redisConnectionOptions(this.config), lazyConnect: true });
    client.on('error', () => undefined);
    this.subscribers.push(client);
    return client;
  }

  onApplicationShutdown(): void {
    this.commandClient?.disconnect();
    for (const s of this.subscribers) s.disconnect();
  }
}
