import { randomInt } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, AppConfig, Clock, CommonErrors, runCommand, runPrepared, runQuery } from '@cqo/core';
import { ContentFilesService } from './content/content-files.service';
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
import * as sql from './sql/study.sql';
import type { BeatStateRow, BeatUpdateRow, BeatWrite } from './sql/study.sql';
import { GroupCommit } from './study/group-commit';

/** The most one heartbeat can credit (the client is asked to beat every STUDY_HEARTBEAT_SECONDS, default 30). */
export const HEARTBEAT_MAX_CREDIT_SECONDS = 60;

/** Heartbeat group commit: at most this many groups written at once (of the pool's 20 connections)… */
export const HEARTBEAT_GROUPS_IN_FLIGHT = 4;
/** …each of at most this many heartbeats. */
export const HEARTBEAT_GROUP_SIZE = 200;

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

/** Online study measured by the server: study sessions, their heartbeats and attention checks. */
@Injectable()
export class ProgressService {
  /** Each open session's state as this process last wrote or read it, so a heartbeat is one statement. */
  private readonly beatStates = new BeatStateCache<BeatStateRow>();
  /**
   * Heartbeat writes by group commit: beats arriving while earlier groups are written go
   * together in one statement (one commit). A group's write that fails as a whole is retried
   * beat by beat, so one beat's error is its own.
   */
  private readonly beatWrites = new GroupCommit<{ key: string; write: BeatWrite }, BeatUpdateRow | undefined>({
    groupsInFlight: HEARTBEAT_GROUPS_IN_FLIGHT,
    maxGroupSize: HEARTBEAT_GROUP_SIZE,
    // A beat writes its session and its lesson's progress; the progress row is the wider key.
    key: (b) => b.key,
    writeGroup: (beats) => this.writeBeatGroup(beats.map((b) => b.write)),
    writeOne: async ({ write: w }) =>
      (
        await runPrepared(this.dataSource, sql.beatUpdateQuery, [
          w.sessionId,
          w.beats,
          w.lastBeatAt,
          w.position,
          w.watched,
          w.credit,
          w.furthestPosition,
          w.now,
          w.sessionXmin,
          w.progressXmin,
          w.traineeId,
        ])
      )[0],
  });

  constructor(
    private readonly dataSource: DataSource,
    private readonly completion: CourseCompletionService,
    private readonly content: ContentFilesService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    // Provided by the exams lib (its question bank); absent, every check is a confirmation.
    @Optional() @Inject(ATTENTION_QUESTION_SOURCE) private readonly questions: AttentionQuestionSource | null = null,
  ) {}

