import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, Clock, DomainError, offsetOf, Page, pageOf, PageRequest, runQuery } from '@cqo/core';
import { insertNotificationQuery, notificationInsertSql } from './sql/notifications.sql';
import { NotificationEntity } from './notification.entity';

export interface NewNotification {
  userId: string;
  kind: string;
  title: string;
  body: string;
  /** Same key, same notification: a retried job sends nothing twice. */
  dedupeKey: string;
}

export interface NotificationView {
  id: string;
  kind: string;
  title: string;
  body: string;
  createdAt: Date;
  readAt: Date | null;
}

/**
 * The insert of a notification, once per dedupe key, with its parameters numbered from `$first`:
 * what notify() runs, and what a caller embeds in a statement of its own (as a CTE) to send the
 * notification in the same round trip as the write it reports.
 */
export function notificationInsert(input: NewNotification, createdAt: Date, first = 1): { sql: string; params: unknown[] } {
  return { sql: notificationInsertSql(first), params: notificationParams(input, createdAt) };
}

function notificationParams(input: NewNotification, createdAt: Date): [string, string, string, string, string, Date] {
  return [input.userId, input.kind, input.title, input.body, input.dedupeKey, createdAt];
}

/**
 * Inserts one notification in the caller's transaction, once per dedupe key, dated `createdAt`;
 * answers whether this call created it. For other libs, instead of writing the table themselves.
 */
export async function insertNotification(manager: EntityManager, input: NewNotification, createdAt: Date): Promise<boolean> {
  const created = await runQuery(manager, insertNotificationQuery, notificationParams(input, createdAt));
  return created.length > 0;
}

@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Sends a notification once per dedupe key; returns whether this call created it. */
  async notify(input: NewNotification, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const created = await runQuery(manager, insertNotificationQuery, notificationParams(input, this.clock.now()));
    return created.length > 0;
  }

  async listOwn(actor: Actor, page: PageRequest, unreadOnly = false): Promise<Page<NotificationView> & { unread: number }> {
    const repo = this.dataSource.getRepository(NotificationEntity);
    const qb = repo.createQueryBuilder('n').where('n.user_id = :userId', { userId: actor.userId });
    if (unreadOnly) qb.andWhere('n.read_at IS NULL');
    const [rows, total] = await qb
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'ASC')
      .skip(offsetOf(page))
      .take(page.pageSize)
      .getManyAndCount();
    const unread = await repo
      .createQueryBuilder('n')
      .where('n.user_id = :userId AND n.read_at IS NULL', { userId: actor.userId })
      .getCount();
    return { ...pageOf(rows.map(toView), total, page), unread };
  }

  async markRead(actor: Actor, id: string): Promise<NotificationView> {
    const repo = this.dataSource.getRepository(NotificationEntity);
    const found = await repo.findOneBy({ id, userId: actor.userId });
    if (!found) throw DomainError.notFound('NOTIFICATION_NOT_FOUND', '通知不存在');
    if (!found.readAt) {
      found.readAt = this.clock.now();
      await repo.update({ id }, { readAt: found.readAt });
    }
    return toView(found);
  }
}

function toView(n: NotificationEntity): NotificationView {
  return { id: n.id, kind: n.kind, title: n.title, body: n.body, createdAt: n.createdAt, readAt: n.readAt };
}
