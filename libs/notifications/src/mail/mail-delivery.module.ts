import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@cqo/identity';
import { CatchAllMailServer } from './catch-all-mail.server';
import { EmailChannel } from './email.channel';
import { MailDeadLetterEntity, MailMessageEntity, NotificationPreferenceEntity } from './mail.entities';
import { MailDeliveryService } from './mail-delivery.service';
import { MailJobsService } from './mail-jobs.service';
import { MailLogPruner } from './mail-log-pruner';

/** Sending mail: only the worker imports this (the API records requests in the outbox). */
@Module({
  imports: [TypeOrmModule.forFeature([MailMessageEntity, MailDeadLetterEntity, NotificationPreferenceEntity]), IdentityModule],
  providers: [CatchAllMailServer, EmailChannel, MailDeliveryService, MailJobsService, MailLogPruner],
  exports: [EmailChannel, MailDeliveryService, MailJobsService, MailLogPruner],
})
export class MailDeliveryModule {}
