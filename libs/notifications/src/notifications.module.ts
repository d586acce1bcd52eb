import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailDeadLetterEntity, MailMessageEntity, NotificationPreferenceEntity } from './mail/mail.entities';
import { MailSettingsService } from './mail/mail-settings.service';
import { NotificationEntity } from './notification.entity';
import { NotificationsService } from './notifications.service';
import { WelcomeNotifier } from './welcome.notification';

@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity, MailMessageEntity, MailDeadLetterEntity, NotificationPreferenceEntity])],
  providers: [NotificationsService, WelcomeNotifier, MailSettingsService],
  exports: [NotificationsService, WelcomeNotifier, MailSettingsService],
})
export class NotificationsModule {}
