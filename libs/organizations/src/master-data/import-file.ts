import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { stream as excelStream } from 'exceljs';
import yauzl from 'yauzl';
import { DomainError } from '@cqo/core';

/** An official list as uploaded. */
export interface ImportFile {
  fileName: string;
  format: 'csv' | 'xlsx';
  data: Buffer;
}

/** Largest accepted file (the JSON body limit is 5 MiB; 20,000 rows of CSV are about 2 MB). */
export const IMPORT_MAX_BYTES = 3 * 1024 * 1024;
/** Largest uncompressed XLSX content accepted (a ZIP bomb is refused before exceljs reads it). */
export const IMPORT_MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
const IMPORT_MAX_ZIP_ENTRIES = 2_000;

const fileError = (message: string) => DomainError.invalid('IMPORT_FILE_INVALID', `导入文件无效：${message}`, [{ field: 'file', message }]);

/**
 * Checks a file before parsing: size, and that its bytes are what the format says (an XLSX is a
 * ZIP whose entries' declared sizes stay within limits; a CSV is UTF-8 text without NUL bytes).
 * The one place the archive check is made, so a shared check can replace it here.
 */
export async function assertImportFile(file: ImportFile): Promise<void> {
  if (file.data.length === 0) throw fileError('文件为空');
  if (file.data.length > IMPORT_MAX_BYTES) throw fileError(`文件不能超过${IMPORT_MAX_BYTES / 1024 / 1024}MB`);
  if (file.format === 'xlsx') {
    if (!(file.data[0] === 0x50 && file.data[1] === 0x4b && file.data[2] === 0x03 && file.data[3] === 0x04)) throw fileError('文件内容不是 XLSX');
    await assertZipWithinLimits(file.data);
  } else {
    if (file.data.includes(0)) throw fileError('文件内容不是 CSV 文本');
    if (!isUtf8(file.data)) throw fileError('CSV 文件须为 UTF-8 编码');
  }
}

function isUtf8(data: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data);
    return true;
  } catch {
    return false;
  }
}

function assertZipWithinLimits(data: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(data, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(fileError('文件内容不是 XLSX'));
      let entries = 0;
      let total = 0;
      zip.on('entry', (entry: yauzl.Entry) => {
        entries += 1;
        total += entry.uncompressedSize;
        if (entries > IMPORT_MAX_ZIP_ENTRIES || total > IMPORT_MAX_UNCOMPRESSED_BYTES) {
          zip.close();
          return reject(fileError('XLSX 解压后过大'));
        }
        zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', () => reject(fileError('文件内容不是 XLSX')));
      zip.readEntry();
    });
  });
}

/**
 * The rows of the file's first sheet (or the CSV), as text cells, streamed: XLSX through exceljs'
 * WorkbookReader, CSV through csv-parse, so memory stays flat however long the list is.
 * Yields [rowNumber, cells]; row 1 is the header.
 */
export async function* readRows(file: ImportFile): AsyncGenerator<[number, string[]]> {
  if (file.format === 'csv') {
    const parser = Readable.from([file.data]).pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: false }));
    let n = 0;
    try {
      for await (const record of parser as AsyncIterable<string[]>) {
        n += 1;
        yield [n, record.map((c) => c.trim())];
      }
    } catch (error) {
      throw fileError(`CSV 第${n + 1}行格式错误（${(error as Error).message}）`);
    }
    return;
  }
  const reader = new excelStream.xlsx.WorkbookReader(Readable.from([file.data]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<{ number: number; values: unknown[] }>) {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        yield [row.number, Array.from(values, cellText)];
      }
      // Only the first sheet is the list.
      break;
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw fileError('XLSX 文件无法读取');
  }
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: string; result?: unknown };
    if (o.richText) return o.richText.map((r) => r.text).join('').trim();
    if (typeof o.text === 'string') return o.text.trim();
    if (o.result !== undefined) return cellText(o.result);
  }
  return String(v).trim();
}
