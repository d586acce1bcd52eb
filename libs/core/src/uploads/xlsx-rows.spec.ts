import { Workbook } from 'exceljs';
import { buildXlsxBomb } from '@cqo/testing';
import { DomainError } from '../errors/domain-error';
import { readXlsxRows } from './xlsx-rows';
import type { ZipLimits } from './zip-inspection';
import { DEFAULT_ZIP_LIMITS, openCheckedZip, UPLOAD_REJECTED } from './zip-inspection';

const MiB = 1024 * 1024;

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(UPLOAD_REJECTED);
  return error as DomainError;
}

describe('readXlsxRows', () => {
  it('reads the first sheet: shared strings, numbers, gaps, trimmed text, row numbers', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('题库');
    sheet.addRow(['题型', ' 题干 ', 'A']);
    sheet.addRow([]);
    sheet.getCell('A3').value = '单选';
    sheet.getCell('C3').value = 42;
    sheet.getCell('B4').value = { richText: [{ text: '富' }, { text: '文本' }] };
    workbook.addWorksheet('second').addRow(['not read']);
    const sut = await readXlsxRows(Buffer.from(await workbook.xlsx.writeBuffer()), DEFAULT_ZIP_LIMITS, { maxRows: 10 });
    expect(sut).toEqual([
      { row: 1, cells: ['题型', '题干', 'A'] },
      { row: 3, cells: ['单选', '', '42'] },
      { row: 4, cells: ['', '富文本'] },
    ]);
  });

  it('refuses a bomb by its central directory, before inflating anything', async () => {
    const bomb = await buildXlsxBomb({ sheetBytes: 100 * MiB });
    const started = Date.now();
    const error = await refusal(readXlsxRows(bomb, DEFAULT_ZIP_LIMITS, { maxRows: 10, field: 'content' }));
    expect(Date.now() - started).toBeLessThan(500);
    expect(error.details).toEqual([{ field: 'content', message: expect.stringMatching(/解压后超过 32 MB/) }]);
  });

  it('refuses by compression ratio when the size is allowed', async () => {
    const bomb = await buildXlsxBomb({ sheetBytes: 4 * MiB });
    const error = await refusal(readXlsxRows(bomb, DEFAULT_ZIP_LIMITS, { maxRows: 10 }));
    expect(error.message).toMatch(/压缩比异常/);
  });

  it('stops at the real inflated bytes when the central directory lies about them', async () => {
    const liar = await buildXlsxBomb({ sheetBytes: 50 * MiB, lieAboutSizeAs: 1000 });
    const limits: ZipLimits = { ...DEFAULT_ZIP_LIMITS, maxUncompressedBytes: 2 * MiB };
    const started = Date.now();
    await refusal(readXlsxRows(liar, limits, { maxRows: 1_000_000 }));
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('counts the inflated total across entries against the limit itself', async () => {
    // Honest sizes, allowed ratio, but more than the total allows once inflated.
    const file = await buildXlsxBomb({ sheetBytes: 3 * MiB });
    const zip = await openCheckedZip(file, { maxEntries: 10, maxUncompressedBytes: 4 * MiB, maxCompressionRatio: 1000 }, 'file');
    await zip.readText('xl/worksheets/sheet1.xml');
    const error = await refusal(zip.readText('xl/worksheets/sheet1.xml'));
    expect(error.message).toMatch(/解压后超过 4 MB/);
    zip.close();
  });

  it('stops reading at the row cap', async () => {
    const file = await buildXlsxBomb({ sheetBytes: 8 * MiB });
    const limits: ZipLimits = { ...DEFAULT_ZIP_LIMITS, maxCompressionRatio: 1000 };
    const error = await refusal(readXlsxRows(file, limits, { maxRows: 100, tooManyRowsMessage: '最多100行' }));
    expect(error.message).toBe('最多100行');
  });

  it('refuses too many entries, too many columns, and files that are not archives', async () => {
    const workbook = new Workbook();
    workbook.addWorksheet('s').getCell('CW1').value = 'x';
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    expect((await refusal(readXlsxRows(buffer, { ...DEFAULT_ZIP_LIMITS, maxEntries: 3 }, { maxRows: 10 }))).message).toMatch(
      /条目超过 3 个/,
    );
    expect((await refusal(readXlsxRows(buffer, DEFAULT_ZIP_LIMITS, { maxRows: 10, maxColumns: 100 }))).message).toMatch(/超过 100 列/);
    await refusal(readXlsxRows(Buffer.from('not a zip at all'), DEFAULT_ZIP_LIMITS, { maxRows: 10 }));
  });
});
