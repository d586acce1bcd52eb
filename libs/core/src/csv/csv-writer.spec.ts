import { parse } from 'csv-parse/sync';
import { csvHeaderLine, csvSafeText, csvStream, csvText } from './csv-writer';

/** Cells that a spreadsheet would run (or that hide a formula behind whitespace), and what the CSV must hold. */
const INJECTION_CASES: [input: string, expected: string][] = [
  ['=1+1', "'=1+1"],
  ['+1', "'+1"],
  ['-2+3', "'-2+3"],
  ['@SUM(A1)', "'@SUM(A1)"],
  ['   =HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
  ['\t=cmd', "'=cmd"],
  ['\r=cmd', "'=cmd"],
  ['\n@x', "'@x"],
  ['\tplain', "'plain"],
  ['\u3000=全角空格', "'=全角空格"],
  ['  张伟  ', '张伟'],
  ['张=伟', '张=伟'],
  ['a-b', 'a-b'],
  ['', ''],
];

describe('csvSafeText', () => {
  it.each(INJECTION_CASES)('%j → %j', (input, expected) => {
    expect(csvSafeText(input)).toBe(expected);
  });
});

describe('csvText', () => {
  it('quotes, neutralises formulas, trims names, writes numbers and dates, starts with a BOM', () => {
    const sut = csvText(
      ['姓名', '分数'],
      [
        [' 张三, "老张" ', 90],
        ['\t=HYPERLINK("x")', null],
        [new Date('2026-01-02T03:04:05Z'), true],
        [-3, undefined],
      ],
    );
    expect(sut).toBe('\uFEFF姓名,分数\r\n"张三, ""老张""",90\r\n"\'=HYPERLINK(""x"")",\r\n2026-01-02T03:04:05.000Z,true\r\n-3,\r\n');
  });
});

describe('csvStream', () => {
  it('writes rows as they come, with the same rules', async () => {
    async function* rows() {
      yield ['GS-1', ' =1 '];
      yield ['GS-2', '李四'];
    }
    let text = '';
    for await (const chunk of csvStream(['编号', '姓名'], rows())) text += String(chunk);
    expect(parse(text, { bom: true })).toEqual([
      ['编号', '姓名'],
      ['GS-1', "'=1"],
      ['GS-2', '李四'],
    ]);
  });

  it('writes a header line alone with the chosen line end', () => {
    expect(csvHeaderLine(['a', '=b'], '\n')).toBe("\uFEFFa,'=b\n");
  });
});
