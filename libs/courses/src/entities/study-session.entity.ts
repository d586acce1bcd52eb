import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { EnrollmentEntity } from './enrollment.entity';
import { LessonEntity } from './lesson.entity';

/**
 * A stretch of online study of one lesson. Each heartbeat credits the time since the previous one
 * (capped), measured by the server's clock; a trainee has at most one open session at a time.
 */
@Entity({ name: 'study_sessions' })
// One open session per trainee: a second tab or device supersedes the first.
@Index('ux_study_sessions_trainee_id_open', ['traineeId'], { unique: true, where: 'ended_at IS NULL' })
export class StudySessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ix_study_sessions_enrollment_id')
  @Column({ type: 'uuid' })
  @ForeignKey(() => EnrollmentEntity, { onDelete: 'CASCADE', name: 'fk_study_sessions_enrollment' })
  enrollmentId!: string;

  @Index('ix_study_sessions_lesson_id')
  @Column({ type: 'uuid' })
  @ForeignKey(() => LessonEntity, { onDelete: 'RESTRICT', name: 'fk_study_sessions_lesson' })
  lessonId!: string;

  /** Copied from the enrolment so a heartbeat checks ownership by primary key alone. */
  @Column({ type: 'uuid' })
  traineeId!: string;

  @Column({ type: 'timestamptz' })
  startedAt!: Date;

  /** The server time up to which this session's time has been credited. */
  @Column({ type: 'timestamptz' })
  lastBeatAt!: Date;

  @Column({ type: 'int', default: 0 })
  creditedSeconds!: number;

  @Column({ type: 'int', default: 0 })
  beats!: number;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  /** ended, superseded (another tab or device started), … */
  @Column({ type: 'text', nullable: true })
  endedReason!: string | null;

  /** Playback position at the last heartbeat. */
  @Column({ type: 'double precision', nullable: true })
  position!: number | null;

  /** Playback intervals reported in this session, [from, to] seconds, merged while contiguous (evidence). */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  watched!: [number, number][];

  /** Browser and system from the User-Agent, e.g. "Chrome 140 · Linux" (evidence). */
  @Column({ type: 'text', nullable: true })
  device!: string | null;

  /** Credited seconds of this session at which the next attention check is due. */
  @Column({ type: 'int', nullable: true })
  nextCheckAtSeconds!: number | null;

  /** The open attention check; while set, nothing is credited. */
  @Column({ type: 'uuid', nullable: true })
  pendingCheckId!: string | null;

  /** Heartbeats that credited nothing (paused, idle, skipped ahead, check open). */
  @Column({ type: 'int', default: 0 })
  uncreditedBeats!: number;
}
