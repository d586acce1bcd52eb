import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  Clock,
  CommonErrors,
  isUniqueViolation,
  Page,
  PageRequest,
  Role,
  runCommand,
  runPage,
  runPrepared,
  runQuery,
} from '@cqo/core';
import { CourseAccess } from './course-access';
import { CourseCompletionService, EnrollmentRef } from './course-completion.service';
import { requiredSecondsOf } from './course-rules';
import { CourseErrors } from './courses.errors';
import { EnrollmentSource, EnrollmentStatus } from './entities/enrollment.entity';
import { CompletionSource } from './entities/lesson-progress.entity';
import { LessonType } from './entities/lesson.entity';
import * as sql from './sql/enrollments.sql';
import { GroupCommit } from './study/group-commit';
import type { EnrollmentRow } from './sql/enrollments.sql';

/** Self-enrolment group commit: at most this many groups (versions) written at once… */
export const ENROL_GROUPS_IN_FLIGHT = 8;
/** …each of at most this many enrolments. */
export const ENROL_GROUP_SIZE = 100;

/** A trainee's self-enrolment waiting for its group; `now` is ISO text. */
interface PendingEnrolment {
  courseVersionId: string;
  traineeId: string;
  now: string;
}

/** An enrolment as its trainee (or staff overseeing the course) sees it. */
export interface EnrollmentView {
  id: string;
  traineeId: string;
  courseId: string;
  courseVersionId: string;
  version: number;
  title: string;
  organizationId: string;
  organizationName: string;
  category: number;
  kind: string;
  creditHours: string;
  deliveryMode: string;
  status: EnrollmentStatus;
  source: EnrollmentSource;
  enrolledAt: Date;
  withdrawnAt: Date | null;
  completedAt: Date | null;
  finalExamPaperId: string | null;
  finalExamPassedAt: Date | null;
  requiredLessons: number;
  completedRequiredLessons: number;
}

/** Hours of enrolled, unfinished courses of one category and kind. */
export interface UnfinishedHours {
  category: number;
  kind: string;
  /** Decimal text without trailing zeros ("7.5"). */
  hours: string;
  courses: number;
}

export interface LessonProgressView {
  lessonId: string;
  position: number;
  title: string;
  type: LessonType;
  minutes: number;
  required: boolean;
  activeSeconds: number;
  requiredSeconds: number;
  completedAt: Date | null;
  completedVia: CompletionSource | null;
  attendance: { signedInAt: Date; signedOutAt: Date } | null;
}

export interface EnrollmentDetailView extends EnrollmentView {
  lessons: LessonProgressView[];
}

/** A row of a course's roster, for staff: the trainee's ID number only masked. */
export interface RosterEntryView {
  enrollmentId: string;
  traineeId: string;
  username: string;
  fullName: string | null;
  idNumberMasked: string | null;
  enterpriseName: string | null;
  status: EnrollmentStatus;
  source: EnrollmentSource;
  enrolledAt: Date;
  completedAt: Date | null;
  finalExamPassedAt: Date | null;
  requiredLessons: number;
  completedRequiredLessons: number;
}

/**
 * Enrolment and withdrawal. A seat is taken in the same statement that locks the version row and
 * inserts the enrolment, so capacity holds under any number of simultaneous requests; the unique
 * indexes make a second live enrolment impossible.
 */
