import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, chinaYearOf, Clock, DomainError, OutboxWriter } from '@cqo/core';

/**
 * A trainee asks for their certificates (lost, or never received): the request is an outbox
 * event, the worker re-evaluates, and the certificates that are due come back: the same ones
 * if they were issued before, never new copies.
 */
@Injectable()
export class CertificateRequestsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async request(actor: Actor, year?: number): Promise<{ year: number }> {
    const current = chinaYearOf(this.clock.now());
    const target = year ?? current;
    if (target > current || target < 2000) {
      throw DomainError.invalid('CERTIFICATE_YEAR_INVALID', '年度无效', [{ field: 'year', message: `不能晚于${current}年` }]);
    }
    await this.dataSource.transaction((manager) =>
      this.outbox.record(manager, 'certificate.requested', { traineeId: actor.userId, year: target }),
    );
    return { year: target };
  }
}
