import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { EnrollmentEntity } from './enrollment.entity';
import { LessonEntity } from './lesson.entity';

/** `registration` of the window of statements that came without one. */
export const NO_REGISTRATION = '00000000-0000-0000-0000-000000000000';

/**
 * The window of server-observed time of one registration (content launch) of a lesson in an
 * enrolment, kept as its statements are stored (XapiService): when its first statement was
 * stored and the seconds credited by those not voided. A content player's next statement is
 * capped by it in one row read, instead of summing every statement of the registration (which
 * grew with the session). Statements written for cmi5 launches are not kept here: their window
 * is the launch (a cmi5 lesson takes no key-pair statements).
 */
@Entity({ name: 'xapi_windows' })
export class XapiWindowEntity {
  @PrimaryColumn({ type: 'uuid' })
  @ForeignKey(() => EnrollmentEntity, { onDelete: 'CASCADE', name: 'fk_xapi_windows_enrollment' })
  enrollmentId!: string;

  @PrimaryColumn({ type: 'uuid' })
  @ForeignKey(() => LessonEntity, { onDelete: 'RESTRICT', name: 'fk_xapi_windows_lesson' })
  lessonId!: string;

  /** `context.registration`, or NO_REGISTRATION. */
  @PrimaryColumn({ type: 'uuid' })
  registration!: string;

  /** When the window's first statement was stored. */
  @Column({ type: 'timestamptz' })
  startedAt!: Date;

  /** Seconds credited by the window's statements that are not voided. */
  @Column({ type: 'int' })
  creditedSeconds!: number;
}
