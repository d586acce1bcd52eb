import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, runCommand, runQuery } from '@cqo/core';
import { insertNotification } from '@cqo/notifications';
import { CertificateEntity } from '../certificate.entity';
import { CERTIFICATE_TITLES } from '../certificate.types';
import { CertificatesRepository } from '../certificates.repository';
import * as sql from '../sql/certificate-status.sql';

export type StandingChange = 'suspended' | 'reinstated' | null;

/**
 * A yearly certificate follows its year's verdict. When the verdict falls below complete after
 * issue (a reversal, an adjustment), the certificate is suspended, not revoked: the record and its
 * PDF stay, the public page says in plain words that the year's hours no longer meet the
 * requirement, and the holder and the regulators of its region are told. If the year becomes
 * complete again it returns to valid; both steps are in its history.
 */
@Injectable()
export class CertificateStandingService {
  private readonly logger = new Logger(CertificateStandingService.name);

  constructor(
    private readonly repository: CertificatesRepository,
    private readonly clock: Clock,
  ) {}

  /** Suspends the current certificate if it is valid; `reason` is what people read. */
  suspend(certificate: CertificateEntity, reason: string): Promise<StandingChange> {
    return this.change(certificate, 'suspended', reason, (manager, now) =>
      runCommand(manager, sql.suspendCertificate, [certificate.id, now, reason]),
    );
  }

  /** Returns a suspended certificate to valid (its year is complete again). */
  reinstate(certificate: CertificateEntity, reason: string): Promise<StandingChange> {
    return this.change(certificate, 'reinstated', reason, (manager) => runCommand(manager, sql.reinstateCertificate, [certificate.id]));
  }

  /**
   * One step of the standing: `update` moves the row only from the status it expects, so a row
   * count other than 1 means the certificate is not (or no longer) in it and nothing else happens;
   * otherwise the step is in the history and the holder and the regulators are told.
   */
  private change(
    certificate: CertificateEntity,
    change: 'suspended' | 'reinstated',
    reason: string,
    update: (manager: EntityManager, now: Date) => Promise<{ rowCount: number }>,
  ): Promise<StandingChange> {
    return this.repository.transaction(async (manager) => {
      await this.repository.lockSubject(manager, certificate);
      const now = this.clock.now();
      const { rowCount } = await update(manager, now);
      if (rowCount !== 1) return null;
      await this.repository.recordEvent(manager, { certificateId: certificate.id, type: change, actorId: null, reason, at: now });
      const standing = change === 'suspended' ? '已暂停有效' : '已恢复有效';
      await this.notify(
        manager,
        certificate,
        change,
        `您的${CERTIFICATE_TITLES[certificate.kind]}（${certificate.serial}）${standing}：${reason}`,
        now,
      );
      this.logger.log({ certificateId: certificate.id, serial: certificate.serial }, `certificate ${change}`);
      return change;
    });
  }

  private async notify(
    manager: EntityManager,
    certificate: CertificateEntity,
    change: 'suspended' | 'reinstated',
    body: string,
    now: Date,
  ): Promise<void> {
    // The regulators whose region contains the certificate's region (its city and the province).
    const [row] = await runQuery(manager, sql.holderAndRegulators, [certificate.id]);
    const title = change === 'suspended' ? '证书暂停有效' : '证书恢复有效';
    const key = `certificate-${change}:${certificate.id}:${now.toISOString()}`;
    const messages = [
      { userId: certificate.traineeId, body },
      ...row.regulator_ids.map((id) => ({ userId: id, body: body.replace(/^您的/, `${row.holder}的`) })),
    ];
    for (const m of messages) {
      await insertNotification(
        manager,
        { userId: m.userId, kind: `certificate.${change}`, title, body: m.body, dedupeKey: `${key}:${m.userId}` },
        now,
      );
    }
  }
}
