import { Injectable } from '@nestjs/common';
import { NotificationsService } from './notifications.service';

/** The first notification a trainee sees: what the platform is for and what is asked of them. */
@Injectable()
export class WelcomeNotifier {
  constructor(private readonly notifications: NotificationsService) {}

  send(userId: string): Promise<boolean> {
    return this.notifications.notify({
      userId,
      kind: 'welcome',
      title: '欢迎使用首席质量官培训平台',
      body: '首席质量官须完成不少于21学时的第一类任职培训，并每年完成不少于14学时的第一类继续教育和30学时的第二类方法培训。请在“课程”中选课学习。',
      dedupeKey: `welcome:${userId}`,
    });
  }
}