@Injectable()
export class EnrollmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CourseAccess,
    private readonly completion: CourseCompletionService,
    private readonly clock: Clock,
  ) {}

  /**
   * Self-enrolments by group commit: those of one version arriving while its earlier ones are
   * written go together in one statement (one lock of the version row, one seat update, one
   * commit) instead of queueing one by one on the version's lock.
   */
  private readonly enrolments = new GroupCommit<PendingEnrolment, EnrollmentRow | undefined>({
    groupsInFlight: ENROL_GROUPS_IN_FLIGHT,
    maxGroupSize: ENROL_GROUP_SIZE,
    together: true,
    key: (e) => e.courseVersionId,
    writeGroup: (group) => this.enrolGroup(group),
    writeOne: (e) => this.enrolAlone(e),
  });

  /**
   * A trainee enrols in a published course version, inside its enrolment window, if a seat is
   * left. One statement: lock the version row if it takes enrolments now, insert (or revive a
   * withdrawn) enrolment, and take the seat only if that insert happened. Waiting requests
   * re-check the seat count on the locked row, so capacity holds however many arrive at once.
   */
  async enroll(actor: Actor, courseVersionId: string): Promise<EnrollmentView> {
    if (actor.role !== Role.Trainee) throw CommonErrors.outOfScope();
    const row = await this.enrolments.submit({ courseVersionId, traineeId: actor.userId, now: this.clock.now().toISOString() });
    // No row from a group: the trainee was enrolled already.
    if (!row) throw CourseErrors.alreadyEnrolled();
    return toView(row);
  }

  /** One trainee's enrolment alone, by every rule (capacity, window, another live version). */
  private async enrolAlone({ courseVersionId, traineeId, now }: PendingEnrolment): Promise<EnrollmentRow> {
    let rows: (EnrollmentRow & { version_id: string | null; enrollment_id: string | null })[];
    try {
      // Prepared: one round trip, planned once per connection. The time goes as ISO text.
      rows = await runPrepared(this.dataSource, sql.enrolQuery, [courseVersionId, traineeId, now]);
    } catch (error) {
      // A live enrolment in another version of the same course.
      if (isUniqueViolation(error, 'ux_enrollments_trainee_id_course_id_live')) throw CourseErrors.alreadyEnrolled();
      throw error;
    }
    const { version_id: versionId, enrollment_id: enrollmentId } = rows[0];
    if (!versionId) throw await this.whyClosed(this.dataSource.manager, courseVersionId);
    if (!enrollmentId) throw CourseErrors.alreadyEnrolled();
    return rows[0];
  }

  /**
   * Enrolments of one version arriving together, in one statement. Anything but the plain case
   * (a capacity, a window edge, a trainee twice, another live version of the course) makes the
   * group fail as a whole, and GroupCommit then enrols each alone.
   */
  private async enrolGroup(group: PendingEnrolment[]): Promise<(EnrollmentRow | undefined)[]> {
    const traineeIds = group.map((g) => g.traineeId);
    if (new Set(traineeIds).size !== traineeIds.length) throw new Error('a trainee twice in one group');
    const rows = await runPrepared(this.dataSource, sql.enrolGroupQuery, [group[0].courseVersionId, traineeIds, group.map((g) => g.now)]);
    if (!rows[0]?.version_id) throw new Error('not a plain group: enrolled one by one');
    const byTrainee = new Map(rows.filter((r) => r.enrollment_id).map((r) => [r.trainee_id, r]));
    return group.map((g) => byTrainee.get(g.traineeId));
  }

  /** A trainee withdraws before the enrolment window closes; the seat is given back. */
  async withdraw(actor: Actor, enrollmentId: string): Promise<EnrollmentView> {
    const found = await runQuery(this.dataSource, sql.enrollmentOwnerQuery, [enrollmentId]);
    if (!found.length) throw CourseErrors.enrollmentNotFound();
    if (found[0].trainee_id !== actor.userId) throw CommonErrors.outOfScope();
    await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      // Version first, then enrolment: the same lock order as enrolling.
      const versions = await runQuery(manager, sql.lockVersionForWithdrawalQuery, [found[0].course_version_id]);
      const closes = versions[0]?.enrollment_closes_at ?? null;
      if (closes !== null && closes <= now) throw CourseErrors.cannotWithdraw();
      const changed = await runQuery(manager, sql.withdrawQuery, [enrollmentId, now]);
      if (!changed.length) throw CourseErrors.cannotWithdraw();
      await runCommand(manager, sql.releaseSeatQuery, [found[0].course_version_id]);
      await runCommand(manager, sql.endEnrollmentSessionsQuery, [enrollmentId, now]);
    });
    return this.getVisible(actor, enrollmentId);
  }

  /**
   * The credit hours of a trainee's live enrolments not yet completed, by category and kind: the
   * hours on the way, shown beside a requirement's gap. Each course counts its declared hours.
   */
  async unfinishedHours(traineeId: string): Promise<UnfinishedHours[]> {
    const rows = await runQuery(this.dataSource, sql.unfinishedHoursQuery, [traineeId]);
    return rows.map((r) => ({ category: r.category, kind: r.kind, hours: String(Number(r.hours)), courses: r.courses }));
  }

  async listOwn(actor: Actor, page: PageRequest, status?: EnrollmentStatus): Promise<Page<EnrollmentView>> {
    return runPage(
      this.dataSource,
      { count: sql.countOwnEnrollmentsQuery, rows: sql.ownEnrollmentsQuery },
      [actor.userId, status ?? null],
      page,
      toView,
    );
  }

  /** One enrolment with per-lesson progress: its trainee, or staff overseeing the course's organization. */
  async getVisible(actor: Actor, enrollmentId: string): Promise<EnrollmentDetailView> {
    const [e] = await runPrepared(this.dataSource, sql.enrollmentByIdQuery, [enrollmentId]);
    if (!e) throw CourseErrors.enrollmentNotFound();
    if (actor.role === Role.Trainee ? e.trainee_id !== actor.userId : !(await this.access.oversees(actor, e.organization_id))) {
      throw CommonErrors.outOfScope();
    }
    const lessons = await runQuery(this.dataSource, sql.enrollmentLessonsQuery, [enrollmentId, e.course_version_id]);
    return {
      ...toView(e),
      lessons: lessons.map((l) => ({
        lessonId: l.id,
        position: l.position,
        title: l.title,
        type: l.type,
        minutes: l.minutes,
        required: l.required,
        activeSeconds: l.active_seconds ?? 0,
        requiredSeconds: l.required_seconds ?? requiredSecondsOf(l.minutes, e.completion_share),
        completedAt: l.completed_at,
        completedVia: l.completed_via,
        attendance: l.signed_in_at && l.signed_out_at ? { signedInAt: l.signed_in_at, signedOutAt: l.signed_out_at } : null,
      })),
    };
  }

  /** The roster of a course version: its organization's admins, regulators of its region, platform admins. */
  async listForVersion(
    actor: Actor,
    courseVersionId: string,
    page: PageRequest,
    status?: EnrollmentStatus,
  ): Promise<Page<RosterEntryView>> {
    const versions = await runQuery(this.dataSource, sql.versionOrganizationQuery, [courseVersionId]);
    if (!versions.length) throw CourseErrors.versionNotFound();
    await this.access.assertOversees(actor, versions[0].organization_id);
    return runPage(
      this.dataSource,
      { count: sql.countRosterQuery, rows: sql.rosterQuery },
      [courseVersionId, status ?? null],
      page,
      (r) => ({
        enrollmentId: r.id,
        traineeId: r.trainee_id,
        username: r.username,
        fullName: r.full_name,
        idNumberMasked: r.id_number_masked,
        enterpriseName: r.enterprise_name,
        status: r.status,
        source: r.source,
        enrolledAt: r.enrolled_at,
        completedAt: r.completed_at,
        finalExamPassedAt: r.final_exam_passed_at,
        requiredLessons: r.required_lessons,
        completedRequiredLessons: r.completed_required_lessons,
      }),
    );
  }

  /** The trainee's live enrolment in a course version (see {@link CourseCompletionService.findActiveEnrollment}). */
  findActiveEnrollment(traineeId: string, courseVersionId: string): Promise<EnrollmentRef | null> {
    return this.completion.findActiveEnrollment(traineeId, courseVersionId);
  }

  private async whyClosed(manager: EntityManager, courseVersionId: string): Promise<Error> {
    const rows = await runQuery(manager, sql.versionEnrolmentStateQuery, [courseVersionId]);
    const v = rows[0];
    if (!v) return CourseErrors.versionNotFound();
    const now = this.clock.now();
    const inWindow = v.status === 'published' && (v.opens === null || v.opens <= now) && (v.closes === null || now < v.closes);
    return inWindow && v.capacity !== null && v.seats_taken >= v.capacity ? CourseErrors.courseFull() : CourseErrors.notOpenForEnrollment();
  }
}

