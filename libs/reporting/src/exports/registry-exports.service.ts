import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CERTIFICATE_TITLES, CertificateKind } from '@cqo/certificates';
import { Actor, chinaDateOf, Clock, csvHeaderLine, csvSafeSql, InjectReadDataSource } from '@cqo/core';
import { APPOINTMENT_STATE_LABELS, certificatesQuery, ListColumn, ListQuery } from '../dashboards/registry-lists';
import { DashboardsService } from '../dashboards/dashboards.service';
import { END_REASON_LABELS, regionFilterPath } from '@cqo/registry';
import { copyOut, inlineParameters } from './copy-stream';
import { columnName, streamXlsxXml, XlsxColumn } from './xlsx-stream';

/** The file names people see (sent with RFC 5987 `filename*`). */
const LIST_FILE_NAMES: Record<RegulatorList, string> = {
  shortfalls: '学时未达标名单',
  appointments: '首席质量官聘任名单',
  certificates: '证书名单',
};
export const REGULATOR_LISTS = ['shortfalls', 'appointments', 'certificates'] as const;
export type RegulatorList = (typeof REGULATOR_LISTS)[number];
export type ExportFormat = 'csv' | 'xlsx';

export interface ExportFilter {
  regionId?: string;
  year?: number;
  enterpriseId?: string;
  status?: 'serving' | 'ended' | 'all';
  requirement?: string;
  state?: 'at_risk' | 'shortfall';
  kind?: CertificateKind;
}

export interface ExportFile {
  filename: string;
  contentType: string;
  stream: Readable;
}

const LIST_TITLES: Record<RegulatorList, string> = {
  shortfalls: '学时差额清单',
  appointments: '首席质量官聘任清单',
  certificates: '证书清单',
};

/** Codes shown to people in exports as Chinese words. */
const VALUE_LABELS: Record<string, Record<string, string>> = {
  state: { on_track: '正常', at_risk: '进度滞后', complete: '已完成', shortfall: '未完成', not_applicable: '不适用' },
  status: { serving: '在任', ended: '已离任', valid: '有效', revoked: '已撤销', superseded: '已换发' },
  end_reason: END_REASON_LABELS,
  kind: CERTIFICATE_TITLES,
  exception_flagged: { true: '是', false: '否' },
  appointment_state: APPOINTMENT_STATE_LABELS,
};

/** A SQL string literal. */
function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** A column's value as text, its codes turned into Chinese words, in SQL over the list's row `q`. */
function labelledSql(column: ListColumn): string {
  const value = `q."${column.key}"::text`;
  const labels = VALUE_LABELS[column.key];
  if (!labels) return value;
  return `CASE ${value} ${Object.entries(labels)
    .map(([code, label]) => `WHEN ${literal(code)} THEN ${literal(label)}`)
    .join(' ')} ELSE ${value} END`;
}

/**
 * CSV and XLSX of the regulators' lists, streamed: rows come from a server-side cursor in
 * straight from PostgreSQL's COPY (CSV lines, or the XLSX sheet's row XML), and are written as
 * the client reads, so memory stays bounded whatever the export's size. CSV is UTF-8 with a BOM (Excel
 * opens it in Chinese). The list's ORDER BY is kept: the outer query only projects.
 */
@Injectable()
export class RegistryExportsService {
  constructor(
    // Exports are the heaviest reads of all and may lag a little: the replica, when there is one.
    @InjectReadDataSource() private readonly dataSource: DataSource,
    private readonly dashboards: DashboardsService,
    private readonly clock: Clock,
  ) {}

  /** Checks scope and builds the query before anything is streamed, so a refusal is a clean 4xx. */
  async export(actor: Actor, list: RegulatorList, format: ExportFormat, filter: ExportFilter): Promise<ExportFile> {
    const query = await this.queryOf(actor, list, filter);
    const filename = `${LIST_FILE_NAMES[list]}-${chinaDateOf(this.clock.now())}.${format}`;
    if (format === 'csv') {
      return { filename, contentType: 'text/csv; charset=utf-8', stream: Readable.from(this.csv(query), { objectMode: false }) };
    }
    const columns: XlsxColumn[] = query.columns.map((c) => ({ header: c.header, numeric: NUMERIC_COLUMNS.has(c.key) }));
    return {
      filename,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      stream: streamXlsxXml(LIST_TITLES[list], columns, this.rowsXml(query, columns)),
    };
  }

