import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { EnrollmentEntity } from './enrollment.entity';
import { LessonEntity } from './lesson.entity';

export type CompletionSource = 'heartbeat' | 'xapi' | 'attendance' | 'scorm';

/**
 * Server-observed time on one lesson of one enrolment. `requiredSeconds` is frozen when the row is
 * made (share × declared minutes), so the heartbeat path needs no join to decide completion.
 */
@Entity({ name: 'lesson_progress' })
export class LessonProgressEntity {
  @PrimaryColumn({ type: 'uuid' })
  @ForeignKey(() => EnrollmentEntity, { onDelete: 'CASCADE', name: 'fk_lesson_progress_enrollment' })
  enrollmentId!: string;

  @Index('ix_lesson_progress_lesson_id')
  @PrimaryColumn({ type: 'uuid' })
  @ForeignKey(() => LessonEntity, { onDelete: 'RESTRICT', name: 'fk_lesson_progress_lesson' })
  lessonId!: string;

  @Column({ type: 'int', default: 0 })
  activeSeconds!: number;

  @Column({ type: 'int' })
  requiredSeconds!: number;

  /** Seconds of the video watched without skipping (credited only at ≤ 1× by the server's clock). */
  @Column({ type: 'double precision', default: 0 })
  furthestPosition!: number;

  /** Where playback was at the last heartbeat, to resume there. */
  @Column({ type: 'double precision', default: 0 })
  lastPosition!: number;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  completedVia!: CompletionSource | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
