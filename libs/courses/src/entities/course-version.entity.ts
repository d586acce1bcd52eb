import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TrainingOrganizationEntity } from '@cqo/organizations';
import { CourseEntity } from './course.entity';
import { RowTimestamps } from '@cqo/core';

export const COURSE_VERSION_STATUSES = ['draft', 'submitted', 'returned', 'approved', 'published', 'archived'] as const;
export type CourseVersionStatus = (typeof COURSE_VERSION_STATUSES)[number];
export const COURSE_KINDS = ['appointment', 'continuing'] as const;
export type CourseKind = (typeof COURSE_KINDS)[number];
export const DELIVERY_MODES = ['online', 'in_person', 'blended'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

/**
 * One version of a course: all of its content. Enrolments point at a version, so a version that
 * anyone enrolled in never changes its category, kind or hours; a new version is made instead.
 */
@Entity({ name: 'course_versions' })
@Index('ux_course_versions_course_id_version', ['courseId', 'version'], { unique: true })
// At most one published version per course, and at most one being worked on.
@Index('ux_course_versions_one_published', ['courseId'], { unique: true, where: `status = 'published'` })
@Index('ux_course_versions_one_working', ['courseId'], { unique: true, where: `status IN ('draft', 'submitted', 'returned', 'approved')` })
@Index('ux_course_versions_approval_number', ['approvalNumber'], { unique: true, where: 'approval_number IS NOT NULL' })
// The catalog: published versions, newest first.
@Index('ix_course_versions_catalog', ['publishedAt', 'id'], { where: `status = 'published'` })
@Check('ck_course_versions_seats', 'seats_taken >= 0 AND (capacity IS NULL OR seats_taken <= capacity)')
@Check('ck_course_versions_credit_hours', 'credit_hours > 0 AND credit_hours * 2 = floor(credit_hours * 2)')
@Check(
  'ck_course_versions_category_kind',
  `category IN (1, 2) AND kind IN ('appointment', 'continuing') AND (category = 1 OR kind = 'continuing')`,
)
@Check('ck_course_versions_completion_share', 'completion_share > 0 AND completion_share <= 1')
@Check(
  'ck_course_versions_attention_checks',
  `(attention_check_min_minutes IS NULL AND attention_check_max_minutes IS NULL)
              OR (attention_check_min_minutes >= 1 AND attention_check_max_minutes >= attention_check_min_minutes)`,
)
export class CourseVersionEntity extends RowTimestamps {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ix_course_versions_course_id')
  @Column({ type: 'uuid' })
  @ForeignKey(() => CourseEntity, { onDelete: 'RESTRICT', name: 'fk_course_versions_course' })
  courseId!: string;

  /** Copied from the course so scope checks and the catalog need no join. */
  @Index('ix_course_versions_organization_id')
  @Column({ type: 'uuid' })
  @ForeignKey(() => TrainingOrganizationEntity, { onDelete: 'RESTRICT', name: 'fk_course_versions_organization' })
  organizationId!: string;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'text' })
  status!: CourseVersionStatus;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'smallint' })
  category!: number;

  @Column({ type: 'text' })
  kind!: CourseKind;

  /** Decimal hours in steps of 0.5, held as a string ("2.5"). */
  @Column({ type: 'numeric', precision: 5, scale: 1 })
  creditHours!: string;

  @Column({ type: 'text' })
  deliveryMode!: DeliveryMode;

  /** Seats; null means no limit. */
  @Column({ type: 'int', nullable: true })
  capacity!: number | null;

  /** Enrolments holding a seat (enrolled or completed). Changed only by an atomic conditional UPDATE. */
  @Column({ type: 'int', default: 0 })
  seatsTaken!: number;

  @Column({ type: 'timestamptz', nullable: true })
  enrollmentOpensAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  enrollmentClosesAt!: Date | null;

  /** Share of a lesson's declared minutes that server-observed time must reach to complete it. */
  @Column({ type: 'numeric', precision: 3, scale: 2, default: () => '0.90' })
  completionShare!: string;

  /** Attention checks (弹题): one after a random number of studied minutes in [min, max]; both null means none. */
  @Column({ type: 'int', nullable: true })
  attentionCheckMinMinutes!: number | null;

  @Column({ type: 'int', nullable: true })
  attentionCheckMaxMinutes!: number | null;

  /** Seconds a check may stay unanswered before it counts as failed. */
  @Column({ type: 'int', default: 60 })
  attentionCheckTimeoutSeconds!: number;

  /** Draw the check from the organization's question bank instead of a plain confirmation. */
  @Column({ type: 'boolean', default: false })
  attentionCheckFromBank!: boolean;

  /** The final exam, if any (an exam paper of the exams lib; no foreign key across the boundary). */
  @Column({ type: 'uuid', nullable: true })
  finalExamPaperId!: string | null;

  /** Given by the platform admin who approves the version. */
  @Column({ type: 'text', nullable: true })
  approvalNumber!: string | null;

  /** Why the version was sent back, when it was. */
  @Column({ type: 'text', nullable: true })
  reviewNote!: string | null;

  @Column({ type: 'uuid', nullable: true })
  reviewedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;
}
