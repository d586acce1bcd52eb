import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  Actor,
  chinaDateOf,
  Clock,
  CommonErrors,
  ObjectStorage,
  offsetOf,
  Page,
  pageOf,
  PageRequest,
  regionScopeOrAllSql,
  Role,
} from '@cqo/core';
import { NotificationsService } from '@cqo/notifications';
import { currentYear } from '@cqo/credit-hours';
import { APPRAISAL_RESULT_LABELS, AppraisalResult, EnterpriseYearlyReportEntity } from '../entities/yearly-report.entity';
import { assertCanSeeEnterprise, enterpriseScope, regionFilterPath, RegistryErrors } from '@cqo/registry';

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

export interface EnterpriseReportView {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  regionName: string;
  year: number;
  cqoInPlace: boolean;
  appraisalSystemEstablished: boolean;
  appraisalResult: AppraisalResult;
  appraisalResultLabel: string;
  majorQualityIncidents: number;
  summary: string;
  fileName: string;
  fileContentType: string;
  fileSize: number;
  fileSha256: string;
  status: 'filed' | 'acknowledged';
  filedAt: Date;
  acknowledgedAt: Date | null;
  acknowledgementNote: string | null;
  /** When the report was due (rule data: by default 31 January of the following year). */
  dueOn: string;
  filedLate: boolean;
  /** What the registry says: a CQO served at the enterprise during the year. */
  registryCqoInPlace: boolean | null;
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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly storage: ObjectStorage,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  /** The due date of the reports on `year`, from the report rules in force on 1 January of the next year. */
  async dueOn(year: number): Promise<string> {
    const [rule]: { m: number; d: number }[] = await this.dataSource.query(
      `SELECT enterprise_report_due_month AS m, enterprise_report_due_day AS d FROM registry_report_rules
        WHERE effective_from <= make_date($1::int + 1, 1, 1) ORDER BY effective_from DESC LIMIT 1`,
      [year],
    );
    const m = rule?.m ?? 1;
    const d = rule?.d ?? 31;
    return `${year + 1}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }

  /**
   * Enterprises in scope, on the official lists by the end of `year`, that have not filed their
   * report on it (the city's list to chase), with the due date.
   */
  async nonFilers(actor: Actor, filter: { year: number; regionId?: string }, page: PageRequest): Promise<Page<NonFilerRow>> {
    const query = await this.nonFilersQuery(actor, filter);
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM (${query.sql}) q`,
      query.params,
    );
    const rows: { id: string; name: string; credit_code: string; region_name: string }[] = await this.dataSource.query(
      `${query.sql} ORDER BY g.path, e.name, e.id LIMIT $3 OFFSET $4`,
      [...query.params, page.pageSize, offsetOf(page)],
    );
    const dueOn = await this.dueOn(filter.year);
    const overdue = chinaDateOf(this.clock.now()) > dueOn;
    return pageOf(
      rows.map((r) => ({
        enterpriseId: r.id,
        name: r.name,
        creditCode: r.credit_code,
        regionName: r.region_name,
        year: filter.year,
        dueOn,
        overdue,
      })),
      total,
      page,
    );
  }

  /**
   * Reminds every non-filer's enterprise admins (a notification each). Once per enterprise, year
   * and day: a second click the same day sends nothing twice.
   */
  async remindNonFilers(actor: Actor, filter: { year: number; regionId?: string }): Promise<{ enterprises: number; notified: number }> {
    if (actor.role !== Role.Regulator) throw CommonErrors.outOfScope();
    const query = await this.nonFilersQuery(actor, filter);
    const admins: { user_id: string; enterprise_id: string; name: string }[] = await this.dataSource.query(
      `SELECT u.id AS user_id, q.id AS enterprise_id, q.name FROM (${query.sql}) q
         JOIN users u ON u.enterprise_id = q.id AND u.role = 'enterprise_admin' AND u.status = 'active'`,
      query.params,
    );
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

  private async nonFilersQuery(actor: Actor, filter: { year: number; regionId?: string }): Promise<{ sql: string; params: unknown[] }> {
    if (actor.role !== Role.Regulator && actor.role !== Role.PlatformAdmin) throw CommonErrors.outOfScope();
    if (filter.year < 2000 || filter.year > currentYear(this.clock.now())) throw RegistryErrors.yearOutOfRange();
    const scopePath = await regionFilterPath(this.dataSource, actor, filter.regionId);
    return {
      sql: `SELECT e.id, e.name, e.credit_code, g.name AS region_name FROM enterprises e JOIN regions g ON g.id = e.region_id
             WHERE ${regionScopeOrAllSql('g.path', '$1')}
               AND EXISTS (SELECT 1 FROM enterprise_master_versions v WHERE v.enterprise_id = e.id AND v.effective_on <= make_date($2::int, 12, 31))
               AND NOT EXISTS (SELECT 1 FROM enterprise_yearly_reports r WHERE r.enterprise_id = e.id AND r.year = $2)`,
      params: [scopePath, filter.year],
    };
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
      const existing: { id: string; status: string }[] = await manager.query(
        'SELECT id, status FROM enterprise_yearly_reports WHERE enterprise_id = $1 AND year = $2 FOR UPDATE',
        [actor.enterpriseId, input.year],
      );
      if (existing[0]?.status === 'acknowledged') throw RegistryErrors.reportAcknowledged();
      // What the registry says for the year: a term at this enterprise overlapping it.
      const [registry]: { in_place: boolean }[] = await manager.query(
        `SELECT EXISTS (SELECT 1 FROM cqo_appointments a WHERE a.enterprise_id = $1 AND a.appointed_on <= make_date($2::int, 12, 31)
                  AND LEAST(COALESCE(a.ended_on, a.term_ends_on), a.term_ends_on) >= make_date($2::int, 1, 1)) AS in_place`,
        [actor.enterpriseId, input.year],
      );
      const row = {
        enterpriseId: actor.enterpriseId!,
        year: input.year,
        cqoInPlace: input.cqoInPlace,
        registryCqoInPlace: registry.in_place,
        appraisalSystemEstablished: input.appraisalSystemEstablished,
        appraisalResult: input.appraisalResult,
        majorQualityIncidents: input.majorQualityIncidents,
        summary: input.summary.trim(),
        fileName: input.file.fileName.replace(/[\\/\r\n"]/g, '_').slice(0, 200),
        fileContentType: input.file.contentType,
        fileSize: input.file.data.length,
        fileSha256: sha256,
        fileStorageKey: key,
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
    await this.dataSource.query(
      `UPDATE enterprise_yearly_reports SET status = 'acknowledged', acknowledged_at = $2, acknowledged_by = $3, acknowledgement_note = $4
        WHERE id = $1 AND status = 'filed'`,
      [id, this.clock.now(), actor.userId, note?.trim() || null],
    );
    return this.view(id);
  }

  async get(actor: Actor, id: string): Promise<EnterpriseReportView> {
    await this.requireVisible(actor, id);
    return this.view(id);
  }

  async download(actor: Actor, id: string): Promise<{ fileName: string; contentType: string; data: Buffer }> {
    const report = await this.requireVisible(actor, id);
    const data = await this.storage.get(report.fileStorageKey);
    if (!data) throw RegistryErrors.reportNotFound();
    return { fileName: report.fileName, contentType: report.fileContentType, data };
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
    const params: unknown[] = [scopePath, own, filter.year ?? null, filter.status ?? null, filter.mismatch ?? null];
    const where = `WHERE ${regionScopeOrAllSql('g.path', '$1')} AND ($2::uuid IS NULL OR r.enterprise_id = $2)
                     AND ($3::int IS NULL OR r.year = $3) AND ($4::text IS NULL OR r.status = $4)
                     AND ($5::boolean IS NULL OR (r.cqo_in_place IS DISTINCT FROM r.registry_cqo_in_place) = $5)`;
    const [{ total }]: { total: number }[] = await this.dataSource.query(`SELECT count(*)::int AS total ${FROM} ${where}`, params);
    const rows: RawReport[] = await this.dataSource.query(
      `${SELECT} ${FROM} ${where} ORDER BY r.year DESC, g.path, e.name, r.id LIMIT $6 OFFSET $7`,
      [...params, page.pageSize, offsetOf(page)],
    );
    return pageOf(await this.withDueDates(rows), total, page);
  }

  private async requireVisible(actor: Actor, id: string): Promise<EnterpriseYearlyReportEntity> {
    const report = await this.dataSource.getRepository(EnterpriseYearlyReportEntity).findOneBy({ id });
    if (!report) throw RegistryErrors.reportNotFound();
    assertCanSeeEnterprise(actor, await enterpriseScope(this.dataSource, report.enterpriseId));
    return report;
  }

  private async view(id: string): Promise<EnterpriseReportView> {
    const rows: RawReport[] = await this.dataSource.query(`${SELECT} ${FROM} WHERE r.id = $1`, [id]);
    return (await this.withDueDates(rows))[0];
  }

  private async withDueDates(rows: RawReport[]): Promise<EnterpriseReportView[]> {
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

const SELECT = `SELECT r.*, e.name AS enterprise_name, g.name AS region_name`;
const FROM = `FROM enterprise_yearly_reports r JOIN enterprises e ON e.id = r.enterprise_id JOIN regions g ON g.id = e.region_id`;

interface RawReport {
  id: string;
  enterprise_id: string;
  enterprise_name: string;
  region_name: string;
  year: number;
  cqo_in_place: boolean;
  appraisal_system_established: boolean;
  appraisal_result: AppraisalResult;
  major_quality_incidents: number;
  summary: string;
  file_name: string;
  file_content_type: string;
  file_size: number;
  file_sha256: string;
  status: 'filed' | 'acknowledged';
  filed_at: Date;
  acknowledged_at: Date | null;
  acknowledgement_note: string | null;
  registry_cqo_in_place: boolean | null;
}

function toView(r: RawReport, dueOn: string): EnterpriseReportView {
  return {
    id: r.id,
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    regionName: r.region_name,
    year: r.year,
    cqoInPlace: r.cqo_in_place,
    appraisalSystemEstablished: r.appraisal_system_established,
    appraisalResult: r.appraisal_result,
    appraisalResultLabel: APPRAISAL_RESULT_LABELS[r.appraisal_result],
    majorQualityIncidents: r.major_quality_incidents,
    summary: r.summary,
    fileName: r.file_name,
    fileContentType: r.file_content_type,
    fileSize: r.file_size,
    fileSha256: r.file_sha256,
    status: r.status,
    filedAt: r.filed_at,
    acknowledgedAt: r.acknowledged_at,
    acknowledgementNote: r.acknowledgement_note,
    dueOn,
    filedLate: chinaDateOf(r.filed_at) > dueOn,
    registryCqoInPlace: r.registry_cqo_in_place,
    cqoMismatch: r.registry_cqo_in_place !== null && r.registry_cqo_in_place !== r.cqo_in_place,
  };
}
