import { Readable } from 'node:stream';
import { ZipFile } from 'yazl';

export interface XlsxBombOptions {
  /** Bytes the sheet inflates to. */
  sheetBytes: number;
  /**
   * Rewrites the sheet's sizes in the central directory to this small number, as a crafted
   * file would, so only a reader that counts inflated bytes notices.
   */
  lieAboutSizeAs?: number;
}

const HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const TAIL = '</sheetData></worksheet>';

/**
 * A well-formed XLSX whose one sheet is `sheetBytes` of rows (a decompression bomb: about 350 KB
 * on disk for 100 MB of XML), for tests that check uploads are refused before they are read.
 */
export async function buildXlsxBomb(options: XlsxBombOptions): Promise<Buffer> {
  const zip = new ZipFile();
  zip.addBuffer(Buffer.from(CONTENT_TYPES), '[Content_Types].xml');
  zip.addBuffer(Buffer.from(WORKBOOK), 'xl/workbook.xml');
  zip.addBuffer(Buffer.from(WORKBOOK_RELS), 'xl/_rels/workbook.xml.rels');
  zip.addReadStream(Readable.from(sheetChunks(options.sheetBytes)), 'xl/worksheets/sheet1.xml', { size: options.sheetBytes });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  const file = Buffer.concat(chunks);
  if (options.lieAboutSizeAs !== undefined) lieAboutSheetSize(file, options.lieAboutSizeAs);
  return file;
}

function* sheetChunks(total: number): Generator<Buffer> {
  // Identical rows (no row numbers: they are optional) compress about 330:1.
  const rows = Buffer.from('<row><c t="inlineStr"><is><t>题目</t></is></c></row>'.repeat(1024));
  yield Buffer.from(HEAD);
  let left = total - HEAD.length - TAIL.length;
  while (left >= rows.length) {
    yield rows;
    left -= rows.length;
  }
  // Spaces between rows are valid XML and make the size exact.
  yield Buffer.from(' '.repeat(left));
  yield Buffer.from(TAIL);
}

/** Sets the uncompressed size of `xl/worksheets/sheet1.xml` in the central directory (and its local header, if any). */
function lieAboutSheetSize(file: Buffer, size: number): void {
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  for (let at = file.length - 22; at >= 0; at--) {
    if (file.readUInt32LE(at) !== 0x02014b50) continue;
    const nameLength = file.readUInt16LE(at + 28);
    if (file.subarray(at + 46, at + 46 + nameLength).equals(name)) {
      file.writeUInt32LE(size, at + 24);
      return;
    }
  }
  throw new Error('sheet entry not found');
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
const WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="题库" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
