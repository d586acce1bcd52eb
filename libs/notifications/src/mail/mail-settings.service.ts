import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { simpleParser } from 'mailparser';
import { DataSource } from 'typeorm';
import { AppConfig, Clock, DomainError, runCommand, runQuery } from '@cqo/core';
import { accountExists, deadLetters, mailSettings, removeDeadLetter, upsertPreferences } from '../sql/mail.sql';
import { catchAllDir } from './catch-all-mail.server';
import { userOfUnsubscribeToken } from './unsubscribe-token';

export interface NotificationSettingsView {
  email: string | null;
  emailVerified: boolean;
  emailReminders: boolean;
  emailUpdates: boolean;
}

export interface DeadLetterView {
  address: string;
  smtpCode: number | null;
  reason: string;
  bounces: number;
  firstBouncedAt: Date;
  lastBouncedAt: Date;
}

export interface CaughtMailSummary {
  id: string;
  subject: string;
  to: string;
  receivedAt: Date;
}

export interface CaughtMail extends CaughtMailSummary {
  from: string;
  text: string;
  html: string | null;
}

/** Catch-all file names: what the catch-all writes, and nothing that could leave its folder. */
const CAUGHT_ID = /^[0-9TZ-]{20,40}-[0-9a-f]{8}\.eml$/;
const CAUGHT_LIST_LIMIT = 200;

/** Preferences, the unsubscribe link, and the admin views of bounced addresses and the catch-all. */
@Injectable()
export class MailSettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async settingsOf(userId: string): Promise<NotificationSettingsView> {
    const rows = await runQuery(this.dataSource, mailSettings, [userId]);
    const row = rows[0];
    if (!row) throw DomainError.notFound('USER_NOT_FOUND', '用户不存在');
    return {
      email: row.email,
      emailVerified: row.email_verified_at !== null,
      emailReminders: row.email_reminders ?? true,
      emailUpdates: row.email_updates ?? true,
    };
  }

  async updatePreferences(userId: string, change: { emailReminders?: boolean; emailUpdates?: boolean }): Promise<void> {
    await runCommand(this.dataSource, upsertPreferences, [
      userId,
      change.emailReminders ?? null,
      change.emailUpdates ?? null,
      this.clock.now(),
    ]);
  }

  /** The link in a reminder mail: reminders off, nothing else. */
  async unsubscribe(token: string): Promise<void> {
    const userId = userOfUnsubscribeToken(this.config.mail.signingKey, token);
    const exists = userId ? await runQuery(this.dataSource, accountExists, [userId]) : [];
    if (!userId || exists.length === 0) {
      throw DomainError.invalid('UNSUBSCRIBE_TOKEN_INVALID', '退订链接无效', [{ field: 'token', message: '退订链接无效' }]);
    }
    await this.updatePreferences(userId, { emailReminders: false });
  }

  async deadLetters(): Promise<DeadLetterView[]> {
    const rows = await runQuery(this.dataSource, deadLetters, []);
    return rows.map((r) => ({
      address: r.address,
      smtpCode: r.smtp_code,
      reason: r.reason,
      bounces: r.bounces,
      firstBouncedAt: r.first_bounced_at,
      lastBouncedAt: r.last_bounced_at,
    }));
  }

  /** An address fixed (mailbox restored): mail may go to it again. */
  async removeDeadLetter(address: string): Promise<void> {
    const removed = await runQuery(this.dataSource, removeDeadLetter, [address.trim().toLowerCase()]);
    if (removed.length === 0) throw DomainError.notFound('DEAD_LETTER_NOT_FOUND', '该地址不在退信名单中');
  }

  /** Mail the development catch-all received, newest first (empty when SMTP is configured). */
  async caughtMail(): Promise<CaughtMailSummary[]> {
    const dir = catchAllDir(this.config);
    const names = await readdir(dir).catch(() => [] as string[]);
    const recent = names
      .filter((n) => CAUGHT_ID.test(n))
      .sort()
      .reverse()
      .slice(0, CAUGHT_LIST_LIMIT);
    return Promise.all(
      recent.map(async (id) => {
        const mail = await simpleParser(await readFile(join(dir, id)));
        const received = mail.date ?? (await stat(join(dir, id))).mtime;
        return { id, subject: mail.subject ?? '', to: addressText(mail.to), receivedAt: received };
      }),
    );
  }

  async caughtMessage(id: string): Promise<CaughtMail> {
    const notFound = () => DomainError.notFound('CAUGHT_MAIL_NOT_FOUND', '邮件不存在');
    if (!CAUGHT_ID.test(id)) throw notFound();
    const raw = await readFile(join(catchAllDir(this.config), id)).catch(() => null);
    if (!raw) throw notFound();
    const mail = await simpleParser(raw);
    return {
      id,
      subject: mail.subject ?? '',
      to: addressText(mail.to),
      from: addressText(mail.from),
      receivedAt: mail.date ?? new Date(0),
      text: mail.text ?? '',
      html: typeof mail.html === 'string' ? mail.html : null,
    };
  }
}

function addressText(value: { text: string } | { text: string }[] | undefined): string {
  if (!value) return '';
  return Array.isArray(value) ? value.map((v) => v.text).join(', ') : value.text;
}
