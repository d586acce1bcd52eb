import { Injectable } from '@nestjs/common';
import { FontRole, PdfFonts, platformPdf } from '@cqo/core';
import { CATEGORY_LABELS, TRAINING_KIND_LABELS } from '../certificate.types';
import { formatChinaDate, formatHours } from '../rendering/certificate-renderer';
import { qrPng } from '../rendering/qr-png';
import { HoursTranscriptContent, TRANSCRIPT_TITLE } from './hours-transcript.types';

type Doc = PDFKit.PDFDocument;

// A4 portrait, in points.
const W = 595.28;
const H = 841.89;
const X = 56;
const CONTENT_W = W - 2 * X;
const BOTTOM = H - 70;
const RED = '#a01c1c';
const INK = '#222222';
const GREY = '#5c5c5c';
const RULE = '#d8c9a6';

/** Columns of the entries table: date, category, kind, hours, source, note. */
const COLUMNS: [label: string, width: number][] = [
  ['日期', 72],
  ['类别', 44],
  ['性质', 56],
  ['学时', 40],
  ['来源', 78],
  ['说明', CONTENT_W - 72 - 44 - 56 - 40 - 78],
];

/**
 * Draws an hours transcript (学时证明) with the certificates' fonts (Noto Sans SC, a fallback face
 * for rare name characters, refusal naming a character neither has) and QR code: a header with
 * serial, holder and the moment the hours are as of; per year the totals by category and kind,
 * the requirements as the compliance engine judged them and the entries behind them, over as
 * many pages as it takes; the QR code and issuer at the end.
 */
@Injectable()
export class HoursTranscriptRenderer {
  private readonly fonts = PdfFonts.shared();

  /** Throws CERTIFICATE_GLYPH_MISSING naming the field before anything is spent or stored. */
  assertPrintable(content: Pick<HoursTranscriptContent, 'holder' | 'issuer' | 'years'>): void {
    this.fonts.assertDrawable(content.holder.name, 'bold', 'holder.name');
    this.fonts.assertDrawable(content.issuer, 'regular', 'issuer');
    content.years.forEach((y, i) =>
      y.entries.forEach((e, j) => e.note && this.fonts.assertDrawable(e.note, 'regular', `years[${i}].entries[${j}].note`)),
    );
  }

  render(content: HoursTranscriptContent): Promise<Buffer> {
    this.assertPrintable(content);
    const { doc, bytes } = platformPdf(
      { size: 'A4', margin: 0 },
      {
        title: `${TRANSCRIPT_TITLE} ${content.serial}`,
        author: content.issuer,
        subject: TRANSCRIPT_TITLE,
        keywords: content.serial,
        at: new Date(content.issuedAt),
      },
    );
    new TranscriptPages(doc, this.fonts, content).draw(qrPng(content.verifyUrl));
    doc.end();
    return bytes;
  }
}

class TranscriptPages {
  private readonly registered = new Set<string>();
  private y = 0;
  private page = 1;

  constructor(
    private readonly doc: Doc,
    private readonly fonts: PdfFonts,
    private readonly content: HoursTranscriptContent,
  ) {}

  draw(qr: Buffer): void {
    const c = this.content;
    this.header();
    this.text(TRANSCRIPT_TITLE, W / 2, 92, { size: 26, role: 'bold', color: RED, align: 'center', spacing: 8 });
    this.text(`持证人：${c.holder.name}`, X, 130, { size: 13, role: 'bold' });
    this.text(`身份证号：${c.holder.idNumberMasked}`, X + CONTENT_W / 2, 130, { size: 11.5, color: GREY });
    this.text(`学时统计截至：${formatChinaDate(c.issuedAt)}（北京时间）`, X, 150, { size: 11.5, color: GREY });
    this.text(`第一类任职培训累计：${formatHours(c.appointmentHours)} 学时`, X + CONTENT_W / 2, 150, { size: 11.5, color: GREY });
    this.y = 176;
    if (c.years.length === 0) this.paragraphLine('暂无学时记录。', 12);
    for (const year of c.years) {
      this.room(90);
      this.rule();
      this.text(`${year.year}年度`, X, this.y + 16, { size: 14, role: 'bold', color: RED });
      this.y += 26;
      const totals = year.totals.map((t) => `${CATEGORY_LABELS[t.category]} ${TRAINING_KIND_LABELS[t.kind]}：${formatHours(t.hours)} 学时`);
      for (const line of totals) this.paragraphLine(line, 11.5);
      for (const r of year.requirements) {
        this.paragraphLine(
          `${r.name}：要求 ${formatHours(r.required)} 学时，已获 ${formatHours(r.accrued)} 学时，${r.stateLabel}`,
          11,
          GREY,
        );
      }
      this.y += 6;
      this.tableHeader();
      for (const e of year.entries) {
        this.room(18, () => this.tableHeader());
        const cells = [
          e.date,
          e.category === 1 ? '第一类' : '第二类',
          TRAINING_KIND_LABELS[e.kind],
          formatHours(e.hours),
          e.source,
          this.clip(e.note ?? '', COLUMNS[5][1], 9.5),
        ];
        let x = X;
        cells.forEach((cell, i) => {
          this.text(cell, x + 3, this.y + 12, { size: 9.5 });
          x += COLUMNS[i][1];
        });
        this.y += 16;
        this.doc
          .moveTo(X, this.y)
          .lineTo(X + CONTENT_W, this.y)
          .lineWidth(0.3)
          .strokeColor(RULE)
          .stroke();
      }
      this.y += 10;
    }
    // The signature block: QR code, issuer and date, after the last entry.
    this.room(140);
    this.y += 10;
    this.doc.image(qr, X, this.y, { width: 86, height: 86 });
    this.text('扫码核验真伪', X + 43, this.y + 100, { size: 9, color: GREY, align: 'center' });
    this.text(c.issuer, X + CONTENT_W, this.y + 30, { size: 13, role: 'bold', align: 'right' });
    this.text(`出具日期：${formatChinaDate(c.issuedAt)}`, X + CONTENT_W, this.y + 52, { size: 11.5, align: 'right' });
    const base = c.verifyUrl.replace(/\/verify\/[^/]+$/, '');
    this.text(`本证明为电子文件，附数字签名。核验：扫描二维码，或访问 ${base}/verify 输入证明编号与身份证号后四位。`, W / 2, BOTTOM + 30, {
      size: 8,
      color: GREY,
      align: 'center',
    });
  }

