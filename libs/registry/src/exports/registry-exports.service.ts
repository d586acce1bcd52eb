import { PassThrough, Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stream as excelStream } from 'exceljs';
import { DataSource } from 'typeorm';
import { CERTIFICATE_TITLES, CertificateKind } from '@cqo/certificates';
import { Actor, chinaDateOf, Clock } from '@cqo/core';
import { certificatesQuery, ListColumn, ListQuery } from '../dashboards/registry-lists';
import { DashboardsService } from '../dashboards/dashboards.service';
import { END_REASON_LABELS } from '../entities/cqo-appointment.entity';
import { regionFilterPath } from '../registry-scope';
import { cursorBatches } from './cursor';

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

/** Unread bytes allowed to wait in the XLSX output before the next batch is fetched. */
const XLSX_HIGH_WATER = 512 * 1024;

/**
 * CSV and XLSX of the regulators' lists, streamed: rows come from a server-side cursor in
 * batches and are written as they arrive, so memory stays bounded whatever the export's size.
 * CSV is UTF-8 with a BOM (Excel opens it in Chinese) and defuses spreadsheet formulas.
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
    return { filename, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', stream: this.xlsx(query, LIST_TITLES[list]) };
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
    yield Buffer.from(`\ufeff${query.columns.map((c) => csvCell(c.header)).join(',')}\r\n`, 'utf8');
    for await (const batch of cursorBatches(this.dataSource, query.sql, query.params)) {
      let chunk = '';
      for (const row of batch) chunk += `${query.columns.map((c) => csvCell(cellText(c, row[c.key]))).join(',')}\r\n`;
      yield Buffer.from(chunk, 'utf8');
    }
  }

  private xlsx(query: ListQuery, title: string): Readable {
    const out = new PassThrough();
    const workbook = new excelStream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
    const sheet = workbook.addWorksheet(title);
    let closed = false;
    out.once('close', () => (closed = true));
    const feed = async () => {
      sheet.addRow(query.columns.map((c) => c.header)).commit();
      for await (const batch of cursorBatches(this.dataSource, query.sql, query.params)) {
        if (closed) return;
        for (const row of batch) sheet.addRow(query.columns.map((c) => cellText(c, row[c.key]))).commit();
        // Hold the next batch until the client has read most of what is waiting.
        while (!closed && out.readableLength > XLSX_HIGH_WATER) await new Promise((resolve) => setTimeout(resolve, 2));
      }
      sheet.commit();
      await workbook.commit();
    };
    feed().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
    return out;
  }
}

function cellText(column: ListColumn, value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = value instanceof Date ? value.toISOString() : String(value);
  return VALUE_LABELS[column.key]?.[text] ?? text;
}

export function csvCell(text: string): string {
  // Quote, and defuse spreadsheet formulas.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