  /**
   * Opens a study session on an online lesson of the trainee's enrolment. Any other open session
   * of the trainee ends as superseded (its tab is told so at its next heartbeat): time is credited
   * to one lesson, in one place, at a time.
   */
  async startSession(actor: Actor, enrollmentId: string, lessonId: string, userAgent?: string): Promise<StudySessionView> {
    const rows = await runQuery(this.dataSource, sql.studyTargetQuery, [enrollmentId, lessonId]);
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
    const { session, superseded } = await this.dataSource.transaction(async (manager) => {
      // One trainee's session starts are serialized, so two tabs opening at once still leave one open session.
      await runQuery(manager, sql.lockTraineeStudyQuery, [`study:${actor.userId}`]);
      await runCommand(manager, sql.ensureLessonProgressQuery, [
        enrollmentId,
        lessonId,
        requiredSecondsOf(e.minutes, e.completion_share),
        now,
      ]);
      const ended = await runQuery(manager, sql.supersedeOpenSessionsQuery, [actor.userId, now]);
      const [opened] = await runQuery(manager, sql.insertStudySessionQuery, [
        enrollmentId,
        lessonId,
        actor.userId,
        now,
        deviceSummary(userAgent),
        firstCheck,
      ]);
      return { session: opened, superseded: ended.length > 0 };
    });
    const sessionId = session.id;
    const [p] = await runQuery(this.dataSource, sql.lessonProgressQuery, [enrollmentId, lessonId]);
    // The first heartbeat's state is known now: remembered, that beat is one statement. The write
    // still checks both rows are the versions read here.
    this.beatStates.remember(
      sessionId,
      actor.userId,
      {
        enrollment_id: enrollmentId,
        lesson_id: lessonId,
        last_beat_ms: session.last_beat_ms,
        ended: false,
        ended_reason: null,
        position: session.position,
        watched: [],
        beats: 0,
        credited_seconds: 0,
        next_check_at_seconds: firstCheck,
        pending_check_id: null,
        furthest_position: p.furthest_position,
        active_seconds: p.active_seconds,
        required_seconds: p.required_seconds,
        completed: p.completed_at !== null,
        content_file_id: e.content_file_id,
        file_kind: e.file_kind,
        duration_seconds: e.duration_seconds,
        session_xmin: session.session_xmin,
        progress_xmin: p.progress_xmin,
      },
      now.getTime(),
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
      const [s] = await runPrepared(this.dataSource, sql.beatStateQuery, [sessionId, actor.userId]);
      if (!s) throw CourseErrors.sessionNotFound();
      if (s.ended) throw s.ended_reason === 'superseded' ? StudyErrors.superseded() : CourseErrors.sessionNotFound();
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
    const nowMs = now.getTime();
    const elapsed = Math.max(0, (nowMs - s.last_beat_ms) / 1000);
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
    // Whole milliseconds, as a Date would hold them; sent as ISO text (no Date formatting in the driver).
    const lastBeatMs = video ? nowMs : Math.floor(s.last_beat_ms) + Math.round(outcome.consumedSeconds * 1000);
    const watched = video ? extendWatched(s.watched, s.position, outcome.position, elapsed) : s.watched;
    const nowText = video ? new Date(nowMs).toISOString() : undefined;
    const row = await this.beatWrites.submit({
      key: `${s.enrollment_id}:${s.lesson_id}`,
      write: {
        sessionId,
        beats: s.beats,
        lastBeatAt: nowText ?? new Date(lastBeatMs).toISOString(),
        position: outcome.position,
        watched: JSON.stringify(watched),
        credit,
        furthestPosition: outcome.furthestPosition,
        now: nowText ?? new Date(nowMs).toISOString(),
        sessionXmin: cached ? s.session_xmin : null,
        progressXmin: cached ? s.progress_xmin : null,
        traineeId: actor.userId,
        enrollmentId: s.enrollment_id,
      },
    });
    // The state after this write, as the next heartbeat of this session will find it.
    const next: BeatStateRow | undefined = row && {
      ...s,
      last_beat_ms: lastBeatMs,
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

  /** Many heartbeats' writes in one statement; one answer per beat, in order (undefined where its conditions failed). */
  private async writeBeatGroup(writes: BeatWrite[]): Promise<(BeatUpdateRow | undefined)[]> {
    const rows = await runPrepared(this.dataSource, sql.beatGroupUpdateQuery, [
      writes.map((w) => w.sessionId),
      writes.map((w) => w.beats),
      writes.map((w) => w.lastBeatAt),
      writes.map((w) => w.position),
      writes.map((w) => w.watched),
      writes.map((w) => w.credit),
      writes.map((w) => w.furthestPosition),
      writes.map((w) => w.now),
      writes.map((w) => w.sessionXmin),
      writes.map((w) => w.progressXmin),
      writes.map((w) => w.traineeId),
      writes.map((w) => w.enrollmentId),
    ]);
    const answers: (BeatUpdateRow | undefined)[] = writes.map(() => undefined);
    for (const { ord, ...row } of rows) answers[Number(ord) - 1] = row;
    return answers;
  }

  /** Credits the time since the last heartbeat (by the same rules) and closes the session. */
  async endSession(actor: Actor, sessionId: string, report: BeatReport = {}): Promise<HeartbeatResult> {
    const result = await this.heartbeat(actor, sessionId, report);
    this.beatStates.forget(sessionId);
    await runCommand(this.dataSource, sql.endSessionQuery, [sessionId, actor.userId, this.clock.now()]);
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
      const [s] = await runQuery(manager, sql.sessionForAnswerQuery, [sessionId, actor.userId]);
      if (!s) throw CourseErrors.sessionNotFound();
      if (s.pending_check_id !== checkId) throw StudyErrors.checkNotOpen();
      const [check] = await runQuery(manager, sql.attentionCheckKeyQuery, [checkId]);
      const wrong = check.kind === 'question' && (answer ?? '') !== check.answer_key;
      const late = now > check.due_at;
      await runCommand(manager, sql.answerAttentionCheckQuery, [checkId, now, answer, !wrong && !late]);
      // The time spent on the check is not study time: the session's clock restarts now.
      await runCommand(manager, sql.resumeAfterCheckQuery, [
        sessionId,
        wrong ? s.credited_seconds : nextCheckAfter(s.credited_seconds, s.min, s.max),
        now,
      ]);
      return { passed: !wrong && !late, reason: wrong ? 'wrong' : late ? 'late' : 'ok' };
    });
  }

  private async issueCheck(sessionId: string, s: BeatStateRow, position: number | null, now: Date): Promise<AttentionCheckView | null> {
    const [settings] = await runQuery(this.dataSource, sql.attentionCheckSettingsQuery, [s.enrollment_id]);
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
      const [check] = await runQuery(manager, sql.insertAttentionCheckQuery, [
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
      ]);
      if (!check) return null;
      await runCommand(manager, sql.markCheckPendingQuery, [sessionId, check.id]);
      // The view names its fields one by one: the key and the question's id stay on the server.
      return { id: check.id, kind, prompt: shown.prompt, options: shown.options, issuedAt: now, dueAt };
    });
  }

  private async openCheck(checkId: string | null): Promise<AttentionCheckView | null> {
    if (!checkId) return null;
    const [c] = await runQuery(this.dataSource, sql.openAttentionCheckQuery, [checkId]);
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
