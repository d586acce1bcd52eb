import type { EntityManager } from 'typeorm';
import { runPage, runPageWith, runTemplatePage } from './run-page';
import { defineQuery, defineTemplate } from './sql-query';

describe('runPage', () => {
  const count = defineQuery<[ownerId: string], { total: string }>(
    'things.count',
    'SELECT count(*) AS total FROM things WHERE owner_id = $1',
  );
  const rows = defineQuery<[ownerId: string, limit: number, offset: number], { id: string }>(
    'things.page',
    'SELECT id FROM things WHERE owner_id = $1 ORDER BY id LIMIT $2 OFFSET $3',
  );

  it('counts, reads the page with the limit and offset after the filter, and maps each row', async () => {
    const sent: [string, unknown[]][] = [];
    const answers = [[{ total: '7' }], [{ id: 'c' }, { id: 'd' }]];
    const queryRunner = {
      query: (text: string, params: unknown[]) => {
        sent.push([text, params]);
        return Promise.resolve({ records: answers.shift(), affected: 0 });
      },
    };
    const db = { connection: {}, queryRunner } as unknown as EntityManager;

    const sut = await runPage(db, { count, rows }, ['owner-1'], { page: 2, pageSize: 2 }, (r) => r.id.toUpperCase());

    expect(sut).toEqual({ items: ['C', 'D'], total: 7, page: 2, pageSize: 2 });
    expect(sent).toEqual([
      [count.text, ['owner-1']],
      [rows.text, ['owner-1', 2, 2]],
    ]);
  });

  it("maps a page's rows together, once, awaiting the mapping", async () => {
    const answers = [[{ total: '5' }], [{ id: 'a' }, { id: 'b' }]];
    const queryRunner = { query: () => Promise.resolve({ records: answers.shift(), affected: 0 }) };
    const db = { connection: {}, queryRunner } as unknown as EntityManager;
    const calls: string[][] = [];

    const sut = await runPageWith(db, { count, rows }, ['owner-1'], { page: 1, pageSize: 2 }, (page) => {
      calls.push(page.map((r) => r.id));
      return Promise.resolve(page.map((r, i) => `${i}:${r.id}`));
    });

    expect(sut).toEqual({ items: ['0:a', '1:b'], total: 5, page: 1, pageSize: 2 });
    expect(calls).toEqual([['a', 'b']]);
  });

  it("numbers a template page's terms after the filter's parameters and maps the page's rows together", async () => {
    const countT = defineTemplate<'where', { total: number }>(
      'things.countWhere',
      ['where'],
      (f) => `SELECT count(*) AS total FROM things WHERE ${f.where}`,
    );
    const rowsT = defineTemplate<'where' | 'page', { id: string }>(
      'things.pageWhere',
      ['where', 'page'],
      (f) => `SELECT id FROM things WHERE ${f.where} ORDER BY id ${f.page}`,
    );
    const sent: [string, unknown[]][] = [];
    const answers = [[{ total: 3 }], [{ id: 'a' }]];
    const queryRunner = {
      query: (text: string, params: unknown[]) => {
        sent.push([text, params]);
        return Promise.resolve({ records: answers.shift(), affected: 0 });
      },
    };
    const db = { connection: {}, queryRunner } as unknown as EntityManager;

    const sut = await runTemplatePage(
      db,
      { count: countT, rows: rowsT },
      { where: 'owner_id = $1 AND kind = $2' },
      ['o', 'k'],
      { page: 1, pageSize: 1 },
      (rows) => Promise.resolve(rows.map((r) => r.id)),
    );

    expect(sut).toEqual({ items: ['a'], total: 3, page: 1, pageSize: 1 });
    expect(sent).toEqual([
      ['SELECT count(*) AS total FROM things WHERE owner_id = $1 AND kind = $2', ['o', 'k']],
      ['SELECT id FROM things WHERE owner_id = $1 AND kind = $2 ORDER BY id LIMIT $3 OFFSET $4', ['o', 'k', 1, 0]],
    ]);
  });
});
