import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ContentFileEntity } from './content-file.entity';
import { ContentPackageEntity } from './content-package.entity';
import { CourseVersionEntity } from './course-version.entity';

export const LESSON_TYPES = ['video', 'document', 'live_session', 'cmi5', 'scorm'] as const;
export type LessonType = (typeof LESSON_TYPES)[number];

/**
 * A lesson of a course version. Video and document lessons are studied online (heartbeats or
 * xAPI); live sessions are attended in person, with sign-in and sign-out recorded by the org.
 */
@Entity({ name: 'lessons' })
@Index('ux_lessons_course_version_id_position', ['courseVersionId', 'position'], { unique: true })
@Check('ck_lessons_minutes', 'minutes > 0')
export class LessonEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => CourseVersionEntity, { onDelete: 'CASCADE', name: 'fk_lessons_course_version' })
  courseVersionId!: string;

  /** 1-based order within the version. */
  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  type!: LessonType;

  /** Declared length; completion needs a share of it observed by the server. */
  @Column({ type: 'int' })
  minutes!: number;

  @Column({ type: 'boolean', default: true })
  required!: boolean;

  /** Where the video or document is (ours or hosted elsewhere and reported by xAPI). */
  @Column({ type: 'text', nullable: true })
  contentUrl!: string | null;

  /** The hosted video or PDF (uploaded by the org); a video's real duration bounds `minutes`. */
  @Index('ix_lessons_content_file_id')
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => ContentFileEntity, { onDelete: 'RESTRICT', name: 'fk_lessons_content_file' })
  contentFileId!: string | null;

  /** The imported content package of a cmi5 lesson. */
  @Index('ix_lessons_content_package_id')
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => ContentPackageEntity, { onDelete: 'RESTRICT', name: 'fk_lessons_content_package' })
  contentPackageId!: string | null;

  /** Schedule and venue of a live session. */
  @Column({ type: 'timestamptz', nullable: true })
  startsAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  endsAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  venue!: string | null;
}
