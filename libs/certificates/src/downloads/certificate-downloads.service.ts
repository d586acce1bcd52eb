import { Injectable } from '@nestjs/common';
import { Actor, CommonErrors, offsetOf, Page, pageOf, PageRequest, regionScopeSql, Role } from '@cqo/core';
import { CertificateEntity } from '../certificate.entity';
import { canSee } from '../certificate-scope';
import { CERTIFICATE_TITLES, CertificateKind, CertificateStatus } from '../certificate.types';
import { CertificateErrors } from '../certificates.errors';
import { CertificatesRepository } from '../certificates.repository';
import type { CertificateHistoryEntry } from '../sql/certificates.sql';
import { CertificateFilesService } from '../storage/certificate-files.service';
import { hoursSummary } from '../verification/certificate-verification.service';
import { scopeClause } from './certificate-query-scope';

/** A certificate as its holder and the staff who may see it get it: the ID number masked. */
export interface CertificateView {
  id: string;
  serial: string;
  kind: CertificateKind;
  title: string;
  status: CertificateStatus;
  version: number;
  previousId: string | null;
  traineeId: string;
  holderName: string;
  idNumberMasked: string;
  hours: string[];
  issuer: string;
  year: number;
  courseId: string | null;
  organizationId: string | null;
  verifyUrl: string;
  issuedAt: Date;
  versionIssuedAt: Date;
  revokedAt: Date | null;
  revocationReason: string | null;
  supersededAt: Date | null;
}

export type { CertificateHistoryEntry };

export interface CertificateFilter {
  kind?: CertificateKind;
  status?: CertificateStatus;
  courseId?: string;
  regionId?: string;
  year?: number;
}

export interface CertificateFile {
  filename: string;
  pdf: Buffer;
}

/**
 * Reading certificates and their PDFs. Trainees see their own; org admins those of their
 * organization's courses; regulators those in their region; platform admins all. Out of scope
 * is 403 for a certificate that exists (as elsewhere in the API), 404 for one that does not.
 */
@Injectable()
export class CertificateDownloadsService {
  constructor(
    private readonly repository: CertificatesRepository,
    private readonly files: CertificateFilesService,
  ) {}

  async list(actor: Actor, filter: CertificateFilter, page: PageRequest): Promise<Page<CertificateView>> {
    const qb = this.repository.manager
      .getRepository(CertificateEntity)
      .createQueryBuilder('c')
      .innerJoin('regions', 'r', 'r.id = c.region_id');
    const scope = scopeClause(actor);
    qb.where(scope.sql, scope.params);
    if (filter.kind) qb.andWhere('c.kind = :kind', { kind: filter.kind });
    if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
    if (filter.courseId) qb.andWhere('c.course_id = :courseId', { courseId: filter.courseId });
    if (filter.year) qb.andWhere('c.year = :year', { year: filter.year });
    if (filter.regionId) {
      qb.andWhere(`EXISTS (SELECT 1 FROM regions f WHERE f.id = :regionId AND ${regionScopeSql('r.path', 'f.path')})`, {
        regionId: filter.regionId,
      });
    }
    const [rows, total] = await qb
      .orderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .skip(offsetOf(page))
      .take(page.pageSize)
      .getManyAndCount();
    return pageOf(rows.map(toView), total, page);
  }

  async get(actor: Actor, id: string): Promise<CertificateView> {
    return toView(await this.requireVisible(actor, id));
  }

  /** Every version of the certificate and what happened to each, oldest first. */
  async history(actor: Actor, id: string): Promise<CertificateHistoryEntry[]> {
    await this.requireVisible(actor, id);
    return this.repository.chainHistory(id);
  }

  /** The PDF exactly as signed (re-rendered from the record if the stored file is missing or altered). */
  async pdf(actor: Actor, id: string): Promise<CertificateFile> {
    const certificate = await this.requireVisible(actor, id);
    return { filename: `${certificate.serial}.pdf`, pdf: await this.files.read(certificate) };
  }

  private async requireVisible(actor: Actor, id: string): Promise<CertificateEntity> {
    const certificate = await this.repository.findById(id);
    if (!certificate) throw CertificateErrors.notFound();
    // A trainee is told "not found" for someone else's certificate: its existence is nobody else's business.
    if (actor.role === Role.Trainee && certificate.traineeId !== actor.userId) throw CertificateErrors.notFound();
    const regionPath = await this.repository.regionPathOf(certificate.regionId);
    if (!canSee(actor, certificate, regionPath)) throw CommonErrors.outOfScope();
    return certificate;
  }
}

export function toView(c: CertificateEntity): CertificateView {
  return {
    id: c.id,
    serial: c.serial,
    kind: c.kind,
    title: CERTIFICATE_TITLES[c.kind],
    status: c.status,
    version: c.version,
    previousId: c.previousId,
    traineeId: c.traineeId,
    holderName: c.content.holder.name,
    idNumberMasked: c.content.holder.idNumberMasked,
    hours: hoursSummary(c.content.facts),
    issuer: c.content.issuer,
    year: c.year,
    courseId: c.courseId,
    organizationId: c.organizationId,
    verifyUrl: c.content.verifyUrl,
    issuedAt: c.issuedAt,
    versionIssuedAt: c.createdAt,
    revokedAt: c.revokedAt,
    revocationReason: c.revocationReason,
    supersededAt: c.supersededAt,
  };
}
