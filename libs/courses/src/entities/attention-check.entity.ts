import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { StudySessionEntity } from './study-session.entity';

export type AttentionCheckKind = 'confirm' | 'question';

/**
 * One attention check (弹题) shown during a study session, kept as evidence: when it was shown,
 * by when it had to be answered, the answer and whether it passed. While one is open, the session
 * earns no time.
 */
@Entity({ name: 'attention_checks' })
@Index('ix_attention_checks_enrollment_id_lesson_id', ['enrollmentId', 'lessonId'])
@Check('ck_attention_checks_kind', `kind IN ('confirm', 'question')`)
export class AttentionCheckEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_attention_checks' })
  id!: string;

  @Index('ix_attention_checks_session_id')
  @Column({ type: 'uuid' })
  @ForeignKey(() => StudySessionEntity, { onDelete: 'CASCADE', name: 'fk_attention_checks_session' })
  sessionId!: string;

  @Column({ type: 'uuid' })
  enrollmentId!: string;

  @Column({ type: 'uuid' })
  lessonId!: string;

  @Column({ type: 'text' })
  kind!: AttentionCheckKind;

  @Column({ type: 'text' })
  prompt!: string;

  /** A bank question's options as shown ({id, text}); empty for a confirmation. */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  options!: { id: string; text: string }[];

  /** The id of the right option of a question check (never sent to the trainee); null for a confirmation. */
  @Column({ type: 'text', nullable: true })
  answerKey!: string | null;

  /** The bank question it was drawn from, if any (exams lib; no foreign key across the boundary). */
  @Column({ type: 'uuid', nullable: true })
  questionId!: string | null;

  /** Playback position when it was shown. */
  @Column({ type: 'double precision', nullable: true })
  position!: number | null;

  @Column({ type: 'timestamptz' })
  issuedAt!: Date;

  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  answer!: string | null;

  /** Answered in time and correctly; null while open. */
  @Column({ type: 'boolean', nullable: true })
  passed!: boolean | null;
}
