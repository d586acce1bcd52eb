import { randomBytes } from 'node:crypto';
import type { AppConfig } from '@cqo/core';
import { loadConfig } from '@cqo/core';
import { createTestDatabase, databaseUrl, deleteRedisKeys, runId, TEST_REDIS_URL } from './test-database';

/** One test file's world: its own database (cloned from the migrated template) and Redis key prefix. */
export interface TestContext {
  config: AppConfig;
  databaseName: string;
  /**
   * Deletes the Redis keys under the prefix. The database stays until the run's global teardown
   * drops every clone at once: a DROP DATABASE waits for a checkpoint (seconds on a busy machine),
   * which concurrent drops share, so one at the end costs far less than one per test file.
   */
  dispose(): Promise<void>;
}

export async function createTestContext(env: Record<string, string> = {}): Promise<TestContext> {
  const databaseName = await createTestDatabase();
  const redisPrefix = `t${runId()}${randomBytes(3).toString('hex')}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl(databaseName),
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: redisPrefix,
    PUBLIC_BASE_URL: 'http://cqo.test',
    STORAGE_DIR: `/tmp/cqo-test-storage/${databaseName}`,
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    // Every test request comes from 127.0.0.1: the per-address limits are tested where they are meant.
    LOGIN_FAILURES_PER_ADDRESS: '1000',
    VERIFY_SERIAL_LIMIT_PER_HOUR: '1000',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...env,
  });
  return {
    config,
    databaseName,
    dispose: async () => {
      await deleteRedisKeys(`${redisPrefix}:*`);
      await deleteRedisKeys(`{${redisPrefix}}:*`); // BullMQ's keys (hash-tagged prefix)
    },
  };
}
