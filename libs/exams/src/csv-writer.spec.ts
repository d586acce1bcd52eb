import { toCsv } from './csv-writer';

describe('toCsv', () => {
  it('quotes, neutralises formulas and starts with a BOM', () => {
    const sut = toCsv(['姓名', '分数'], [
      ['张三, "老张"', 90],
      ['=HYPERLINK("x")', null],
      [new Date('2026-01-02T03:04:05Z'), true],
    ]);
    expect(sut).toBe('\uFEFF姓名,分数\r\n"张三, ""老张""",90\r\n"\'=HYPERLINK(""x"")",\r\n2026-01-02T03:04:05.000Z,true\r\n');
  });
});
