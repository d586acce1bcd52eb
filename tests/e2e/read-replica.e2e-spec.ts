import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { READ_DATA_SOURCE } from '@cqo/core';
import type { TestContext } from '@cqo/testing';
import { createTestContext } from '@cqo/testing';
import type { TestApi } from '../support/api';
import { createTestApi } from '../support/api';
import type { World } from '../support/fixtures';
import { seedWorld } from '../support/fixtures';

/**
 * The regulators' exports read through DATABASE_READ_URL. Here it names a second database (a
 * stand-in for a replica), and the export's COPY is seen running there, not on the primary.
 */
describe('read connection (DATABASE_READ_URL)', () => {
  let replica: TestContext;
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    replica = await createTestContext();
    api = await createTestApi({ env: { DATABASE_READ_URL: replica.config.databaseUrl } });
    world = await seedWorld(api);
  });
  afterAll(async () => {
    await api?.close();
    await replica?.dispose();
  });

  /** Statements our processes ran last on each connection to `database` (pg_stat_activity keeps the last one of idle backends). */
  const statementsOn = async (database: string): Promise<{ application_name: string; query: string }[]> => {
    const client = new Client({ connectionString: replica.config.databaseUrl });
    await client.connect();
    try {
      return (
        await client.query<{ application_name: string; query: string }>(
          `SELECT application_name, query FROM pg_stat_activity WHERE datname = $1 AND application_name LIKE 'cqo-lms%'`,
          [database],
        )
      ).rows;
    } finally {
      await client.end();
    }
  };

  it('runs an export on the read database, and nothing of it on the primary', async () => {
    const res = await api.request({ method: 'GET', url: '/regulators/exports/appointments?format=csv', token: world.tokens.regulatorGS });
    expect(res.statusCode).toBe(200);
    const onReplica = await statementsOn(new URL(replica.config.databaseUrl).pathname.slice(1));
    // pg_stat_activity cuts the text at track_activity_query_size (1 kB): the export's COPY is long.
    expect(onReplica).toContainEqual({ application_name: 'cqo-lms-read', query: expect.stringMatching(/^COPY \(SELECT /) });
    const onPrimary = await statementsOn(api.ctx.databaseName);
    expect(onPrimary.filter((s) => s.query.startsWith('COPY'))).toEqual([]);
  });

  it('is a connection of its own only when configured', async () => {
    expect(api.get<DataSource>(READ_DATA_SOURCE)).not.toBe(api.get(DataSource));
    const plain = await createTestApi({ context: replica });
    try {
      expect(plain.get<DataSource>(READ_DATA_SOURCE)).toBe(plain.get(DataSource));
    } finally {
      await plain.close();
    }
  });
});
