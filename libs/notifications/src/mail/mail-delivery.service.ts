import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { runCommand, runQuery } from '@cqo/core';
import { addDeadLetter, isDeadLetter, lockMailKey, mailSent, recordMail } from '../sql/mail.sql';
import { EmailChannel } from './email.channel';
import { MailCategory } from './mail.entities';
import { OutgoingMessage } from './notification-channel';

export type SendOutcome = 'sent' | 'duplicate' | 'suppressed' | 'bounced' | 'off';

export interface MailToSend {
  /** What this mail is: the same key is never mailed twice. */
  idempotencyKey: string;
  userId: string | null;
  category: MailCategory;
  /** Rendered only when it will really be sent (tokens are issued there). */
  render: () => Promise<OutgoingMessage>;
  to: string;
}

/**
 * Sends a mail at most once per idempotency key. Two jobs with one key (a retry, a duplicated
 * outbox event) take the same advisory lock: the second waits, then finds the row and sends
 * nothing. A transient failure rolls everything back and rethrows, so the job retries. An address
 * the server refused for good goes to the dead-letter list and is never tried again.
 */
@Injectable()
export class MailDeliveryService {
  private readonly logger = new Logger(MailDeliveryService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly email: EmailChannel,
  ) {}

  async sendOnce(mail: MailToSend): Promise<SendOutcome> {
    if (!this.email.enabled) return 'off';
    const to = mail.to.trim().toLowerCase();
    return this.dataSource.transaction(async (manager) => {
      await runQuery(manager, lockMailKey, [`mail:${mail.idempotencyKey}`]);
      const done = await runQuery(manager, mailSent, [mail.idempotencyKey]);
      if (done.length > 0) return 'duplicate';
      const record = (subject: string, status: string, messageId: string | null, error: string | null) =>
        runCommand(manager, recordMail, [mail.idempotencyKey, mail.userId, to, mail.category, subject, status, messageId, error]);
      const dead = await runQuery(manager, isDeadLetter, [to]);
      if (dead.length > 0) {
        await record('', 'suppressed', null, 'address on the dead-letter list');
        return 'suppressed';
      }
      const message = await mail.render();
      const result = await this.email.deliver({ ...message, to });
      if (result.outcome === 'sent') {
        await record(message.subject, 'sent', result.messageId, null);
        return 'sent';
      }
      await record(message.subject, 'bounced', null, result.reason);
      await runCommand(manager, addDeadLetter, [to, result.code, result.reason]);
      this.logger.warn({ key: mail.idempotencyKey, code: result.code }, 'mail bounced; address added to the dead-letter list');
      return 'bounced';
    });
  }
}
