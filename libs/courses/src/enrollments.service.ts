import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, Clock, CommonErrors, isUniqueViolation, offsetOf, Page, pageOf, PageRequest, preparedQuery, Role } from '@cqo/core';
import { CourseAccess, updateReturning } from './course-access';
import { CourseCompletionService, EnrollmentRef } from './course-completion.service';
import { requiredSecondsOf } from './course-rules';
import { CourseErrors } from './courses.errors';
import { EnrollmentSource, EnrollmentStatus } from './entities/enrollment.entity';
import { CompletionSource } from './entities/lesson-progress.entity';
import { LessonType } from './entities/lesson.entity';

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

const ENROLLMENT_SELECT = `SELECT e.id, e.trainee_id, e.course_id, e.course_version_id, e.status, e.source, e.enrolled_at, e.withdrawn_at,
    e.completed_at, e.final_exam_passed_at, v.version, v.title, v.organization_id, o.name AS organization_name, v.category, v.kind,
    v.credit_hours, v.delivery_mode, v.final_exam_paper_id, v.completion_share,
    (SELECT count(*)::int FROM lessons l WHERE l.course_version_id = v.id AND l.required) AS required_lessons,
    (SELECT count(*)::int FROM lessons l JOIN lesson_progress p ON p.lesson_id = l.id AND p.enrollment_id = e.id
      WHERE l.course_version_id = v.id AND l.required AND p.completed_at IS NOT NULL) AS completed_required_lessons
  FROM enrollments e JOIN course_versions v ON v.id = e.course_version_id JOIN training_organizations o ON o.id = v.organization_id`;

const ENROLLMENT_BY_ID = `${ENROLLMENT_SELECT} WHERE e.id = $1`;

/** See {@link EnrollmentsService.enroll}. $1 version, $2 trainee, $3 now. */
const ENROL_SQL = `
WITH v AS (
  SELECT id, course_id FROM course_versions
   WHERE id = $1 AND status = 'published'
     AND (enrollment_opens_at IS NULL OR enrollment_opens_at <= $3)
     AND (enrollment_closes_at IS NULL OR enrollment_closes_at > $3)
     AND (capacity IS NULL OR seats_taken < capacity)
   FOR UPDATE
), ins AS (
  INSERT INTO enrollments (trainee_id, course_id, course_version_id, status, source, enrolled_at)
  SELECT $2, v.course_id, v.id, 'enrolled', 'self', $3 FROM v
  ON CONFLICT (trainee_id, course_version_id) DO UPDATE
    SET status = 'enrolled', source = EXCLUDED.source, enrolled_by = NULL, enrolled_at = EXCLUDED.enrolled_at, withdrawn_at = NULL
    WHERE enrollments.status = 'withdrawn'
  RETURNING id, trainee_id, course_id, course_version_id, status, source, enrolled_at, withdrawn_at, completed_at, final_exam_passed_at
), seat AS (
  UPDATE course_versions SET seats_taken = seats_taken + 1 WHERE id = (SELECT id FROM v) AND EXISTS (SELECT 1 FROM ins) RETURNING id
)
-- The enrolment as its trainee sees it (ENROLLMENT_SELECT's columns), in the same statement: no second round trip.
SELECT (SELECT id FROM v) AS version_id, e.id AS enrollment_id, (SELECT count(*) FROM seat) AS seats,
    e.id, e.trainee_id, e.course_id, e.course_version_id, e.status, e.source, e.enrolled_at, e.withdrawn_at,
    e.completed_at, e.final_exam_passed_at, cv.version, cv.title, cv.organization_id, o.name AS organization_name, cv.category, cv.kind,
    cv.credit_hours, cv.delivery_mode, cv.final_exam_paper_id, cv.completion_share,
    (SELECT count(*)::int FROM lessons l WHERE l.course_version_id = cv.id AND l.required) AS required_lessons,
    (SELECT count(*)::int FROM lessons l JOIN lesson_progress p ON p.lesson_id = l.id AND p.enrollment_id = e.id
      WHERE l.course_version_id = cv.id AND l.required AND p.completed_at IS NOT NULL) AS completed_required_lessons
  FROM (SELECT 1) AS one
  LEFT JOIN ins e ON true
  LEFT JOIN course_versions cv ON cv.id = e.course_version_id
  LEFT JOIN training_organizations o ON o.id = cv.organization_id`;

/**
 * Enrolment and withdrawal. A seat is taken in the same statement that locks the version row and
 * inserts the enrolment, so capacity holds under any number of simultaneous requests; the unique
 * indexes make a second live enrolment impossible.
 */
