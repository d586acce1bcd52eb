import { parse } from 'csv-parse/sync';
import type { FieldIssue } from '@cqo/core';
import { CourseErrors } from './courses.errors';

/** One data row of an uploaded CSV: its line in the file (the header is line 1) and its values by column. */
export interface CsvRow {
  row: number;
  values: Record<string, string>;
  /** Set when the row has a different number of fields than the header. */
  columnMismatch: FieldIssue | null;
}

export const MAX_CSV_ROWS = 5000;

/**
 * Parses an uploaded CSV with a header row. Header names are matched through `aliases`
 * (e.g. 身份证号 → id_number); an unknown or duplicated header refuses the whole file (400
 * naming it), as does a missing required column. A row with the wrong number of fields is kept,
 * flagged, so the per-row report can name it.
 */
export function parseCsv(text: string, aliases: Record<string, string>, required: (columns: Set<string>) => string | null): CsvRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (error) {
    const e = error as { code?: string; lines?: number };
    throw CourseErrors.csvInvalid(`无法解析（${e.code ?? 'CSV_ERROR'}${e.lines ? `，第 ${e.lines} 行` : ''}）`);
  }
  if (!records.length) throw CourseErrors.csvInvalid('文件为空，缺少表头');
  const header = records[0].record.map((name) => aliases[name.trim().toLowerCase()] ?? aliases[name.trim()] ?? null);
  records[0].record.forEach((name, i) => {
    if (!header[i])
      throw CourseErrors.csvInvalid(`未知的列“${name}”，可用的列：${[...new Set(Object.values(aliases))].join('、')}`, `csv.header[${i}]`);
    if (header.indexOf(header[i]) !== i) throw CourseErrors.csvInvalid(`列“${name}”重复`, `csv.header[${i}]`);
  });
  const missing = required(new Set(header as string[]));
  if (missing) throw CourseErrors.csvInvalid(missing, 'csv.header');
  const rows = records.slice(1);
  if (!rows.length) throw CourseErrors.csvInvalid('没有数据行');
  if (rows.length > MAX_CSV_ROWS) throw CourseErrors.csvInvalid(`数据行过多（最多 ${MAX_CSV_ROWS} 行）`);
  return rows.map(({ record, info }) => {
    const values: Record<string, string> = {};
    header.forEach((column, i) => (values[column as string] = record[i] ?? ''));
    const columnMismatch =
      record.length === header.length
        ? null
        : { field: 'columns', message: `列数与表头不一致（表头 ${header.length} 列，本行 ${record.length} 列）` };
    return { row: info.lines, values, columnMismatch };
  });
}

/** Headers accepted for naming a trainee, in English or Chinese. */
export const TRAINEE_COLUMNS: Record<string, string> = {
  id_number: 'id_number',
  idnumber: 'id_number',
  身份证号: 'id_number',
  身份证号码: 'id_number',
  username: 'username',
  用户名: 'username',
  账号: 'username',
  name: 'name',
  姓名: 'name',
};

export function requireTraineeColumn(columns: Set<string>): string | null {
  return columns.has('id_number') || columns.has('username') ? null : '缺少 id_number（身份证号）或 username（用户名）列';
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A date-time typed by a person: ISO 8601 with an offset, or `YYYY-MM-DD HH:mm[:ss]` read as
 * China Standard Time (UTC+8), which is what a sign-in sheet in Gansu says.
 */
export function parseSheetTime(value: string): Date | null {
  const v = value.trim();
  const local = LOCAL.exec(v);
  const at = local
    ? new Date(`${local[1]}-${local[2]}-${local[3]}T${local[4]}:${local[5]}:${local[6] ?? '00'}+08:00`)
    : /(Z|[+-]\d{2}:?\d{2})$/.test(v)
      ? new Date(v)
      : new Date(NaN);
  return Number.isNaN(at.getTime()) ? null : at;
}