  private header(): void {
    this.doc
      .rect(28, 28, W - 56, H - 56)
      .lineWidth(1.2)
      .strokeColor(RED)
      .stroke();
    this.text(this.content.issuer, X, 56, { size: 10, color: GREY });
    this.text(`证明编号：${this.content.serial}　第 ${this.page} 页`, X + CONTENT_W, 56, { size: 9.5, color: GREY, align: 'right' });
  }

  /** Starts a new page when fewer than `height` points are left (repeating `again`, e.g. a table header). */
  private room(height: number, again?: () => void): void {
    if (this.y + height <= BOTTOM) return;
    this.doc.addPage({ size: 'A4', margin: 0 });
    this.page += 1;
    this.header();
    this.y = 80;
    again?.();
  }

  private rule(): void {
    this.doc
      .moveTo(X, this.y)
      .lineTo(X + CONTENT_W, this.y)
      .lineWidth(0.8)
      .strokeColor(RED)
      .stroke();
  }

  private tableHeader(): void {
    this.doc.rect(X, this.y, CONTENT_W, 18).fill('#f5ecd7');
    let x = X;
    for (const [label, width] of COLUMNS) {
      this.text(label, x + 3, this.y + 13, { size: 9.5, color: GREY, role: 'bold' });
      x += width;
    }
    this.y += 18;
  }

  private paragraphLine(text: string, size: number, color = INK): void {
    this.room(size + 8);
    this.text(text, X, this.y + size + 2, { size, color });
    this.y += size + 8;
  }

  /** Shortens text to fit a column (with an ellipsis): the full note is in the signed content. */
  private clip(text: string, width: number, size: number): string {
    let used = 0;
    let out = '';
    for (const run of this.fonts.runs(text, 'regular', 'note')) {
      for (const char of run.text) {
        used += this.fonts.advance(char, run.font, size);
        if (used > width - 12) return `${out}…`;
        out += char;
      }
    }
    return out;
  }

  private use(font: string, size: number): void {
    if (!this.registered.has(font)) {
      this.doc.registerFont(font, this.fonts.font(font) as unknown as string);
      this.registered.add(font);
    }
    this.doc.font(font).fontSize(size);
  }

  /** One line on a baseline, any mix of faces, aligned at x. */
  private text(
    value: string,
    x: number,
    baseline: number,
    opts: { size: number; role?: FontRole; color?: string; align?: 'left' | 'center' | 'right'; spacing?: number },
  ): void {
    if (!value) return;
    const runs = this.fonts.runs(value, opts.role ?? 'regular', 'text');
    const spacing = opts.spacing ?? 0;
    let width = 0;
    for (const run of runs) {
      this.use(run.font, opts.size);
      width += this.doc.widthOfString(run.text) + spacing * Array.from(run.text).length;
    }
    let cursor = opts.align === 'center' ? x - width / 2 : opts.align === 'right' ? x - width : x;
    this.doc.fillColor(opts.color ?? INK);
    for (const run of runs) {
      this.use(run.font, opts.size);
      this.doc.text(run.text, cursor, baseline, { lineBreak: false, baseline: 'alphabetic', characterSpacing: spacing });
      cursor += this.doc.widthOfString(run.text) + spacing * Array.from(run.text).length;
    }
  }
}
