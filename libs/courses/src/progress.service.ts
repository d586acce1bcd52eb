import { randomInt } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, APP_CONFIG, AppConfig, Clock, CommonErrors, preparedQuery } from '@cqo/core';
import { ContentFilesService } from './content/content-files.service';
import { updateReturning } from './course-access';
import { CourseCompletionService } from './course-completion.service';
import { requiredSecondsOf } from './course-rules';
import { CourseErrors, StudyErrors } from './courses.errors';
import {
  ATTENTION_QUESTION_SOURCE,
  AttentionCheckOption,
  AttentionQuestion,
  AttentionQuestionSource,
} from './study/attention-question-source';
import { deviceSummary } from './study/device-summary';
import { BeatStateCache } from './study/beat-state-cache';
import { assessBeat, BeatReport, BeatVerdict, extendWatched } from './study/study-credit';

/** The most one heartbeat can credit (the client is asked to beat every STUDY_HEARTBEAT_SECONDS, default 30). */
export const HEARTBEAT_MAX_CREDIT_SECONDS = 60;

/** The hosted file a study session plays or shows. */
export interface StudyContentView {
  kind: 'video' | 'document';
  mimeType: string;
  durationSeconds: number | null;
  /** Signed, short-lived, same origin; every heartbeat brings a fresh one. */
  url: string;
}

/** An open attention check as the trainee sees it (never the answer). */
export interface AttentionCheckView {
  id: string;
  kind: 'confirm' | 'question';
  prompt: string;
  /** A bank question's options; the answer is an option's id. Empty for a confirmation. */
  options: AttentionCheckOption[];
  issuedAt: Date;
  dueAt: Date;
}

export interface StudySessionView {
  sessionId: string;
  enrollmentId: string;
  lessonId: string;
  heartbeatIntervalSeconds: number;
  maxCreditSeconds: number;
  activeSeconds: number;
  requiredSeconds: number;
  lessonCompleted: boolean;
  content: StudyContentView | null;
  /** Where playback stopped last time, and the furthest point watched (seeking beyond it is snapped back). */
  resumePosition: number;
  furthestPosition: number;
  /** Seconds without input, in a hidden or background page, after which nothing is credited. */
  idleAfterSeconds: number;
  /** True when opening this session ended one in another tab or device. */
  supersededOther: boolean;
  attentionCheck: AttentionCheckView | null;
}

export interface HeartbeatResult {
  /** Seconds this heartbeat added: server time, only while playback advances the furthest point at ≤ 1×. */
  creditedSeconds: number;
  /** Why nothing was credited ('ok' when something was). */
  verdict: BeatVerdict;
  activeSeconds: number;
  requiredSeconds: number;
  furthestPosition: number;
  lessonCompleted: boolean;
  /** True only on the heartbeat that completed the course. */
  courseCompleted: boolean;
  attentionCheck: AttentionCheckView | null;
  /** A fresh signed URL of the lesson's file, when it has one. */
  contentUrl: string | null;
}

export interface AttentionAnswerResult {
  passed: boolean;
  /** 'late' when answered after the time limit, 'wrong' for a wrong answer; crediting resumes either way. */
  reason: 'ok' | 'late' | 'wrong';
}

/** The state one heartbeat needs, by primary key. */
const BEAT_STATE_SQL = `
SELECT s.enrollment_id, s.lesson_id, s.last_beat_at, s.ended_at, s.ended_reason, s.position, s.watched, s.beats,
       s.credited_seconds, s.next_check_at_seconds, s.pending_check_id,
       lp.furthest_position, lp.active_seconds, lp.required_seconds, lp.completed_at IS NOT NULL AS completed,
       l.content_file_id, f.kind AS file_kind, f.duration_seconds, s.xmin::text AS session_xmin, lp.xmin::text AS progress_xmin
  FROM study_sessions s
  JOIN lesson_progress lp ON lp.enrollment_id = s.enrollment_id AND lp.lesson_id = s.lesson_id
  JOIN lessons l ON l.id = s.lesson_id
  LEFT JOIN content_files f ON f.id = l.content_file_id
 WHERE s.id = $1 AND s.trainee_id = $2`;

