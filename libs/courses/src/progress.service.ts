import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, Clock, CommonErrors, preparedQuery } from '@cqo/core';
import { CourseCompletionService } from './course-completion.service';
import { requiredSecondsOf } from './course-rules';
import { CourseErrors } from './courses.errors';

/** How often the client is asked to call the heartbeat, and the most one heartbeat can credit. */
export const HEARTBEAT_INTERVAL_SECONDS = 30;
export const HEARTBEAT_MAX_CREDIT_SECONDS = 60;

export interface StudySessionView {
  sessionId: string;
  enrollmentId: string;
  lessonId: string;
  heartbeatIntervalSeconds: number;
  maxCreditSeconds: number;
  activeSeconds: number;
  requiredSeconds: number;
  lessonCompleted: boolean;
}

export interface HeartbeatResult {
  /** Seconds this heartbeat added: the time since the previous one by the server's clock, capped. */
  creditedSeconds: number;
  activeSeconds: number;
  requiredSeconds: number;
  lessonCompleted: boolean;
  /** True only on the heartbeat that completed the course. */
  courseCompleted: boolean;
}

/**
 * One statement per heartbeat: lock the session row, credit min(now − last beat, cap) to the
 * session and to the lesson's progress, and return the new total. Time the client reports is
 * never read. `last_beat_at` advances by whole seconds credited, so fractions carry over; after a
 * gap longer than the cap it jumps to now (the gap is not credited).
 */
const HEARTBEAT_SQL = `
WITH old AS (
  SELECT id, last_beat_at FROM study_sessions WHERE id = $1 AND trainee_id = $2 AND ended_at IS NULL FOR UPDATE
), c AS (
  SELECT id, last_beat_at, floor(extract(epoch FROM ($3::timestamptz - last_beat_at)))::int AS elapsed FROM old
), beat AS (
  UPDATE study_sessions s
     SET last_beat_at = CASE WHEN c.elapsed > $4 THEN $3::timestamptz
                             WHEN c.elapsed > 0 THEN c.last_beat_at + make_interval(secs => c.elapsed)
                             ELSE s.last_beat_at END,
         credited_seconds = s.credited_seconds + LEAST(GREATEST(c.elapsed, 0), $4),
         beats = s.beats + 1
    FROM c WHERE s.id = c.id
  RETURNING s.enrollment_id, s.lesson_id, LEAST(GREATEST(c.elapsed, 0), $4)::int AS credit
), p AS (
  UPDATE lesson_progress lp SET active_seconds = lp.active_seconds + beat.credit, updated_at = $3
    FROM beat WHERE lp.enrollment_id = beat.enrollment_id AND lp.lesson_id = beat.lesson_id
  RETURNING lp.active_seconds, lp.required_seconds, lp.completed_at
)
SELECT beat.enrollment_id, beat.lesson_id, beat.credit, p.active_seconds, p.required_seconds, p.completed_at IS NOT NULL AS completed
  FROM beat LEFT JOIN p ON TRUE`;

interface BeatRow {
  enrollment_id: string;
  lesson_id: string;
  credit: number;
  active_seconds: number;
  required_seconds: number;
  completed: boolean;
}

