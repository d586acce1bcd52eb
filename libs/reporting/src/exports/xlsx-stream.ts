import { Readable } from 'node:stream';
import { ZipFile } from 'yazl';

/**
 * A minimal XLSX (Office Open XML) writer that streams: one worksheet of inline strings and
 * numbers, written into a ZIP by yazl, which pulls the sheet's rows only as fast as the client
 * reads the output. exceljs's streaming WorkbookWriter does not wait for its zip (its internal
 * buffer ignores backpressure: 100,000 rows peaked at 354 MiB in bench/regulator), so the
 * exports write the few XML parts themselves.
 */
export interface XlsxColumn {
  header: string;
  numeric?: boolean;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

function workbookXml(sheetName: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${xmlText(sheetName.slice(0, 31))}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
}

/** XML text: escaped, and without the control characters XML 1.0 forbids. */
export function xmlText(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export function columnName(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    name = String.fromCharCode(65 + m) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

function rowXml(cells: (string | null)[], rowNumber: number, columns: readonly XlsxColumn[], header: boolean): string {
  let xml = `<row r="${rowNumber}">`;
  cells.forEach((value, i) => {
    if (value === null || value === '') return;
    const ref = `${columnName(i)}${rowNumber}`;
    if (!header && columns[i]?.numeric && /^-?\d+(\.\d+)?$/.test(value)) xml += `<c r="${ref}"><v>${value}</v></c>`;
    else xml += `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlText(value)}</t></is></c>`;
  });
  return `${xml}</row>`;
}

/** The XML of rows given as JS values (rows numbered from 2: row 1 is the header). */
async function* rowsXml(columns: readonly XlsxColumn[], batches: AsyncIterable<(string | null)[][]>): AsyncGenerator<Buffer> {
  let next = 2;
  for await (const batch of batches) {
    // Pieces of 100 rows: small strings stay out of V8's large-object space.
    for (let i = 0; i < batch.length; i += 100) {
      let xml = '';
      for (const cells of batch.slice(i, i + 100)) xml += rowXml(cells, next++, columns, false);
      yield Buffer.from(xml, 'utf8');
    }
  }
}

async function* sheetXml(columns: readonly XlsxColumn[], rows: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  yield Buffer.from(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rowXml(
      columns.map((c) => c.header),
      1,
      columns,
      true,
    )}`,
    'utf8',
  );
  for await (const chunk of rows) yield chunk;
  yield Buffer.from('</sheetData></worksheet>', 'utf8');
}

/** The workbook of rows given as JS values. */
export function streamXlsx(sheetName: string, columns: readonly XlsxColumn[], batches: AsyncIterable<(string | null)[][]>): Readable {
  return streamXlsxXml(sheetName, columns, rowsXml(columns, batches));
}

/**
 * The workbook as a stream, its sheet's `<row>` elements (from row 2) given as XML bytes, e.g.
 * straight from PostgreSQL. Stopping the output (a client gone) stops reading the rows too.
 */
export function streamXlsxXml(sheetName: string, columns: readonly XlsxColumn[], rows: AsyncIterable<Buffer>): Readable {
  const zip = new ZipFile();
  const mtime = new Date(0);
  zip.addBuffer(Buffer.from(CONTENT_TYPES, 'utf8'), '[Content_Types].xml', { mtime });
  zip.addBuffer(Buffer.from(ROOT_RELS, 'utf8'), '_rels/.rels', { mtime });
  zip.addBuffer(Buffer.from(workbookXml(sheetName), 'utf8'), 'xl/workbook.xml', { mtime });
  zip.addBuffer(Buffer.from(WORKBOOK_RELS, 'utf8'), 'xl/_rels/workbook.xml.rels', { mtime });
  const sheet = Readable.from(sheetXml(columns, rows), { objectMode: false });
  zip.addReadStream(sheet, 'xl/worksheets/sheet1.xml', { mtime });
  zip.end();
  const output = zip.outputStream as unknown as Readable;
  sheet.once('error', (error) => output.destroy(error));
  output.once('close', () => sheet.destroy());
  return output;
}
