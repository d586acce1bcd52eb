import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor, Page, PageRequest } from '@cqo/core';
import { chinaDateOf, Clock, CommonErrors, ObjectStorage, Role, runCommand, runPage, runPageWith, runQuery, safeFileName } from '@cqo/core';
import { NotificationsService } from '@cqo/notifications';
import { currentYear } from '@cqo/credit-hours';
import { APPRAISAL_RESULT_LABELS, AppraisalResult, EnterpriseYearlyReportEntity } from '../entities/yearly-report.entity';
import { assertCanSeeEnterprise, enterpriseScope, regionFilterPath, RegistryErrors } from '@cqo/registry';
import {
  acknowledgeEnterpriseReport,
  countEnterpriseReports,
  countNonFilers,
  enterpriseReportById,
  EnterpriseReportRow,
  listEnterpriseReports,
  lockEnterpriseReport,
  nonFilerAdmins,
  pageNonFilers,
  registryCqoInPlace,
  reportDueRule,
} from '../sql/reports.sql';
import type { ReportListParams } from '../sql/reports.sql';

/** The attached document: what a browser knows about it, and its bytes. */
export interface UploadedFile {
  fileName: string;
  contentType: string;
  data: Buffer;
}

export interface EnterpriseReportInput {
  year: number;
  cqoInPlace: boolean;
  appraisalSystemEstablished: boolean;
  appraisalResult: AppraisalResult;
  majorQualityIncidents: number;
  summary: string;
  file: UploadedFile;
}

export interface EnterpriseReportView extends EnterpriseReportRow {
  appraisalResultLabel: string;
  /** When the report was due (rule data: by default 31 January of the following year). */
  dueOn: string;
  filedLate: boolean;
  /** The declared cqoInPlace disagrees with the registry: flagged to the city. */
  cqoMismatch: boolean;
}

/** An enterprise on the lists that has not filed its report for the year. */
export interface NonFilerRow {
  enterpriseId: string;
  name: string;
  creditCode: string;
  regionName: string;
  year: number;
  dueOn: string;
  overdue: boolean;
}

/** What a yearly report may attach: the signed document as PDF, Word, or a scan. */
export const REPORT_FILE_TYPES: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};
export const REPORT_FILE_MAX_BYTES = 3 * 1024 * 1024;

/** Magic bytes of each type: a file is what it says it is. */
const SIGNATURES: Record<string, number[][]> = {
  pdf: [[0x25, 0x50, 0x44, 0x46]],
  doc: [[0xd0, 0xcf, 0x11, 0xe0]],
  docx: [[0x50, 0x4b, 0x03, 0x04]],
  jpg: [[0xff, 0xd8, 0xff]],
  png: [[0x89, 0x50, 0x4e, 0x47]],
};

/**
 * The enterprise's yearly written report to its city bureau: filed (and filed again, replacing
 * it) by the enterprise admin until the city acknowledges it. The file is kept in the
 * certificates lib's storage (STORAGE_DIR), its SHA-256 in the row.
 */
