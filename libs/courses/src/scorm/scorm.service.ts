import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, AppConfig, Clock, CommonErrors, DomainError, ObjectStorage, runQuery } from '@cqo/core';
import { mimeTypeOf, PackageFile, safePackagePath } from '../cmi5/content-packages.service';
import { CourseCompletionService } from '../course-completion.service';
import { requiredSecondsOf } from '../course-rules';
import { ContentErrors, CourseErrors } from '../courses.errors';
import { HEARTBEAT_MAX_CREDIT_SECONDS } from '../progress.service';
import { assessBeat } from '../study/study-credit';
import { hashApiKey } from '../xapi-keys.service';
import { checkCommit, launchCmi, scoComplete, ScormCommitError } from './scorm-cmi';
import { ScormSco } from './scorm-manifest';
import { navigationView, resolveNavRequest, ScormNavigationError, ScormNavigationView, ScormNavRequest } from './scorm-navigation';
import { injectRuntime } from './scorm-runtime';
import {
  addScormActiveSeconds,
  completedScosQuery,
  countCompletedScos,
  endOpenScormSessions,
  ensureScormProgress,
  insertScormSession,
  lastScormSessionQuery,
  lockScormEnrollment,
  scormAttemptQuery,
  scormLaunchTargetQuery,
  scormLearnerQuery,
  scormProgressQuery,
  ScormSessionRow,
  scormSessionByToken,
  scormSessionForUpdate,
  updateScormSession,
  upsertScormAttempt,
} from '../sql/scorm.sql';

/** A launch's files and commits work this long after it (a study sitting), and not after a newer launch of the lesson. */
export const SCORM_SESSION_HOURS = 8;
/** The largest commit body the runtime may send (2004 suspend_data alone may be 64,000 characters). */
export const SCORM_COMMIT_MAX_CHARS = 256 * 1024;
/**
 * How long a SCO left by navigation (another SCO of the lesson launched) still takes its own late
 * commits — the Terminate or page-hide commit sent as its frame goes away — into its own attempt.
 */
export const SCORM_NAV_GRACE_SECONDS = 60;

export interface ScormLaunchView {
  sessionId: string;
  scoId: string;
  version: '1.2' | '2004';
  /** The SCO's launch page, under the session's own path (the runtime is injected into its HTML). */
  url: string;
  /** The package's SCOs, the one delivered, and the moves allowed from it (the player's list and 上一讲/下一讲). */
  navigation: ScormNavigationView;
}

/** A launch's navigation request: `start` (resume the current SCO, the first at the beginning), `continue`, `previous`, or `choice` of `scoId`. */
export interface ScormLaunchRequest {
  navRequest?: ScormNavRequest;
  scoId?: string;
}

export interface ScormCommitResult {
  creditedSeconds: number;
  activeSeconds: number;
  lessonCompleted: boolean;
}

export const ScormErrors = {
  notScorm: () =>
    DomainError.invalid('SCORM_LESSON_INVALID', '该课时不是已导入课件包的 SCORM 课时', [
      { field: 'lessonId', message: '不是 SCORM 课时或尚未导入课件包' },
    ]),
  scoNotFound: () => DomainError.invalid('SCORM_SCO_NOT_FOUND', '课件包中没有该 SCO', [{ field: 'scoId', message: '课件包中没有该 SCO' }]),
  sessionInvalid: () => DomainError.forbidden('SCORM_SESSION_INVALID', '课件会话无效或已过期，请重新启动课件'),
  sessionEnded: () => DomainError.conflict('SCORM_SESSION_ENDED', '课件会话已结束（已退出或在别处重新启动），请重新启动课件'),
  navigation: (error: ScormNavigationError) =>
    error.kind === 'invalid'
      ? DomainError.invalid('SCORM_NAV_INVALID', error.message, [{ field: error.field, message: error.message }])
      : DomainError.conflict('SCORM_NAV_REFUSED', error.message, [{ field: error.field, message: error.message }]),
  commitInvalid: (field: string, message: string) =>
    DomainError.invalid('SCORM_COMMIT_INVALID', `课件提交的数据有误：${field} ${message}`, [{ field, message }]),
};

type SessionRow = ScormSessionRow;