@Injectable()
export class EnrollmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CourseAccess,
    private readonly completion: CourseCompletionService,
    private readonly clock: Clock,
  ) {}

  /**
   * A trainee enrols in a published course version, inside its enrolment window, if a seat is
   * left. One statement: lock the version row if it takes enrolments now, insert (or revive a
   * withdrawn) enrolment, and take the seat only if that insert happened. Waiting requests
   * re-check the seat count on the locked row, so capacity holds however many arrive at once.
   */
  async enroll(actor: Actor, courseVersionId: string): Promise<EnrollmentView> {
    if (actor.role !== Role.Trainee) throw CommonErrors.outOfScope();
    const now = this.clock.now();
    let rows: (RawEnrollment & { version_id: string | null; enrollment_id: string | null })[];
    try {
      // A new name for the new text: a connection keeps the statement it prepared under a name.
      rows = await preparedQuery(this.dataSource, 'cqo_enrol_view', ENROL_SQL, [courseVersionId, actor.userId, now]);
    } catch (error) {
      // A live enrolment in another version of the same course.
      if (isUniqueViolation(error, 'ux_enrollments_trainee_id_course_id_live')) throw CourseErrors.alreadyEnrolled();
      throw error;
    }
    const { version_id: versionId, enrollment_id: enrollmentId } = rows[0];
    if (!versionId) throw await this.whyClosed(this.dataSource.manager, courseVersionId);
    if (!enrollmentId) throw CourseErrors.alreadyEnrolled();
    return toView(rows[0]);
  }

  /** A trainee withdraws before the enrolment window closes; the seat is given back. */
  async withdraw(actor: Actor, enrollmentId: string): Promise<EnrollmentView> {
    const found: { trainee_id: string; course_version_id: string }[] = await this.dataSource.query(
      'SELECT trainee_id, course_version_id FROM enrollments WHERE id = $1',
      [enrollmentId],
    );
    if (!found.length) throw CourseErrors.enrollmentNotFound();
    if (found[0].trainee_id !== actor.userId) throw CommonErrors.outOfScope();
    await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      // Version first, then enrolment: the same lock order as enrolling.
      const versions: { enrollment_closes_at: Date | null }[] = await manager.query(
        'SELECT enrollment_closes_at FROM course_versions WHERE id = $1 FOR UPDATE',
        [found[0].course_version_id],
      );
      const closes = versions[0]?.enrollment_closes_at ?? null;
      if (closes !== null && closes <= now) throw CourseErrors.cannotWithdraw();
      const changed = await updateReturning(
        manager,
        `UPDATE enrollments SET status = 'withdrawn', withdrawn_at = $2 WHERE id = $1 AND status = 'enrolled' RETURNING id`,
        [enrollmentId, now],
      );
      if (!changed.length) throw CourseErrors.cannotWithdraw();
      await manager.query('UPDATE course_versions SET seats_taken = seats_taken - 1 WHERE id = $1', [found[0].course_version_id]);
      await manager.query('UPDATE study_sessions SET ended_at = $2 WHERE enrollment_id = $1 AND ended_at IS NULL', [enrollmentId, now]);
    });
    return this.getVisible(actor, enrollmentId);
  }

  /**
   * The credit hours of a trainee's live enrolments not yet completed, by category and kind: the
   * hours on the way, shown beside a requirement's gap. Each course counts its declared hours.
   */
  async unfinishedHours(traineeId: string): Promise<UnfinishedHours[]> {
    const rows: { category: number; kind: string; hours: string; courses: number }[] = await this.dataSource.query(
      `SELECT cv.category, cv.kind, sum(cv.credit_hours)::text AS hours, count(*)::int AS courses
         FROM enrollments e JOIN course_versions cv ON cv.id = e.course_version_id
        WHERE e.trainee_id = $1 AND e.status = 'enrolled'
        GROUP BY cv.category, cv.kind ORDER BY cv.category, cv.kind`,
      [traineeId],
    );
    return rows.map((r) => ({ category: r.category, kind: r.kind, hours: String(Number(r.hours)), courses: r.courses }));
  }

  async listOwn(actor: Actor, page: PageRequest, status?: EnrollmentStatus): Promise<Page<EnrollmentView>> {
    const params: unknown[] = [actor.userId];
    const byStatus = status ? ` AND e.status = $${params.push(status)}` : '';
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM enrollments e WHERE e.trainee_id = $1${byStatus}`,
      params,
    );
    const rows: RawEnrollment[] = await this.dataSource.query(
      `${ENROLLMENT_SELECT} WHERE e.trainee_id = $1${byStatus} ORDER BY e.enrolled_at DESC, e.id ASC
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, page.pageSize, offsetOf(page)],
    );
    return pageOf(rows.map(toView), total, page);
  }

  /** One enrolment with per-lesson progress: its trainee, or staff overseeing the course's organization. */
  async getVisible(actor: Actor, enrollmentId: string): Promise<EnrollmentDetailView> {
    const [e] = await preparedQuery<RawEnrollment>(this.dataSource, 'cqo_enrollment_by_id', ENROLLMENT_BY_ID, [enrollmentId]);
    if (!e) throw CourseErrors.enrollmentNotFound();
    if (actor.role === Role.Trainee ? e.trainee_id !== actor.userId : !(await this.access.oversees(actor, e.organization_id))) {
      throw CommonErrors.outOfScope();
    }
    const lessons: RawLessonProgress[] = await this.dataSource.query(
      `SELECT l.id, l.position, l.title, l.type, l.minutes, l.required, p.active_seconds, p.required_seconds, p.completed_at, p.completed_via,
              a.signed_in_at, a.signed_out_at
         FROM lessons l
         LEFT JOIN lesson_progress p ON p.lesson_id = l.id AND p.enrollment_id = $1
         LEFT JOIN attendance_records a ON a.lesson_id = l.id AND a.enrollment_id = $1
        WHERE l.course_version_id = $2 ORDER BY l.position`,
      [enrollmentId, e.course_version_id],
    );
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
    const versions: { organization_id: string }[] = await this.dataSource.query(
      'SELECT organization_id FROM course_versions WHERE id = $1',
      [courseVersionId],
    );
    if (!versions.length) throw CourseErrors.versionNotFound();
    await this.access.assertOversees(actor, versions[0].organization_id);
    const params: unknown[] = [courseVersionId];
    const byStatus = status ? ` AND e.status = $${params.push(status)}` : '';
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM enrollments e WHERE e.course_version_id = $1${byStatus}`,
      params,
    );
    const rows: RawRosterEntry[] = await this.dataSource.query(
      `SELECT e.id, e.trainee_id, u.username, tp.full_name, tp.id_number_masked, ent.name AS enterprise_name, e.status, e.source,
              e.enrolled_at, e.completed_at, e.final_exam_passed_at,
              (SELECT count(*)::int FROM lessons l WHERE l.course_version_id = e.course_version_id AND l.required) AS required_lessons,
              (SELECT count(*)::int FROM lessons l JOIN lesson_progress p ON p.lesson_id = l.id AND p.enrollment_id = e.id
                WHERE l.course_version_id = e.course_version_id AND l.required AND p.completed_at IS NOT NULL) AS completed_required_lessons
         FROM enrollments e JOIN users u ON u.id = e.trainee_id
         LEFT JOIN trainee_profiles tp ON tp.user_id = e.trainee_id
         LEFT JOIN enterprises ent ON ent.id = tp.enterprise_id
        WHERE e.course_version_id = $1${byStatus}
        ORDER BY e.enrolled_at ASC, e.id ASC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, page.pageSize, offsetOf(page)],
    );
    return pageOf(
      rows.map((r) => ({
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
      })),
      total,
      page,
    );
  }

  /** The trainee's live enrolment in a course version (see {@link CourseCompletionService.findActiveEnrollment}). */
  findActiveEnrollment(traineeId: string, courseVersionId: string): Promise<EnrollmentRef | null> {
    return this.completion.findActiveEnrollment(traineeId, courseVersionId);
  }

  private async whyClosed(manager: EntityManager, courseVersionId: string): Promise<Error> {
    const rows: { status: string; capacity: number | null; seats_taken: number; opens: Date | null; closes: Date | null }[] =
      await manager.query(
        'SELECT status, capacity, seats_taken, enrollment_opens_at AS opens, enrollment_closes_at AS closes FROM course_versions WHERE id = $1',
        [courseVersionId],
      );
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
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO enrollments (trainee_id, course_id, course_version_id, status, source, enrolled_by, enrolled_at)
       VALUES ($1, $2, $3, 'enrolled', $4, $5, $6)
       ON CONFLICT (trainee_id, course_version_id) DO UPDATE
         SET status = 'enrolled', source = EXCLUDED.source, enrolled_by = EXCLUDED.enrolled_by, enrolled_at = EXCLUDED.enrolled_at, withdrawn_at = NULL
         WHERE enrollments.status = 'withdrawn'
       RETURNING id`,
      [e.traineeId, e.courseId, e.courseVersionId, e.source, e.by, e.at],
    );
    return rows[0]?.id ?? null;
  } catch (error) {
    // A live enrolment in another version of the same course.
    if (isUniqueViolation(error, 'ux_enrollments_trainee_id_course_id_live')) return null;
    throw error;
  }
}

interface RawEnrollment {
  id: string;
  trainee_id: string;
  course_id: string;
  course_version_id: string;
  status: EnrollmentStatus;
  source: EnrollmentSource;
  enrolled_at: Date;
  withdrawn_at: Date | null;
  completed_at: Date | null;
  final_exam_passed_at: Date | null;
  version: number;
  title: string;
  organization_id: string;
  organization_name: string;
  category: number;
  kind: string;
  credit_hours: string;
  delivery_mode: string;
  final_exam_paper_id: string | null;
  completion_share: string;
  required_lessons: number;
  completed_required_lessons: number;
}

interface RawLessonProgress {
  id: string;
  position: number;
  title: string;
  type: LessonType;
  minutes: number;
  required: boolean;
  active_seconds: number | null;
  required_seconds: number | null;
  completed_at: Date | null;
  completed_via: CompletionSource | null;
  signed_in_at: Date | null;
  signed_out_at: Date | null;
}

interface RawRosterEntry {
  id: string;
  trainee_id: string;
  username: string;
  full_name: string | null;
  id_number_masked: string | null;
  enterprise_name: string | null;
  status: EnrollmentStatus;
  source: EnrollmentSource;
  enrolled_at: Date;
  completed_at: Date | null;
  final_exam_passed_at: Date | null;
  required_lessons: number;
  completed_required_lessons: number;
}

function toView(e: RawEnrollment): EnrollmentView {
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
