import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CertificateStorage } from '@cqo/certificates';
import { Actor, Clock, CommonErrors, offsetOf, Page, pageOf, PageRequest, Role } from '@cqo/core';
import { currentYear } from '@cqo/credit-hours';
import { APPRAISAL_RESULT_LABELS, AppraisalResult, EnterpriseYearlyReportEntity } from '../entities/yearly-report.entity';
import { RegistryErrors } from '../registry.errors';
import { assertCanSeeEnterprise, enterpriseScope, pathInScopeSql, regionFilterPath } from '../registry-scope';

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
    private readonly storage: CertificateStorage,
    private readonly clock: Clock,
  ) {}

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
      const row = {
        enterpriseId: actor.enterpriseId!,
        year: input.year,
        cqoInPlace: input.cqoInPlace,
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

  async list(actor: Actor, filter: { year?: number; regionId?: string; status?: 'filed' | 'acknowledged' }, page: PageRequest): Promise<Page<EnterpriseReportView>> {
    let scopePath: string | null = null;
    let own: string | null = null;
    if (actor.role === Role.EnterpriseAdmin) own = actor.enterpriseId;
    else scopePath = await regionFilterPath(this.dataSource, actor, filter.regionId);
    const params: unknown[] = [scopePath, own, filter.year ?? null, filter.status ?? null];
    const where = `WHERE ${pathInScopeSql('g.path', '$1')} AND ($2::uuid IS NULL OR r.enterprise_id = $2)
                     AND ($3::int IS NULL OR r.year = $3) AND ($4::text IS NULL OR r.status = $4)`;
    const [{ total }]: { total: number }[] = await this.dataSource.query(`SELECT count(*)::int AS total ${FROM} ${where}`, params);
    const rows: RawReport[] = await this.dataSource.query(`${SELECT} ${FROM} ${where} ORDER BY r.year DESC, g.path, e.name, r.id LIMIT $5 OFFSET $6`, [
      ...params,
      page.pageSize,
      offsetOf(page),
    ]);
    return pageOf(rows.map(toView), total, page);
  }

  private async requireVisible(actor: Actor, id: string): Promise<EnterpriseYearlyReportEntity> {
    const report = await this.dataSource.getRepository(EnterpriseYearlyReportEntity).findOneBy({ id });
    if (!report) throw RegistryErrors.reportNotFound();
    assertCanSeeEnterprise(actor, await enterpriseScope(this.dataSource, report.enterpriseId));
    return report;
  }

  private async view(id: string): Promise<EnterpriseReportView> {
    const rows: RawReport[] = await this.dataSource.query(`${SELECT} ${FROM} WHERE r.id = $1`, [id]);
    return toView(rows[0]);
  }
}

function checkFile(file: UploadedFile): string {
  const ext = REPORT_FILE_TYPES[file.contentType];
  if (!ext) throw RegistryErrors.reportFileInvalid([{ field: 'file.contentType', message: `仅接受 PDF、Word、JPEG、PNG 文件` }]);
  if (file.data.length === 0) throw RegistryErrors.reportFileInvalid([{ field: 'file.contentBase64', message: '文件为空' }]);
  if (file.data.length > REPORT_FILE_MAX_BYTES) throw RegistryErrors.reportFileInvalid([{ field: 'file.contentBase64', message: '文件不能超过3MB' }]);
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
}

function toView(r: RawReport): EnterpriseReportView {
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
  };
}
