import { createSchemaDataSource } from '@cqo/schema';
import type { TestContext } from '@cqo/testing';
import { createTestContext } from '@cqo/testing';

/**
 * The entities and the migrations must describe the same schema. If this fails, a migration is
 * missing (or an entity is wrong): `npm run migration:generate -- libs/schema/src/migrations/Name`.
 */
describe('schema drift', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.dispose());

  it('has no difference between entities and the migrated database', async () => {
    const dataSource = await createSchemaDataSource(ctx.config.databaseUrl).initialize();
    try {
      const sql = await dataSource.driver.createSchemaBuilder().log();
      expect(sql.upQueries.map((q) => q.query.trim())).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('has every migration applied and none unknown', async () => {
    const dataSource = await createSchemaDataSource(ctx.config.databaseUrl).initialize();
    try {
      expect(await dataSource.showMigrations()).toBe(false);
    } finally {
      await dataSource.destroy();
    }
  });
});
