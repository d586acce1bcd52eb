import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { chinaDateOf, Clock, normalizeHours, runQuery } from '@cqo/core';
import { NotificationsService } from '@cqo/notifications';
import { currentYear, dueReminderDate } from './compliance-period';
import * as sql from './sql/compliance-reminders.sql';
import { DueFlagRow } from './sql/compliance-reminders.sql';

/** A reminder missed (worker down on the day) is still sent within this many days, never twice. */
export const REMINDER_CATCH_UP_DAYS = 7;
const PAGE = 1000;

export interface ReminderRun {
  /** The reminder dates due today, per rule set. */
  due: { ruleSetId: string; date: string }[];
  flags: number;
  sent: number;
}

const STATE_LABELS: Record<string, string> = { at_risk: '进度滞后', shortfall: '学时不足' };

/**
 * Reminds trainees who are short of a yearly requirement, and their enterprise admins, on the
 * dates the rule set names (default 1 October, 1 December, 24 December). The dedupe key is the
 * trainee, requirement, year, date and recipient, so a retried or repeated run sends nothing twice.
 */
@Injectable()
export class ComplianceRemindersService {
  private readonly logger = new Logger(ComplianceRemindersService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async sendDue(): Promise<ReminderRun> {
    const now = this.clock.now();
    const today = chinaDateOf(now);
    const year = currentYear(now);
    // The sets governing this year somewhere (governing_rule_set_id decides, as for the engine).
    const sets = await runQuery(this.dataSource, sql.governingRuleSets, [year]);
    const due = sets
      .map((s) => ({ ruleSetId: s.id, date: dueReminderDate(s.reminder_dates, now, REMINDER_CATCH_UP_DAYS) }))
      .filter((d): d is { ruleSetId: string; date: string } => d.date !== null);
    let flags = 0;
    let sent = 0;
    for (const { ruleSetId, date } of due) {
      // Keyset pages over the open flags: memory stays flat however many trainees are short.
      let after = { trainee: '00000000-0000-0000-0000-000000000000', requirement: '' };
      for (;;) {
        const rows = await runQuery(this.dataSource, sql.openFlagsPage, [year, ruleSetId, after.trainee, after.requirement, PAGE]);
        for (const flag of rows) {
          flags += 1;
          sent += await this.remind(flag, year, date);
        }
        if (rows.length < PAGE) break;
        const last = rows[rows.length - 1];
        after = { trainee: last.trainee_id, requirement: last.requirement };
      }
    }
    if (due.length > 0) this.logger.log({ today, due, flags, sent }, 'compliance reminders');
    return { due, flags, sent };
  }

  private async remind(flag: DueFlagRow, year: number, date: string): Promise<number> {
    const required = normalizeHours(flag.required);
    const accrued = normalizeHours(flag.accrued);
    const shortfall = normalizeHours(flag.shortfall);
    const key = `compliance-reminder:${flag.trainee_id}:${flag.requirement}:${year}:${date}`;
    const title = `${year}年度${flag.rule_name}${STATE_LABELS[flag.state] ?? '学时不足'}提醒`;
    let sent = 0;
    const own = await this.notifications.notify({
      userId: flag.trainee_id,
      kind: 'compliance.reminder',
      title,
      body: `您${year}年度的${flag.rule_name}要求不少于${required}学时，目前已完成${accrued}学时，尚差${shortfall}学时。请在12月31日前完成学习。`,
      dedupeKey: `${key}:${flag.trainee_id}`,
    });
    if (own) sent += 1;
    for (const adminId of flag.admin_ids) {
      const toAdmin = await this.notifications.notify({
        userId: adminId,
        kind: 'compliance.reminder',
        title,
        body: `贵企业${flag.full_name}${year}年度的${flag.rule_name}要求不少于${required}学时，目前已完成${accrued}学时，尚差${shortfall}学时。请督促其在12月31日前完成学习。`,
        dedupeKey: `${key}:${adminId}`,
      });
      if (toAdmin) sent += 1;
    }
    return sent;
  }
}
