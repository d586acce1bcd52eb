import PDFDocument from 'pdfkit';
import { Workbook } from 'exceljs';
import { CertificateFonts } from '@cqo/certificates';

/** One appointed CQO as the city's report lists them. */
export interface CityReportCqoRow {
  enterpriseName: string;
  creditCode: string;
  fullName: string;
  idNumberMasked: string;
  positionTitle: string;
  appointedOn: string;
  termEndsOn: string;
  status: string;
  appointmentTraining: string;
  /** e.g. 第一类继续教育 14/14 已完成. */
  yearHours: string[];
  yearComplete: boolean;
  exception: boolean;
}

export interface CityReportContent {
  regionName: string;
  year: number;
  generatedOn: string;
  issuer: string;
  /** Label → value, in print order. */
  summary: [string, string][];
  cqos: CityReportCqoRow[];
}

const COLUMNS: { header: string; width: number; value: (r: CityReportCqoRow, i: number) => string }[] = [
  { header: '序号', width: 30, value: (_r, i) => String(i + 1) },
  { header: '企业名称', width: 150, value: (r) => r.enterpriseName },
  { header: '首席质量官', width: 62, value: (r) => r.fullName },
  { header: '身份证号', width: 110, value: (r) => r.idNumberMasked },
  { header: '职务', width: 80, value: (r) => r.positionTitle },
  { header: '聘任日期', width: 62, value: (r) => r.appointedOn },
  { header: '任期届满', width: 62, value: (r) => r.termEndsOn },
  { header: '任职培训', width: 52, value: (r) => r.appointmentTraining },
];
/** The year's hours, one requirement per line, in the last column. */
const HOURS_COLUMN = { header: '本年度继续教育学时（已完成/应完成）', width: 150 };

/**
 * Renders the city's yearly report to the province: a summary and the list of appointed CQOs
 * with their training status. Chinese text is drawn with the certificates lib's fonts (Noto Sans
 * SC, subset-embedded; the fallback face for rare characters), parsed once per process.
 */
export function renderCityReportPdf(content: CityReportContent, fonts: CertificateFonts = CertificateFonts.shared()): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 36,
    pdfVersion: '1.7',
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: `${content.regionName}${content.year}年度推行首席质量官制度情况报告`,
      Author: content.issuer,
      Creator: '首席质量官培训平台',
      Producer: 'PDFKit',
      CreationDate: new Date(`${content.generatedOn}T00:00:00Z`),
      ModDate: new Date(`${content.generatedOn}T00:00:00Z`),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const registered = new Set<string>();
  const write = (text: string, x: number, y: number, size: number, maxWidth: number, bold = false) => {
    let cursor = x;
    let remaining = maxWidth;
    for (const run of fonts.runs(text, bold ? 'bold' : 'regular', 'text')) {
      if (!registered.has(run.font)) {
        doc.registerFont(run.font, fonts.font(run.font) as unknown as string);
        registered.add(run.font);
      }
      doc.font(run.font).fontSize(size);
      // Cut what does not fit (a long enterprise name) rather than overprint the next column.
      let piece = run.text;
      while (piece.length > 0 && doc.widthOfString(piece) > remaining) piece = Array.from(piece).slice(0, -1).join('');
      if (piece.length === 0) break;
      doc.text(piece, cursor, y, { lineBreak: false });
      const w = doc.widthOfString(piece);
      cursor += w;
      remaining -= w;
      if (piece !== run.text) break;
    }
  };
  const pageWidth = doc.page.width;
  const pageHeight = doc.page.height;
  const left = 36;
  let y = 40;
  write(`${content.regionName}${content.year}年度推行首席质量官制度情况报告`, left, y, 18, pageWidth - 72, true);
  y += 30;
  write(`报送单位：${content.regionName}市场监督管理局    生成日期：${content.generatedOn}    数据来源：${content.issuer}`, left, y, 9, pageWidth - 72);
  y += 22;
  write('一、总体情况', left, y, 12, 300, true);
  y += 20;
  for (const [label, value] of content.summary) {
    write(`${label}：${value}`, left + 12, y, 10, pageWidth - 96);
    y += 16;
  }
  y += 10;
  write(`二、已聘任到位的企业首席质量官名单（共${content.cqos.length}人）`, left, y, 12, 500, true);
  y += 22;
  const header = () => {
    let x = left;
    doc.rect(left, y - 3, pageWidth - 72, 16).fill('#eeeeee');
    doc.fillColor('#000000');
    for (const c of COLUMNS) {
      write(c.header, x + 2, y, 8.5, c.width - 4, true);
      x += c.width;
    }
    write(HOURS_COLUMN.header, x + 2, y, 8.5, HOURS_COLUMN.width - 4, true);
    y += 18;
  };
  header();
  content.cqos.forEach((row, i) => {
    const hours = row.yearHours.length > 0 ? row.yearHours : ['无记录'];
    const height = 4 + 11 * hours.length;
    if (y + height > pageHeight - 40) {
      doc.addPage();
      y = 40;
      header();
    }
    let x = left;
    for (const c of COLUMNS) {
      write(c.value(row, i), x + 2, y, 8, c.width - 4);
      x += c.width;
    }
    hours.forEach((line, k) => write(line, x + 2, y + 11 * k, 8, HOURS_COLUMN.width - 4));
    y += height;
  });
  if (content.cqos.length === 0) write('（本年度无已聘任的首席质量官）', left + 12, y, 10, 400);
  doc.end();
  return done;
}

/** The same report as a workbook: a summary sheet and the list (one row per CQO). */
export async function renderCityReportXlsx(content: CityReportContent): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = content.issuer;
  workbook.created = new Date(`${content.generatedOn}T00:00:00Z`);
  const summary = workbook.addWorksheet('总体情况');
  summary.addRow([`${content.regionName}${content.year}年度推行首席质量官制度情况报告`]);
  summary.addRow([]);
  for (const [label, value] of content.summary) summary.addRow([label, value]);
  summary.getColumn(1).width = 40;
  summary.getColumn(2).width = 30;
  const list = workbook.addWorksheet('首席质量官名单');
  list.addRow(['序号', '企业名称', '统一社会信用代码', '首席质量官', '身份证号', '职务', '聘任日期', '任期届满', '状态', '任职培训', '本年度继续教育学时', '本年度学时达标', '例外聘任']);
  content.cqos.forEach((r, i) =>
    list.addRow([
      i + 1,
      r.enterpriseName,
      r.creditCode,
      r.fullName,
      r.idNumberMasked,
      r.positionTitle,
      r.appointedOn,
      r.termEndsOn,
      r.status,
      r.appointmentTraining,
      r.yearHours.join('；'),
      r.yearComplete ? '是' : '否',
      r.exception ? '是' : '否',
    ]),
  );
  // exceljs's typings predate Node's generic Buffer.
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
