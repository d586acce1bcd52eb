import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, Clock, FieldIssue, runCommand, runQuery } from '@cqo/core';
import { CourseAccess } from './course-access';
import { CourseErrors } from './courses.errors';
import { insertEnrollment } from './enrollments.service';
import { parseCsv, requireTraineeColumn, TRAINEE_COLUMNS } from './roster-csv';
import * as sql from './sql/batch-enrolment.sql';
import { TraineeResolver } from './trainee-resolver';

/** `valid-rows`: apply every valid row; `all-or-nothing`: apply none if any row fails. */
export const ROSTER_MODES = ['valid-rows', 'all-or-nothing'] as const;
export type RosterMode = (typeof ROSTER_MODES)[number];

export type RosterRowStatus = 'enrolled' | 'already_enrolled' | 'error' | 'not_applied';

export interface RosterRowResult {
  /** Line in the file; the header is line 1. */
  row: number;
  status: RosterRowStatus;
  traineeId: string | null;
  traineeName: string | null;
  idNumberMasked: string | null;
  errors: FieldIssue[];
}

export interface RosterReport {
  mode: RosterMode;
  /** Whether anything was written. */
  applied: boolean;
  summary: { rows: number; enrolled: number; alreadyEnrolled: number; errors: number; notApplied: number };
  rows: RosterRowResult[];
}

/**
 * An org admin enrols a roster by CSV (column `id_number` or `username`, optionally `name`).
 * The whole file is validated first; then, in one transaction with the version row locked,
 * every valid row is enrolled (or, in all-or-nothing mode, none if any row failed). Seats are
 * still limited by capacity; the enrolment window does not bind the organization itself.
 */
@Injectable()
export class RosterImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CourseAccess,
    private readonly resolver: TraineeResolver,
    private readonly clock: Clock,
  ) {}

  async importEnrollments(actor: Actor, courseVersionId: string, csv: string, mode: RosterMode): Promise<RosterReport> {
    const versions = await runQuery(this.dataSource, sql.versionOrganization, [courseVersionId]);
    if (!versions.length) throw CourseErrors.versionNotFound();
    this.access.assertManages(actor, versions[0].organization_id);
    const parsed = parseCsv(csv, TRAINEE_COLUMNS, requireTraineeColumn);
    const resolved = await this.resolver.resolve(parsed);
    const results: RosterRowResult[] = resolved.map((r) => ({
      row: r.row,
      status: r.errors.length ? 'error' : 'enrolled',
      traineeId: r.traineeId,
      traineeName: null,
      idNumberMasked: null,
      errors: r.errors,
    }));
    await this.describeTrainees(results);

    const applied = await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const locked = await runQuery(manager, sql.lockVersionSeats, [courseVersionId]);
      const v = locked[0];
      if (v.status !== 'published') throw CourseErrors.notOpenForEnrollment();
      const candidates = results.filter((r) => r.status === 'enrolled');
      const live = await runQuery(manager, sql.liveEnrollmentsInCourse, [v.course_id, candidates.map((r) => r.traineeId!)]);
      const liveOf = new Map(live.map((e) => [e.trainee_id, e]));
      let seatsLeft = v.capacity === null ? Number.POSITIVE_INFINITY : v.capacity - v.seats_taken;
      for (const r of candidates) {
        const existing = liveOf.get(r.traineeId!);
        if (existing) {
          r.status = 'already_enrolled';
          if (existing.course_version_id !== courseVersionId) r.errors.push({ field: 'course', message: '已报名或已完成该课程的另一版本' });
        } else if (seatsLeft <= 0) {
          r.status = 'error';
          r.errors.push({ field: 'capacity', message: '名额已满' });
        } else seatsLeft -= 1;
      }
      const toEnroll = results.filter((r) => r.status === 'enrolled');
      if (mode === 'all-or-nothing' && results.some((r) => r.status === 'error')) {
        for (const r of toEnroll) r.status = 'not_applied';
        return false;
      }
      for (const r of toEnroll) {
        const id = await insertEnrollment(manager, {
          traineeId: r.traineeId!,
          courseId: v.course_id,
          courseVersionId,
          source: 'roster',
          by: actor.userId,
          at: now,
        });
        // The version row is locked and live enrolments were read under it: a conflict here is a bug.
        if (!id) throw new Error(`roster enrolment of ${r.traineeId} conflicted under the version lock`);
      }
      if (toEnroll.length) {
        await runCommand(manager, sql.addSeatsTaken, [courseVersionId, toEnroll.length]);
      }
      return toEnroll.length > 0;
    });
    const count = (s: RosterRowStatus) => results.filter((r) => r.status === s).length;
    return {
      mode,
      applied,
      summary: {
        rows: results.length,
        enrolled: count('enrolled'),
        alreadyEnrolled: count('already_enrolled'),
        errors: count('error'),
        notApplied: count('not_applied'),
      },
      rows: results,
    };
  }

  private async describeTrainees(results: RosterRowResult[]): Promise<void> {
    const ids = results.map((r) => r.traineeId).filter((id): id is string => id !== null);
    if (!ids.length) return;
    const profiles = await runQuery(this.dataSource, sql.traineeNames, [ids]);
    const byId = new Map(profiles.map((p) => [p.user_id, p]));
    for (const r of results) {
      const p = r.traineeId ? byId.get(r.traineeId) : undefined;
      r.traineeName = p?.full_name ?? null;
      r.idNumberMasked = p?.id_number_masked ?? null;
    }
  }
}
