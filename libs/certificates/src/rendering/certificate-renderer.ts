// By file, not through '@cqo/core' nor with Nest's @Injectable (a provider without constructor
// parameters needs no decorator): the render threads load this module, and each import of the
// core barrel or of @nestjs/common would load TypeORM, BullMQ and Nest into every thread.
import { chinaDateOf } from '../../../core/src/clock/china-time';
import type { FontRole, TextRun } from '../../../core/src/documents/pdf-fonts';
import { PdfFonts } from '../../../core/src/documents/pdf-fonts';
import { platformPdf } from '../../../core/src/documents/platform-pdf';
import type { CertificateContent, CertificateFacts } from '../certificate.types';
import { CATEGORY_LABELS, CERTIFICATE_TITLES, TRAINING_KIND_LABELS } from '../certificate.types';
import { qrPng } from './qr-png';

type Doc = PDFKit.PDFDocument;

// A4 portrait, in points.
const W = 595.28;
const H = 841.89;
const MARGIN_X = 78;
const CONTENT_W = W - 2 * MARGIN_X;

const RED = '#a01c1c';
const GOLD = '#b8913a';
const INK = '#222222';
const GREY = '#5c5c5c';
const PAPER = '#fffcf4';
const LABEL_BG = '#f5ecd7';

/** "2.50" → "2.5", "14.0" → "14". Hours are exact decimals held as text. */
export function formatHours(hours: string): string {
  return hours.includes('.') ? hours.replace(/0+$/, '').replace(/\.$/, '') : hours;
}

