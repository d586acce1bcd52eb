import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CourseCompletedEvent, OutboxWriter, runCommand, runQuery } from '@cqo/core';
import { CompletionSource } from './entities/lesson-progress.entity';
import { EnrollmentStatus } from './entities/enrollment.entity';
import * as sql from './sql/completion.sql';
import type { LockedEnrollmentRow } from './sql/completion.sql';

/** An enrolment as other libs (exams) need it. */
export interface EnrollmentRef {
  id: string;
  traineeId: string;
  courseId: string;
  courseVersionId: string;
  status: EnrollmentStatus;
  enrolledAt: Date;
  completedAt: Date | null;
  finalExamPassedAt: Date | null;
  /** The course version's final exam paper, if it has one. */
  finalExamPaperId: string | null;
}

type LockedEnrollment = LockedEnrollmentRow;

/**
 * Decides course completion: every required lesson done and the final exam (if any) passed.
 * Every path that records a requirement (heartbeat, xAPI statement, attendance, exam result)
 * calls it inside its own transaction, with the enrolment row locked, so the completion and its
 * `course.completed` outbox event are written once, in the transaction that recorded the last
 * requirement, however many times that requirement arrives.
 */
@Injectable()
export class CourseCompletionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  /**
   * The trainee's live (enrolled or completed, not withdrawn) enrolment in a course version, or null.
   * For the exams lib: a final exam is sat within this enrolment.
   */
  async findActiveEnrollment(
    traineeId: string,
    courseVersionId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<EnrollmentRef | null> {
    const rows = await runQuery(manager, sql.activeEnrollmentQuery, [traineeId, courseVersionId]);
    const r = rows[0];
    return r
      ? {
          id: r.id,
          traineeId: r.trainee_id,
          courseId: r.course_id,
          courseVersionId: r.course_version_id,
          status: r.status,
          enrolledAt: r.enrolled_at,
          completedAt: r.completed_at,
          finalExamPassedAt: r.final_exam_passed_at,
          finalExamPaperId: r.final_exam_paper_id,
        }
      : null;
  }

  /**
   * For the exams lib, inside the caller's transaction: records that the final exam was passed
   * (the first pass counts) and completes the enrolment if that was the last requirement.
   */
  async recordFinalExamPassed(manager: EntityManager, enrollmentId: string, passedAt: Date): Promise<{ completed: boolean }> {
    assertInTransaction(manager);
    const e = await this.lock(manager, enrollmentId);
    if (!e || e.status === 'withdrawn') return { completed: false };
    if (!e.final_exam_passed_at) {
      await runCommand(manager, sql.setFinalExamPassedQuery, [enrollmentId, passedAt]);
      e.final_exam_passed_at = passedAt;
    }
    return { completed: await this.completeIfDue(manager, e, passedAt) };
  }

  /**
   * Inside the caller's transaction: marks a lesson done if its observed time has reached the
   * required share, then completes the enrolment if nothing else is missing. `at` is when the
   * learning occurred (not when it was recorded): it becomes the lesson's completion time.
   */
  async completeLessonIfDue(
    manager: EntityManager,
    enrollmentId: string,
    lessonId: string,
    at: Date,
    via: CompletionSource,
  ): Promise<{ lessonCompleted: boolean; courseCompleted: boolean }> {
    return this.completeLesson(manager, sql.completeLessonIfDueQuery, enrollmentId, lessonId, at, via);
  }

  /**
   * Completes a lesson whose own rule is met elsewhere (a cmi5 course satisfied by its AUs'
   * moveOn): no time share is required. The lesson's progress row must exist.
   */
  async completeLessonSatisfied(
    manager: EntityManager,
    enrollmentId: string,
    lessonId: string,
    at: Date,
    via: CompletionSource,
  ): Promise<{ lessonCompleted: boolean; courseCompleted: boolean }> {
    return this.completeLesson(manager, sql.completeLessonSatisfiedQuery, enrollmentId, lessonId, at, via);
  }

  /** Marks the lesson by `mark` (a row back: it marked it now), then completes the enrolment if nothing else is missing. */
  private async completeLesson(
    manager: EntityManager,
    mark: typeof sql.completeLessonIfDueQuery,
    enrollmentId: string,
    lessonId: string,
    at: Date,
    via: CompletionSource,
  ): Promise<{ lessonCompleted: boolean; courseCompleted: boolean }> {
    assertInTransaction(manager);
    const e = await this.lock(manager, enrollmentId);
    if (!e || e.status === 'withdrawn') return { lessonCompleted: false, courseCompleted: false };
    const marked = await runQuery(manager, mark, [enrollmentId, lessonId, at, via]);
    if (!marked.length) return { lessonCompleted: false, courseCompleted: false };
    return { lessonCompleted: true, courseCompleted: await this.completeIfDue(manager, e, at) };
  }

  private async lock(manager: EntityManager, enrollmentId: string): Promise<LockedEnrollment | null> {
    const rows = await runQuery(manager, sql.lockEnrollmentForCompletionQuery, [enrollmentId]);
    return rows[0] ?? null;
  }

  /**
   * With the enrolment locked: completes it (and writes the event) if every requirement is met.
   * The completion happened when the last requirement was met in fact: the latest of the required
   * lessons' completion times and the exam pass, each itself the time the learning occurred (a
   * heartbeat's server time, an attendance's sign-out, an xAPI statement's timestamp). `at` is the
   * occurrence time of the requirement just recorded, the fallback for a course with none.
   */
  private async completeIfDue(manager: EntityManager, e: LockedEnrollment, at: Date): Promise<boolean> {
    if (e.status !== 'enrolled') return false;
    if (e.final_exam_paper_id && !e.final_exam_passed_at) return false;
    const [{ missing, last_done }] = await runQuery(manager, sql.requiredLessonsStateQuery, [e.id, e.course_version_id]);
    if (missing > 0) return false;
    const times = [last_done, e.final_exam_passed_at].filter((t): t is Date => t !== null).map((t) => new Date(t).getTime());
    const occurredAt = times.length > 0 ? new Date(Math.max(...times)) : at;
    await runCommand(manager, sql.completeEnrollmentQuery, [e.id, occurredAt]);
    const event: CourseCompletedEvent = {
      enrollmentId: e.id,
      traineeId: e.trainee_id,
      courseId: e.course_id,
      courseVersionId: e.course_version_id,
      organizationId: e.organization_id,
      category: e.category === 2 ? 2 : 1,
      kind: e.kind,
      creditHours: e.credit_hours,
      completedAt: occurredAt.toISOString(),
    };
    await this.outbox.record(manager, 'course.completed', event);
    e.status = 'completed';
    return true;
  }
}

function assertInTransaction(manager: EntityManager): void {
  if (!manager.queryRunner?.isTransactionActive) throw new Error('course completion must be evaluated inside a transaction');
}
