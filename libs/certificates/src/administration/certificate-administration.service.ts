import { Injectable } from '@nestjs/common';
import { Actor, Clock, CommonErrors, runCommand } from '@cqo/core';
import { CertificateEntity } from '../certificate.entity';
import { canAdminister } from '../certificate-scope';
import { CertificateFacts } from '../certificate.types';
import { CertificateErrors } from '../certificates.errors';
import { CertificatesRepository } from '../certificates.repository';
import { CertificateIssuer } from '../issuance/certificate-issuer';
import { CourseFactsSource } from '../issuance/course-facts.source';
import { CertificateRenderer } from '../rendering/certificate-renderer';
import * as sql from '../sql/certificate-status.sql';

/**
 * Revocation and reissue, by a platform admin or a regulator of the certificate's region.
 * Neither deletes anything: a revoked certificate stays on record as revoked, a reissued one
 * as superseded, with who, when and why in its history.
 */
@Injectable()
export class CertificateAdministrationService {
  constructor(
    private readonly repository: CertificatesRepository,
    private readonly issuer: CertificateIssuer,
    private readonly courseFacts: CourseFactsSource,
    private readonly renderer: CertificateRenderer,
    private readonly clock: Clock,
  ) {}

  async revoke(actor: Actor, id: string, reason: string): Promise<CertificateEntity> {
    const text = reason.trim();
    if (!text) throw CertificateErrors.reasonRequired();
    const certificate = await this.requireAdministrable(actor, id);
    return this.repository.transaction(async (manager) => {
      const now = this.clock.now();
      const { rowCount } = await runCommand(manager, sql.revokeCertificate, [certificate.id, now, actor.userId, text]);
      if (rowCount !== 1) throw CertificateErrors.notValid(certificate.status);
      await this.repository.recordEvent(manager, {
        certificateId: certificate.id,
        type: 'revoked',
        actorId: actor.userId,
        reason: text,
        at: now,
      });
      return (await this.repository.findById(certificate.id, manager))!;
    });
  }

  /**
   * Issues a corrected version: the holder's name and masked ID number are read again from the
   * profile and, for a course, the title and organization name from the course; the hours stay
   * as recorded. The old version becomes superseded; the first issue date is kept.
   */
  async reissue(actor: Actor, id: string, reason: string): Promise<CertificateEntity> {
    const text = reason.trim();
    if (!text) throw CertificateErrors.reasonRequired();
    const certificate = await this.requireAdministrable(actor, id);
    if (certificate.status !== 'valid') throw CertificateErrors.notValid(certificate.status);
    const holderRow = await this.repository.holder(certificate.traineeId);
    if (!holderRow) throw CertificateErrors.holderNotFound();
    const holder = { name: holderRow.fullName, idNumberMasked: holderRow.idNumberMasked };
    const facts = await this.refreshedFacts(certificate.content.facts);
    this.renderer.assertPrintable({ holder, facts, issuer: certificate.content.issuer });
    const prepared = await this.issuer.prepareReissue(certificate, { holder, facts, actorId: actor.userId, reason: text });
    const reissued = await this.repository.transaction(async (manager) => {
      await this.repository.lockSubject(manager, certificate);
      // The old version ends when the new one begins.
      const now = prepared.row.createdAt;
      const { rowCount } = await runCommand(manager, sql.supersedeCertificate, [certificate.id, now]);
      if (rowCount !== 1) throw CertificateErrors.notValid('superseded');
      await this.repository.recordEvent(manager, {
        certificateId: certificate.id,
        type: 'superseded',
        actorId: actor.userId,
        reason: text,
        at: now,
      });
      return this.issuer.saveVersion(manager, prepared);
    });
    await this.issuer.store(prepared);
    return reissued;
  }

  private async refreshedFacts(facts: CertificateFacts): Promise<CertificateFacts> {
    if (facts.kind !== 'course_completion') return facts;
    const names = await this.courseFacts.namesOf(facts.courseVersionId, facts.organizationId);
    return names ? { ...facts, ...names } : facts;
  }

  private async requireAdministrable(actor: Actor, id: string): Promise<CertificateEntity> {
    const certificate = await this.repository.findById(id);
    if (!certificate) throw CertificateErrors.notFound();
    if (!canAdminister(actor, await this.repository.regionPathOf(certificate.regionId))) throw CommonErrors.outOfScope();
    return certificate;
  }
}
