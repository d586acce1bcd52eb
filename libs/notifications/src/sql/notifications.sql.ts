import { defineQuery } from '@cqo/core';

// SQL of in-app notifications (NotificationsService). Tables: notifications (notifications).

/** The insert of a notification, once per dedupe key, with its parameters numbered from `$first`. */
export function notificationInsertSql(first = 1): string {
  const p = (i: number) => `$${first + i}`;
  return `INSERT INTO notifications (user_id, kind, title, body, dedupe_key, created_at) VALUES (${p(0)}, ${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)})
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`;
}

export const insertNotificationQuery = defineQuery<
  [userId: string, kind: string, title: string, body: string, dedupeKey: string, createdAt: Date],
  { id: string }
>('notifications.insert', notificationInsertSql(1));
