import { PdfFonts, platformPdf } from '@cqo/core';

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
  /** draft: prepared, not submitted (says who generated it); submitted: signed off by the city. */
  stage: 'draft' | 'submitted';
  /** Who generated a draft (系统定时任务, or the regulator's office), or who signed a submitted version. */
  preparedBy: string;
  /** The version number of a submitted report. */
  version: number | null;
  /** 推行情况, the city's narrative (submitted versions). */
  narrative: string | null;
  /** Label → value, in print order. */
  summary: [string, string][];
  cqos: CityReportCqoRow[];
}

/** The list's columns, the same in the PDF and the XLSX (width in PDF points). */
export const CITY_REPORT_COLUMNS: { header: string; width: number; value: (r: CityReportCqoRow, i: number) => string }[] = [
  { header: '序号', width: 24, value: (_r, i) => String(i + 1) },
  { header: '企业名称', width: 104, value: (r) => r.enterpriseName },
  { header: '统一社会信用代码', width: 86, value: (r) => r.creditCode },
  { header: '首席质量官', width: 46, value: (r) => r.fullName },
  { header: '身份证号', width: 78, value: (r) => r.idNumberMasked },
  { header: '职务', width: 64, value: (r) => r.positionTitle },
  { header: '聘任日期', width: 50, value: (r) => r.appointedOn },
  { header: '任期届满', width: 50, value: (r) => r.termEndsOn },
  { header: '状态', width: 32, value: (r) => r.status },
  { header: '任职培训', width: 38, value: (r) => r.appointmentTraining },
  { header: '本年度继续教育学时', width: 122, value: (r) => (r.yearHours.length > 0 ? r.yearHours.join('\n') : '无记录') },
  { header: '本年度学时达标', width: 34, value: (r) => (r.yearComplete ? '是' : '否') },
  { header: '例外聘任', width: 32, value: (r) => (r.exception ? '是' : '否') },
];

function title(content: CityReportContent): string {
  return `${content.regionName}${content.year}年度推行首席质量官制度情况报告`;
}

/** The line under the title: who submitted, or that this is an unsubmitted draft and who generated it. */
export function provenance(content: CityReportContent): string {
  return content.stage === 'submitted'
    ? `报送单位：${content.regionName}市场监督管理局（签发：${content.preparedBy}，第${content.version}版）    报送日期：${content.generatedOn}    数据来源：${content.issuer}`
    : `草稿（未报送）    生成：${content.preparedBy}    生成日期：${content.generatedOn}    数据来源：${content.issuer}`;
}

/**
 * Renders the city's yearly report to the province: a summary, the narrative and the list of
 * appointed CQOs with every column of the XLSX. Long text wraps within its column (rows grow),
 * never cut. Chinese text is drawn with the certificates lib's fonts (Noto Sans SC, subset-embedded;
 * the fallback face for rare characters), parsed once per process.
 */
