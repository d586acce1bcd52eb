import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '@cqo/identity';
import { CourseVersionEntity } from './course-version.entity';
import { CourseEntity } from './course.entity';

export type EnrollmentStatus = 'enrolled' | 'withdrawn' | 'completed';
/** `enterprise`: nominated by the trainee's enterprise admin (enrolled_by names them). */
export type EnrollmentSource = 'self' | 'roster' | 'enterprise';

/**
 * A trainee's place in one course version. The credit-hours and certificates libs read this table
 * (id, trainee_id, course_version_id, status, enrolled_at, completed_at, final_exam_passed_at).
 */
@Entity({ name: 'enrollments' })
@Index('ux_enrollments_trainee_id_course_version_id', ['traineeId', 'courseVersionId'], { unique: true })
// One live enrolment per course, whatever the version: a course's hours are earned once.
@Index('ux_enrollments_trainee_id_course_id_live', ['traineeId', 'courseId'], { unique: true, where: `status <> 'withdrawn'` })
@Index('ix_enrollments_course_version_id_status', ['courseVersionId', 'status'])
export class EnrollmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => UserEntity, { onDelete: 'RESTRICT', name: 'fk_enrollments_trainee' })
  traineeId!: string;

  @Index('ix_enrollments_course_id')
  @Column({ type: 'uuid' })
  @ForeignKey(() => CourseEntity, { onDelete: 'RESTRICT', name: 'fk_enrollments_course' })
  courseId!: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => CourseVersionEntity, { onDelete: 'RESTRICT', name: 'fk_enrollments_course_version' })
  courseVersionId!: string;

  @Column({ type: 'text' })
  status!: EnrollmentStatus;

  @Column({ type: 'text', default: 'self' })
  source!: EnrollmentSource;

  /** The org admin who enrolled a roster or the enterprise admin who nominated; null when the trainee enrolled. */
  @Column({ type: 'uuid', nullable: true })
  enrolledBy!: string | null;

  @Column({ type: 'timestamptz' })
  enrolledAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finalExamPassedAt!: Date | null;
}
