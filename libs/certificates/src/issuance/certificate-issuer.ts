import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig, chinaYearOf, Clock, isUniqueViolation } from '@cqo/core';
import { CertificateEntity } from '../certificate.entity';
import {
  CERTIFICATE_TITLES,
  CertificateContent,
  CertificateFacts,
  CertificateHolder,
  CertificateKind,
  CourseCompletionFacts,
  FactsOf,
} from '../certificate.types';
import { CertificateErrors } from '../certificates.errors';
import { CertificateKey, CertificatesRepository, CourseNames } from '../certificates.repository';
import { CertificateRenderPool } from '../rendering/certificate-render-pool';
import { CertificateRenderer } from '../rendering/certificate-renderer';
import { formatSerial } from '../serials/serial-number';
import { CertificateSigner, sha256Hex } from '../signing/certificate-signer';
import { CertificateStorage } from '../storage/certificate-storage';
import { Semaphore } from './semaphore';

/** Issuances rendering and saving at once in one process (the worker runs 16 jobs at a time). */
const PARALLEL_ISSUANCES = 16;

export interface IssueRequest<K extends CertificateKind = CertificateKind> {
  traineeId: string;
  kind: K;
  /** What the certificate is for: the enrollment id (course completion), `appointment`, `continuing-education`. */
  subjectKey: string;
  /** `once` or a year. */
  period: string;
  facts: FactsOf<K>;
}

/** A course completion to certify: the facts but the printed names, which the issuance reads itself. */
export interface CourseCompletionRequest extends CertificateKey {
  kind: 'course_completion';
  facts: Omit<CourseCompletionFacts, 'courseTitle' | 'organizationName'>;
  /** Called when the course version or its organization is missing; what it throws fails the issuance. */
  missingCourse: () => Error;
}

/** A version rendered, hashed and signed, not yet saved. */
export interface PreparedVersion {
  row: Omit<CertificateEntity, 'id'>;
  pdf: Buffer;
  actorId: string | null;
  reason: string | null;
}

export interface IssueResult {
  certificate: CertificateEntity;
  /** False when the certificate already existed (a retried or duplicated job, a trainee asking again). */
  created: boolean;
}

/** Where a new version comes from: a first issue, or a reissue replacing `previous`. */
interface VersionSpec {
  traineeId: string;
  kind: CertificateKind;
  subjectKey: string;
  period: string;
  facts: CertificateFacts;
  holder: CertificateHolder;
  regionId: string;
  previous: CertificateEntity | null;
  actorId: string | null;
  reason: string | null;
}

/**
 * Issues certificates: one per (trainee, kind, subject, period), whatever the number of jobs
 * that ask. The serial comes from a PostgreSQL sequence (never reused), the PDF is rendered
 * from the content alone (on a render thread), hashed, signed with Ed25519, and recorded with
 * its history entry and the holder's notification in one statement; the file is stored after.
 */
