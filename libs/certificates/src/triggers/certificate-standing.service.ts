import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, regionScopeSql } from '@cqo/core';
import { notificationInsert } from '@cqo/notifications';
import { CertificateEntity } from '../certificate.entity';
import { CERTIFICATE_TITLES } from '../certificate.types';
import { CertificatesRepository } from '../certificates.repository';

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
      const result = await manager.query(
        `UPDATE certificates SET status = 'suspended', suspended_at = $2, suspension_reason = $3 WHERE id = $1 AND status = 'valid'`,
        [certificate.id, now, reason],
      );
      if (result[1] !== 1) return null;
      await this.repository.recordEvent(manager, { certificateId: certificate.id, type: 'suspended', actorId: null, reason, at: now });
      await this.notify(manager, certificate, 'suspended', `您的${CERTIFICATE_TITLES[certificate.kind]}（${certificate.serial}）已暂停有效：${reason}`, now);
      this.logger.log({ certificateId: certificate.id, serial: certificate.serial }, 'certificate suspended');
      return 'suspended';
    });
  }

  /** Returns a suspended certificate to valid (its year is complete again). */
  async reinstate(certificate: CertificateEntity, reason: string): Promise<StandingChange> {
    return this.dataSource.transaction(async (manager) => {
      await this.repository.lockSubject(manager, certificate);
      const now = this.clock.now();
      const result = await manager.query(
        `UPDATE certificates SET status = 'valid', suspended_at = NULL, suspension_reason = NULL WHERE id = $1 AND status = 'suspended'`,
        [certificate.id],
      );
      if (result[1] !== 1) return null;
      await this.repository.recordEvent(manager, { certificateId: certificate.id, type: 'reinstated', actorId: null, reason, at: now });
      await this.notify(manager, certificate, 'reinstated', `您的${CERTIFICATE_TITLES[certificate.kind]}（${certificate.serial}）已恢复有效：${reason}`, now);
      this.logger.log({ certificateId: certificate.id, serial: certificate.serial }, 'certificate reinstated');
      return 'reinstated';
    });
  }

  private async notify(manager: EntityManager, certificate: CertificateEntity, change: 'suspended' | 'reinstated', body: string, now: Date): Promise<void> {
    // The regulators whose region contains the certificate's region (its city and the province).
    const [row]: { holder: string; regulator_ids: string[] }[] = await manager.query(
      `SELECT c.content->'holder'->>'name' AS holder,
              ARRAY(SELECT u.id FROM users u JOIN regions rg ON rg.id = u.region_id
                     WHERE u.role = 'regulator' AND u.status = 'active' AND ${regionScopeSql('g.path', 'rg.path')}
                     ORDER BY u.id) AS regulator_ids
         FROM certificates c JOIN regions g ON g.id = c.region_id WHERE c.id = $1`,
      [certificate.id],
    );
    const title = change === 'suspended' ? '证书暂停有效' : '证书恢复有效';
    const key = `certificate-${change}:${certificate.id}:${now.toISOString()}`;
    const messages = [
      { userId: certificate.traineeId, body },
      ...row.regulator_ids.map((id) => ({ userId: id, body: body.replace(/^您的/, `${row.holder}的`) })),
    ];
    for (const m of messages) {
      const { sql, params } = notificationInsert({ userId: m.userId, kind: `certificate.${change}`, title, body: m.body, dedupeKey: `${key}:${m.userId}` }, now);
      await manager.query(sql, params);
    }
  }
}