/** An ISO instant as a date in China Standard Time: `2026年3月5日`. */
export function formatChinaDate(iso: string): string {
  const [y, m, d] = chinaDateOf(new Date(iso)).split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** The lines of the facts table and the sentence of the body, per kind. */
function describe(facts: CertificateFacts, holderName: string): { sentence: string; rows: [string, string][] } {
  void holderName;
  switch (facts.kind) {
    case 'course_completion':
      return {
        sentence: `于${formatChinaDate(facts.completedAt)}完成下列课程的学习，经考核合格，准予结业。`,
        rows: [
          ['课程名称', facts.courseTitle],
          ['培训类别', CATEGORY_LABELS[facts.category]],
          ['培训性质', TRAINING_KIND_LABELS[facts.trainingKind]],
          ['学时', `${formatHours(facts.creditHours)} 学时`],
          ['培训机构', facts.organizationName],
          ['完成日期', formatChinaDate(facts.completedAt)],
        ],
      };
    case 'appointment_training':
      return {
        sentence: `参加首席质量官任职培训，完成第一类任职培训${formatHours(facts.appointmentHours)}学时，结业考试合格，具备首席质量官任职培训资格。`,
        rows: [
          ['培训项目', '首席质量官任职培训'],
          ['第一类任职培训', `${formatHours(facts.appointmentHours)} 学时（要求不少于 ${formatHours(facts.requiredHours)} 学时）`],
          ['结业考试', `合格（${formatChinaDate(facts.examPassedAt)}）`],
        ],
      };
    case 'yearly_continuing':
      return {
        sentence: `完成${facts.year}年度首席质量官继续教育，第一类继续教育和第二类方法培训学时均达到年度要求。`,
        rows: [
          ['年度', `${facts.year}年`],
          ['第一类继续教育', `${formatHours(facts.category1Hours)} 学时（要求不少于 ${formatHours(facts.category1Required)} 学时）`],
          ['第二类方法培训', `${formatHours(facts.category2Hours)} 学时（要求不少于 ${formatHours(facts.category2Required)} 学时）`],
        ],
      };
    default: {
      const unreachable: never = facts;
      throw new Error(`unknown certificate kind ${JSON.stringify(unreachable)}`);
    }
  }
}

// A line may not start with closing punctuation nor end with opening punctuation.
const NO_LINE_START = new Set([...'，。、；：？！）》」』”’．,.;:?!)%']);
const NO_LINE_END = new Set([...'（《「『“‘(']);

interface Cell {
  char: string;
  font: string;
  width: number;
}

/**
 * Renders a certificate's content to PDF bytes. The output depends on the content alone: the
 * document's dates and file ID come from the content's issue instant, the QR code and the font
 * subsets are deterministic, so re-rendering a record reproduces its signed SHA-256.
 */
export class CertificateRenderer {
  private readonly fonts = PdfFonts.shared();

  /**
   * Checks that every printed text can be drawn, before a serial is spent or anything stored.
   * Throws CERTIFICATE_GLYPH_MISSING naming the field and the character.
   */
  assertPrintable(content: Pick<CertificateContent, 'holder' | 'facts' | 'issuer'>): void {
    this.fonts.assertDrawable(content.holder.name, 'bold', 'holder.name');
    this.fonts.assertDrawable(content.issuer, 'regular', 'issuer');
    if (content.facts.kind === 'course_completion') {
      this.fonts.assertDrawable(content.facts.courseTitle, 'regular', 'facts.courseTitle');
      this.fonts.assertDrawable(content.facts.organizationName, 'regular', 'facts.organizationName');
    }
  }

  async render(content: CertificateContent): Promise<Buffer> {
    return this.renderWithQr(content, qrPng(content.verifyUrl));
  }

  /** The drawing itself, given the QR image (separate so a benchmark can time pdfkit alone). */
  renderWithQr(content: CertificateContent, qrPng: Buffer): Promise<Buffer> {
    this.assertPrintable(content);
    const { doc, bytes } = platformPdf(
      { size: 'A4', margin: 0, autoFirstPage: true },
      {
        title: `${CERTIFICATE_TITLES[content.kind]} ${content.serial}`,
        author: content.issuer,
        subject: CERTIFICATE_TITLES[content.kind],
        keywords: content.serial,
        at: new Date(content.versionIssuedAt),
      },
    );
    new Page(doc, this.fonts).draw(content, qrPng);
    doc.end();
    return bytes;
  }
}

/** One certificate page: frame, title, holder, body, facts table, QR, issuer and seal. */
class Page {
  private readonly registered = new Set<string>();

  constructor(
    private readonly doc: Doc,
    private readonly fonts: PdfFonts,
  ) {}

  draw(content: CertificateContent, qrPng: Buffer): void {
    const { doc } = this;
    const { sentence, rows } = describe(content.facts, content.holder.name);
    doc.rect(0, 0, W, H).fill(PAPER);
    this.frame();

    this.line(`证书编号：${content.serial}`, W - MARGIN_X + 8, 64, { size: 9.5, color: GREY, align: 'right' });
    this.line(content.issuer, W / 2, 102, { size: 13, color: GREY, align: 'center', spacing: 3 });
    const title = CERTIFICATE_TITLES[content.kind];
    const n = Array.from(title).length;
    const titleSize = Math.min(44, (CONTENT_W - 20) / (n * 1.18));
    const titleSpacing = n <= 4 ? 18 : n <= 10 ? 6 : 2;
    this.line(title, W / 2, 160, { size: titleSize, role: 'bold', color: RED, align: 'center', spacing: titleSpacing });
    this.ornament(184);

    this.line('兹证明', MARGIN_X, 232, { size: 15, color: INK });
    this.line(content.holder.name, W / 2, 274, { size: 30, role: 'bold', color: INK, align: 'center', spacing: 6, field: 'holder.name' });
    doc
      .moveTo(W / 2 - 130, 286)
      .lineTo(W / 2 + 130, 286)
      .lineWidth(0.8)
      .strokeColor(GOLD)
      .stroke();
    this.line(`身份证号：${content.holder.idNumberMasked}`, W / 2, 308, { size: 12, color: GREY, align: 'center', spacing: 0.5 });

    let y = this.paragraph(sentence, MARGIN_X, 350, CONTENT_W, { size: 15, lineHeight: 27, indent: 2 });
    y = this.table(rows, MARGIN_X, y + 18, CONTENT_W);

    // The signature block sits at the foot of the page, below the table however long it grew.
    const top = Math.max(622, y + 22);
    this.qr(qrPng, MARGIN_X, top);
    this.seal(content.issuer, W - MARGIN_X - 70, top + 52);
    this.line(content.issuer, W - MARGIN_X, top + 40, { size: 13.5, role: 'bold', color: INK, align: 'right' });
    this.line(`发证日期：${formatChinaDate(content.issuedAt)}`, W - MARGIN_X, top + 64, { size: 12, color: INK, align: 'right' });
    if (content.version > 1) {
      const replaced = content.previousSerial ? `，原证书 ${content.previousSerial} 同时作废` : '';
      this.line(`本证书于${formatChinaDate(content.versionIssuedAt)}换发${replaced}。`, W / 2, H - 86, {
        size: 9,
        color: RED,
        align: 'center',
      });
    }
    const base = content.verifyUrl.replace(/\/verify\/[^/]+$/, '');
    this.line(`本证书为电子证书，由${content.issuer}签发，附数字签名。`, W / 2, H - 68, { size: 8.5, color: GREY, align: 'center' });
    this.line(`真伪核验：扫描左下方二维码，或访问 ${base}/verify 输入证书编号与身份证号后四位。`, W / 2, H - 54, {
      size: 8.5,
      color: GREY,
      align: 'center',
    });
  }

  private frame(): void {
    const { doc } = this;
    doc
      .rect(22, 22, W - 44, H - 44)
      .lineWidth(5)
      .strokeColor(RED)
      .stroke();
    doc
      .rect(31, 31, W - 62, H - 62)
      .lineWidth(1)
      .strokeColor(GOLD)
      .stroke();
    doc
      .rect(35, 35, W - 70, H - 70)
      .lineWidth(0.4)
      .strokeColor(GOLD)
      .stroke();
    for (const [x, y] of [
      [31, 31],
      [W - 31, 31],
      [31, H - 31],
      [W - 31, H - 31],
    ]) {
      doc.save().translate(x, y).rotate(45).rect(-6, -6, 12, 12).fill(GOLD).restore();
      doc.save().translate(x, y).rotate(45).rect(-3, -3, 6, 6).fill(PAPER).restore();
    }
  }

  private ornament(y: number): void {
    const { doc } = this;
    doc
      .moveTo(W / 2 - 150, y)
      .lineTo(W / 2 - 12, y)
      .lineWidth(0.8)
      .strokeColor(GOLD)
      .stroke();
    doc
      .moveTo(W / 2 + 12, y)
      .lineTo(W / 2 + 150, y)
      .lineWidth(0.8)
      .strokeColor(GOLD)
      .stroke();
    doc
      .save()
      .translate(W / 2, y)
      .rotate(45)
      .rect(-4, -4, 8, 8)
      .fill(GOLD)
      .restore();
  }

  private use(font: string, size: number): void {
    if (!this.registered.has(font)) {
      this.doc.registerFont(font, this.fonts.font(font) as unknown as string);
      this.registered.add(font);
    }
    this.doc.font(font).fontSize(size);
  }

  private runWidth(runs: TextRun[], size: number, spacing: number): number {
    let width = 0;
    let chars = 0;
    for (const run of runs) {
      this.use(run.font, size);
      width += this.doc.widthOfString(run.text);
      chars += Array.from(run.text).length;
    }
    return width + spacing * Math.max(0, chars - 1);
  }

  /** One line of text on a baseline, any mix of faces, aligned at x. */
  private line(
    text: string,
    x: number,
    baseline: number,
    opts: { size: number; role?: FontRole; color: string; align?: 'left' | 'center' | 'right'; spacing?: number; field?: string },
  ): void {
    const runs = this.fonts.runs(text, opts.role ?? 'regular', opts.field ?? 'text');
    const spacing = opts.spacing ?? 0;
    const width = this.runWidth(runs, opts.size, spacing);
    let cursor = opts.align === 'center' ? x - width / 2 : opts.align === 'right' ? x - width : x;
    this.doc.fillColor(opts.color);
    for (const run of runs) {
      this.use(run.font, opts.size);
      this.doc.text(run.text, cursor, baseline, { lineBreak: false, baseline: 'alphabetic', characterSpacing: spacing });
      cursor += this.doc.widthOfString(run.text) + spacing * Array.from(run.text).length;
    }
  }

  /** Breaks text into lines of at most `width` points (CJK: any character boundary; Latin words kept whole). */
  private wrap(text: string, width: number, size: number, role: FontRole, indentChars = 0): Cell[][] {
    const cells: Cell[] = [];
    for (const run of this.fonts.runs(text, role, 'text')) {
      for (const char of run.text) cells.push({ char, font: run.font, width: this.fonts.advance(char, run.font, size) });
    }
    // Units that must not be split: Latin words and numbers.
    const units: Cell[][] = [];
    for (const cell of cells) {
      const last = units[units.length - 1];
      const latin = /[A-Za-z0-9.\-]/.test(cell.char);
      if (latin && last && /[A-Za-z0-9.\-]/.test(last[last.length - 1].char)) last.push(cell);
      else units.push([cell]);
    }
    const lines: Cell[][] = [[]];
    let used = indentChars * size;
    for (const unit of units) {
      const unitWidth = unit.reduce((sum, c) => sum + c.width, 0);
      const current = lines[lines.length - 1];
      const hangs = unit.length === 1 && NO_LINE_START.has(unit[0].char);
      if (used + unitWidth > width && current.length > 0 && !hangs) {
        const next: Cell[] = [];
        // Carry an opening bracket left at the end of the line over to the next.
        while (current.length > 0 && NO_LINE_END.has(current[current.length - 1].char)) next.unshift(current.pop()!);
        lines.push(next);
        used = next.reduce((sum, c) => sum + c.width, 0);
      }
      lines[lines.length - 1].push(...unit);
      used += unitWidth;
    }
    return lines;
  }

  private drawCells(cells: Cell[], x: number, baseline: number, size: number, color: string): void {
    this.doc.fillColor(color);
    let cursor = x;
    let i = 0;
    while (i < cells.length) {
      let j = i;
      let text = '';
      while (j < cells.length && cells[j].font === cells[i].font) text += cells[j++].char;
      this.use(cells[i].font, size);
      this.doc.text(text, cursor, baseline, { lineBreak: false, baseline: 'alphabetic' });
      cursor += this.doc.widthOfString(text);
      i = j;
    }
  }

  /** A wrapped paragraph; returns the baseline after its last line. */
  private paragraph(
    text: string,
    x: number,
    baseline: number,
    width: number,
    opts: { size: number; lineHeight: number; indent: number },
  ): number {
    const lines = this.wrap(text, width, opts.size, 'regular', opts.indent);
    lines.forEach((cells, i) =>
      this.drawCells(cells, x + (i === 0 ? opts.indent * opts.size : 0), baseline + i * opts.lineHeight, opts.size, INK),
    );
    return baseline + (lines.length - 1) * opts.lineHeight;
  }

  /** The facts as a two-column table; returns its bottom edge. */
  private table(rows: [string, string][], x: number, top: number, width: number): number {
    const { doc } = this;
    const labelW = 128;
    const size = 12.5;
    const lineH = 19;
    const padY = 8;
    let y = top;
    for (const [label, value] of rows) {
      const lines = this.wrap(value, width - labelW - 24, size, 'regular');
      const rowH = padY * 2 + lines.length * lineH - (lineH - size) + 2;
      doc.rect(x, y, labelW, rowH).fill(LABEL_BG);
      doc.rect(x, y, width, rowH).lineWidth(0.6).strokeColor(GOLD).stroke();
      doc
        .moveTo(x + labelW, y)
        .lineTo(x + labelW, y + rowH)
        .lineWidth(0.6)
        .strokeColor(GOLD)
        .stroke();
      const firstBaseline = y + padY + size;
      this.line(label, x + labelW / 2, firstBaseline + ((lines.length - 1) * lineH) / 2, {
        size,
        color: GREY,
        align: 'center',
        spacing: 1,
      });
      lines.forEach((cells, i) => this.drawCells(cells, x + labelW + 12, firstBaseline + i * lineH, size, INK));
      y += rowH;
    }
    return y;
  }

  private qr(png: Buffer, x: number, y: number): void {
    const size = 92;
    this.doc.image(png, x, y, { width: size, height: size });
    this.line('扫码核验真伪', x + size / 2, y + size + 16, { size: 9, color: GREY, align: 'center', spacing: 1 });
  }

  /** A red round seal with the issuer's name along its upper arc and a star in the middle. */
  private seal(issuer: string, cx: number, cy: number): void {
    const { doc } = this;
    const r = 50;
    doc.save();
    doc.opacity(0.82);
    doc.circle(cx, cy, r).lineWidth(2.6).strokeColor(RED).stroke();
    const chars = Array.from(issuer);
    const span = Math.min(250, 22 * chars.length);
    const size = Math.min(11, (2 * Math.PI * (r - 12) * (span / 360)) / (chars.length * 1.05));
    chars.forEach((char, i) => {
      const angle = -span / 2 + (chars.length === 1 ? span / 2 : (i * span) / (chars.length - 1));
      doc.save().translate(cx, cy).rotate(angle);
      const runs = this.fonts.runs(char, 'bold', 'issuer');
      this.use(runs[0].font, size);
      doc.fillColor(RED).text(char, -doc.widthOfString(char) / 2, -r + 6 + size, { lineBreak: false, baseline: 'alphabetic' });
      doc.restore();
    });
    const star: [number, number][] = [];
    for (let k = 0; k < 10; k++) {
      const rad = k % 2 === 0 ? 15 : 6;
      const a = -Math.PI / 2 + (k * Math.PI) / 5;
      star.push([cx + rad * Math.cos(a), cy + rad * Math.sin(a)]);
    }
    doc.polygon(...star).fill(RED);
    this.line('证书专用章', cx, cy + 30, { size: 8, role: 'bold', color: RED, align: 'center', spacing: 0.5 });
    doc.restore();
  }
}
