import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, CommonErrors, Role, runQuery } from '@cqo/core';
import { CourseAccess } from '../course-access';
import { CourseErrors } from '../courses.errors';
import * as sql from '../sql/study-evidence.sql';
import { mergeIntervals } from './study-credit';

/** What a regulator or the organization sees of how a lesson's time was earned. */
export interface LessonEvidenceView {
  enrollmentId: string;
  lessonId: string;
  traineeId: string;
  activeSeconds: number;
  requiredSeconds: number;
  furthestPosition: number;
  completedAt: Date | null;
  completedVia: string | null;
  /** Playback the player reported, merged over all sessions, [from, to] seconds. */
  watchedIntervals: [number, number][];
  /**
   * Each check: a confirmation or a bank question (its id, for staff only), the answer given (an
   * option id) and whether it passed. The key is never part of it.
   */
  checks: {
    issuedAt: Date;
    dueAt: Date;
    answeredAt: Date | null;
    kind: string;
    questionId?: string | null;
    answer: string | null;
    passed: boolean | null;
  }[];
  checksPassed: number;
  checksFailed: number;
  sessions: {
    startedAt: Date;
    endedAt: Date | null;
    endedReason: string | null;
    device: string | null;
    creditedSeconds: number;
    beats: number;
    uncreditedBeats: number;
  }[];
}

/**
 * Evidence of online study for one lesson of one enrolment: intervals watched, attention checks
 * and sessions with their devices. For the trainee, the organization that runs the course, the
 * regulators over that organization's region and platform admins.
 */
@Injectable()
export class StudyEvidenceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CourseAccess,
  ) {}

  async lessonEvidence(actor: Actor, enrollmentId: string, lessonId: string): Promise<LessonEvidenceView> {
    const rows = await runQuery(this.dataSource, sql.evidenceEnrollmentQuery, [enrollmentId]);
    const e = rows[0];
    if (!e) throw CourseErrors.enrollmentNotFound();
    const allowed = actor.role === Role.Trainee ? actor.userId === e.trainee_id : await this.access.oversees(actor, e.organization_id);
    if (!allowed) throw CommonErrors.outOfScope();
    const [p] = await runQuery(this.dataSource, sql.evidenceProgressQuery, [enrollmentId, lessonId]);
    if (!p) throw CourseErrors.lessonNotFound();
    const sessions = await runQuery(this.dataSource, sql.evidenceSessionsQuery, [enrollmentId, lessonId]);
    const checks = await runQuery(this.dataSource, sql.evidenceChecksQuery, [enrollmentId, lessonId]);
    // A trainee reads the checks too: which bank question it was stays with the staff (like exam items).
    const staff = actor.role !== Role.Trainee;
    return {
      enrollmentId,
      lessonId,
      traineeId: e.trainee_id,
      activeSeconds: p.active_seconds,
      requiredSeconds: p.required_seconds,
      furthestPosition: p.furthest_position,
      completedAt: p.completed_at,
      completedVia: p.completed_via,
      watchedIntervals: mergeIntervals(sessions.flatMap((s) => s.watched)),
      checks: checks.map((c) => ({
        issuedAt: c.issued_at,
        dueAt: c.due_at,
        answeredAt: c.answered_at,
        kind: c.kind,
        ...(staff ? { questionId: c.question_id } : {}),
        answer: c.answer,
        passed: c.passed,
      })),
      checksPassed: checks.filter((c) => c.passed === true).length,
      checksFailed: checks.filter((c) => c.passed === false).length,
      sessions: sessions.map((s) => ({
        startedAt: s.started_at,
        endedAt: s.ended_at,
        endedReason: s.ended_reason,
        device: s.device,
        creditedSeconds: s.credited_seconds,
        beats: s.beats,
        uncreditedBeats: s.uncredited_beats,
      })),
    };
  }
}
