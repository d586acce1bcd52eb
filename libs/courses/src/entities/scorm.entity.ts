import { Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { EnrollmentEntity } from './enrollment.entity';
import { LessonEntity } from './lesson.entity';

/**
 * One launch of a SCORM SCO: the hash of the token its runtime commits with, the server time
 * consumed so far (`countedUntil`), the time observed and credited, and the session_time reported.
 */
@Entity({ name: 'scorm_sessions' })
export class ScormSessionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_scorm_sessions' })
  id!: string;

  @Index('ix_scorm_sessions_enrollment_id')
  @Column({ type: 'uuid' })
  @ForeignKey(() => EnrollmentEntity, { onDelete: 'CASCADE', name: 'fk_scorm_sessions_enrollment' })
  enrollmentId!: string;

  @Index('ix_scorm_sessions_lesson_id')
  @Column({ type: 'uuid' })
  @ForeignKey(() => LessonEntity, { onDelete: 'RESTRICT', name: 'fk_scorm_sessions_lesson' })
  lessonId!: string;

  @Column({ type: 'text' })
  scoId!: string;

  @Column({ type: 'uuid' })
  traineeId!: string;

  @Index('ux_scorm_sessions_token_hash', { unique: true })
  @Column({ type: 'text' })
  tokenHash!: string;

  @Column({ type: 'timestamptz' })
  launchedAt!: Date;

  /** Server time up to which the session's time has been assessed. */
  @Column({ type: 'timestamptz' })
  countedUntil!: Date;

  /** Server-observed seconds (by the heartbeat rules), credited only as far as the reported session_time reaches. */
  @Column({ type: 'int', default: 0 })
  observedSeconds!: number;

  @Column({ type: 'int', default: 0 })
  creditedSeconds!: number;

  @Column({ type: 'int', nullable: true })
  reportedSeconds!: number | null;

  @Column({ type: 'int', default: 0 })
  commits!: number;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  /** 'finished' (LMSFinish/Terminate) or 'superseded' (a newer launch of the lesson). */
  @Column({ type: 'text', nullable: true })
  endedReason!: string | null;
}

/** The CMI data of a trainee's SCO in a lesson (what resumes it), and when the SCO was completed. */
@Entity({ name: 'scorm_attempts' })
export class ScormAttemptEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_scorm_attempts' })
  @ForeignKey(() => EnrollmentEntity, { onDelete: 'CASCADE', name: 'fk_scorm_attempts_enrollment' })
  enrollmentId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_scorm_attempts' })
  lessonId!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_scorm_attempts' })
  scoId!: string;

  @Column({ type: 'jsonb' })
  cmi!: Record<string, unknown>;

  /** Sum of the session times reported at the end of each session (cmi total_time). */
  @Column({ type: 'int', default: 0 })
  totalSeconds!: number;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}
