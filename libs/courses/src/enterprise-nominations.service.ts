import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, Clock, CommonErrors, Role, runCommand, runQuery } from '@cqo/core';
import { AuditLogService } from '@cqo/identity';
import { NotificationsService } from '@cqo/notifications';
import { TraineesService } from '@cqo/trainees';
import { CourseErrors } from './courses.errors';
import { insertEnrollment } from './enrollments.service';
import { EnrollmentStatus } from './entities/enrollment.entity';
import * as sql from './sql/batch-enrolment.sql';

/** Why a nominated person was (not) enrolled. */
export type NominationOutcome = 'enrolled' | 'already_enrolled' | 'capacity_full' | 'not_staff' | 'not_eligible';

const REASONS: Record<NominationOutcome, string> = {
  enrolled: '已报名',
  already_enrolled: '已报名或已完成该课程',
  capacity_full: '名额已满',
  not_staff: '不是本企业已确认的员工',
  not_eligible: '账号已停用，不能报名',
};

export interface NominationRow {
  userId: string;
  /** Null for anyone who is not a confirmed employee: nothing about them is told. */
  fullName: string | null;
  idNumberMasked: string | null;
  outcome: NominationOutcome;
  reason: string;
}

export interface NominationReport {
  courseVersionId: string;
  title: string;
  summary: { requested: number; enrolled: number; alreadyEnrolled: number; notEnrolled: number; seatsLeft: number | null };
  rows: NominationRow[];
}

/** A confirmed employee's enrolments, for the enterprise's progress view. */
export interface StaffEnrollmentView {
  enrollmentId: string;
  courseVersionId: string;
  title: string;
  category: number;
  kind: string;
  creditHours: string;
  status: EnrollmentStatus;
  source: string;
  enrolledAt: Date;
  completedAt: Date | null;
  requiredLessons: number;
  completedRequiredLessons: number;
}

/**
 * An enterprise admin nominates confirmed employees for a published course in its enrolment
 * window. One transaction with the version row locked (the lock self-enrolment takes too): who is
 * already enrolled is read under it, seats go in the order of the list until none is left, and the
 * rest are reported with the reason. A re-run enrols nobody twice; any failure writes nothing.
 */
@Injectable()
export class EnterpriseNominationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly trainees: TraineesService,
    private readonly audit: AuditLogService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async nominate(actor: Actor, enterpriseId: string, courseVersionId: string, userIds: string[]): Promise<NominationReport> {
    assertEnterpriseAdminOf(actor, enterpriseId);
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const versions = await runQuery(manager, sql.lockVersionForNomination, [courseVersionId]);
      const v = versions[0];
      if (!v) throw CourseErrors.versionNotFound();
      if (v.status !== 'published' || (v.opens !== null && v.opens > now) || (v.closes !== null && v.closes <= now))
        throw CourseErrors.notOpenForEnrollment();
      const staff = await this.trainees.confirmedEmployees(enterpriseId, userIds, manager);
      const live = await runQuery(manager, sql.liveEnrollmentsInCourse, [v.course_id, [...staff.keys()]]);
      const enrolled = new Set(live.map((e) => e.trainee_id));
      let seatsLeft = v.capacity === null ? Number.POSITIVE_INFINITY : Math.max(0, v.capacity - v.seats_taken);
      const rows: NominationRow[] = userIds.map((userId) => {
        const person = staff.get(userId);
        const outcome: NominationOutcome = !person
          ? 'not_staff'
          : !person.active
            ? 'not_eligible'
            : enrolled.has(userId)
              ? 'already_enrolled'
              : seatsLeft <= 0
                ? 'capacity_full'
                : (seatsLeft--, 'enrolled');
        return {
          userId,
          fullName: person?.fullName ?? null,
          idNumberMasked: person?.idNumberMasked ?? null,
          outcome,
          reason: REASONS[outcome],
        };
      });
      const toEnrol = rows.filter((r) => r.outcome === 'enrolled');
      for (const r of toEnrol) {
        const id = await insertEnrollment(manager, {
          traineeId: r.userId,
          courseId: v.course_id,
          courseVersionId,
          source: 'enterprise',
          by: actor.userId,
          at: now,
        });
        // The version row is locked and live enrolments were read under it: a conflict here is a bug.
        if (!id) throw new Error(`nomination of ${r.userId} conflicted under the version lock`);
        await this.notifications.notify(
          {
            userId: r.userId,
            kind: 'course_nominated',
            title: `企业为你报名了课程：${v.title}`,
            body: `所在企业已为你报名《${v.title}》，请在“我的学习”中开始学习。`,
            dedupeKey: `nomination:${id}:${now.getTime()}`,
          },
          manager,
        );
      }
      if (toEnrol.length) {
        await runCommand(manager, sql.addSeatsTaken, [courseVersionId, toEnrol.length]);
        await this.audit.record(
          {
            action: 'enrollment.nominated',
            actorId: actor.userId,
            subjectId: courseVersionId,
            details: { enterpriseId, traineeIds: toEnrol.map((r) => r.userId) },
          },
          manager,
        );
      }
      const count = (o: NominationOutcome) => rows.filter((r) => r.outcome === o).length;
      return {
        courseVersionId,
        title: v.title,
        summary: {
          requested: rows.length,
          enrolled: count('enrolled'),
          alreadyEnrolled: count('already_enrolled'),
          notEnrolled: rows.length - count('enrolled') - count('already_enrolled'),
          seatsLeft: v.capacity === null ? null : seatsLeft,
        },
        rows,
      };
    });
  }

  /** The enrolments of the given confirmed employees (the caller has scoped the list to its enterprise). */
  async enrollmentsOfStaff(actor: Actor, enterpriseId: string, traineeIds: string[]): Promise<Map<string, StaffEnrollmentView[]>> {
    assertEnterpriseAdminOf(actor, enterpriseId);
    const rows = await runQuery(this.dataSource, sql.staffEnrollments, [traineeIds, enterpriseId]);
    const byTrainee = new Map<string, StaffEnrollmentView[]>(traineeIds.map((id) => [id, []]));
    for (const r of rows) {
      byTrainee.get(r.trainee_id)?.push({
        enrollmentId: r.id,
        courseVersionId: r.course_version_id,
        title: r.title,
        category: r.category,
        kind: r.kind,
        creditHours: String(Number(r.credit_hours)),
        status: r.status,
        source: r.source,
        enrolledAt: r.enrolled_at,
        completedAt: r.completed_at,
        requiredLessons: r.required_lessons,
        completedRequiredLessons: r.completed_required_lessons,
      });
    }
    return byTrainee;
  }
}

function assertEnterpriseAdminOf(actor: Actor, enterpriseId: string): void {
  if (actor.role !== Role.EnterpriseAdmin || actor.enterpriseId !== enterpriseId) throw CommonErrors.outOfScope();
}