/**
 * SCORM 1.2 / 2004 lessons (the LMS side). A launch opens a session with a random token; the
 * SCO's files are served under `/scorm-sessions/<id>/<token>/`, and its HTML pages get a small
 * runtime (scorm-again providing `API` / `API_1484_11`, with the stored CMI loaded) that commits
 * to `/scorm-commits/<id>/<token>`. Time is credited by the study rules (study-credit.ts): server
 * time between commits, capped per commit, and no more than the session_time the SCO reported.
 */
@Injectable()
export class ScormService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly storage: ObjectStorage,
    private readonly completion: CourseCompletionService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /**
   * Launches a SCO for the trainee's enrolment by a navigation request from the SCO the trainee is
   * on (the last launched): `start` (the default) resumes it, or the first; `continue`/`previous`
   * move in order where the package's flow allows; `choice` (also meant by a bare `scoId`) picks
   * one where choice allows. An open session of the lesson ends: 'navigated' when another SCO is
   * delivered (its late commits still land in its own attempt for a short grace), 'superseded' when
   * the same SCO is launched again. Launches of an enrolment are serialized by its row lock.
   */
  async launch(actor: Actor, enrollmentId: string, lessonId: string, request: ScormLaunchRequest = {}): Promise<ScormLaunchView> {
    const [row] = await runQuery(this.dataSource, scormLaunchTargetQuery, [enrollmentId, lessonId]);
    if (!row) throw CourseErrors.lessonNotFound();
    if (row.trainee_id !== actor.userId) throw CommonErrors.outOfScope();
    if (row.status === 'withdrawn') throw CourseErrors.notEnrolled();
    if (row.type !== 'scorm' || !row.structure || !row.standard?.startsWith('scorm')) throw ScormErrors.notScorm();
    const structure = row.structure;
    const navRequest: ScormNavRequest = request.navRequest ?? (request.scoId !== undefined ? 'choice' : 'start');

    const token = randomBytes(32).toString('base64url');
    const sessionId = randomUUID();
    const now = this.clock.now();
    const { sco, completed } = await this.dataSource.transaction(async (manager) => {
      await runQuery(manager, lockScormEnrollment, [enrollmentId]);
      const [last] = await runQuery(manager, lastScormSessionQuery, [enrollmentId, lessonId]);
      const current = last && structure.scos.some((x) => x.id === last.sco_id) ? last.sco_id : null;
      let target: ScormSco;
      try {
        target = resolveNavRequest(structure, current, navRequest, request.scoId);
      } catch (error) {
        if (error instanceof ScormNavigationError) throw ScormErrors.navigation(error);
        throw error;
      }
      await runQuery(manager, endOpenScormSessions, [enrollmentId, lessonId, now, target.id]);
      await runQuery(manager, insertScormSession, [sessionId, enrollmentId, lessonId, target.id, actor.userId, hashApiKey(token), now]);
      await runQuery(manager, ensureScormProgress, [enrollmentId, lessonId, requiredSecondsOf(row.minutes, row.completion_share), now]);
      const done = await runQuery(manager, completedScosQuery, [enrollmentId, lessonId]);
      return { sco: target, completed: new Set(done.map((d) => d.sco_id)) };
    });
    return {
      sessionId,
      scoId: sco.id,
      version: structure.version,
      url: `/scorm-sessions/${sessionId}/${token}/${sco.href}`,
      navigation: navigationView(structure, sco.id, completed),
    };
  }

  /**
   * A file of a launched SCO's package, for the session's token: HTML pages carry the runtime
   * (with the CMI to resume from). 403 for a bad token or an old session, 404 for no such file.
   */
  async openFile(sessionId: string, token: string, path: string): Promise<PackageFile> {
    const s = await this.session(sessionId, token);
    const now = this.clock.now();
    const secondsLeft = Math.floor((new Date(s.launched_at).getTime() + SCORM_SESSION_HOURS * 3_600_000 - now.getTime()) / 1000);
    if (secondsLeft <= 0 || s.ended_reason === 'superseded' || s.ended_reason === 'navigated') throw ScormErrors.sessionInvalid();
    const safe = safePackagePath(path);
    if (!safe || safe.endsWith('/')) throw ContentErrors.fileNotFound();
    const content = await this.storage.get(`${s.storage_prefix}${safe}`);
    if (!content) throw ContentErrors.fileNotFound();
    const mimeType = mimeTypeOf(safe);
    if (!mimeType.startsWith('text/html')) return { content, mimeType, secondsLeft };
    const sco = this.scoOf(s);
    const [attempt] = await runQuery(this.dataSource, scormAttemptQuery, [s.enrollment_id, s.lesson_id, s.sco_id]);
    const [learner] = await runQuery(this.dataSource, scormLearnerQuery, [sessionId]);
    const version = s.structure.version;
    const cmi = launchCmi(
      version,
      sco,
      { id: learner.username, name: learner.full_name ?? learner.username },
      attempt?.cmi ?? null,
      attempt?.total_seconds ?? 0,
    );
    const html = injectRuntime(content.toString('utf8'), {
      version,
      cmi,
      commitUrl: `/scorm-commits/${sessionId}/${token}`,
      beatSeconds: this.config.content.heartbeatSeconds,
    });
    return { content: Buffer.from(html, 'utf8'), mimeType, secondsLeft };
  }

  /**
   * A commit of the session's runtime (LMSCommit/Commit, LMSFinish/Terminate, or its periodic
   * beat): the CMI data is kept (resume), the server time since the last commit is assessed by
   * the study rule (capped per beat, none while the page is hidden), and credited as far as the
   * reported session_time reaches. The SCO's completion, then the lesson's, follow. A SCO left by
   * navigation takes its late commits for SCORM_NAV_GRACE_SECONDS, into its own attempt (never
   * another SCO's), its time counted only up to when it was left.
   */
  async commit(sessionId: string, token: string, body: unknown): Promise<ScormCommitResult> {
    const parsed = this.parseBody(body);
    const s = await this.session(sessionId, token);
    if (!this.takesCommits(s)) throw ScormErrors.sessionEnded();
    if (this.clock.now().getTime() > new Date(s.launched_at).getTime() + SCORM_SESSION_HOURS * 3_600_000)
      throw ScormErrors.sessionInvalid();
    const version = s.structure.version;
    let checked: ReturnType<typeof checkCommit>;
    try {
      checked = checkCommit(version, parsed.cmi, parsed.sessionTime);
    } catch (error) {
      if (error instanceof ScormCommitError) throw ScormErrors.commitInvalid(error.field, error.message);
      throw error;
    }
    const sco = this.scoOf(s);
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      await runQuery(manager, lockScormEnrollment, [s.enrollment_id]);
      const [current] = await runQuery(manager, scormSessionForUpdate, [sessionId]);
      if (!this.takesCommits(current)) throw ScormErrors.sessionEnded();
      const [progress] = await runQuery(manager, scormProgressQuery, [s.enrollment_id, s.lesson_id]);
      // A SCO left by navigation: its time ran only until it was left.
      const until = current.finished_at ? Math.min(now.getTime(), new Date(current.finished_at).getTime()) : now.getTime();
      const elapsed = Math.max(0, (until - new Date(current.counted_until).getTime()) / 1000);
      // The same rule as a document's heartbeat: server time, at most one beat's worth per commit.
      const outcome = assessBeat(
        {
          mode: 'time',
          elapsedSeconds: elapsed,
          maxCreditSeconds: HEARTBEAT_MAX_CREDIT_SECONDS,
          furthestPosition: 0,
          durationSeconds: null,
          checkOpen: false,
          idleAfterSeconds: this.config.content.idleSeconds,
        },
        { visible: parsed.visible },
      );
      const observed = current.observed_seconds + outcome.creditSeconds;
      const reported = Math.max(current.reported_seconds ?? 0, checked.sessionSeconds ?? 0);
      // No time once the lesson was complete before this session (as for heartbeats).
      const completedBefore = progress?.completed_at && new Date(progress.completed_at) <= new Date(current.launched_at);
      const credit = completedBefore ? 0 : Math.max(0, Math.min(observed, reported) - current.credited_seconds);
      const finish = parsed.kind === 'finish';
      await runQuery(manager, updateScormSession, [
        sessionId,
        new Date(new Date(current.counted_until).getTime() + Math.round(outcome.consumedSeconds * 1000)),
        observed,
        credit,
        checked.sessionSeconds === null ? current.reported_seconds : reported,
        finish,
        now,
      ]);
      const [p] = await runQuery(manager, addScormActiveSeconds, [s.enrollment_id, s.lesson_id, credit, now]);
      const done = scoComplete(version, sco, checked.cmi);
      await runQuery(manager, upsertScormAttempt, [
        s.enrollment_id,
        s.lesson_id,
        s.sco_id,
        checked.cmi,
        finish ? (checked.sessionSeconds ?? 0) : 0,
        done ? now : null,
        now,
      ]);
      const lessonCompleted = await this.completeLessonIfDue(manager, s, now);
      return {
        creditedSeconds: credit,
        activeSeconds: p?.active_seconds ?? 0,
        lessonCompleted: lessonCompleted || !!progress?.completed_at,
      };
    });
  }

  /**
   * The lesson completes when every SCO whose content reports completion has reported it; when a
   * SCO's content does not set completion (2004 completionSetByContent=false), the lesson also
   * needs its share of time, as a document does (never on launch alone).
   */
  private async completeLessonIfDue(manager: import('typeorm').EntityManager, s: SessionRow, now: Date): Promise<boolean> {
    const byContent = s.structure.scos.filter((sco) => s.structure.version === '1.2' || sco.completionSetByContent);
    const [{ n }] = await runQuery(manager, countCompletedScos, [s.enrollment_id, s.lesson_id, byContent.map((sco) => sco.id)]);
    if (n < byContent.length) return false;
    const done =
      byContent.length === s.structure.scos.length
        ? await this.completion.completeLessonSatisfied(manager, s.enrollment_id, s.lesson_id, now, 'scorm')
        : await this.completion.completeLessonIfDue(manager, s.enrollment_id, s.lesson_id, now, 'scorm');
    return done.lessonCompleted;
  }

  private parseBody(body: unknown): { kind: 'beat' | 'commit' | 'finish'; cmi: unknown; sessionTime: unknown; visible: boolean } {
    let value = body;
    if (typeof value === 'string') {
      if (value.length > SCORM_COMMIT_MAX_CHARS) throw ScormErrors.commitInvalid('body', `不能超过 ${SCORM_COMMIT_MAX_CHARS} 个字符`);
      try {
        value = JSON.parse(value);
      } catch {
        throw ScormErrors.commitInvalid('body', '不是有效的 JSON');
      }
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw ScormErrors.commitInvalid('body', '必须是 JSON 对象');
    const b = value as Record<string, unknown>;
    if (b.kind !== 'beat' && b.kind !== 'commit' && b.kind !== 'finish')
      throw ScormErrors.commitInvalid('kind', '须是 beat、commit 或 finish');
    if (b.visible !== undefined && typeof b.visible !== 'boolean') throw ScormErrors.commitInvalid('visible', '必须是布尔值');
    return { kind: b.kind, cmi: b.cmi, sessionTime: b.sessionTime, visible: b.visible !== false };
  }

  private async session(sessionId: string, token: string): Promise<SessionRow> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw ScormErrors.sessionInvalid();
    const [row] = await runQuery(this.dataSource, scormSessionByToken, [hashApiKey(token)]);
    // A withdrawn trainee's sessions end with the enrolment.
    if (!row || row.id !== sessionId || row.enrollment_status === 'withdrawn') throw ScormErrors.sessionInvalid();
    return row;
  }

  /** An open session takes commits; so does one left by navigation, for a short grace. */
  private takesCommits(s: Pick<SessionRow, 'finished_at' | 'ended_reason'>): boolean {
    if (!s.finished_at) return true;
    return (
      s.ended_reason === 'navigated' && this.clock.now().getTime() - new Date(s.finished_at).getTime() <= SCORM_NAV_GRACE_SECONDS * 1000
    );
  }

  private scoOf(s: SessionRow): ScormSco {
    const sco = s.structure.scos.find((x) => x.id === s.sco_id);
    if (!sco) throw ScormErrors.scoNotFound();
    return sco;
  }
}
