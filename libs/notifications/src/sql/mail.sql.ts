import { defineQuery } from '@cqo/core';
import { PUBLIC_USER_ACCOUNTS } from '@cqo/identity';

// SQL of mail: deliveries, the dead-letter list, preferences and the mail jobs' reads
// (MailDeliveryService, MailSettingsService, MailJobsService, MailLogPruner). Tables:
// mail_messages, mail_dead_letters, notification_preferences, notifications (notifications);
// accounts through identity's public view.

/** One batch of the mail log older than `$1`, deleted; answers how many rows went. */
export const pruneMailLogBatch = defineQuery<[cutoff: Date, batch: number], { n: number }>(
  'notifications.mail.pruneBatch',
  `WITH gone AS (
           DELETE FROM mail_messages WHERE id IN (
             SELECT id FROM mail_messages WHERE created_at < $1 ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED)
           RETURNING 1)
         SELECT count(*)::int AS n FROM gone`,
);

export const mailSettings = defineQuery<
  [userId: string],
  { email: string | null; email_verified_at: Date | null; email_reminders: boolean | null; email_updates: boolean | null }
>(
  'notifications.mail.settings',
  `SELECT u.email, u.email_verified_at, p.email_reminders, p.email_updates
           FROM ${PUBLIC_USER_ACCOUNTS} u LEFT JOIN notification_preferences p ON p.user_id = u.id WHERE u.id = $1`,
);

export const upsertPreferences = defineQuery<[userId: string, emailReminders: boolean | null, emailUpdates: boolean | null, now: Date]>(
  'notifications.mail.upsertPreferences',
  `INSERT INTO notification_preferences (user_id, email_reminders, email_updates, updated_at) VALUES ($1, COALESCE($2, true), COALESCE($3, true), $4)
       ON CONFLICT (user_id) DO UPDATE SET email_reminders = COALESCE($2, notification_preferences.email_reminders),
         email_updates = COALESCE($3, notification_preferences.email_updates), updated_at = $4`,
);

export const accountExists = defineQuery<[userId: string], { found: number }>(
  'notifications.mail.accountExists',
  `SELECT 1 AS found FROM ${PUBLIC_USER_ACCOUNTS} u WHERE u.id = $1`,
);

export interface DeadLetterRow {
  address: string;
  smtp_code: number | null;
  reason: string;
  bounces: number;
  first_bounced_at: Date;
  last_bounced_at: Date;
}

export const deadLetters = defineQuery<[], DeadLetterRow>(
  'notifications.mail.deadLetters',
  'SELECT * FROM mail_dead_letters ORDER BY last_bounced_at DESC, address LIMIT 1000',
);

export const removeDeadLetter = defineQuery<[address: string], { address: string }>(
  'notifications.mail.removeDeadLetter',
  'DELETE FROM mail_dead_letters WHERE address = $1 RETURNING address',
);

/** Serializes the deliveries of one idempotency key until the transaction ends. */
export const lockMailKey = defineQuery<[key: string]>(
  'notifications.mail.lockKey',
  'SELECT pg_advisory_xact_lock(hashtextextended($1, 0))',
);

export const mailSent = defineQuery<[idempotencyKey: string], { found: number }>(
  'notifications.mail.sent',
  'SELECT 1 AS found FROM mail_messages WHERE idempotency_key = $1',
);

export const recordMail = defineQuery<
  [
    idempotencyKey: string,
    userId: string | null,
    to: string,
    category: string,
    subject: string,
    status: string,
    messageId: string | null,
    error: string | null,
  ]
>(
  'notifications.mail.record',
  `INSERT INTO mail_messages (idempotency_key, user_id, to_address, category, subject, status, message_id, error)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
);

export const isDeadLetter = defineQuery<[address: string], { found: number }>(
  'notifications.mail.isDeadLetter',
  'SELECT 1 AS found FROM mail_dead_letters WHERE address = $1',
);

export const addDeadLetter = defineQuery<[address: string, smtpCode: number | null, reason: string]>(
  'notifications.mail.addDeadLetter',
  `INSERT INTO mail_dead_letters (address, smtp_code, reason) VALUES ($1, $2, $3)
         ON CONFLICT (address) DO UPDATE SET bounces = mail_dead_letters.bounces + 1, last_bounced_at = now(),
           smtp_code = EXCLUDED.smtp_code, reason = EXCLUDED.reason`,
);

export const notificationKind = defineQuery<[notificationId: string], { kind: string }>(
  'notifications.mail.kind',
  'SELECT kind FROM notifications WHERE id = $1',
);

/** A mail's recipient: the account, its address and preferences. */
export interface RecipientRow {
  user_id: string;
  username: string;
  display_name: string;
  email: string | null;
  email_verified_at: Date | null;
  status: string;
  email_reminders: boolean | null;
  email_updates: boolean | null;
}

export const notificationToMail = defineQuery<
  [notificationId: string],
  RecipientRow & { kind: string; title: string; body: string; created_at: Date }
>(
  'notifications.mail.notificationToMail',
  `SELECT n.kind, n.title, n.body, n.created_at, u.id AS user_id, u.username, u.display_name, u.email, u.email_verified_at, u.status,
              p.email_reminders, p.email_updates
         FROM notifications n JOIN ${PUBLIC_USER_ACCOUNTS} u ON u.id = n.user_id
         LEFT JOIN notification_preferences p ON p.user_id = u.id
        WHERE n.id = $1`,
);

/** A person's reminders of one CST day (`$3`, a date). */
export const dayReminders = defineQuery<[userId: string, kinds: string[], date: string], { kind: string; title: string; body: string }>(
  'notifications.mail.dayReminders',
  `SELECT kind, title, body FROM notifications
            WHERE user_id = $1 AND kind = ANY($2) AND created_at >= ($3::date::timestamp - interval '8 hours') AT TIME ZONE 'UTC'
              AND created_at < ($3::date::timestamp + interval '16 hours') AT TIME ZONE 'UTC'
            ORDER BY created_at, id`,
);

export const verificationRecipient = defineQuery<[userId: string], Omit<RecipientRow, 'email_reminders' | 'email_updates'>>(
  'notifications.mail.verificationRecipient',
  `SELECT u.id AS user_id, u.username, u.display_name, u.email, u.email_verified_at, u.status FROM ${PUBLIC_USER_ACCOUNTS} u WHERE u.id = $1`,
);
