import { parse } from 'csv-parse/sync';
import type { FieldIssue, ZipLimits } from '@cqo/core';
import { DomainError, readXlsxRows, UPLOAD_REJECTED } from '@cqo/core';
import type { DifficultyBand, QuestionType, TopicCategory } from './exam-types';
import type { QuestionInput, TopicLookup } from './question-rules';
import { validateQuestion } from './question-rules';

export type ImportFormat = 'csv' | 'xlsx';

/** Rows past this are refused whole: import a large bank in several files. */
export const IMPORT_MAX_ROWS = 2000;

export interface ParsedImport {
  /** Data rows read (blank rows skipped). */
  rows: number;
  /** Valid rows with their row numbers as the spreadsheet shows them (the header is row 1). */
  valid: { row: number; input: QuestionInput }[];
  /** One issue per offending cell, field `rows[<row>].<column>`. */
  issues: FieldIssue[];
}

type Column = 'type' | 'stem' | 'answer' | 'category' | 'topics' | 'difficulty' | 'explanation';

/** Header names (English or Chinese) → column; options are `A`..`H`, `选项A`.., `optionA`... */
const HEADERS: Record<string, Column> = {
  type: 'type',
  题型: 'type',
  类型: 'type',
  stem: 'stem',
  question: 'stem',
  题干: 'stem',
  题目: 'stem',
  answer: 'answer',
  答案: 'answer',
  正确答案: 'answer',
  category: 'category',
  类别: 'category',
  类: 'category',
  topics: 'topics',
  topic: 'topics',
  知识点: 'topics',
  专题: 'topics',
  difficulty: 'difficulty',
  难度: 'difficulty',
  explanation: 'explanation',
  解析: 'explanation',
};
const REQUIRED: Column[] = ['type', 'stem', 'answer', 'category', 'topics', 'difficulty'];

const TYPES: Record<string, QuestionType> = {
  single: 'single',
  单选: 'single',
  单选题: 'single',
  单项选择题: 'single',
  multiple: 'multiple',
  多选: 'multiple',
  多选题: 'multiple',
  多项选择题: 'multiple',
  true_false: 'true_false',
  truefalse: 'true_false',
  tf: 'true_false',
  判断: 'true_false',
  判断题: 'true_false',
};
const CATEGORIES: Record<string, TopicCategory> = { '1': 1, '2': 2, 第一类: 1, 第二类: 2, 一: 1, 二: 2 };
const DIFFICULTIES: Record<string, number | DifficultyBand> = {
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
  '5': 5,
  easy: 'easy',
  medium: 'medium',
  hard: 'hard',
  易: 'easy',
  中: 'medium',
  难: 'hard',
  简单: 'easy',
  中等: 'medium',
  困难: 'hard',
};
const TRUE_WORDS = new Set(['对', '正确', '是', '√', 'true', 't', 'yes', 'y']);
const FALSE_WORDS = new Set(['错', '错误', '否', '×', 'x', 'false', 'f', 'no', 'n']);

/**
 * Reads a question file (CSV or the first sheet of an XLSX workbook, header in the first row)
 * and validates every row. Nothing is saved here: the caller imports the valid rows only when
 * there are no issues, so a file goes in whole or not at all.
 */
export async function parseQuestionFile(
  format: ImportFormat,
  content: Buffer,
  topics: TopicLookup,
  limits: UploadLimits,
): Promise<ParsedImport> {
  const table = format === 'csv' ? readCsv(content) : await readXlsx(content, limits);
  return parseTable(table, topics);
}

/** The configured upload limits (`AppConfig.uploads`). */
export interface UploadLimits {
  zip: ZipLimits;
  maxRows: number;
}

/** Rows of cells, first the header; rows keep their 1-based number in the file. */
type Table = { row: number; cells: string[] }[];

function readCsv(content: Buffer): Table {
  try {
    const records: string[][] = parse(content, { bom: true, relax_column_count: true, skip_empty_lines: false, trim: true });
    return records.map((cells, i) => ({ row: i + 1, cells }));
  } catch (error) {
    throw new ImportFileError(`CSV 文件无法解析：${(error as Error).message}`);
  }
}

/**
 * The first sheet, read as it inflates after the archive passed the ZIP checks, stopping at the
 * row cap: a decompression bomb is refused before it costs memory or time.
 */
async function readXlsx(content: Buffer, limits: UploadLimits): Promise<Table> {
  const maxQuestions = Math.min(IMPORT_MAX_ROWS, limits.maxRows);
  try {
    // The header row plus the questions.
    return await readXlsxRows(content, limits.zip, {
      maxRows: maxQuestions + 1,
      field: 'content',
      tooManyRowsMessage: `一次最多导入${maxQuestions}道题`,
    });
  } catch (error) {
    // The import answers every unreadable file with its own code.
    if (error instanceof DomainError && error.code === UPLOAD_REJECTED) throw new ImportFileError(error.message);
    throw error;
  }
}

/** The file as a whole is unreadable (not a per-row problem). */
export class ImportFileError extends Error {}

