import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationEntity } from './notification.entity';
import { NotificationsService } from './notifications.service';
import { WelcomeNotifier } from './welcome.notification';

@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity])],
  providers: [NotificationsService, WelcomeNotifier],
  exports: [NotificationsService, WelcomeNotifier],
})
export class NotificationsModule {}
