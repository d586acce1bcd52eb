import { Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '@cqo/identity';

export type MailCategory = 'reminder' | 'update' | 'account';
export type MailStatus = 'sent' | 'bounced' | 'suppressed';

/**
 * One mail, once: `idempotencyKey` names what it is (a notification, a day's reminder digest, a
 * reset request), so a retried or duplicated job finds the row and sends nothing again.
 */
@Entity({ name: 'mail_messages' })
@Index('ix_mail_messages_user_id_created_at', ['userId', 'createdAt'])
export class MailMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ux_mail_messages_idempotency_key', { unique: true })
  @Column({ type: 'text' })
  idempotencyKey!: string;

  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { onDelete: 'SET NULL', name: 'fk_mail_messages_user' })
  userId!: string | null;

  @Column({ type: 'text' })
  toAddress!: string;

  @Column({ type: 'text' })
  category!: MailCategory;

  @Column({ type: 'text' })
  subject!: string;

  /** sent; bounced (the server refused the address for good); suppressed (address on the dead-letter list). */
  @Column({ type: 'text' })
  status!: MailStatus;

  @Column({ type: 'text', nullable: true })
  messageId!: string | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Index('ix_mail_messages_created_at')
  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}

/** An address the mail server refused for good (SMTP 5xx): never mailed again until removed here. */
@Entity({ name: 'mail_dead_letters' })
export class MailDeadLetterEntity {
  @PrimaryColumn({ type: 'text' })
  address!: string;

  @Column({ type: 'int', nullable: true })
  smtpCode!: number | null;

  /** The server's answer (no message content). */
  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'int', default: 1 })
  bounces!: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  firstBouncedAt!: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastBouncedAt!: Date;
}

/** What a person wants mailed. No row: the defaults (everything on). In-app notifications are always kept. */
@Entity({ name: 'notification_preferences' })
export class NotificationPreferenceEntity {
  @PrimaryColumn({ type: 'uuid' })
  @ForeignKey(() => UserEntity, { onDelete: 'CASCADE', name: 'fk_notification_preferences_user' })
  userId!: string;

  /** Shortfall, term-expiry and report-due reminders (the daily digest); the unsubscribe link turns this off. */
  @Column({ type: 'boolean', default: true })
  emailReminders!: boolean;

  /** Course reviews, claim decisions, certificates issued. */
  @Column({ type: 'boolean', default: true })
  emailUpdates!: boolean;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
