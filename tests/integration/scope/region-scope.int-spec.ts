import { DataSource } from 'typeorm';
import type { Actor } from '@cqo/core';
import { buildDataSourceOptions, regionScopeOrAllSql, regionScopeSql, Role, ScopePolicy } from '@cqo/core';
import { ALL_ENTITIES } from '@cqo/schema';
import type { TestContext } from '@cqo/testing';
import { createTestContext } from '@cqo/testing';

/**
 * The one region-scope predicate against real PostgreSQL: a regulator's scope is its region's
 * subtree. The expected sets come from walking `parent_id` (a recursive query), not from paths,
 * so the LIKE on paths is checked against the tree itself.
 */
describe('region scope SQL', () => {
  let ctx: TestContext;
  let db: DataSource;

  const regulator = (regionPath: string | null): Actor => ({
    userId: '00000000-0000-4000-8000-000000000001',
    role: Role.Regulator,
    organizationId: null,
    enterpriseId: null,
    regionId: null,
    regionPath,
  });

  /** Codes of the regions at or below `code`, by the parent links. */
  const subtree = async (code: string): Promise<string[]> => {
    const rows: { code: string }[] = await db.query(
      `WITH RECURSIVE t AS (SELECT id, code FROM regions WHERE code = $1
                            UNION ALL SELECT r.id, r.code FROM regions r JOIN t ON r.parent_id = t.id)
       SELECT code FROM t ORDER BY code`,
      [code],
    );
    return rows.map((r) => r.code);
  };

  /** Codes of the regions the actor's scope selects, through ScopePolicy.where. */
  const selectedBy = async (actor: Actor): Promise<string[]> => {
    const params: unknown[] = [];
    const scope = ScopePolicy.where(actor, { regionPath: 'g.path' }, params);
    const rows: { code: string }[] = await db.query(`SELECT g.code FROM regions g WHERE ${scope} ORDER BY g.code`, params);
    return rows.map((r) => r.code);
  };

  const pathOf = async (code: string): Promise<string> =>
    ((await db.query('SELECT path FROM regions WHERE code = $1', [code])) as { path: string }[])[0].path;

  beforeAll(async () => {
    ctx = await createTestContext();
    db = await new DataSource(buildDataSourceOptions(ctx.config.databaseUrl, ALL_ENTITIES, [])).initialize();
    // The migrations seed Gansu and its cities; add counties below two cities and a decoy city whose
    // code starts with Lanzhou's (a prefix match on the path would take it for Lanzhou's).
    await db.query(
      `INSERT INTO regions (code, name, level, parent_id, path, sort_order)
       SELECT v.code, v.name, 'county', p.id, p.path || '/' || v.code, 0
         FROM (VALUES ('620102', '城关区', '620100'), ('620103', '七里河区', '620100'), ('620202', '测试区', '620200')) v(code, name, parent)
         JOIN regions p ON p.code = v.parent`,
    );
    await db.query(
      `INSERT INTO regions (code, name, level, parent_id, path, sort_order)
       SELECT '6201009', '前缀相同的市', 'city', p.id, p.path || '/6201009', 99 FROM regions p WHERE p.code = '620000'`,
    );
  });
  afterAll(async () => {
    await db?.destroy();
    await ctx.dispose();
  });

  it('selects for a city regulator exactly its city and the counties below it', async () => {
    const sut = await selectedBy(regulator(await pathOf('620100')));
    expect(sut).toEqual(await subtree('620100'));
    expect(sut).toEqual(['620100', '620102', '620103']);
  });

  it('selects for the province regulator every region of the province', async () => {
    const sut = await selectedBy(regulator('620000'));
    expect(sut).toEqual(await subtree('620000'));
    expect(sut).toEqual(expect.arrayContaining(['620000', '620100', '620102', '620200', '620202', '6201009']));
  });

  it('selects for a county regulator only the county, and for a regulator without a region nothing', async () => {
    expect(await selectedBy(regulator(await pathOf('620102')))).toEqual(['620102']);
    expect(await selectedBy(regulator(null))).toEqual([]);
  });

  it('finds the regions containing a region when the path is a column (who to notify)', async () => {
    const rows: { code: string }[] = await db.query(
      `SELECT rg.code FROM regions g JOIN regions rg ON ${regionScopeSql('g.path', 'rg.path')} WHERE g.code = '620102' ORDER BY rg.code`,
    );
    expect(rows.map((r) => r.code)).toEqual(['620000', '620100', '620102']);
  });

  it('selects everything for a NULL path in its optional form, and the subtree otherwise', async () => {
    const count = async (path: string | null): Promise<number> =>
      (
        (await db.query(`SELECT count(*)::int AS n FROM regions g WHERE ${regionScopeOrAllSql('g.path', '$1')}`, [path])) as { n: number }[]
      )[0].n;
    const [{ all }]: { all: number }[] = await db.query('SELECT count(*)::int AS all FROM regions');
    expect(await count(null)).toBe(all);
    expect(await count(await pathOf('620100'))).toBe((await subtree('620100')).length);
  });
});
