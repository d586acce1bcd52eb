import { Processor } from '@nestjs/bullmq';
import { Queues } from '@cqo/core';
import { WelcomeNotifier } from '@cqo/notifications';
import { JobHost, requireIds } from './job-host';

@Processor(Queues.notifications, { concurrency: 4 })
export class NotificationsProcessor extends JobHost<'notifications.welcome'> {
  constructor(private readonly welcome: WelcomeNotifier) {
    super();
  }

  readonly handlers = {
    'notifications.welcome': async (data: { eventId: string; userId: string }) => this.welcome.send(requireIds(data, 'userId').userId),
  };
}
