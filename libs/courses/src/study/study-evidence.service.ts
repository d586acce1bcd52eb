import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, CommonErrors, Role } from '@cqo/core';
import { CourseAccess } from '../course-access';
import { CourseErrors } from '../courses.errors';
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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CourseAccess,
  ) {}

  async lessonEvidence(actor: Actor, enrollmentId: string, lessonId: string): Promise<LessonEvidenceView> {
    const rows: { trainee_id: string; organization_id: string }[] = await this.dataSource.query(
      `SELECT e.trainee_id, v.organization_id FROM enrollments e JOIN course_versions v ON v.id = e.course_version_id WHERE e.id = $1`,
      [enrollmentId],
    );
    const e = rows[0];
    if (!e) throw CourseErrors.enrollmentNotFound();
    const allowed = actor.role === Role.Trainee ? actor.userId === e.trainee_id : await this.access.oversees(actor, e.organization_id);
    if (!allowed) throw CommonErrors.outOfScope();
    const [p]: {
      active_seconds: number;
      required_seconds: number;
      furthest_position: number;
      completed_at: Date | null;
      completed_via: string | null;
    }[] = await this.dataSource.query(
      'SELECT active_seconds, required_seconds, furthest_position, completed_at, completed_via FROM lesson_progress WHERE enrollment_id = $1 AND lesson_id = $2',
      [enrollmentId, lessonId],
    );
    if (!p) throw CourseErrors.lessonNotFound();
    const sessions: {
      started_at: Date;
      ended_at: Date | null;
      ended_reason: string | null;
      device: string | null;
      credited_seconds: number;
      beats: number;
      uncredited_beats: number;
      watched: [number, number][];
    }[] = await this.dataSource.query(
      `SELECT started_at, ended_at, ended_reason, device, credited_seconds, beats, uncredited_beats, watched
         FROM study_sessions WHERE enrollment_id = $1 AND lesson_id = $2 ORDER BY started_at`,
      [enrollmentId, lessonId],
    );
    const checks: {
      issued_at: Date;
      due_at: Date;
      answered_at: Date | null;
      kind: string;
      question_id: string | null;
      answer: string | null;
      passed: boolean | null;
    }[] = await this.dataSource.query(
      'SELECT issued_at, due_at, answered_at, kind, question_id, answer, passed FROM attention_checks WHERE enrollment_id = $1 AND lesson_id = $2 ORDER BY issued_at',
      [enrollmentId, lessonId],
    );
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
