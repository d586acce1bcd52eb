import { posix } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { SaxesTagPlain } from 'saxes';
import { SaxesParser } from 'saxes';
import type { CheckedZip, ZipLimits } from './zip-inspection';
import { openCheckedZip, uploadRejected } from './zip-inspection';

/** One non-empty row of a sheet: its 1-based number as the spreadsheet shows it, and its cells' text (trimmed). */
export interface SheetRow {
  row: number;
  cells: string[];
}

export interface XlsxReadOptions {
  /** Non-empty rows read (the header included) before the file is refused. */
  maxRows: number;
  /** Highest column a cell may sit in (A = 1). */
  maxColumns?: number;
  /** Request field that carried the file, named in the 400. */
  field?: string;
  /** Message when `maxRows` is passed (default: 工作表超过 N 行). */
  tooManyRowsMessage?: string;
}

const DEFAULT_MAX_COLUMNS = 100;

/**
 * The first sheet of an XLSX upload, row by row: the archive is checked first
 * ({@link openCheckedZip}), then the sheet's XML is parsed as it inflates and parsing stops at
 * the row cap, so neither the file's declared nor its real size decides how much is read.
 */
export async function readXlsxRows(content: Buffer, limits: ZipLimits, options: XlsxReadOptions): Promise<SheetRow[]> {
  const zip = await openCheckedZip(content, limits, options.field ?? 'file');
  try {
    const rows: SheetRow[] = [];
    for await (const row of xlsxRows(zip, options)) rows.push(row);
    return rows;
  } finally {
    zip.close();
  }
}

/** Streams the first sheet's non-empty rows of a checked archive (for imports that handle rows as they come). */
export async function* xlsxRows(zip: CheckedZip, options: XlsxReadOptions): AsyncGenerator<SheetRow> {
  const field = options.field ?? 'file';
  const maxColumns = options.maxColumns ?? DEFAULT_MAX_COLUMNS;
  const invalid = (why: string) => uploadRejected(field, `XLSX 文件无法解析：${why}`);
  if (!zip.has('xl/workbook.xml')) throw invalid('缺少 xl/workbook.xml');
  const targets = zip.has('xl/_rels/workbook.xml.rels')
    ? relationships(await zip.readText('xl/_rels/workbook.xml.rels'), invalid)
    : new Map<string, Relationship>();
  const sheetId = firstSheetRelationId(await zip.readText('xl/workbook.xml'), invalid);
  const sheetPath = sheetId && targets.get(sheetId) ? targets.get(sheetId)!.path : 'xl/worksheets/sheet1.xml';
  if (!zip.has(sheetPath)) throw invalid('没有工作表');
  const stringsPath = [...targets.values()].find((r) => r.type.endsWith('/sharedStrings'))?.path ?? 'xl/sharedStrings.xml';
  const shared = zip.has(stringsPath) ? await sharedStrings(zip, stringsPath, invalid) : [];

  const parser = new SaxesParser();
  const ready: SheetRow[] = [];
  let rowNumber = 0;
  let cells: string[] = [];
  let cell: { column: number; type: string } | null = null;
  let text: string | null = null;
  let value = '';
  let count = 0;
  let failure: Error | null = null;
  parser.on('error', (error) => (failure ??= invalid(error.message)));
  parser.on('opentag', (tag: SaxesTagPlain) => {
    switch (tag.name) {
      case 'row':
        rowNumber = Number(tag.attributes.r) || rowNumber + 1;
        cells = [];
        break;
      case 'c': {
        const column = tag.attributes.r ? columnOf(String(tag.attributes.r)) : cells.length + 1;
        if (column > maxColumns) failure ??= uploadRejected(field, `工作表超过 ${maxColumns} 列`);
        cell = { column, type: String(tag.attributes.t ?? 'n') };
        value = '';
        break;
      }
      case 'v':
      case 't':
        if (cell) text = '';
        break;
    }
  });
  parser.on('text', (t) => {
    if (text !== null) text += t;
  });
  parser.on('closetag', (tag) => {
    switch (tag.name) {
      case 'v':
      case 't':
        if (text !== null) value += text;
        text = null;
        break;
      case 'c':
        if (cell && cell.column <= maxColumns) {
          const shown = cell.type === 's' ? (shared[Number(value)] ?? '') : cell.type === 'b' ? (value === '1' ? 'TRUE' : 'FALSE') : value;
          while (cells.length < cell.column - 1) cells.push('');
          cells[cell.column - 1] = shown.trim();
        }
        cell = null;
        break;
      case 'row':
        if (cells.some((c) => c !== '')) {
          count += 1;
          if (count > options.maxRows) failure ??= uploadRejected(field, options.tooManyRowsMessage ?? `工作表超过 ${options.maxRows} 行`);
          else ready.push({ row: rowNumber, cells });
        }
        break;
    }
  });
  const stream = await zip.open(sheetPath);
  // A chunk may end inside a multi-byte character.
  const decoder = new StringDecoder('utf8');
  try {
    for await (const chunk of stream) {
      parser.write(decoder.write(chunk as Buffer));
      if (failure) throw failure;
      yield* ready.splice(0);
    }
    parser.close();
    if (failure) throw failure;
    yield* ready.splice(0);
  } finally {
    stream.destroy();
  }
}

