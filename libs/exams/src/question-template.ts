import type { DataValidation } from 'exceljs';
import { IMPORT_MAX_ROWS } from './question-import';

/** A topic as authors see it: its Chinese name and the category it belongs to. */
export interface TemplateTopic {
  name: string;
  category: number;
}

/** The columns of the template, in order: the headers the importer reads (question-import.ts). */
const COLUMNS: { header: string; width: number; note: string }[] = [
  { header: '题型', width: 10, note: '单选题、多选题或判断题' },
  { header: '题干', width: 48, note: '题目正文' },
  { header: '选项A', width: 18, note: '判断题可不填选项' },
  { header: '选项B', width: 18, note: '' },
  { header: '选项C', width: 18, note: '' },
  { header: '选项D', width: 18, note: '' },
  { header: '答案', width: 8, note: '选项字母，如 A 或 AC；判断题填 对 或 错' },
  { header: '类别', width: 8, note: '1 = 第一类（质量法规与政策），2 = 第二类（质量管理方法）' },
  { header: '知识点', width: 26, note: '从下拉列表选择；多个知识点用顿号分隔' },
  { header: '难度', width: 8, note: '1 到 5，或 易 / 中 / 难' },
  { header: '解析', width: 30, note: '可选' },
];

const SAMPLE = [
  '单选题',
  '首席质量官每年应完成的第一类继续教育学时为：',
  '7学时',
  '14学时',
  '21学时',
  '30学时',
  'B',
  '1',
  '',
  '中',
  '见实施意见第四条',
];
const TOPIC_SHEET = '知识点列表';
const GUIDE_SHEET = '填写说明';

function columnLetter(index: number): string {
  return String.fromCharCode('A'.charCodeAt(0) + index);
}

/**
 * The question import template. The first sheet (the one the importer reads) holds the header
 * row, a note per column, and drop-downs on the columns with a closed set of values (题型, 类别,
 * 知识点, 难度); the 知识点 list comes from a sheet of every topic name, so it follows the topics
 * table. That drop-down only warns: a cell may hold several names separated by 、. A guide
 * sheet explains each column with an example.
 */
export async function buildQuestionTemplate(topics: TemplateTopic[]): Promise<Buffer> {
  // Loaded on first use: exceljs adds about 8 MiB of heap to every API process that never builds a workbook.
  const { Workbook } = (await import('exceljs')).default;
  const book = new Workbook();
  const sheet = book.addWorksheet('试题', { views: [{ state: 'frozen', ySplit: 1 }] });
  const list = book.addWorksheet(TOPIC_SHEET);

  sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  COLUMNS.forEach((c, i) => {
    if (c.note) sheet.getCell(1, i + 1).note = c.note;
  });
  const sorted = [...topics].sort((a, b) => a.category - b.category || a.name.localeCompare(b.name, 'zh-CN'));
  // The example lives on its own sheet: a sample row left in the data sheet would be imported.
  const guide = book.addWorksheet(GUIDE_SHEET);
  guide.columns = [
    { header: '列', width: 10 },
    { header: '填写说明', width: 60 },
    { header: '示例', width: 60 },
  ];
  guide.getRow(1).font = { bold: true };
  const sampleTopic = sorted.find((t) => t.category === 1)?.name ?? '';
  COLUMNS.forEach((c, i) => guide.addRow([c.header, c.note, c.header === '知识点' ? sampleTopic : SAMPLE[i]]));

  list.columns = [
    { header: '知识点', width: 30 },
    { header: '类别', width: 8 },
  ];
  list.getRow(1).font = { bold: true };
  for (const t of sorted) list.addRow([t.name, t.category]);

  const last = IMPORT_MAX_ROWS + 1;
  const column = (header: string) => columnLetter(COLUMNS.findIndex((c) => c.header === header));
  // exceljs keeps validations per cell address (merged into one range when written) behind an
  // untyped property; going through it avoids creating 2,000 empty cells per column.
  const validations = (sheet as unknown as { dataValidations: { add(address: string, v: DataValidation): void } }).dataValidations;
  const dropDown = (header: string, formula: string, strict: boolean, prompt: string) => {
    for (let row = 2; row <= last; row++)
      validations.add(`${column(header)}${row}`, {
        type: 'list',
        allowBlank: true,
        formulae: [formula],
        showErrorMessage: true,
        errorStyle: strict ? 'stop' : 'warning',
        errorTitle: header,
        error: prompt,
        showInputMessage: true,
        promptTitle: header,
        prompt,
      });
  };
  dropDown('题型', '"单选题,多选题,判断题"', true, '请选择：单选题、多选题或判断题');
  dropDown('类别', '"1,2"', true, '1 = 第一类，2 = 第二类');
  dropDown('难度', '"1,2,3,4,5,易,中,难"', true, '1 到 5，或 易 / 中 / 难');
  dropDown('知识点', `'${TOPIC_SHEET}'!$A$2:$A$${sorted.length + 1}`, false, '请从列表选择知识点；多个知识点用顿号（、）分隔');

  // exceljs's typings predate Node's generic Buffer.
  return Buffer.from(await book.xlsx.writeBuffer());
}
