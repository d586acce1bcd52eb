import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: CertificatesRepository,
    private readonly clock: Clock,
  ) {}

  /** Suspends the current certificate if it is valid; `reason` is what people read. */
  async suspend(certificate: CertificateEntity, reason: string): Promise<StandingChange> {
    return this.dataSource.transaction(async (manager) => {
      await this.repository.lockSubject(manager, certificate);
      const now = this.clock.now();
      const { rowCount } = await runCommand(manager, sql.suspendCertificate, [certificate.id, now, reason]);
      if (rowCount !== 1) return null;
      await this.repository.recordEvent(manager, { certificateId: certificate.id, type: 'suspended', actorId: null, reason, at: now });
      await this.notify(
        manager,
        certificate,
        'suspended',
        `您的${CERTIFICATE_TITLES[certificate.kind]}（${certificate.serial}）已暂停有效：${reason}`,
        now,
      );
      this.logger.log({ certificateId: certificate.id, serial: certificate.serial }, 'certificate suspended');
      return 'suspended';
    });
  }

  /** Returns a suspended certificate to valid (its year is complete again). */
  async reinstate(certificate: CertificateEntity, reason: string): Promise<StandingChange> {
    return this.dataSource.transaction(async (manager) => {
      await this.repository.lockSubject(manager, certificate);
      const now = this.clock.now();
      const { rowCount } = await runCommand(manager, sql.reinstateCertificate, [certificate.id]);
      if (rowCount !== 1) return null;
      await this.repository.recordEvent(manager, { certificateId: certificate.id, type: 'reinstated', actorId: null, reason, at: now });
      await this.notify(
        manager,
        certificate,
        'reinstated',
        `您的${CERTIFICATE_TITLES[certificate.kind]}（${certificate.serial}）已恢复有效：${reason}`,
        now,
      );
      this.logger.log({ certificateId: certificate.id, serial: certificate.serial }, 'certificate reinstated');
      return 'reinstated';
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
