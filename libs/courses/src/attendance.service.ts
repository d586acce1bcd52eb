import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, chinaDateOf, Clock, FieldIssue, runCommand, runQuery } from '@cqo/core';
import { CourseAccess } from './course-access';
import { CourseCompletionService } from './course-completion.service';
import { requiredSecondsOf } from './course-rules';
import { CourseErrors } from './courses.errors';
import { parseCsv, parseSheetTime, requireTraineeColumn, TRAINEE_COLUMNS } from './roster-csv';
import { RosterMode } from './roster-import.service';
import { TraineeResolver } from './trainee-resolver';
import * as sql from './sql/attendance.sql';
import type { LiveLessonRow } from './sql/attendance.sql';

export interface AttendanceInput {
  traineeId: string;
  /** ISO 8601. */
  signedInAt: string;
  signedOutAt: string;
}

export interface AttendanceView {
  enrollmentId: string;
  lessonId: string;
  traineeId: string;
  signedInAt: Date;
  signedOutAt: Date;
  attendedSeconds: number;
  requiredSeconds: number;
  lessonCompleted: boolean;
  courseCompleted: boolean;
}

export interface AttendanceRowResult {
  row: number;
  status: 'recorded' | 'error' | 'not_applied';
  traineeId: string | null;
  lessonCompleted: boolean;
  errors: FieldIssue[];
}

export interface AttendanceReport {
  mode: RosterMode;
  applied: boolean;
  summary: { rows: number; recorded: number; errors: number; notApplied: number };
  rows: AttendanceRowResult[];
}

type LiveLesson = LiveLessonRow;

/** Which input field a time problem belongs to (the API's names for one record, the CSV's for a sheet). */
type TimeField = 'sign_in' | 'sign_out';

const SIGN_COLUMNS: Record<string, string> = {
  ...TRAINEE_COLUMNS,
  sign_in: 'sign_in',
  signed_in_at: 'sign_in',
  签到时间: 'sign_in',
  sign_out: 'sign_out',
  signed_out_at: 'sign_out',
  签退时间: 'sign_out',
};

/**
 * Attendance at live (in-person) sessions, recorded by the org admin per trainee or by a sign-in
 * sheet CSV. The time between sign-in and sign-out is the lesson's observed time; it completes
 * the lesson when it reaches the version's completion share of the declared minutes. The hours
 * are earned at the sign-out, not when the record is entered: a session on 31 December entered
 * on 2 January counts for December's year. So the times are checked: within the session's
 * scheduled day(s) (CST), not before the enrolment, sign-out after sign-in, not in the future.
 */
