import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { ZipLimits } from '@cqo/core';
import { DomainError, openCheckedZip, xlsxRows } from '@cqo/core';

/** An official list as uploaded. */
export interface ImportFile {
  fileName: string;
  format: 'csv' | 'xlsx';
  data: Buffer;
}

/** Largest accepted file (the JSON body limit is 5 MiB; 20,000 rows of CSV are about 2 MB). */
export const IMPORT_MAX_BYTES = 3 * 1024 * 1024;
/** What an upload may hold (the app's `uploads` config): ZIP limits and the row cap. */
export interface ImportLimits {
  zip: ZipLimits;
  maxRows: number;
}

const fileError = (message: string) => DomainError.invalid('IMPORT_FILE_INVALID', `导入文件无效：${message}`, [{ field: 'file', message }]);

/**
 * Checks a file before parsing: size, and that its bytes are what the format says (an XLSX is a
 * ZIP, checked by the shared upload check when it is read; a CSV is UTF-8 text without NUL bytes).
 */
export async function assertImportFile(file: ImportFile): Promise<void> {
  if (file.data.length === 0) throw fileError('文件为空');
  if (file.data.length > IMPORT_MAX_BYTES) throw fileError(`文件不能超过${IMPORT_MAX_BYTES / 1024 / 1024}MB`);
  if (file.format === 'xlsx') {
    if (!(file.data[0] === 0x50 && file.data[1] === 0x4b && file.data[2] === 0x03 && file.data[3] === 0x04))
      throw fileError('文件内容不是 XLSX');
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

/**
 * The rows of the file's first sheet (or the CSV), as text cells, streamed: XLSX through the shared
 * checked-ZIP reader (central directory checked first, inflated bytes counted, row cap), CSV
 * through csv-parse, so memory stays flat however long the list is.
 * Yields [rowNumber, cells]; row 1 is the header.
 */
export async function* readRows(file: ImportFile, limits: ImportLimits): AsyncGenerator<[number, string[]]> {
  if (file.format === 'csv') {
    const parser = Readable.from([file.data]).pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: false }));
    let n = 0;
    try {
      for await (const record of parser as AsyncIterable<string[]>) {
        n += 1;
        if (n > limits.maxRows) throw fileError(`文件不能超过${limits.maxRows}行`);
        yield [n, record.map((c) => c.trim())];
      }
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw fileError(`CSV 第${n + 1}行格式错误（${(error as Error).message}）`);
    }
    return;
  }
  const zip = await openCheckedZip(file.data, limits.zip, 'file');
  try {
    for await (const row of xlsxRows(zip, { maxRows: limits.maxRows, field: 'file' })) yield [row.row, row.cells.map((c) => c.trim())];
  } finally {
    zip.close();
  }
}