const FIELD_ORDER = [
  'type',
  'stem',
  'A',
  'B',
  'C',
  'D',
  'E',
  'F',
  'G',
  'H',
  'options',
  'answer',
  'category',
  'topics',
  'difficulty',
  'explanation',
];
function fieldOrder(field: string): number {
  return FIELD_ORDER.indexOf(field.slice(field.lastIndexOf('.') + 1));
}

function normalizeHeader(h: string): string {
  return h.replace(/[\s:：*]/g, '').toLowerCase();
}

function parseTable(table: Table, topics: TopicLookup): ParsedImport {
  const [header, ...body] = table;
  if (!header) throw new ImportFileError('文件为空');
  const columns = new Map<Column, number>();
  const optionColumns: { letter: string; index: number }[] = [];
  header.cells.forEach((raw, index) => {
    const h = normalizeHeader(raw);
    const option = /^(?:选项|option)?([a-h])$/.exec(h);
    if (option) optionColumns.push({ letter: option[1].toUpperCase(), index });
    else if (HEADERS[h]) columns.set(HEADERS[h], index);
  });
  const missing = REQUIRED.filter((c) => !columns.has(c));
  if (missing.length > 0) throw new ImportFileError(`缺少列：${missing.join('、')}`);
  optionColumns.sort((a, b) => a.letter.localeCompare(b.letter));

  const rows = body.filter((r) => r.cells.some((c) => c !== ''));
  if (rows.length > IMPORT_MAX_ROWS) throw new ImportFileError(`一次最多导入${IMPORT_MAX_ROWS}道题`);
  const valid: ParsedImport['valid'] = [];
  const issues: FieldIssue[] = [];
  for (const { row, cells } of rows) {
    const cell = (c: Column) => (columns.has(c) ? (cells[columns.get(c)!] ?? '').trim() : '');
    const prefix = `rows[${row}].`;
    const rowIssues: FieldIssue[] = [];
    const add = (field: string, message: string) => rowIssues.push({ field: `${prefix}${field}`, message });

    const type = TYPES[normalizeHeader(cell('type'))];
    if (!type) add('type', '题型必须是单选、多选或判断');
    const category = CATEGORIES[cell('category')];
    if (!category) add('category', '类别必须是1或2');
    const difficulty = DIFFICULTIES[cell('difficulty').toLowerCase()];
    if (difficulty === undefined) add('difficulty', '难度必须是1到5，或 易/中/难（easy/medium/hard）');
    const options = optionColumns.map(({ letter, index }) => ({ letter, text: (cells[index] ?? '').trim() })).filter((o) => o.text !== '');
    const answer = cell('answer');
    let chosen: { text: string; correct: boolean }[] = [];
    if (!answer) add('answer', '答案不能为空');
    else if (type === 'true_false' && (TRUE_WORDS.has(answer.toLowerCase()) || FALSE_WORDS.has(answer.toLowerCase()))) {
      // A true/false row may leave the option columns empty: the options are 正确 / 错误.
      const truth = TRUE_WORDS.has(answer.toLowerCase());
      chosen =
        options.length === 2
          ? options.map((o, i) => ({ text: o.text, correct: i === (truth ? 0 : 1) }))
          : [
              { text: '正确', correct: truth },
              { text: '错误', correct: !truth },
            ];
    } else {
      const letters = answer.toUpperCase().replace(/[\s,，、;；]/g, '');
      const unknown = [...letters].filter((l) => !options.some((o) => o.letter === l));
      if (!/^[A-H]+$/.test(letters) || unknown.length > 0)
        add('answer', `答案须为已填写选项的字母（如 A 或 AC）${unknown.length ? `，没有选项${unknown.join('')}` : ''}`);
      else chosen = options.map((o) => ({ text: o.text, correct: letters.includes(o.letter) }));
    }
    // Validate the rest even when a cell above was unreadable, so the report names every bad cell at once.
    const input: QuestionInput = {
      type: type ?? 'single',
      stem: cell('stem'),
      options: chosen,
      category: category ?? (0 as TopicCategory),
      // Topics by Chinese name or code; an unknown one stays as written, so the error names it.
      topics: cell('topics')
        .split(/[\s,，;；、]+/)
        .filter(Boolean)
        .map((t) => topics.codeOf?.(t) ?? t),
      difficulty: difficulty ?? 3,
      explanation: cell('explanation') || null,
    };
    const reported = new Set(rowIssues.map((i) => i.field));
    const problems = validateQuestion(input, topics, prefix, 'answer')
      .filter((p) => !reported.has(p.field) && !(reported.has(`${prefix}answer`) && p.field === `${prefix}options`))
      .filter((p) => category !== undefined || !(p.field === `${prefix}topics` && /不属于/.test(p.message)))
      // Point option problems at the option column the author sees (rows[3].options[1].text → rows[3].B).
      .map((p) => {
        const m = /options\[(\d+)\]\.text$/.exec(p.field);
        return m ? { ...p, field: `${prefix}${options[Number(m[1])]?.letter ?? 'options'}` } : p;
      });
    const all = [...rowIssues, ...problems].sort((a, b) => fieldOrder(a.field) - fieldOrder(b.field));
    if (all.length === 0) valid.push({ row, input });
    issues.push(...all);
  }
  return { rows: rows.length, valid, issues };
}