  private async queryOf(actor: Actor, list: RegulatorList, filter: ExportFilter): Promise<ListQuery> {
    switch (list) {
      case 'shortfalls':
        return this.dashboards.shortfallsList(actor, filter);
      case 'appointments':
        return this.dashboards.appointmentsList(actor, filter);
      case 'certificates':
        return certificatesQuery(await regionFilterPath(this.dataSource, actor, filter.regionId), filter);
      default: {
        const unreachable: never = list;
        throw new Error(`unknown list ${String(unreachable)}`);
      }
    }
  }

  private async *csv(query: ListQuery): AsyncGenerator<Buffer> {
    // Free text (names, enterprise names, reasons) gets the shared writer's formula rule, in SQL so
    // PostgreSQL's COPY keeps formatting and streaming the rows; quoting is COPY's (RFC 4180, as csv-stringify).
    const cell = (c: ListColumn) => (c.plain ? labelledSql(c) : `(SELECT ${csvSafeSql('v')} FROM (SELECT ${labelledSql(c)} AS v) d)`);
    const sql = await inlineParameters(this.dataSource, `SELECT ${query.columns.map(cell).join(', ')} FROM (${query.sql}) q`, query.params);
    yield Buffer.from(
      csvHeaderLine(
        query.columns.map((c) => c.header),
        '\n',
      ),
      'utf8',
    );
    for await (const chunk of await copyOut(this.dataSource, sql, 'csv')) yield chunk as Buffer;
  }

  /**
   * The sheet's rows as XML, written by PostgreSQL and streamed by COPY (text format: one line
   * per row). Every character COPY would escape (tab, newlines, backslash, other controls) is
   * first turned into an XML character reference or dropped, so the bytes arrive as written.
   */
  private async *rowsXml(query: ListQuery, columns: XlsxColumn[]): AsyncGenerator<Buffer> {
    // String.raw: the backslashes are PostgreSQL's (regex escapes, E'' strings), not JavaScript's.
    const xml = (v: string) =>
      String.raw`replace(replace(replace(replace(replace(replace(replace(replace(regexp_replace(${v}, '[\x01-\x08\x0b\x0c\x0e-\x1f]', '', 'g'), '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), E'\t', '&#9;'), E'\n', '&#10;'), E'\r', '&#13;'), E'\\', '&#92;')`;
    const cell = (c: ListColumn, i: number) => {
      const v = `z.c${i}`;
      const ref = `'${columnName(i)}' || z.rn`;
      const text = `'<c r="' || ${ref} || '" t="inlineStr"><is><t xml:space="preserve">' || ${xml(v)} || '</t></is></c>'`;
      const value = columns[i].numeric
        ? String.raw`CASE WHEN ${v} ~ '^-?[0-9]+(\.[0-9]+)?$' THEN '<c r="' || ${ref} || '"><v>' || ${v} || '</v></c>' ELSE ${text} END`
        : text;
      return `CASE WHEN ${v} IS NULL OR ${v} = '' THEN '' ELSE ${value} END`;
    };
    const inner = `SELECT row_number() OVER () + 1 AS rn, ${query.columns.map((c, i) => `${labelledSql(c)} AS c${i}`).join(', ')} FROM (${query.sql}) q`;
    const sql = await inlineParameters(
      this.dataSource,
      `SELECT '<row r="' || z.rn || '">' || ${query.columns.map(cell).join(' || ')} || '</row>' FROM (${inner}) z`,
      query.params,
    );
    for await (const chunk of await copyOut(this.dataSource, sql, 'text')) yield chunk as Buffer;
  }
}

/** Columns written as numbers in XLSX. */
const NUMERIC_COLUMNS = new Set(['year', 'required', 'accrued', 'shortfall']);
