import { Processor } from '@nestjs/bullmq';
import { AppConfig, Queues } from '@cqo/core';
import { AuditLogService } from '@cqo/identity';
import { JobHost } from './job-host';

/** Accounts' housekeeping: the audit log's retention (等保 / Cybersecurity Law: at least 180 days). */
@Processor(Queues.identity, { concurrency: 1 })
export class IdentityProcessor extends JobHost<'identity.purge-audit-log'> {
  constructor(
    private readonly audit: AuditLogService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  readonly handlers = {
    'identity.purge-audit-log': async () => ({ deleted: await this.audit.purgeOlderThan(this.config.security.auditRetentionDays) }),
  };
}
