import { Processor } from '@nestjs/bullmq';
import { DelayedError, Job, UnrecoverableError } from 'bullmq';
import { isEmail } from 'class-validator';
import { AppConfig, JobPayloads, Queues } from '@cqo/core';
import { MailJobsService } from '@cqo/notifications';
import { JobHost, requireIds } from './job-host';

type MailJobs = 'mail.notification' | 'mail.password-reset' | 'mail.email-verification';

function requireEmail(email: unknown): string {
  if (typeof email !== 'string' || !isEmail(email)) throw new UnrecoverableError('payload field email must be an e-mail address');
  return email;
}

/** Sends mail, each once per idempotency key (see MailDeliveryService); fed by the outbox only. */
@Processor(Queues.mail, { concurrency: 4 })
export class MailProcessor extends JobHost<MailJobs> {
  constructor(
    private readonly mail: MailJobsService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  readonly handlers = {
    'mail.notification': async (data: JobPayloads['mail.notification'], job: Job, token?: string) => {
      const { notificationId } = requireIds(data, 'notificationId');
      if (this.config.mail.mode === 'off') return 'off';
      // A reminder waits a while, so the digest it sends holds the whole day's run.
      const until = job.timestamp + this.config.mail.digestWaitSeconds * 1000;
      const holdReminder =
        token && Date.now() < until
          ? async (): Promise<never> => {
              await job.moveToDelayed(until, token);
              throw new DelayedError();
            }
          : undefined;
      return this.mail.mailNotification(notificationId, holdReminder);
    },
    'mail.password-reset': async (data: JobPayloads['mail.password-reset']) =>
      this.mail.mailPasswordReset(data.eventId, requireEmail(data.email)),
    'mail.email-verification': async (data: JobPayloads['mail.email-verification']) => {
      const { userId } = requireIds(data, 'userId');
      return this.mail.mailVerification(data.eventId, userId, requireEmail(data.email));
    },
  };
}
