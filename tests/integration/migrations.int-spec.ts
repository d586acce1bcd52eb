import type { DataSource } from 'typeorm';
import { createSchemaDataSource, migrateDatabase } from '@cqo/schema';
import { createEmptyDatabase, databaseUrl, dropDatabase } from '@cqo/testing';

/** API, worker and the migrate step may all start at once: the advisory lock lets one migrate. */
describe('migrations', () => {
  // Each test its own database: the race needs an empty one, the revert a migrated one.
  const raceDb = `cqo_t_${process.env.CQO_TEST_RUN}_mig_race`;
  const revertDb = `cqo_t_${process.env.CQO_TEST_RUN}_mig_revert`;
  beforeAll(async () => {
    await createEmptyDatabase(raceDb);
    await createEmptyDatabase(revertDb);
  });
  afterAll(async () => {
    await dropDatabase(raceDb);
    await dropDatabase(revertDb);
  });

  it('run once when three processes migrate an empty database at the same time', async () => {
    const results = await Promise.all([1, 2, 3].map(() => migrateDatabase(databaseUrl(raceDb))));
    const ran = results.map((r) => r.length);
    // One process applies every migration; the others find nothing left to do.
    expect(ran.filter((n) => n > 0)).toHaveLength(1);
    expect(ran.filter((n) => n === 0)).toHaveLength(2);

    const dataSource: DataSource = await createSchemaDataSource(databaseUrl(raceDb)).initialize();
    try {
      const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM schema_migrations');
      expect(count).toBe(Math.max(...ran));
      expect(await dataSource.showMigrations()).toBe(false);
    } finally {
      await dataSource.destroy();
    }
  });

  it('reverts the last migration and applies it again', async () => {
    expect((await migrateDatabase(databaseUrl(revertDb))).length).toBeGreaterThan(0);
    const dataSource: DataSource = await createSchemaDataSource(databaseUrl(revertDb)).initialize();
    try {
      expect(await dataSource.showMigrations()).toBe(false);
      await dataSource.undoLastMigration({ transaction: 'each' });
      expect(await dataSource.showMigrations()).toBe(true);
      await dataSource.runMigrations({ transaction: 'each' });
      expect(await dataSource.showMigrations()).toBe(false);
    } finally {
      await dataSource.destroy();
    }
  });
});
