import { Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { EnrollmentEntity } from './enrollment.entity';
import { LessonEntity } from './lesson.entity';

/**
 * One launch of a cmi5 AU (a cmi5 "session"): the fetch token the player exchanges once for the
 * AU's credentials (only hashes are kept), and how the session ended.
 */
@Entity({ name: 'cmi5_launches' })
export class Cmi5LaunchEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_cmi5_launches' })
  id!: string;

  @Index('ix_cmi5_launches_enrollment_id')
  @Column({ type: 'uuid' })
  @ForeignKey(() => EnrollmentEntity, { onDelete: 'CASCADE', name: 'fk_cmi5_launches_enrollment' })
  enrollmentId!: string;

  @Index('ix_cmi5_launches_lesson_id')
  @Column({ type: 'uuid' })
  @ForeignKey(() => LessonEntity, { onDelete: 'RESTRICT', name: 'fk_cmi5_launches_lesson' })
  lessonId!: string;

  @Column({ type: 'text' })
  auId!: string;

  /** The learner's registration for this lesson's cmi5 course (the same for every launch). */
  @Column({ type: 'uuid' })
  registration!: string;

  @Index('ux_cmi5_launches_fetch_token_hash', { unique: true })
  @Column({ type: 'text' })
  fetchTokenHash!: string;

  @Column({ type: 'timestamptz', nullable: true })
  fetchUsedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  authSecretHash!: string | null;

  @Column({ type: 'timestamptz' })
  launchedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  terminatedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  abandonedAt!: Date | null;
}

/** What a learner has achieved in one AU of a cmi5 lesson. */
@Entity({ name: 'cmi5_au_states' })
export class Cmi5AuStateEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_cmi5_au_states' })
  @ForeignKey(() => EnrollmentEntity, { onDelete: 'CASCADE', name: 'fk_cmi5_au_states_enrollment' })
  enrollmentId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_cmi5_au_states' })
  lessonId!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_cmi5_au_states' })
  auId!: string;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  passedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  satisfiedAt!: Date | null;
}