interface Relationship {
  path: string;
  type: string;
}

/** Relationship id → the part it points to, as a path inside the archive. */
function relationships(xml: string, invalid: (why: string) => Error): Map<string, Relationship> {
  const map = new Map<string, Relationship>();
  parseWhole(xml, invalid, (tag) => {
    if (tag.name !== 'Relationship') return;
    const target = String(tag.attributes.Target ?? '');
    const path = target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join('xl', target));
    map.set(String(tag.attributes.Id ?? ''), { path, type: String(tag.attributes.Type ?? '') });
  });
  return map;
}

function firstSheetRelationId(xml: string, invalid: (why: string) => Error): string | null {
  let id: string | null = null;
  parseWhole(xml, invalid, (tag) => {
    if (tag.name !== 'sheet' || id !== null) return;
    // The relationship attribute is `r:id` under whatever prefix the writer chose.
    const key = Object.keys(tag.attributes).find((k) => k === 'id' || k.endsWith(':id'));
    id = key ? String(tag.attributes[key]) : null;
  });
  return id;
}

function parseWhole(xml: string, invalid: (why: string) => Error, onTag: (tag: SaxesTagPlain) => void): void {
  const parser = new SaxesParser();
  let failure: Error | null = null;
  parser.on('error', (error) => (failure ??= invalid(error.message)));
  parser.on('opentag', onTag);
  parser.write(xml).close();
  if (failure) throw failure;
}

/** The shared-string table, streamed; phonetic runs (`rPh`) are not part of a cell's text. */
async function sharedStrings(zip: CheckedZip, path: string, invalid: (why: string) => Error): Promise<string[]> {
  const strings: string[] = [];
  const parser = new SaxesParser();
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  let failure: Error | null = null;
  parser.on('error', (error) => (failure ??= invalid(error.message)));
  parser.on('opentag', (tag) => {
    if (tag.name === 'si') current = '';
    else if (tag.name === 'rPh') phonetic += 1;
    else if (tag.name === 't' && phonetic === 0) inText = true;
  });
  parser.on('text', (t) => {
    if (inText && current !== null) current += t;
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 't') inText = false;
    else if (tag.name === 'rPh') phonetic -= 1;
    else if (tag.name === 'si') {
      strings.push(current ?? '');
      current = null;
    }
  });
  const decoder = new StringDecoder('utf8');
  for await (const chunk of await zip.open(path)) {
    parser.write(decoder.write(chunk as Buffer));
    if (failure) throw failure;
  }
  parser.close();
  if (failure) throw failure;
  return strings;
}

/** `BC12` → 55. */
function columnOf(ref: string): number {
  let column = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column || 1;
}
