import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { EnrollmentEntity } from './enrollment.entity';
import { LessonEntity } from './lesson.entity';

/** An accepted xAPI statement. Its id is the statement's own, which makes intake idempotent. */
@Entity({ name: 'xapi_statements' })
// The window of a content player's registration (XapiService) is read by these three columns.
@Index('ix_xapi_statements_window', ['enrollmentId', 'lessonId', 'registration'])
@Check('ck_xapi_statements_source', 'api_key_id IS NOT NULL OR confirmed_by IS NOT NULL OR launch_id IS NOT NULL')
export class XapiStatementEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => EnrollmentEntity, { onDelete: 'CASCADE', name: 'fk_xapi_statements_enrollment' })
  enrollmentId!: string;

  @Index('ix_xapi_statements_lesson_id')
  @Column({ type: 'uuid' })
  @ForeignKey(() => LessonEntity, { onDelete: 'RESTRICT', name: 'fk_xapi_statements_lesson' })
  lessonId!: string;

  /** The key that sent it; null when an org admin confirmed a statement older than the age window. */
  @Column({ type: 'uuid', nullable: true })
  apiKeyId!: string | null;

  /** The org admin who confirmed a statement older than `XAPI_MAX_STATEMENT_AGE_DAYS`. */
  @Column({ type: 'uuid', nullable: true })
  confirmedBy!: string | null;

  @Column({ type: 'text' })
  verb!: string;

  /** `result.duration` as sent, in seconds (null when absent). */
  @Column({ type: 'int', nullable: true })
  reportedSeconds!: number | null;

  /** What was credited: the duration capped by the lesson's declared minutes. */
  @Column({ type: 'int' })
  creditedSeconds!: number;

  /** SHA-256 of the statement as received: the same id with other content is a conflict. */
  @Column({ type: 'text' })
  contentHash!: string;

  @Column({ type: 'timestamptz', nullable: true })
  statementTimestamp!: Date | null;

  @Column({ type: 'timestamptz' })
  storedAt!: Date;

  /** `context.registration`: one launch of the content (the window of server-observed time). */
  @Column({ type: 'uuid', nullable: true })
  registration!: string | null;

  /** The statement as returned by GET /xapi/statements (with id, stored, authority); null for rows older than the LRS. */
  @Column({ type: 'jsonb', nullable: true })
  statement!: Record<string, unknown> | null;

  /** The cmi5 launch whose AU sent it, or for which the LMS wrote it (launched, satisfied, abandoned). */
  @Index('ix_xapi_statements_launch_id')
  @Column({ type: 'uuid', nullable: true })
  launchId!: string | null;

  /** The `voided` statement that voided this one. */
  @Column({ type: 'uuid', nullable: true })
  voidedBy!: string | null;
}
