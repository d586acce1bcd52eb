import { Client } from 'pg';
import { csvSafeSql, csvSafeText } from '@cqo/core';
import { databaseUrl } from '@cqo/testing';

/**
 * The registry exports let PostgreSQL format CSV rows (COPY), so the formula rule exists twice:
 * in TypeScript for every other writer and in SQL for COPY. Both must answer alike for every cell.
 */
describe('CSV formula rule: SQL and TypeScript agree', () => {
  const inputs = [
    '=1+1',
    '+1',
    '-2',
    '@SUM(A1)',
    ' =x',
    '   -y',
    '\t=cmd',
    '\tplain',
    '\r=x',
    '\rplain',
    '\n@x',
    '\u3000=全角',
    '\u00a0+nbsp',
    '\ufeff=bom',
    '\v=vt',
    '\f=ff',
    '  张伟  ',
    '张=伟',
    'a-b',
    '',
    ' ',
    '\t',
    "'=quoted",
    '"=q"',
    '=\n多行',
    '正常文本 ',
  ];
  let client: Client;
  beforeAll(async () => {
    client = new Client({ connectionString: databaseUrl('postgres') });
    await client.connect();
  });
  afterAll(() => client.end());

  it.each(inputs.map((i) => [i]))('%j', async (input) => {
    const { rows } = await client.query<{ safe: string }>(`SELECT ${csvSafeSql('v')} AS safe FROM (SELECT $1::text AS v) d`, [input]);
    expect(rows[0].safe).toBe(csvSafeText(input));
  });
});
