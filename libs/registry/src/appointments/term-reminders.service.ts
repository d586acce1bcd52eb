import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { chinaDateOf, Clock, runQuery } from '@cqo/core';
import { NotificationsService } from '@cqo/notifications';
import { EligibilityRulesRepository } from '../eligibility/eligibility-rules.repository';
import { activeEnterpriseAdmins, termsEndingSoon } from '../sql/appointments.sql';
import { daysBetween, dueTermReminder } from './term';

/**
 * Reminders before a CQO's term ends (the days are data of the eligibility rule set: 90 and 30),
 * to the enterprise's admins and to the CQO, in-app. Each (appointment, reminder, recipient) has
 * a dedupe key, so the daily job may run any number of times, or late, and sends each once.
 */
@Injectable()
export class TermRemindersService {
  private readonly logger = new Logger(TermRemindersService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly rules: EligibilityRulesRepository,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async sendDue(): Promise<{ appointments: number; sent: number }> {
    const today = chinaDateOf(this.clock.now());
    const rules = await this.rules.inForce(today);
    const horizon = Math.max(0, ...rules.reminderDaysBefore);
    const due = await runQuery(this.dataSource, termsEndingSoon, [today, horizon]);
    let sent = 0;
    for (const a of due) {
      const daysLeft = daysBetween(today, a.term_ends_on);
      const reminder = dueTermReminder(daysLeft, rules.reminderDaysBefore);
      if (reminder === null) continue;
      const admins = await runQuery(this.dataSource, activeEnterpriseAdmins, [a.enterprise_id]);
      const title = `首席质量官任期将于${a.term_ends_on}届满`;
      const recipients: [string, string][] = [
        ...admins.map((u): [string, string] => [
          u.id,
          `贵企业首席质量官${a.full_name}的任期将于${a.term_ends_on}届满（还有${daysLeft}天）。请及时办理续聘或新聘，并在平台登记。`,
        ]),
        [a.trainee_id, `您在${a.enterprise_name}担任首席质量官的任期将于${a.term_ends_on}届满（还有${daysLeft}天）。`],
      ];
      for (const [userId, body] of recipients) {
        const created = await this.notifications.notify({
          userId,
          kind: 'cqo_term_reminder',
          title,
          body,
          dedupeKey: `cqo-term:${a.id}:${reminder}:${userId}`,
        });
        if (created) sent += 1;
      }
    }
    this.logger.log({ appointments: due.length, sent }, 'term reminders');
    return { appointments: due.length, sent };
  }
}
