import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@cqo/core';
import { CertificateEntity } from '../certificate.entity';
import { CertificateErrors } from '../certificates.errors';
import { CertificatesRepository } from '../certificates.repository';
import { CertificateRenderPool } from '../rendering/certificate-render-pool';
import { sha256Hex } from '../signing/certificate-signer';
import { CertificateStorage } from './certificate-storage';

/**
 * Hands out a certificate's PDF exactly as it was signed. A missing or altered file is
 * re-rendered from the stored content; the result must hash to the recorded SHA-256, or
 * nothing is served.
 */
@Injectable()
export class CertificateFilesService {
  private readonly logger = new Logger(CertificateFilesService.name);

  constructor(
    private readonly storage: CertificateStorage,
    private readonly renderPool: CertificateRenderPool,
    private readonly repository: CertificatesRepository,
    private readonly clock: Clock,
  ) {}

  async read(certificate: CertificateEntity): Promise<Buffer> {
    const stored = await this.storage.get(certificate.storageKey);
    if (stored && sha256Hex(stored) === certificate.pdfSha256) return stored;
    return this.restore(certificate, stored ? 'altered' : 'missing');
  }

  /** Re-renders the file from the record and stores it, if it reproduces the signed hash. */
  async restore(certificate: CertificateEntity, why: 'missing' | 'altered'): Promise<Buffer> {
    const pdf = await this.renderPool.render(certificate.content);
    if (sha256Hex(pdf) !== certificate.pdfSha256) {
      this.logger.error({ certificateId: certificate.id, why }, 'certificate file cannot be rebuilt to its signed hash');
      throw CertificateErrors.integrityFailed(certificate.serial);
    }
    await this.storage.put(certificate.storageKey, pdf);
    await this.repository.recordEvent(this.repository.manager, {
      certificateId: certificate.id,
      type: 'file_restored',
      actorId: null,
      reason: why === 'missing' ? '文件缺失，已按原记录重建' : '文件与签名摘要不符，已按原记录重建',
      at: this.clock.now(),
    });
    this.logger.warn({ certificateId: certificate.id, why }, 'certificate file restored from its record');
    return pdf;
  }
}