/**
 * Inserts a live enrolment (or revives the trainee's withdrawn one in the same version). Returns
 * null when the trainee is enrolled already; the caller's transaction then rolls the seat back.
 */
export async function insertEnrollment(
  manager: EntityManager,
  e: { traineeId: string; courseId: string; courseVersionId: string; source: EnrollmentSource; by: string | null; at: Date },
): Promise<string | null> {
  try {
    const rows = await runQuery(manager, sql.insertEnrollmentQuery, [e.traineeId, e.courseId, e.courseVersionId, e.source, e.by, e.at]);
    return rows[0]?.id ?? null;
  } catch (error) {
    // A live enrolment in another version of the same course.
    if (isUniqueViolation(error, 'ux_enrollments_trainee_id_course_id_live')) return null;
    throw error;
  }
}

function toView(e: EnrollmentRow): EnrollmentView {
  return {
    id: e.id,
    traineeId: e.trainee_id,
    courseId: e.course_id,
    courseVersionId: e.course_version_id,
    version: e.version,
    title: e.title,
    organizationId: e.organization_id,
    organizationName: e.organization_name,
    category: e.category,
    kind: e.kind,
    creditHours: e.credit_hours,
    deliveryMode: e.delivery_mode,
    status: e.status,
    source: e.source,
    enrolledAt: e.enrolled_at,
    withdrawnAt: e.withdrawn_at,
    completedAt: e.completed_at,
    finalExamPaperId: e.final_exam_paper_id,
    finalExamPassedAt: e.final_exam_passed_at,
    requiredLessons: e.required_lessons,
    completedRequiredLessons: e.completed_required_lessons,
  };
}
