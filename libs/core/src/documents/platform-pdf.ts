import PDFDocument from 'pdfkit';

/** What a platform PDF says about itself; `at` is both its creation and its modification date. */
export interface PdfDescription {
  title: string;
  author: string;
  subject?: string;
  keywords?: string;
  /** Fixed by the content, never "now": the same content renders to the same bytes (a stored PDF's hash is checked). */
  at: Date;
}

/**
 * A PDF as the platform writes them (PDF 1.7, Chinese, the viewer shows its title, made by the
 * platform) and the promise of its bytes, which settles once the caller has drawn it and called
 * `doc.end()`. Loaded by the certificates' render threads by relative path: it imports only pdfkit.
 */
export function platformPdf(
  page: Pick<PDFKit.PDFDocumentOptions, 'size' | 'layout' | 'margin' | 'autoFirstPage'>,
  description: PdfDescription,
): { doc: PDFKit.PDFDocument; bytes: Promise<Buffer> } {
  const { title, author, subject, keywords, at } = description;
  const doc = new PDFDocument({
    ...page,
    pdfVersion: '1.7',
    lang: 'zh-CN',
    displayTitle: true,
    // The entries' order is part of the bytes (and of the file id): keep it.
    info: {
      Title: title,
      Author: author,
      ...(subject === undefined ? {} : { Subject: subject }),
      ...(keywords === undefined ? {} : { Keywords: keywords }),
      Creator: '首席质量官培训平台',
      Producer: 'PDFKit',
      CreationDate: at,
      ModDate: at,
    },
  });
  const chunks: Buffer[] = [];
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, bytes };
}
