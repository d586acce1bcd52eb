import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
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
  @ForeignKey(() => EnrollmentEntity, { onDelete: 'CASCADE', name: 'fk_attendance_records_enrollment' })
  enrollmentId!: string;

  @Index('ix_attendance_records_lesson_id')
  @Column({ type: 'uuid' })
  @ForeignKey(() => LessonEntity, { onDelete: 'RESTRICT', name: 'fk_attendance_records_lesson' })
  lessonId!: string;

  @Column({ type: 'timestamptz' })
  signedInAt!: Date;

  @Column({ type: 'timestamptz' })
  signedOutAt!: Date;

  @Column({ type: 'uuid' })
  recordedBy!: string;

  @Column({ type: 'timestamptz' })
  recordedAt!: Date;
}
