import { Workbook } from 'exceljs';
import { streamXlsx, xmlText } from './xlsx-stream';

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('streamXlsx', () => {
  it('writes a workbook Excel readers open: headers, inline strings (escaped), numbers, empty cells', async () => {
    async function* batches() {
      yield [
        ['兰州<市>', '2026', 'a & "b"'],
        ['天水市', '14.5', null],
      ];
      yield [['=1+1', 'x', '\u0001控制字符']];
    }
    const sut = streamXlsx('学时差额清单', [{ header: '地区' }, { header: '年度', numeric: true }, { header: '备注' }], batches());
    const workbook = new Workbook();
    await workbook.xlsx.load((await collect(sut)) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.getWorksheet('学时差额清单')!;
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toEqual([
      ['地区', '年度', '备注'],
      ['兰州<市>', 2026, 'a & "b"'],
      ['天水市', 14.5],
      ['=1+1', 'x', '控制字符'],
    ]);
  });

  it('stops reading rows when the output is destroyed', async () => {
    let produced = 0;
    let finished = false;
    async function* endless() {
      try {
        for (;;) {
          produced += 1;
          yield [[`row ${produced}`.repeat(200)]];
        }
      } finally {
        finished = true;
      }
    }
    const sut = streamXlsx('x', [{ header: 'h' }], endless());
    // Read until rows are flowing, then go away as a client would.
    await new Promise<void>((resolve) => sut.on('data', () => produced > 5 && resolve()));
    sut.destroy();
    const at = produced;
    for (let i = 0; i < 100 && !finished; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(finished).toBe(true);
    expect(produced - at).toBeLessThan(100);
  });

  it('escapes XML text', () => {
    expect(xmlText('<a href="x">&</a>\u0000')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
  });
});