/**
 * Writes one heartbeat's outcome to the session and the lesson's progress in one statement. The
 * `beats = $old` condition makes two concurrent heartbeats of one session credit once. When the
 * state came from this process's cache ($9, $10: the rows' xmin as the cache saw them), the
 * write happens only if neither row changed since, whoever changed it (another API process,
 * an answered check, a completion, a correction); otherwise nothing is written and the caller
 * reads the state afresh.
 */
const BEAT_UPDATE_SQL = `
WITH beat AS (
  UPDATE study_sessions s
     SET last_beat_at = $3, position = $4, watched = $5::jsonb, credited_seconds = s.credited_seconds + $6,
         beats = s.beats + 1, uncredited_beats = s.uncredited_beats + CASE WHEN $6 = 0 THEN 1 ELSE 0 END
   WHERE s.id = $1 AND s.beats = $2 AND s.ended_at IS NULL AND s.trainee_id = $11
     AND ($9::text IS NULL OR (s.xmin::text = $9::text AND EXISTS (
           SELECT 1 FROM lesson_progress lp0 WHERE lp0.enrollment_id = s.enrollment_id AND lp0.lesson_id = s.lesson_id AND lp0.xmin::text = $10::text)))
  RETURNING s.enrollment_id, s.lesson_id, s.credited_seconds, s.xmin::text AS session_xmin
), p AS (
  UPDATE lesson_progress lp
     SET active_seconds = lp.active_seconds + $6, furthest_position = GREATEST(lp.furthest_position, $7),
         last_position = COALESCE($4, lp.last_position), updated_at = $8
    FROM beat WHERE lp.enrollment_id = beat.enrollment_id AND lp.lesson_id = beat.lesson_id
  RETURNING lp.active_seconds, lp.required_seconds, lp.furthest_position, lp.completed_at IS NOT NULL AS completed, lp.xmin::text AS progress_xmin
)
SELECT beat.credited_seconds AS session_seconds, p.active_seconds, p.required_seconds, p.furthest_position, p.completed,
       beat.session_xmin, p.progress_xmin
  FROM beat JOIN p ON TRUE`;

interface BeatUpdateRow {
  session_seconds: number;
  active_seconds: number;
  required_seconds: number;
  furthest_position: number;
  completed: boolean;
  session_xmin: string;
  progress_xmin: string;
}

interface BeatStateRow {
  enrollment_id: string;
  lesson_id: string;
  last_beat_at: Date;
  ended_at: Date | null;
  ended_reason: string | null;
  position: number | null;
  watched: [number, number][];
  beats: number;
  credited_seconds: number;
  next_check_at_seconds: number | null;
  pending_check_id: string | null;
  furthest_position: number;
  active_seconds: number;
  required_seconds: number;
  completed: boolean;
  content_file_id: string | null;
  file_kind: 'video' | 'document' | null;
  duration_seconds: number | null;
  /** The two rows' versions as read (PostgreSQL's xmin): a cached state is written back only while they still match. */
  session_xmin: string;
  progress_xmin: string;
}