export function renderCityReportPdf(content: CityReportContent, fonts: PdfFonts = PdfFonts.shared()): Promise<Buffer> {
  const { doc, bytes } = platformPdf(
    { size: 'A4', layout: 'landscape', margin: 36 },
    { title: title(content), author: content.issuer, at: new Date(`${content.generatedOn}T00:00:00Z`) },
  );
  const registered = new Set<string>();
  const use = (font: string, size: number) => {
    if (!registered.has(font)) {
      doc.registerFont(font, fonts.font(font) as unknown as string);
      registered.add(font);
    }
    doc.font(font).fontSize(size);
  };
  /** Splits text into lines no wider than maxWidth (any character may break a CJK line). */
  const wrap = (text: string, size: number, maxWidth: number, bold = false): string[] => {
    const lines: string[] = [];
    for (const paragraph of text.split('\n')) {
      let line = '';
      let width = 0;
      for (const run of fonts.runs(paragraph, bold ? 'bold' : 'regular', 'text')) {
        use(run.font, size);
        for (const ch of Array.from(run.text)) {
          const w = doc.widthOfString(ch);
          if (width + w > maxWidth && line !== '') {
            lines.push(line);
            line = '';
            width = 0;
          }
          line += ch;
          width += w;
        }
      }
      lines.push(line);
    }
    return lines;
  };
  /** Draws one line (already fitting). */
  const draw = (text: string, x: number, y: number, size: number, bold = false) => {
    let cursor = x;
    for (const run of fonts.runs(text, bold ? 'bold' : 'regular', 'text')) {
      use(run.font, size);
      doc.text(run.text, cursor, y, { lineBreak: false });
      cursor += doc.widthOfString(run.text);
    }
  };
  const pageWidth = doc.page.width;
  const pageHeight = doc.page.height;
  const left = 36;
  const bottom = pageHeight - 40;
  let y = 40;
  const paragraph = (text: string, x: number, size: number, width: number, bold = false, gap = 4) => {
    for (const line of wrap(text, size, width, bold)) {
      if (y + size + gap > bottom) {
        doc.addPage();
        y = 40;
      }
      draw(line, x, y, size, bold);
      y += size + gap;
    }
  };
  paragraph(title(content), left, 18, pageWidth - 72, true, 10);
  paragraph(provenance(content), left, 9, pageWidth - 72, false, 8);
  y += 6;
  paragraph('一、总体情况', left, 12, 300, true, 8);
  for (const [label, value] of content.summary) paragraph(`${label}：${value}`, left + 12, 10, pageWidth - 96, false, 6);
  if (content.narrative) {
    y += 6;
    paragraph('二、推行情况', left, 12, 300, true, 8);
    paragraph(content.narrative, left + 12, 10, pageWidth - 96, false, 6);
  }
  y += 10;
  paragraph(`${content.narrative ? '三' : '二'}、已聘任到位的企业首席质量官名单（共${content.cqos.length}人）`, left, 12, 600, true, 10);
  const size = 7.5;
  const lineHeight = 10;
  const cells = (values: string[], bold: boolean) => values.map((v, i) => wrap(v, size, CITY_REPORT_COLUMNS[i].width - 4, bold));
  const row = (values: string[][], bold: boolean, shade: boolean) => {
    const height = 4 + lineHeight * Math.max(...values.map((v) => v.length));
    if (y + height > bottom) {
      doc.addPage();
      y = 40;
      header();
    }
    if (shade) {
      doc
        .rect(
          left,
          y - 3,
          CITY_REPORT_COLUMNS.reduce((t, c) => t + c.width, 0),
          height,
        )
        .fill('#eeeeee');
      doc.fillColor('#000000');
    }
    let x = left;
    values.forEach((lines, i) => {
      lines.forEach((line, k) => draw(line, x + 2, y + lineHeight * k, size, bold));
      x += CITY_REPORT_COLUMNS[i].width;
    });
    y += height;
  };
  const header = () =>
    row(
      cells(
        CITY_REPORT_COLUMNS.map((c) => c.header),
        true,
      ),
      true,
      true,
    );
  header();
  content.cqos.forEach((r, i) =>
    row(
      cells(
        CITY_REPORT_COLUMNS.map((c) => c.value(r, i)),
        false,
      ),
      false,
      false,
    ),
  );
  if (content.cqos.length === 0) paragraph('（本年度无已聘任的首席质量官）', left + 12, 10, 400);
  doc.end();
  return bytes;
}

/** The same report as a workbook: a summary sheet (with the narrative) and the list (one row per CQO). */
export async function renderCityReportXlsx(content: CityReportContent): Promise<Buffer> {
  // Loaded on first use: exceljs adds about 8 MiB of heap to every API process that never builds a workbook.
  const { Workbook } = (await import('exceljs')).default;
  const workbook = new Workbook();
  workbook.creator = content.issuer;
  workbook.created = new Date(`${content.generatedOn}T00:00:00Z`);
  const summary = workbook.addWorksheet('总体情况');
  summary.addRow([title(content)]);
  summary.addRow([provenance(content)]);
  summary.addRow([]);
  for (const [label, value] of content.summary) summary.addRow([label, value]);
  if (content.narrative) {
    summary.addRow([]);
    summary.addRow(['推行情况', content.narrative]);
  }
  summary.getColumn(1).width = 40;
  summary.getColumn(2).width = 30;
  const list = workbook.addWorksheet('首席质量官名单');
  list.addRow(CITY_REPORT_COLUMNS.map((c) => c.header));
  content.cqos.forEach((r, i) => list.addRow(CITY_REPORT_COLUMNS.map((c, k) => (k === 0 ? i + 1 : c.value(r, i).replace(/\n/g, '；')))));
  // exceljs's typings predate Node's generic Buffer.
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