/** Online study measured by the server: study sessions and their heartbeats. */
@Injectable()
export class ProgressService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly completion: CourseCompletionService,
    private readonly clock: Clock,
  ) {}

  /**
   * Opens a study session on an online lesson of the trainee's enrolment. Any other open session
   * of the trainee ends: time is credited to one lesson at a time, so two tabs earn nothing extra.
   */
  async startSession(actor: Actor, enrollmentId: string, lessonId: string): Promise<StudySessionView> {
    const rows: { trainee_id: string; status: string; type: string; minutes: number; completion_share: string }[] = await this.dataSource.query(
      `SELECT e.trainee_id, e.status, l.type, l.minutes, v.completion_share
         FROM enrollments e JOIN course_versions v ON v.id = e.course_version_id
         LEFT JOIN lessons l ON l.course_version_id = e.course_version_id AND l.id = $2
        WHERE e.id = $1`,
      [enrollmentId, lessonId],
    );
    const e = rows[0];
    if (!e) throw CourseErrors.enrollmentNotFound();
    if (e.trainee_id !== actor.userId) throw CommonErrors.outOfScope();
    if (e.status === 'withdrawn') throw CourseErrors.notEnrolled();
    if (!e.type) throw CourseErrors.lessonNotFound();
    if (e.type === 'live_session') throw CourseErrors.lessonNotOnline();
    const now = this.clock.now();
    const sessionId = await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO lesson_progress (enrollment_id, lesson_id, active_seconds, required_seconds, updated_at) VALUES ($1, $2, 0, $3, $4)
         ON CONFLICT (enrollment_id, lesson_id) DO NOTHING`,
        [enrollmentId, lessonId, requiredSecondsOf(e.minutes, e.completion_share), now],
      );
      await manager.query('UPDATE study_sessions SET ended_at = $2 WHERE trainee_id = $1 AND ended_at IS NULL', [actor.userId, now]);
      const [session]: { id: string }[] = await manager.query(
        `INSERT INTO study_sessions (enrollment_id, lesson_id, trainee_id, started_at, last_beat_at) VALUES ($1, $2, $3, $4, $4) RETURNING id`,
        [enrollmentId, lessonId, actor.userId, now],
      );
      return session.id;
    });
    const [p]: { active_seconds: number; required_seconds: number; completed_at: Date | null }[] = await this.dataSource.query(
      'SELECT active_seconds, required_seconds, completed_at FROM lesson_progress WHERE enrollment_id = $1 AND lesson_id = $2',
      [enrollmentId, lessonId],
    );
    return {
      sessionId,
      enrollmentId,
      lessonId,
      heartbeatIntervalSeconds: HEARTBEAT_INTERVAL_SECONDS,
      maxCreditSeconds: HEARTBEAT_MAX_CREDIT_SECONDS,
      activeSeconds: p.active_seconds,
      requiredSeconds: p.required_seconds,
      lessonCompleted: p.completed_at !== null,
    };
  }

  /**
   * The hot path: one statement, by primary key. Only when the lesson's time has just reached its
   * requirement does a transaction follow, to mark the lesson (and maybe the course) complete.
   */
  async heartbeat(actor: Actor, sessionId: string): Promise<HeartbeatResult> {
    const now = this.clock.now();
    const [beat] = await preparedQuery<BeatRow>(this.dataSource, 'cqo_heartbeat', HEARTBEAT_SQL, [sessionId, actor.userId, now, HEARTBEAT_MAX_CREDIT_SECONDS]);
    if (!beat) throw CourseErrors.sessionNotFound();
    const result: HeartbeatResult = {
      creditedSeconds: beat.credit,
      activeSeconds: beat.active_seconds,
      requiredSeconds: beat.required_seconds,
      lessonCompleted: beat.completed,
      courseCompleted: false,
    };
    if (!beat.completed && beat.active_seconds >= beat.required_seconds) {
      const done = await this.dataSource.transaction((manager) =>
        this.completion.completeLessonIfDue(manager, beat.enrollment_id, beat.lesson_id, now, 'heartbeat'),
      );
      // Another request may have marked it a moment earlier: the lesson is complete either way.
      result.lessonCompleted = true;
      result.courseCompleted = done.courseCompleted;
    }
    return result;
  }

  /** Credits the time since the last heartbeat and closes the session. */
  async endSession(actor: Actor, sessionId: string): Promise<HeartbeatResult> {
    const result = await this.heartbeat(actor, sessionId);
    await this.dataSource.query('UPDATE study_sessions SET ended_at = $3 WHERE id = $1 AND trainee_id = $2 AND ended_at IS NULL', [
      sessionId,
      actor.userId,
      this.clock.now(),
    ]);
    return result;
  }
}
