import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { EnrollmentEntity } from './enrollment.entity';
import { LessonEntity } from './lesson.entity';

/** Attendance at a live session, recorded by the org admin (one record per trainee and lesson; a correction replaces it). */
@Entity({ name: 'attendance_records' })
@Index('ux_attendance_records_enrollment_id_lesson_id', ['enrollmentId', 'lessonId'], { unique: true })
@Check('ck_attendance_records_times', 'signed_out_at > signed_in_at')
export class AttendanceRecordEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  enrollmentId!: string;

  @ManyToOne(() => EnrollmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enrollment_id', foreignKeyConstraintName: 'fk_attendance_records_enrollment' })
  enrollment?: Relation<EnrollmentEntity>;

  @Index('ix_attendance_records_lesson_id')
  @Column({ type: 'uuid' })
  lessonId!: string;

  @ManyToOne(() => LessonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lesson_id', foreignKeyConstraintName: 'fk_attendance_records_lesson' })
  lesson?: Relation<LessonEntity>;

  @Column({ type: 'timestamptz' })
  signedInAt!: Date;

  @Column({ type: 'timestamptz' })
  signedOutAt!: Date;

  @Column({ type: 'uuid' })
  recordedBy!: string;

  @Column({ type: 'timestamptz' })
  recordedAt!: Date;
}