@Injectable()
export class EnterpriseReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly storage: ObjectStorage,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  /** The due date of the reports on `year`, from the report rules in force on 1 January of the next year. */
  async dueOn(year: number): Promise<string> {
    const [rule] = await runQuery(this.dataSource, reportDueRule, [year]);
    const m = rule?.m ?? 1;
    const d = rule?.d ?? 31;
    return `${year + 1}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }

  /**
   * Enterprises in scope, on the official lists by the end of `year`, that have not filed their
   * report on it (the city's list to chase), with the due date.
   */
  async nonFilers(actor: Actor, filter: { year: number; regionId?: string }, page: PageRequest): Promise<Page<NonFilerRow>> {
    const params = await this.nonFilersParams(actor, filter);
    const dueOn = await this.dueOn(filter.year);
    const overdue = chinaDateOf(this.clock.now()) > dueOn;
    return runPage(this.dataSource, { count: countNonFilers, rows: pageNonFilers }, params, page, (r) => ({
      enterpriseId: r.id,
      name: r.name,
      creditCode: r.credit_code,
      regionName: r.region_name,
      year: filter.year,
      dueOn,
      overdue,
    }));
  }

  /**
   * Reminds every non-filer's enterprise admins (a notification each). Once per enterprise, year
   * and day: a second click the same day sends nothing twice.
   */
  async remindNonFilers(actor: Actor, filter: { year: number; regionId?: string }): Promise<{ enterprises: number; notified: number }> {
    if (actor.role !== Role.Regulator) throw CommonErrors.outOfScope();
    const admins = await runQuery(this.dataSource, nonFilerAdmins, await this.nonFilersParams(actor, filter));
    const dueOn = await this.dueOn(filter.year);
    const today = chinaDateOf(this.clock.now());
    let notified = 0;
    await this.dataSource.transaction(async (manager) => {
      for (const a of admins) {
        const sent = await this.notifications.notify(
          {
            userId: a.user_id,
            kind: 'registry.report-reminder',
            title: `请报送${filter.year}年度首席质量官制度落实情况书面报告`,
            body: `${a.name}尚未报送${filter.year}年度首席质量官制度落实情况书面报告，报送截止日期为${dueOn}。`,
            dedupeKey: `registry.report-reminder:${a.enterprise_id}:${filter.year}:${a.user_id}:${today}`,
          },
          manager,
        );
        if (sent) notified += 1;
      }
    });
    return { enterprises: new Set(admins.map((a) => a.enterprise_id)).size, notified };
  }

  /** The non-filers' statements' parameters: the caller's scope and the year (checked). */
  private async nonFilersParams(actor: Actor, filter: { year: number; regionId?: string }): Promise<[string | null, number]> {
    if (actor.role !== Role.Regulator && actor.role !== Role.PlatformAdmin) throw CommonErrors.outOfScope();
    if (filter.year < 2000 || filter.year > currentYear(this.clock.now())) throw RegistryErrors.yearOutOfRange();
    const scopePath = await regionFilterPath(this.dataSource, actor, filter.regionId);
    return [scopePath, filter.year];
  }

  async file(actor: Actor, input: EnterpriseReportInput): Promise<EnterpriseReportView> {
    if (actor.role !== Role.EnterpriseAdmin || !actor.enterpriseId) throw CommonErrors.outOfScope();
    const now = this.clock.now();
    if (input.year > currentYear(now) || input.year < 2000) throw RegistryErrors.yearOutOfRange();
    const ext = checkFile(input.file);
    const sha256 = createHash('sha256').update(input.file.data).digest('hex');
    const key = `registry/enterprise-reports/${actor.enterpriseId}/${input.year}/${sha256}.${ext}`;
    // Stored before the row: a row never points at a missing file (an orphan file is harmless).
    await this.storage.put(key, input.file.data);
    const id = await this.dataSource.transaction(async (manager) => {
      const existing = await runQuery(manager, lockEnterpriseReport, [actor.enterpriseId!, input.year]);
      if (existing[0]?.status === 'acknowledged') throw RegistryErrors.reportAcknowledged();
      // What the registry says for the year: a term at this enterprise overlapping it.
      const [registry] = await runQuery(manager, registryCqoInPlace, [actor.enterpriseId!, input.year]);
      const row = {
        enterpriseId: actor.enterpriseId!,
        year: input.year,
        cqoInPlace: input.cqoInPlace,
        registryCqoInPlace: registry.in_place,
        appraisalSystemEstablished: input.appraisalSystemEstablished,
        appraisalResult: input.appraisalResult,
        majorQualityIncidents: input.majorQualityIncidents,
        summary: input.summary.trim(),
        file: {
          name: safeFileName(input.file.fileName),
          contentType: input.file.contentType,
          size: input.file.data.length,
          sha256,
          storageKey: key,
        },
        status: 'filed' as const,
        filedAt: now,
        filedBy: actor.userId,
      };
      const repo = manager.getRepository(EnterpriseYearlyReportEntity);
      if (existing[0]) {
        await repo.update({ id: existing[0].id }, row);
        return existing[0].id;
      }
      return (await repo.save(repo.create({ ...row, acknowledgedAt: null, acknowledgedBy: null, acknowledgementNote: null }))).id;
    });
    return this.view(id);
  }

  /** The city (or the province) signs for the report; the enterprise can no longer replace it. */
  async acknowledge(actor: Actor, id: string, note: string | null): Promise<EnterpriseReportView> {
    const report = await this.requireVisible(actor, id);
    if (actor.role !== Role.Regulator) throw CommonErrors.outOfScope();
    if (report.status === 'acknowledged') throw RegistryErrors.reportAcknowledged();
    await runCommand(this.dataSource, acknowledgeEnterpriseReport, [id, this.clock.now(), actor.userId, note?.trim() || null]);
    return this.view(id);
  }

  async get(actor: Actor, id: string): Promise<EnterpriseReportView> {
    await this.requireVisible(actor, id);
    return this.view(id);
  }

  async download(actor: Actor, id: string): Promise<{ fileName: string; contentType: string; data: Buffer }> {
    const report = await this.requireVisible(actor, id);
    const data = await this.storage.get(report.file.storageKey);
    if (!data) throw RegistryErrors.reportNotFound();
    return { fileName: report.file.name, contentType: report.file.contentType, data };
  }

  async list(
    actor: Actor,
    filter: { year?: number; regionId?: string; status?: 'filed' | 'acknowledged'; mismatch?: boolean },
    page: PageRequest,
  ): Promise<Page<EnterpriseReportView>> {
    let scopePath: string | null = null;
    let own: string | null = null;
    if (actor.role === Role.EnterpriseAdmin) own = actor.enterpriseId;
    else scopePath = await regionFilterPath(this.dataSource, actor, filter.regionId);
    const params: ReportListParams = [scopePath, own, filter.year ?? null, filter.status ?? null, filter.mismatch ?? null];
    return runPageWith(this.dataSource, { count: countEnterpriseReports, rows: listEnterpriseReports }, params, page, (rows) =>
      this.withDueDates(rows),
    );
  }

  private async requireVisible(actor: Actor, id: string): Promise<EnterpriseYearlyReportEntity> {
    const report = await this.dataSource.getRepository(EnterpriseYearlyReportEntity).findOneBy({ id });
    if (!report) throw RegistryErrors.reportNotFound();
    assertCanSeeEnterprise(actor, await enterpriseScope(this.dataSource, report.enterpriseId));
    return report;
  }

  private async view(id: string): Promise<EnterpriseReportView> {
    const rows = await runQuery(this.dataSource, enterpriseReportById, [id]);
    return (await this.withDueDates(rows))[0];
  }

  private async withDueDates(rows: EnterpriseReportRow[]): Promise<EnterpriseReportView[]> {
    const due = new Map<number, string>();
    for (const year of new Set(rows.map((r) => r.year))) due.set(year, await this.dueOn(year));
    return rows.map((r) => toView(r, due.get(r.year)!));
  }
}

function checkFile(file: UploadedFile): string {
  const ext = REPORT_FILE_TYPES[file.contentType];
  if (!ext) throw RegistryErrors.reportFileInvalid([{ field: 'file.contentType', message: `仅接受 PDF、Word、JPEG、PNG 文件` }]);
  if (file.data.length === 0) throw RegistryErrors.reportFileInvalid([{ field: 'file.contentBase64', message: '文件为空' }]);
  if (file.data.length > REPORT_FILE_MAX_BYTES)
    throw RegistryErrors.reportFileInvalid([{ field: 'file.contentBase64', message: '文件不能超过3MB' }]);
  if (!SIGNATURES[ext].some((sig) => sig.every((b, i) => file.data[i] === b))) {
    throw RegistryErrors.reportFileInvalid([{ field: 'file.contentBase64', message: '文件内容与类型不符' }]);
  }
  return ext;
}

function toView(r: EnterpriseReportRow, dueOn: string): EnterpriseReportView {
  return {
    ...r,
    appraisalResultLabel: APPRAISAL_RESULT_LABELS[r.appraisalResult],
    dueOn,
    filedLate: chinaDateOf(r.filedAt) > dueOn,
    cqoMismatch: r.registryCqoInPlace !== null && r.registryCqoInPlace !== r.cqoInPlace,
  };
}
