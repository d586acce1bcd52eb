import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig, chinaDateOf, runPrepared, runQuery } from '@cqo/core';
import { dayReminders, notificationKind, notificationToMail, verificationRecipient } from '../sql/mail.sql';
import { ACCOUNT_TOKEN_TTL_SECONDS, AccountRecoveryService } from '@cqo/identity';
import { MailCategory } from './mail.entities';
import { MailDeliveryService, SendOutcome } from './mail-delivery.service';
import { emailVerificationMail, MailContext, passwordResetMail, reminderDigestMail, updateMail } from './mail-templates';
import { unsubscribeToken } from './unsubscribe-token';

/** Notification kinds mailed, by category; every other kind stays in-app only. */
export const MAILED_KINDS: Readonly<Record<string, { category: Exclude<MailCategory, 'account'>; path: string }>> = {
  'compliance.reminder': { category: 'reminder', path: '/hours' },
  cqo_term_reminder: { category: 'reminder', path: '/' },
  'registry.report-reminder': { category: 'reminder', path: '/' },
  course_approved: { category: 'update', path: '/org/courses' },
  course_returned: { category: 'update', path: '/org/courses' },
  'external_claim.decided': { category: 'update', path: '/claims' },
  certificate_issued: { category: 'update', path: '/certificates' },
};
const REMINDER_KINDS = Object.keys(MAILED_KINDS).filter((k) => MAILED_KINDS[k].category === 'reminder');

export const isReminderKind = (kind: string) => MAILED_KINDS[kind]?.category === 'reminder';

export type MailJobResult = SendOutcome | 'not-mailed' | 'no-address' | 'opted-out' | 'stale';

/**
 * What the mail jobs do. Notifications are mailed only to verified addresses, as the person's
 * preferences allow; reminders go as one digest per person and day (CST); account mails (reset,
 * verification) ignore preferences but not the dead-letter list.
 */
@Injectable()
export class MailJobsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly delivery: MailDeliveryService,
    private readonly recovery: AccountRecoveryService,
    private readonly config: AppConfig,
  ) {}

  private context(to: string, displayName: string): MailContext {
    return { to, displayName, siteName: this.config.certificates.issuerName, appUrl: `${this.config.publicBaseUrl}/app` };
  }

  /** The notification's kind, for the processor's digest wait; null when it is gone. */
  async kindOf(notificationId: string): Promise<string | null> {
    const rows = await runPrepared(this.dataSource, notificationKind, [notificationId]);
    return rows[0]?.kind ?? null;
  }

  /**
   * Mails a notification. `holdReminder`, when given, is called instead for a reminder (the
   * processor moves the job to later so the day's digest is complete); the kind comes with the
   * notification's one read, so an update is mailed without a read of its own for the kind.
   */
  async mailNotification(notificationId: string, holdReminder?: () => Promise<never>): Promise<MailJobResult> {
    const rows = await runPrepared(this.dataSource, notificationToMail, [notificationId]);
    const n = rows[0];
    if (!n) return 'stale';
    if (holdReminder && isReminderKind(n.kind)) return holdReminder();
    const mailed = MAILED_KINDS[n.kind];
    if (!mailed) return 'not-mailed';
    if (n.status !== 'active' || !n.email || !n.email_verified_at) return 'no-address';
    const ctx = this.context(n.email, n.display_name);
    if (mailed.category === 'update') {
      if (n.email_updates === false) return 'opted-out';
      return this.delivery.sendOnce({
        idempotencyKey: `notification:${notificationId}`,
        userId: n.user_id,
        category: 'update',
        to: n.email,
        render: async () => updateMail(ctx, n.title, n.body, mailed.path),
      });
    }
    if (n.email_reminders === false) return 'opted-out';
    // One digest per person and CST day: whichever reminder's job comes first sends the day's
    // reminders (the processor holds reminder jobs back a while so the day's run is complete).
    const date = chinaDateOf(n.created_at);
    return this.delivery.sendOnce({
      idempotencyKey: `reminder-digest:${n.user_id}:${date}`,
      userId: n.user_id,
      category: 'reminder',
      to: n.email,
      render: async () => {
        const items = await runQuery(this.dataSource, dayReminders, [n.user_id, REMINDER_KINDS, date]);
        const token = encodeURIComponent(unsubscribeToken(this.config.mail.signingKey, n.user_id));
        return reminderDigestMail(
          ctx,
          date,
          items.length > 0 ? items : [{ kind: n.kind, title: n.title, body: n.body }],
          `${ctx.appUrl}/unsubscribe?token=${token}`,
        );
      },
    });
  }

  /** A reset link to each active account holding the address; nothing at all when none does. */
  async mailPasswordReset(eventId: string, email: string): Promise<MailJobResult[]> {
    const accounts = await this.recovery.accountsWithEmail(email);
    const results: MailJobResult[] = [];
    for (const account of accounts) {
      results.push(
        await this.delivery.sendOnce({
          idempotencyKey: `password-reset:${eventId}:${account.id}`,
          userId: account.id,
          category: 'account',
          to: account.email,
          render: async () => {
            const { token } = await this.recovery.issue('password_reset', account.id, account.email, eventId);
            const url = `${this.config.publicBaseUrl}/app/reset-password?token=${encodeURIComponent(token)}`;
            return passwordResetMail(
              this.context(account.email, account.displayName),
              account.username,
              url,
              ACCOUNT_TOKEN_TTL_SECONDS.password_reset / 60,
            );
          },
        }),
      );
    }
    return results;
  }

  /** The verification link for the address the account gave, unless it has changed or is verified since. */
  async mailVerification(eventId: string, userId: string, email: string): Promise<MailJobResult> {
    const rows = await runQuery(this.dataSource, verificationRecipient, [userId]);
    const user = rows[0];
    if (!user || user.status !== 'active' || user.email !== email || user.email_verified_at) return 'stale';
    return this.delivery.sendOnce({
      idempotencyKey: `email-verification:${eventId}`,
      userId,
      category: 'account',
      to: email,
      render: async () => {
        const { token } = await this.recovery.issue('email_verification', userId, email, eventId);
        const url = `${this.config.publicBaseUrl}/app/verify-email?token=${encodeURIComponent(token)}`;
        return emailVerificationMail(this.context(email, user.display_name), user.username, url);
      },
    });
  }
}