@Injectable()
export class AttendanceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CourseAccess,
    private readonly completion: CourseCompletionService,
    private readonly resolver: TraineeResolver,
    private readonly clock: Clock,
  ) {}

  async record(actor: Actor, lessonId: string, input: AttendanceInput): Promise<AttendanceView> {
    const lesson = await this.liveLesson(actor, lessonId);
    const signIn = new Date(input.signedInAt);
    const signOut = new Date(input.signedOutAt);
    const fieldOf = (f: string) => (f === 'sign_in' ? 'signedInAt' : 'signedOutAt');
    const problem = this.checkTimes(lesson, signIn, signOut, null);
    if (problem) throw CourseErrors.attendanceTimes(fieldOf(problem.field), problem.message);
    return this.dataSource.transaction(async (manager) => {
      const enrollment = await this.enrollmentOf(manager, input.traineeId, lesson.course_version_id);
      if (!enrollment) throw CourseErrors.traineeNotFound('traineeId');
      const enrolled = this.checkTimes(lesson, signIn, signOut, enrollment.enrolled_at);
      if (enrolled) throw CourseErrors.attendanceTimes(fieldOf(enrolled.field), enrolled.message);
      const enrollmentId = enrollment.id;
      const done = await this.apply(manager, actor, lesson, enrollmentId, signIn, signOut);
      return { enrollmentId, lessonId, traineeId: input.traineeId, signedInAt: signIn, signedOutAt: signOut, ...done };
    });
  }

  /** A sign-in sheet: columns id_number or username, sign_in, sign_out (ISO 8601 or `YYYY-MM-DD HH:mm` China time). */
  async importSheet(actor: Actor, lessonId: string, csv: string, mode: RosterMode): Promise<AttendanceReport> {
    const lesson = await this.liveLesson(actor, lessonId);
    const parsed = parseCsv(
      csv,
      SIGN_COLUMNS,
      (columns) =>
        requireTraineeColumn(columns) ??
        (columns.has('sign_in') && columns.has('sign_out') ? null : '缺少 sign_in（签到时间）或 sign_out（签退时间）列'),
    );
    const resolved = await this.resolver.resolve(parsed);
    const rows = parsed.map((p, i) => {
      const errors = [...resolved[i].errors];
      const signIn = parseSheetTime(p.values.sign_in ?? '');
      const signOut = parseSheetTime(p.values.sign_out ?? '');
      if (!p.columnMismatch) {
        if (!signIn) errors.push({ field: 'sign_in', message: '时间格式应为 YYYY-MM-DD HH:mm 或带时区的 ISO 8601' });
        if (!signOut) errors.push({ field: 'sign_out', message: '时间格式应为 YYYY-MM-DD HH:mm 或带时区的 ISO 8601' });
        const problem = signIn && signOut ? this.checkTimes(lesson, signIn, signOut, null) : null;
        if (problem) errors.push(problem);
      }
      return { row: p.row, traineeId: resolved[i].traineeId, signIn, signOut, errors };
    });
    const results: AttendanceRowResult[] = [];
    const applied = await this.dataSource.transaction(async (manager) => {
      const enrolled = await runQuery(manager, sql.sheetEnrollmentsQuery, [
        lesson.course_version_id,
        rows.map((r) => r.traineeId).filter((id): id is string => Boolean(id)),
      ]);
      const enrollmentOf = new Map(enrolled.map((e) => [e.trainee_id, e.id]));
      const enrolledAt = new Map(enrolled.map((e) => [e.trainee_id, e.enrolled_at]));
      for (const r of rows) {
        if (r.traineeId && !enrollmentOf.has(r.traineeId)) r.errors.push({ field: 'id_number', message: '该学员未报名本课程' });
        else if (r.traineeId && r.signIn && r.signOut && !r.errors.some((e) => e.field === 'sign_in' || e.field === 'sign_out')) {
          const problem = this.checkTimes(lesson, r.signIn, r.signOut, enrolledAt.get(r.traineeId)!);
          if (problem) r.errors.push(problem);
        }
      }
      // A time that cannot be right (outside the session, before the enrolment, in the future) refuses the
      // whole sheet, in either mode: hours would land in the wrong year. Every such row is named.
      const timeIssues = rows.flatMap((r) =>
        r.errors
          .filter((e) => e.field === 'sign_in' || e.field === 'sign_out')
          .map((e) => ({ field: `rows[${r.row}].${e.field}`, message: `第${r.row}行：${e.message}` })),
      );
      if (timeIssues.length > 0) throw CourseErrors.attendanceSheetTimes(timeIssues);
      if (mode === 'all-or-nothing' && rows.some((r) => r.errors.length)) {
        for (const r of rows) {
          results.push({
            row: r.row,
            status: r.errors.length ? 'error' : 'not_applied',
            traineeId: r.traineeId,
            lessonCompleted: false,
            errors: r.errors,
          });
        }
        return false;
      }
      let any = false;
      for (const r of rows) {
        if (r.errors.length) {
          results.push({ row: r.row, status: 'error', traineeId: r.traineeId, lessonCompleted: false, errors: r.errors });
          continue;
        }
        const done = await this.apply(manager, actor, lesson, enrollmentOf.get(r.traineeId!)!, r.signIn!, r.signOut!);
        results.push({ row: r.row, status: 'recorded', traineeId: r.traineeId, lessonCompleted: done.lessonCompleted, errors: [] });
        any = true;
      }
      return any;
    });
    const count = (s: AttendanceRowResult['status']) => results.filter((r) => r.status === s).length;
    return {
      mode,
      applied,
      summary: { rows: results.length, recorded: count('recorded'), errors: count('error'), notApplied: count('not_applied') },
      rows: results,
    };
  }

  private async liveLesson(actor: Actor, lessonId: string): Promise<LiveLesson> {
    const rows = await runQuery(this.dataSource, sql.liveLessonQuery, [lessonId]);
    const lesson = rows[0];
    if (!lesson) throw CourseErrors.lessonNotFound();
    this.access.assertManages(actor, lesson.organization_id);
    if (lesson.type !== 'live_session') throw CourseErrors.lessonNotLive();
    return lesson;
  }

  /**
   * The times of one attendance, with `enrolledAt` once the enrolment is known. The session's
   * scheduled day(s) are CST calendar days, so a sign-out at 23:59 on the session's day is fine.
   */
  private checkTimes(lesson: LiveLesson, signIn: Date, signOut: Date, enrolledAt: Date | null): (FieldIssue & { field: TimeField }) | null {
    if (Number.isNaN(signIn.getTime())) return { field: 'sign_in', message: '签到时间无效' };
    if (Number.isNaN(signOut.getTime())) return { field: 'sign_out', message: '签退时间无效' };
    if (signOut <= signIn) return { field: 'sign_out', message: '签退时间必须晚于签到时间' };
    if (signOut > this.clock.now()) return { field: 'sign_out', message: '签退时间不能晚于当前时间' };
    if (lesson.starts_at) {
      const firstDay = chinaDateOf(lesson.starts_at);
      const lastDay = chinaDateOf(lesson.ends_at ?? lesson.starts_at);
      const days = firstDay === lastDay ? firstDay : `${firstDay} 至 ${lastDay}`;
      if (chinaDateOf(signIn) < firstDay) return { field: 'sign_in', message: `签到时间不在面授安排的日期（${days}）内` };
      if (chinaDateOf(signIn) > lastDay) return { field: 'sign_in', message: `签到时间不在面授安排的日期（${days}）内` };
      if (chinaDateOf(signOut) > lastDay) return { field: 'sign_out', message: `签退时间不在面授安排的日期（${days}）内` };
    }
    if (enrolledAt && chinaDateOf(signIn) < chinaDateOf(enrolledAt)) {
      return { field: 'sign_in', message: `签到时间早于该学员报名本课程的日期（${chinaDateOf(enrolledAt)}）` };
    }
    return null;
  }

  private async enrollmentOf(
    manager: EntityManager,
    traineeId: string,
    courseVersionId: string,
  ): Promise<{ id: string; enrolled_at: Date } | null> {
    const rows = await runQuery(manager, sql.traineeEnrollmentQuery, [traineeId, courseVersionId]);
    return rows[0] ?? null;
  }

  /** Records (or corrects) one attendance and evaluates completion, the enrolment locked first. */
  private async apply(
    manager: EntityManager,
    actor: Actor,
    lesson: LiveLesson,
    enrollmentId: string,
    signIn: Date,
    signOut: Date,
  ): Promise<{ attendedSeconds: number; requiredSeconds: number; lessonCompleted: boolean; courseCompleted: boolean }> {
    const now = this.clock.now();
    await runQuery(manager, sql.lockEnrollmentQuery, [enrollmentId]);
    await runCommand(manager, sql.upsertAttendanceQuery, [enrollmentId, lesson.id, signIn, signOut, actor.userId, now]);
    const attendedSeconds = Math.floor((signOut.getTime() - signIn.getTime()) / 1000);
    const requiredSeconds = requiredSecondsOf(lesson.minutes, lesson.completion_share);
    // The sheet is the record of a live session: a correction replaces the observed time.
    await runCommand(manager, sql.setAttendedSecondsQuery, [enrollmentId, lesson.id, attendedSeconds, requiredSeconds, now]);
    // The hours were earned at the sign-out (its CST year decides the ledger year), not now.
    const done = await this.completion.completeLessonIfDue(manager, enrollmentId, lesson.id, signOut, 'attendance');
    const [p] = await runQuery(manager, sql.lessonCompletedAtQuery, [enrollmentId, lesson.id]);
    return { attendedSeconds, requiredSeconds, lessonCompleted: p.completed_at !== null, courseCompleted: done.courseCompleted };
  }
}
