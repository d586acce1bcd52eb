import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { Client } from 'pg';

/**
 * Test databases: the jest global setup migrates one template database per run; each test file
 * clones it (fast, and every file starts from the same migrated, seeded schema) and drops its clone.
 */
export const TEST_SERVER_URL = process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export function databaseUrl(name: string): string {
  return `${TEST_SERVER_URL}/${name}`;
}

export function runId(): string {
  const id = process.env.CQO_TEST_RUN;
  if (!id) throw new Error('CQO_TEST_RUN is not set: run tests through jest (its global setup sets it)');
  return id;
}

export function templateName(run: string): string {
  return `cqo_t_${run}_tpl`;
}

async function withServer<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Clones the run's template into a new database and returns its name. */
export async function createTestDatabase(): Promise<string> {
  const run = runId();
  const name = `cqo_t_${run}_${randomBytes(4).toString('hex')}`;
  await withServer(async (client) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName(run)}"`);
        return;
      } catch (error) {
        // Two clones starting at the same instant can see each other on the template; try again.
        if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  });
  return name;
}

export async function dropDatabase(name: string): Promise<void> {
  await withServer((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/**
 * Drops every database whose name starts with the prefix (the run's clones and template), several
 * at a time: each DROP DATABASE waits for a checkpoint, and drops waiting together share one.
 */
export async function dropDatabasesLike(prefix: string, concurrency = 8): Promise<void> {
  const names = await withServer(async (client) =>
    (await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${prefix}%`])).rows.map(
      (r) => r.datname,
    ),
  );
  await Promise.all(
    Array.from({ length: Math.min(concurrency, names.length) }, (_, lane) =>
      withServer(async (client) => {
        for (let i = lane; i < names.length; i += concurrency) await client.query(`DROP DATABASE IF EXISTS "${names[i]}" WITH (FORCE)`);
      }),
    ),
  );
}

export async function createEmptyDatabase(name: string): Promise<void> {
  await withServer(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
}

/** Deletes every Redis key matching the pattern (a test file's or run's prefix). */
export async function deleteRedisKeys(pattern: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
