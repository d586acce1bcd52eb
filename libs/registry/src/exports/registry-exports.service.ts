import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CERTIFICATE_TITLES, CertificateKind } from '@cqo/certificates';
import { Actor, chinaDateOf, Clock } from '@cqo/core';
import { certificatesQuery, ListColumn, ListQuery } from '../dashboards/registry-lists';
import { DashboardsService } from '../dashboards/dashboards.service';
import { END_REASON_LABELS } from '../entities/cqo-appointment.entity';
import { regionFilterPath } from '../registry-scope';
import { copyCsv, inlineParameters } from './copy-stream';
import { cursorBatches } from './cursor';
import { streamXlsx } from './xlsx-stream';

export type RegulatorList = 'shortfalls' | 'appointments' | 'certificates';
export const REGULATOR_LISTS: readonly RegulatorList[] = ['shortfalls', 'appointments', 'certificates'];
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

const LIST_TITLES: Record<RegulatorList, string> = { shortfalls: '学时差额清单', appointments: '首席质量官聘任清单', certificates: '证书清单' };

/** Codes shown to people in exports as Chinese words. */
const VALUE_LABELS: Record<string, Record<string, string>> = {
  state: { on_track: '正常', at_risk: '进度落后', complete: '已完成', shortfall: '未完成', not_applicable: '不适用' },
  status: { serving: '在任', ended: '已离任', valid: '有效', revoked: '已撤销', superseded: '已换发' },
  end_reason: END_REASON_LABELS,
  kind: CERTIFICATE_TITLES,
  exception_flagged: { true: '是', false: '否' },
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
  return `CASE ${value} ${Object.entries(labels).map(([code, label]) => `WHEN ${literal(code)} THEN ${literal(label)}`).join(' ')} ELSE ${value} END`;
}

/**
 * CSV and XLSX of the regulators' lists, streamed: rows come from a server-side cursor in
 * batches (XLSX), or straight from PostgreSQL's COPY (CSV), and are written as the client
 * reads, so memory stays bounded whatever the export's size. CSV is UTF-8 with a BOM (Excel
 * opens it in Chinese). The list's ORDER BY is kept: the outer query only projects.
 */
@Injectable()
export class RegistryExportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dashboards: DashboardsService,
    private readonly clock: Clock,
  ) {}

  /** Checks scope and builds the query before anything is streamed, so a refusal is a clean 4xx. */
  async export(actor: Actor, list: RegulatorList, format: ExportFormat, filter: ExportFilter): Promise<ExportFile> {
    const query = await this.queryOf(actor, list, filter);
    const filename = `${list}-${chinaDateOf(this.clock.now())}.${format}`;
    if (format === 'csv') {
      return { filename, contentType: 'text/csv; charset=utf-8', stream: Readable.from(this.csv(query), { objectMode: false }) };
    }
    const rows = this.cells(query);
    return {
      filename,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      stream: streamXlsx(LIST_TITLES[list], query.columns.map((c) => ({ header: c.header, numeric: NUMERIC_COLUMNS.has(c.key) })), rows),
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
    // A free-text column could hold a spreadsheet formula: a leading ' keeps it text. Quoting is COPY's.
    const cell = (c: ListColumn) => (c.plain ? labelledSql(c) : `(SELECT CASE WHEN v ~ '^[=+@-]' THEN '''' || v ELSE v END FROM (SELECT ${labelledSql(c)} AS v) d)`);
    const sql = await inlineParameters(this.dataSource, `SELECT ${query.columns.map(cell).join(', ')} FROM (${query.sql}) q`, query.params);
    yield Buffer.from(`\ufeff${query.columns.map((c) => csvCell(c.header)).join(',')}\n`, 'utf8');
    for await (const chunk of await copyCsv(this.dataSource, sql)) yield chunk as Buffer;
  }

  private async *cells(query: ListQuery): AsyncGenerator<(string | null)[][]> {
    const sql = `SELECT ARRAY[${query.columns.map(labelledSql).join(', ')}] AS cells FROM (${query.sql}) q`;
    for await (const batch of cursorBatches(this.dataSource, sql, query.params, 2000)) {
      yield batch.map((row) => row.cells as (string | null)[]);
    }
  }
}

/** Columns written as numbers in XLSX. */
const NUMERIC_COLUMNS = new Set(['year', 'required', 'accrued', 'shortfall']);

/** One CSV cell (the header line; the rows are formatted by PostgreSQL the same way). */
export function csvCell(text: string): string {
  if (/^[=+@-]/.test(text)) return `"'${text.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