/** Online study measured by the server: study sessions, their heartbeats and attention checks. */
@Injectable()
export class ProgressService {
  /** Each open session's state as this process last wrote or read it, so a heartbeat is one statement. */
  private readonly beatStates = new BeatStateCache<BeatStateRow>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly completion: CourseCompletionService,
    private readonly content: ContentFilesService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    // Provided by the exams lib (its question bank); absent, every check is a confirmation.
    @Optional() @Inject(ATTENTION_QUESTION_SOURCE) private readonly questions: AttentionQuestionSource | null = null,
  ) {}

  /**
   * Opens a study session on an online lesson of the trainee's enrolment. Any other open session
   * of the trainee ends as superseded (its tab is told so at its next heartbeat): time is credited
   * to one lesson, in one place, at a time.
   */
  async startSession(actor: Actor, enrollmentId: string, lessonId: string, userAgent?: string): Promise<StudySessionView> {
    const rows: {
      trainee_id: string;
      status: string;
      type: string;
      minutes: number;
      completion_share: string;
      attention_check_min_minutes: number | null;
      attention_check_max_minutes: number | null;
      content_file_id: string | null;
      file_kind: 'video' | 'document' | null;
      mime_type: string | null;
      duration_seconds: number | null;
    }[] = await this.dataSource.query(
      `SELECT e.trainee_id, e.status, l.type, l.minutes, v.completion_share, v.attention_check_min_minutes, v.attention_check_max_minutes,
              l.content_file_id, f.kind AS file_kind, f.mime_type, f.duration_seconds
         FROM enrollments e JOIN course_versions v ON v.id = e.course_version_id
         LEFT JOIN lessons l ON l.course_version_id = e.course_version_id AND l.id = $2
         LEFT JOIN content_files f ON f.id = l.content_file_id
        WHERE e.id = $1`,
      [enrollmentId, lessonId],
    );
    const e = rows[0];
    if (!e) throw CourseErrors.enrollmentNotFound();
    if (e.trainee_id !== actor.userId) throw CommonErrors.outOfScope();
    if (e.status === 'withdrawn') throw CourseErrors.notEnrolled();
    if (!e.type) throw CourseErrors.lessonNotFound();
    if (e.type === 'live_session') throw CourseErrors.lessonNotOnline();
    // A cmi5 lesson's time is what its launched AU reports, capped by the server (Cmi5Service): no heartbeats.
    if (e.type === 'cmi5') throw CourseErrors.lessonIsCmi5();
    // A SCORM lesson's time is observed between its runtime's commits (ScormService): no heartbeats.
    if (e.type === 'scorm') throw CourseErrors.lessonIsScorm();
    const now = this.clock.now();
    const firstCheck = nextCheckAfter(0, e.attention_check_min_minutes, e.attention_check_max_minutes);
    const { sessionId, superseded } = await this.dataSource.transaction(async (manager) => {
      // One trainee's session starts are serialized, so two tabs opening at once still leave one open session.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`study:${actor.userId}`]);
      await manager.query(
        `INSERT INTO lesson_progress (enrollment_id, lesson_id, active_seconds, required_seconds, updated_at) VALUES ($1, $2, 0, $3, $4)
         ON CONFLICT (enrollment_id, lesson_id) DO NOTHING`,
        [enrollmentId, lessonId, requiredSecondsOf(e.minutes, e.completion_share), now],
      );
      const ended = await updateReturning<{ id: string }>(
        manager,
        `UPDATE study_sessions SET ended_at = $2, ended_reason = 'superseded' WHERE trainee_id = $1 AND ended_at IS NULL RETURNING id`,
        [actor.userId, now],
      );
      const [session]: { id: string }[] = await manager.query(
        `INSERT INTO study_sessions (enrollment_id, lesson_id, trainee_id, started_at, last_beat_at, device, next_check_at_seconds, position)
         SELECT $1, $2, $3, $4, $4, $5, $6, lp.last_position FROM lesson_progress lp WHERE lp.enrollment_id = $1 AND lp.lesson_id = $2
         RETURNING id`,
        [enrollmentId, lessonId, actor.userId, now, deviceSummary(userAgent), firstCheck],
      );
      return { sessionId: session.id, superseded: ended.length > 0 };
    });
    const [p]: {
      active_seconds: number;
      required_seconds: number;
      completed_at: Date | null;
      furthest_position: number;
      last_position: number;
    }[] = await this.dataSource.query(
      'SELECT active_seconds, required_seconds, completed_at, furthest_position, last_position FROM lesson_progress WHERE enrollment_id = $1 AND lesson_id = $2',
      [enrollmentId, lessonId],
    );
    return {
      sessionId,
      enrollmentId,
      lessonId,
      heartbeatIntervalSeconds: this.config.content.heartbeatSeconds,
      maxCreditSeconds: HEARTBEAT_MAX_CREDIT_SECONDS,
      activeSeconds: p.active_seconds,
      requiredSeconds: p.required_seconds,
      lessonCompleted: p.completed_at !== null,
      content:
        e.content_file_id && e.file_kind && e.mime_type
          ? {
              kind: e.file_kind,
              mimeType: e.mime_type,
              durationSeconds: e.duration_seconds,
              url: this.content.signedUrl(e.content_file_id, actor.userId).url,
            }
          : null,
      resumePosition: p.last_position,
      furthestPosition: p.furthest_position,
      idleAfterSeconds: this.config.content.idleSeconds,
      supersededOther: superseded,
      attentionCheck: null,
    };
  }

  /**
   * The hot path: read the session's state by primary key, decide the credit (study-credit.ts),
   * write it in one statement. Only when the lesson's time has just reached its requirement does
   * a transaction follow, to mark the lesson (and maybe the course) complete.
   */
  async heartbeat(actor: Actor, sessionId: string, report: BeatReport = {}): Promise<HeartbeatResult> {
    const now = this.clock.now();
    const cached = this.beatStates.get(sessionId, actor.userId, now.getTime());
    let attempt = cached ? await this.writeBeat(actor, sessionId, cached, true, report, now) : undefined;
    if (!attempt?.row) {
      // No cached state, or one of the rows changed since: read it (which also checks the session is the trainee's).
      if (cached) this.beatStates.forget(sessionId);
      const [s] = await preparedQuery<BeatStateRow>(this.dataSource, 'cqo_beat_state', BEAT_STATE_SQL, [sessionId, actor.userId]);
      if (!s) throw CourseErrors.sessionNotFound();
      if (s.ended_at) throw s.ended_reason === 'superseded' ? StudyErrors.superseded() : CourseErrors.sessionNotFound();
      attempt = await this.writeBeat(actor, sessionId, s, false, report, now);
    }
    const { s, outcome, credit, row } = attempt;
    const contentUrl = s.content_file_id ? this.content.signedUrl(s.content_file_id, actor.userId).url : null;
    if (!row) {
      // Another heartbeat of this session got there first (or it just ended): this one credits nothing.
      this.beatStates.forget(sessionId);
      return { ...this.unchanged(s), verdict: outcome.verdict, contentUrl, attentionCheck: await this.openCheck(s.pending_check_id) };
    }
    this.beatStates.remember(sessionId, actor.userId, attempt.next, now.getTime());
    const result: HeartbeatResult = {
      creditedSeconds: credit,
      verdict: outcome.verdict,
      activeSeconds: row.active_seconds,
      requiredSeconds: row.required_seconds,
      furthestPosition: row.furthest_position,
      lessonCompleted: row.completed,
      courseCompleted: false,
      attentionCheck: await this.openCheck(s.pending_check_id),
      contentUrl,
    };
    if (!result.attentionCheck && s.next_check_at_seconds !== null && row.session_seconds >= s.next_check_at_seconds && !row.completed) {
      this.beatStates.forget(sessionId);
      result.attentionCheck = await this.issueCheck(sessionId, s, outcome.position, now);
    }
    if (!row.completed && row.active_seconds >= row.required_seconds) {
      this.beatStates.forget(sessionId);
      const done = await this.dataSource.transaction((manager) =>
        this.completion.completeLessonIfDue(manager, s.enrollment_id, s.lesson_id, now, 'heartbeat'),
      );
      // Another request may have marked it a moment earlier: the lesson is complete either way.
      result.lessonCompleted = true;
      result.courseCompleted = done.courseCompleted;
    }
    return result;
  }

  /**
   * Decides one beat's credit from a state (study-credit.ts) and writes it in one statement; a
   * `cached` state is written only if its rows are unchanged since (else `row` is undefined).
   */
  private async writeBeat(actor: Actor, sessionId: string, s: BeatStateRow, cached: boolean, report: BeatReport, now: Date) {
    const elapsed = Math.max(0, (now.getTime() - s.last_beat_at.getTime()) / 1000);
    const video = s.file_kind === 'video' && s.duration_seconds !== null;
    const outcome = assessBeat(
      {
        mode: video ? 'position' : 'time',
        elapsedSeconds: elapsed,
        maxCreditSeconds: HEARTBEAT_MAX_CREDIT_SECONDS,
        furthestPosition: s.furthest_position,
        durationSeconds: video ? s.duration_seconds : null,
        checkOpen: s.pending_check_id !== null,
        idleAfterSeconds: this.config.content.idleSeconds,
      },
      report,
    );
    const credit = s.completed ? 0 : outcome.creditSeconds;
    const lastBeatAt = video ? now : new Date(s.last_beat_at.getTime() + Math.round(outcome.consumedSeconds * 1000));
    const watched = video ? extendWatched(s.watched, s.position, outcome.position, elapsed) : s.watched;
    const [row] = await preparedQuery<BeatUpdateRow>(this.dataSource, 'cqo_beat_update', BEAT_UPDATE_SQL, [
      sessionId,
      s.beats,
      lastBeatAt,
      outcome.position,
      JSON.stringify(watched),
      credit,
      outcome.furthestPosition,
      now,
      cached ? s.session_xmin : null,
      cached ? s.progress_xmin : null,
      actor.userId,
    ]);
    // The state after this write, as the next heartbeat of this session will find it.
    const next: BeatStateRow | undefined = row && {
      ...s,
      last_beat_at: lastBeatAt,
      position: outcome.position,
      watched,
      beats: s.beats + 1,
      credited_seconds: row.session_seconds,
      furthest_position: row.furthest_position,
      active_seconds: row.active_seconds,
      required_seconds: row.required_seconds,
      completed: row.completed,
      session_xmin: row.session_xmin,
      progress_xmin: row.progress_xmin,
    };
    return { s, outcome, credit, row, next };
  }

  /** Credits the time since the last heartbeat (by the same rules) and closes the session. */
  async endSession(actor: Actor, sessionId: string, report: BeatReport = {}): Promise<HeartbeatResult> {
    const result = await this.heartbeat(actor, sessionId, report);
    this.beatStates.forget(sessionId);
    await this.dataSource.query(
      `UPDATE study_sessions SET ended_at = $3, ended_reason = 'ended' WHERE id = $1 AND trainee_id = $2 AND ended_at IS NULL`,
      [sessionId, actor.userId, this.clock.now()],
    );
    return result;
  }

  /**
   * Answers the open attention check. Crediting resumes; the check is kept as evidence: passed
   * only when answered within its time limit (and correctly, for a question). After a wrong
   * answer the next check comes at once.
   */
  async answerCheck(actor: Actor, sessionId: string, checkId: string, answer: string | null): Promise<AttentionAnswerResult> {
    const now = this.clock.now();
    this.beatStates.forget(sessionId);
    return this.dataSource.transaction(async (manager) => {
      const sessions: { pending_check_id: string | null; credited_seconds: number; min: number | null; max: number | null }[] =
        await manager.query(
          `SELECT s.pending_check_id, s.credited_seconds, v.attention_check_min_minutes AS min, v.attention_check_max_minutes AS max
           FROM study_sessions s JOIN enrollments e ON e.id = s.enrollment_id JOIN course_versions v ON v.id = e.course_version_id
          WHERE s.id = $1 AND s.trainee_id = $2 AND s.ended_at IS NULL FOR UPDATE OF s`,
          [sessionId, actor.userId],
        );
      const s = sessions[0];
      if (!s) throw CourseErrors.sessionNotFound();
      if (s.pending_check_id !== checkId) throw StudyErrors.checkNotOpen();
      const [check]: { kind: string; answer_key: string | null; due_at: Date }[] = await manager.query(
        'SELECT kind, answer_key, due_at FROM attention_checks WHERE id = $1',
        [checkId],
      );
      const wrong = check.kind === 'question' && (answer ?? '') !== check.answer_key;
      const late = now > check.due_at;
      await manager.query('UPDATE attention_checks SET answered_at = $2, answer = $3, passed = $4 WHERE id = $1', [
        checkId,
        now,
        answer,
        !wrong && !late,
      ]);
      // The time spent on the check is not study time: the session's clock restarts now.
      await manager.query(
        'UPDATE study_sessions SET pending_check_id = NULL, next_check_at_seconds = $2, last_beat_at = $3 WHERE id = $1',
        [sessionId, wrong ? s.credited_seconds : nextCheckAfter(s.credited_seconds, s.min, s.max), now],
      );
      return { passed: !wrong && !late, reason: wrong ? 'wrong' : late ? 'late' : 'ok' };
    });
  }

  private async issueCheck(sessionId: string, s: BeatStateRow, position: number | null, now: Date): Promise<AttentionCheckView | null> {
    const [settings]: { timeout: number; from_bank: boolean; organization_id: string; category: number; topic_codes: string[] }[] =
      await this.dataSource.query(
        `SELECT v.attention_check_timeout_seconds AS timeout, v.attention_check_from_bank AS from_bank, v.organization_id, v.category,
              ARRAY(SELECT t.code FROM course_version_topics cvt JOIN topics t ON t.id = cvt.topic_id WHERE cvt.course_version_id = v.id) AS topic_codes
         FROM enrollments e JOIN course_versions v ON v.id = e.course_version_id WHERE e.id = $1`,
        [s.enrollment_id],
      );
    const question =
      settings.from_bank && this.questions
        ? await this.questions.draw({
            organizationId: settings.organization_id,
            category: Number(settings.category),
            topicCodes: settings.topic_codes,
          })
        : null;
    // A course without a fitting bank question still gets its check: the built-in confirmation.
    const shown: Omit<AttentionQuestion, 'questionId' | 'answerKey'> & Partial<AttentionQuestion> = question ?? {
      prompt: CONFIRM_PROMPT,
      options: [],
    };
    const kind = question ? ('question' as const) : ('confirm' as const);
    const dueAt = new Date(now.getTime() + settings.timeout * 1000);
    return this.dataSource.transaction(async (manager) => {
      const [check]: { id: string }[] = await manager.query(
        `INSERT INTO attention_checks (session_id, enrollment_id, lesson_id, kind, prompt, options, answer_key, question_id, position, issued_at, due_at)
         SELECT $1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11 FROM study_sessions WHERE id = $1 AND pending_check_id IS NULL RETURNING id`,
        [
          sessionId,
          s.enrollment_id,
          s.lesson_id,
          kind,
          shown.prompt,
          JSON.stringify(shown.options),
          shown.answerKey ?? null,
          shown.questionId ?? null,
          position,
          now,
          dueAt,
        ],
      );
      if (!check) return null;
      await manager.query('UPDATE study_sessions SET pending_check_id = $2, next_check_at_seconds = NULL WHERE id = $1', [
        sessionId,
        check.id,
      ]);
      // The view names its fields one by one: the key and the question's id stay on the server.
      return { id: check.id, kind, prompt: shown.prompt, options: shown.options, issuedAt: now, dueAt };
    });
  }

  private async openCheck(checkId: string | null): Promise<AttentionCheckView | null> {
    if (!checkId) return null;
    const [c]: {
      id: string;
      kind: 'confirm' | 'question';
      prompt: string;
      options: AttentionCheckOption[];
      issued_at: Date;
      due_at: Date;
    }[] = await this.dataSource.query('SELECT id, kind, prompt, options, issued_at, due_at FROM attention_checks WHERE id = $1', [checkId]);
    return c ? { id: c.id, kind: c.kind, prompt: c.prompt, options: c.options, issuedAt: c.issued_at, dueAt: c.due_at } : null;
  }

  private unchanged(s: BeatStateRow): Omit<HeartbeatResult, 'verdict' | 'contentUrl' | 'attentionCheck'> {
    return {
      creditedSeconds: 0,
      activeSeconds: s.active_seconds,
      requiredSeconds: s.required_seconds,
      furthestPosition: s.furthest_position,
      lessonCompleted: s.completed,
      courseCompleted: false,
    };
  }
}

const CONFIRM_PROMPT = '请确认您仍在学习：点击「我在学习」继续。';

/** Session seconds at which the next check is due: a random number of minutes in [min, max] from now; null when the course has none. */
function nextCheckAfter(creditedSeconds: number, minMinutes: number | null, maxMinutes: number | null): number | null {
  if (minMinutes === null || maxMinutes === null) return null;
  return creditedSeconds + randomInt(minMinutes * 60, maxMinutes * 60 + 1);
}
