import { execFile } from 'node:child_process';
import { join } from 'node:path';

export interface PdfInspection {
  /** The document's text as pdf-parse extracts it. */
  text: string;
  /** What each QR code among the embedded images decodes to. */
  qr: string[];
}

/** Extracts a PDF's text and decodes its QR codes, in a child Node process (see pdf-inspect.mjs). */
export function inspectPdf(pdf: Buffer): Promise<PdfInspection> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [join(__dirname, 'pdf-inspect.mjs')],
      { maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`pdf-inspect failed: ${stderr || error.message}`));
        else resolve(JSON.parse(stdout) as PdfInspection);
      },
    );
    child.stdin!.end(pdf);
  });
}