@Injectable()
export class CertificateIssuer {
  private readonly slots = new Semaphore(PARALLEL_ISSUANCES);

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly repository: CertificatesRepository,
    private readonly renderer: CertificateRenderer,
    private readonly renderPool: CertificateRenderPool,
    private readonly signer: CertificateSigner,
    private readonly storage: CertificateStorage,
    private readonly clock: Clock,
  ) {}

  async issue<K extends CertificateKind>(request: IssueRequest<K>): Promise<IssueResult> {
    if (request.facts.kind !== request.kind) throw CertificateErrors.factsMismatch();
    return this.slots.run(() => this.issueNew(request, null, () => request.facts));
  }

  /**
   * Issues a course completion certificate; the course's printed names are read by the issuance's
   * first query (with the existing certificate and the holder), not by a round trip of their own.
   */
  async issueCourseCompletion(request: CourseCompletionRequest): Promise<IssueResult> {
    if (request.facts.kind !== request.kind) throw CertificateErrors.factsMismatch();
    const course = { courseVersionId: request.facts.courseVersionId, organizationId: request.facts.organizationId };
    return this.slots.run(() =>
      this.issueNew(request, course, (names) => {
        if (!names) throw request.missingCourse();
        return { ...request.facts, ...names };
      }),
    );
  }

  private async issueNew(
    key: CertificateKey,
    course: { courseVersionId: string; organizationId: string } | null,
    factsOf: (courseNames: CourseNames | null) => CertificateFacts,
  ): Promise<IssueResult> {
    // Another issuance of the same subject may have finished while this one waited for a slot.
    const { existingId, holder, courseNames } = await this.repository.issuanceStart(key, course ?? undefined);
    const existing = existingId ? await this.repository.findById(existingId) : null;
    if (existing) return { certificate: existing, created: false };
    if (!holder) throw CertificateErrors.holderNotFound();
    const facts = factsOf(courseNames);
    const printed = {
      holder: { name: holder.fullName, idNumberMasked: holder.idNumberMasked },
      facts,
      issuer: this.config.certificates.issuerName,
    };
    // Refuse a name the fonts cannot draw before a serial is spent.
    this.renderer.assertPrintable(printed);

    // Rendering (CPU) happens outside the transaction, which only inserts. Two duplicate jobs
    // racing past the check above both render; the partial unique index over the current version
    // lets one insert win, and the other returns the winner (its drawn serial is never used).
    const prepared = await this.prepareVersion({
      ...key,
      facts,
      holder: printed.holder,
      regionId: holder.regionId,
      previous: null,
      actorId: null,
      reason: null,
    });
    let certificate: CertificateEntity;
    try {
      certificate = await this.saveVersion(this.dataSource.manager, prepared);
    } catch (error) {
      if (!isUniqueViolation(error, 'ux_certificates_current')) throw error;
      const winner = await this.repository.findCurrent(key);
      if (!winner) throw error;
      return { certificate: winner, created: false };
    }
    await this.store(prepared);
    return { certificate, created: true };
  }

  /**
   * Prepares the next version of `previous` (the reissue path): rendered, hashed and signed, not
   * yet saved. The caller saves it with {@link saveVersion} in the transaction that marks
   * `previous` superseded, then {@link store}s the file.
   */
  prepareReissue(
    previous: CertificateEntity,
    update: { holder: CertificateHolder; facts: CertificateFacts; actorId: string; reason: string },
  ): Promise<PreparedVersion> {
    return this.prepareVersion({
      traineeId: previous.traineeId,
      kind: previous.kind,
      subjectKey: previous.subjectKey,
      period: previous.period,
      facts: update.facts,
      holder: update.holder,
      regionId: previous.regionId,
      previous,
      actorId: update.actorId,
      reason: update.reason,
    });
  }

  /** Stores the PDF after commit: were the process to die first, reading the record re-renders it to the same bytes. */
  async store(prepared: PreparedVersion): Promise<void> {
    await this.storage.put(prepared.row.storageKey, prepared.pdf);
  }

  private async prepareVersion(spec: VersionSpec): Promise<PreparedVersion> {
    const now = this.clock.now();
    const sequence = await this.repository.nextSerialNumber();
    const serial = formatSerial(this.config.certificates.serialRegion, spec.kind, chinaYearOf(now), sequence);
    const verifyToken = randomBytes(16).toString('base64url');
    const content: CertificateContent = {
      format: 1,
      serial,
      kind: spec.kind,
      version: (spec.previous?.version ?? 0) + 1,
      previousSerial: spec.previous?.serial ?? null,
      holder: spec.holder,
      subjectKey: spec.subjectKey,
      period: spec.period,
      facts: spec.facts,
      issuer: this.config.certificates.issuerName,
      // The issue date is frozen at the first issue; a reissue keeps it and adds its own date.
      issuedAt: spec.previous ? spec.previous.content.issuedAt : now.toISOString(),
      versionIssuedAt: now.toISOString(),
      verifyUrl: `${this.config.publicBaseUrl}/verify/${verifyToken}`,
    };
    const pdf = await this.renderPool.render(content);
    const pdfSha256 = sha256Hex(pdf);
    const year = spec.previous?.year ?? yearOf(spec.facts, now);
    const row: Omit<CertificateEntity, 'id'> = {
      serial,
      verifyToken,
      traineeId: spec.traineeId,
      kind: spec.kind,
      subjectKey: spec.subjectKey,
      period: spec.period,
      year,
      version: content.version,
      previousId: spec.previous?.id ?? null,
      status: 'valid',
      regionId: spec.regionId,
      organizationId: spec.facts.kind === 'course_completion' ? spec.facts.organizationId : null,
      courseId: spec.facts.kind === 'course_completion' ? spec.facts.courseId : null,
      content,
      pdfSha256,
      pdfSize: pdf.length,
      signature: this.signer.sign(content, pdfSha256),
      signingKeyId: this.signer.keyId,
      storageKey: `certificates/${year}/${serial}.pdf`,
      issuedAt: new Date(content.issuedAt),
      createdAt: now,
      revokedAt: null,
      revokedBy: null,
      revocationReason: null,
      supersededAt: null,
      suspendedAt: null,
      suspensionReason: null,
    };
    return { row, pdf, actorId: spec.actorId, reason: spec.reason };
  }

  /** Inserts the prepared version, its history entry and the holder's notification (one statement, in the caller's transaction if any). */
  saveVersion(manager: EntityManager, prepared: PreparedVersion): Promise<CertificateEntity> {
    const { row } = prepared;
    return this.repository.insertVersion(manager, row, { actorId: prepared.actorId, reason: prepared.reason }, (certificateId) => ({
      userId: row.traineeId,
      kind: 'certificate_issued',
      title: row.previousId ? `您的${CERTIFICATE_TITLES[row.kind]}已换发` : `您的${CERTIFICATE_TITLES[row.kind]}已签发`,
      body: `证书编号 ${row.serial}，可在“我的证书”中下载。`,
      dedupeKey: `certificate:${certificateId}`,
    }));
  }
}

/** The year a certificate belongs to: the completion year, the yearly certificate's year, or the year of issue. */
function yearOf(facts: CertificateFacts, issuedAt: Date): number {
  switch (facts.kind) {
    case 'course_completion':
      return chinaYearOf(new Date(facts.completedAt));
    case 'yearly_continuing':
      return facts.year;
    case 'appointment_training':
      return chinaYearOf(issuedAt);
    default: {
      const unreachable: never = facts;
      throw new Error(`unknown facts ${JSON.stringify(unreachable)}`);
    }
  }
}
