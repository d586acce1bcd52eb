import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, AppConfig, Clock, CommonErrors, Role, runQuery } from '@cqo/core';
import { CourseCompletionService } from '../course-completion.service';
import { requiredSecondsOf } from '../course-rules';
import { CourseErrors } from '../courses.errors';
import { formatIsoDuration } from '../iso-duration';
import { hashApiKey, LAUNCH_USERNAME_PREFIX, LaunchCaller } from '../xapi-keys.service';
import { XapiDocumentsService } from '../xapi/xapi-documents.service';
import { Cmi5Au, Cmi5Course, moveOnMet } from './cmi5-structure';
import { Cmi5Errors } from './cmi5.errors';
import { ContentPackagesService } from './content-packages.service';
import {
  abandonCmi5Launch,
  cmi5AuSatisfiedQuery,
  cmi5LessonCompletedAtQuery,
  cmi5StructureOfLessonQuery,
  cmi5TargetQuery,
  countSatisfiedCmi5Aus,
  ensureCmi5Progress,
  firstCmi5RegistrationQuery,
  insertCmi5Launch,
  insertCmi5WaiverLaunch,
  insertLmsStatement,
  lockCmi5Enrollment,
  markCmi5AuState,
  openCmi5LaunchesQuery,
  satisfyCmi5Au,
  terminateCmi5Launch,
  useCmi5FetchToken,
} from '../sql/cmi5.sql';

export const CMI5_VERBS = {
  launched: 'http://adlnet.gov/expapi/verbs/launched',
  satisfied: 'https://w3id.org/xapi/adl/verbs/satisfied',
  abandoned: 'https://w3id.org/xapi/adl/verbs/abandoned',
  waived: 'https://w3id.org/xapi/adl/verbs/waived',
} as const;
const CMI5_CATEGORY = { id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' };
const SESSION_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
/** A fetch token works once, and only this long after the launch. */
export const FETCH_TOKEN_TTL_SECONDS = 15 * 60;

/** Why an AU was waived (cmi5 §9.5.4.3). */
export const WAIVE_REASONS = ['Tested Out', 'Equivalent AU', 'Equivalent Outside Activity', 'Administrative'] as const;
export type WaiveReason = (typeof WAIVE_REASONS)[number];

export interface Cmi5LaunchView {
  launchId: string;
  auId: string;
  registration: string;
  /** The AU's URL with the cmi5 launch parameters (endpoint, fetch, actor, registration, activityId). */
  url: string;
}

/**
 * cmi5 (the LMS side): launching an AU with endpoint, fetch, actor and registration; the fetch
 * token exchanged once for the AU's credentials; the statements the LMS writes (launched,
 * satisfied, abandoned); and moveOn/masteryScore deciding when an AU, then the lesson, is done.
 * The AU's own statements arrive through XapiService, which calls {@link afterAuStatement}.
 */
@Injectable()
export class Cmi5Service {
  constructor(
    private readonly dataSource: DataSource,
    private readonly packages: ContentPackagesService,
    private readonly documents: XapiDocumentsService,
    private readonly completion: CourseCompletionService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** A trainee launches an AU (the first one when none is named) of a cmi5 lesson of their enrolment. */
  async launch(actor: Actor, enrollmentId: string, lessonId: string, auId?: string): Promise<Cmi5LaunchView> {
    if (actor.role !== Role.Trainee) throw CommonErrors.outOfScope();
    const [row] = await runQuery(this.dataSource, cmi5TargetQuery, [enrollmentId, lessonId]);
    if (!row) throw CourseErrors.lessonNotFound();
    if (row.trainee_id !== actor.userId) throw CommonErrors.outOfScope();
    if (row.status === 'withdrawn') throw CourseErrors.notEnrolled();
    if (row.type !== 'cmi5' || !row.package_id || !row.structure) throw Cmi5Errors.notCmi5();
    const au = auId === undefined ? row.structure.aus[0] : row.structure.aus.find((a) => a.id === auId);
    if (!au) throw Cmi5Errors.auNotFound();

    const token = randomBytes(32).toString('base64url');
    const launchId = randomUUID();
    const now = this.clock.now();
    const agent = this.agentOf(row.username);
    let registration = '';
    await this.dataSource.transaction(async (manager) => {
      await runQuery(manager, lockCmi5Enrollment, [enrollmentId]);
      const [previous] = await runQuery(manager, firstCmi5RegistrationQuery, [enrollmentId, lessonId]);
      registration = previous?.registration ?? randomUUID();
      // A session left without `terminated` is abandoned when the next one starts (cmi5 §9.3.8).
      const open = await runQuery(manager, openCmi5LaunchesQuery, [enrollmentId, lessonId]);
      for (const o of open) {
        await runQuery(manager, abandonCmi5Launch, [o.id, now]);
        const seconds = Math.max(
          0,
          Math.floor((new Date(o.last_at ?? o.launched_at).getTime() - new Date(o.launched_at).getTime()) / 1000),
        );
        await this.writeLms(manager, {
          launchId: o.id,
          enrollmentId,
          lessonId,
          registration,
          agent,
          verb: 'abandoned',
          objectId: o.au_id,
          now,
          result: { duration: formatIsoDuration(seconds) },
        });
      }
      await runQuery(manager, insertCmi5Launch, [launchId, enrollmentId, lessonId, au.id, registration, hashApiKey(token), now]);
      await runQuery(manager, ensureCmi5Progress, [enrollmentId, lessonId, requiredSecondsOf(row.minutes, row.completion_share), now]);
      await this.writeLms(manager, {
        launchId,
        enrollmentId,
        lessonId,
        registration,
        agent,
        verb: 'launched',
        objectId: au.id,
        now,
        extensions: {
          'https://w3id.org/xapi/cmi5/context/extensions/launchmode': 'Normal',
          'https://w3id.org/xapi/cmi5/context/extensions/moveon': au.moveOn,
        },
      });
      // An AU that needs nothing (moveOn NotApplicable) is satisfied by being launched.
      await this.markAu(manager, { launchId, enrollmentId, lessonId, registration, agent, au, course: row.structure!, now }, {});
    });
    const launchData: Record<string, unknown> = {
      contextTemplate: { contextActivities: { grouping: [{ id: au.id }] }, extensions: { [SESSION_EXTENSION]: launchId } },
      launchMode: 'Normal',
      moveOn: au.moveOn,
      ...(au.masteryScore !== null ? { masteryScore: au.masteryScore } : {}),
      ...(au.launchParameters ? { launchParameters: au.launchParameters } : {}),
    };
    await this.documents.put(
      row.organization_id,
      'state',
      { activityId: au.id, agent: JSON.stringify(agent), registration, documentId: 'LMS.LaunchData' },
      'application/json',
      launchData,
    );

    const base = this.config.publicBaseUrl;
    const params = new URLSearchParams({
      endpoint: `${base}/xapi/`,
      fetch: `${base}/xapi/cmi5/fetch/${token}`,
      actor: JSON.stringify(agent),
      registration,
      activityId: au.id,
    });
    const url = `${this.packages.signedBase(row.package_id, actor.userId)}${au.url}${au.url.includes('?') ? '&' : '?'}${params.toString()}`;
    return { launchId, auId: au.id, registration, url };
  }

  /**
   * An org admin waives an AU for a trainee (cmi5 §9.3.9): the LMS writes `waived` with the
   * reason, and the AU counts as satisfied (so the lesson may complete). No time is credited.
   */
  async waive(
    actor: Actor,
    enrollmentId: string,
    lessonId: string,
    auId: string,
    reason: WaiveReason,
  ): Promise<{ satisfied: boolean; lessonCompleted: boolean }> {
    if (actor.role !== Role.OrgAdmin) throw CommonErrors.outOfScope();
    const [row] = await runQuery(this.dataSource, cmi5TargetQuery, [enrollmentId, lessonId]);
    if (!row) throw CourseErrors.lessonNotFound();
    if (actor.organizationId !== row.organization_id) throw CommonErrors.outOfScope();
    if (row.status === 'withdrawn') throw CourseErrors.notEnrolled();
    if (!row.structure) throw Cmi5Errors.notCmi5();
    const au = row.structure.aus.find((a) => a.id === auId);
    if (!au) throw Cmi5Errors.auNotFound();
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      await runQuery(manager, lockCmi5Enrollment, [enrollmentId]);
      const [already] = await runQuery(manager, cmi5AuSatisfiedQuery, [enrollmentId, lessonId, au.id]);
      if (already) return { satisfied: true, lessonCompleted: false };
      const [previous] = await runQuery(manager, firstCmi5RegistrationQuery, [enrollmentId, lessonId]);
      const registration = previous?.registration ?? randomUUID();
      // The waiver is recorded as a launch of its own (no fetch token, never usable), so its statements have a session.
      const launchId = randomUUID();
      await runQuery(manager, insertCmi5WaiverLaunch, [launchId, enrollmentId, lessonId, au.id, registration, `waived:${launchId}`, now]);
      await runQuery(manager, ensureCmi5Progress, [enrollmentId, lessonId, requiredSecondsOf(row.minutes, row.completion_share), now]);
      const agent = this.agentOf(row.username);
      await this.writeLms(manager, {
        launchId,
        enrollmentId,
        lessonId,
        registration,
        agent,
        verb: 'waived',
        objectId: au.id,
        now,
        result: { success: true, completion: true, extensions: { 'https://w3id.org/xapi/cmi5/result/extensions/reason': reason } },
        extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/moveon': au.moveOn },
      });
      const before = await runQuery(manager, cmi5LessonCompletedAtQuery, [enrollmentId, lessonId]);
      await this.markAu(
        manager,
        { launchId, enrollmentId, lessonId, registration, agent, au, course: row.structure!, now },
        { completed: true, passed: true },
      );
      const after = await runQuery(manager, cmi5LessonCompletedAtQuery, [enrollmentId, lessonId]);
      return { satisfied: true, lessonCompleted: !before[0]?.completed_at && !!after[0]?.completed_at };
    });
  }

  /** The fetch URL: the one-time token becomes the AU's credentials (`auth-token`, for `Authorization: Basic`). A second use is refused. */
  async fetch(token: string): Promise<{ 'auth-token': string }> {
    const secret = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const [launch] = await runQuery(this.dataSource, useCmi5FetchToken, [
      hashApiKey(token),
      now,
      hashApiKey(secret),
      new Date(now.getTime() - FETCH_TOKEN_TTL_SECONDS * 1000),
    ]);
    if (!launch) throw Cmi5Errors.fetchUsed();
    return { 'auth-token': Buffer.from(`${LAUNCH_USERNAME_PREFIX}${launch.id}:${secret}`).toString('base64') };
  }

  /** The AU of a launch, from its lesson's package (for masteryScore checks). */
  async auOf(launch: LaunchCaller): Promise<{ au: Cmi5Au; course: Cmi5Course }> {
    const [row] = await runQuery(this.dataSource, cmi5StructureOfLessonQuery, [launch.lessonId]);
    const au = row?.structure.aus.find((a) => a.id === launch.auId);
    if (!au) throw Cmi5Errors.auNotFound();
    return { au, course: row.structure };
  }

  /**
   * After an AU's statement is stored (same transaction, enrolment locked): completed, passed
   * and terminated are recorded; when the AU's moveOn is met the LMS writes `satisfied` for it,
   * and when every AU is satisfied, `satisfied` for the course and the lesson completes.
   */
  async afterAuStatement(manager: EntityManager, launch: LaunchCaller, verb: string, now: Date): Promise<void> {
    if (verb === 'terminated') await runQuery(manager, terminateCmi5Launch, [launch.id, now]);
    if (verb !== 'completed' && verb !== 'passed') return;
    const { au, course } = await this.auOf(launch);
    await this.markAu(
      manager,
      {
        launchId: launch.id,
        enrollmentId: launch.enrollmentId,
        lessonId: launch.lessonId,
        registration: launch.registration,
        agent: this.agentOf(launch.username),
        au,
        course,
        now,
      },
      { [verb]: true },
    );
  }

  private async markAu(
    manager: EntityManager,
    c: {
      launchId: string;
      enrollmentId: string;
      lessonId: string;
      registration: string;
      agent: object;
      au: Cmi5Au;
      course: Cmi5Course;
      now: Date;
    },
    outcome: { completed?: boolean; passed?: boolean },
  ): Promise<void> {
    // The AU's state after recording the outcome, in the same statement.
    const [state] = await runQuery(manager, markCmi5AuState, [
      c.enrollmentId,
      c.lessonId,
      c.au.id,
      outcome.completed ? c.now : null,
      outcome.passed ? c.now : null,
    ]);
    if (state.satisfied_at || !moveOnMet(c.au.moveOn, { completed: !!state.completed_at, passed: !!state.passed_at })) return;
    await runQuery(manager, satisfyCmi5Au, [c.enrollmentId, c.lessonId, c.au.id, c.now]);
    await this.writeLms(manager, { ...c, verb: 'satisfied', objectId: c.au.id });
    const [{ n }] = await runQuery(manager, countSatisfiedCmi5Aus, [c.enrollmentId, c.lessonId, c.course.aus.map((a) => a.id)]);
    if (n < c.course.aus.length) return;
    await this.writeLms(manager, { ...c, verb: 'satisfied', objectId: c.course.id, objectType: 'course' });
    await this.completion.completeLessonSatisfied(manager, c.enrollmentId, c.lessonId, c.now, 'xapi');
  }

  /** A statement the LMS writes itself (cmi5 "defined" statements of the LMS), stored with the launch. */
  private async writeLms(
    manager: EntityManager,
    s: {
      launchId: string;
      enrollmentId: string;
      lessonId: string;
      registration: string;
      agent: object;
      verb: keyof typeof CMI5_VERBS;
      objectId: string;
      objectType?: 'course';
      now: Date;
      result?: object;
      extensions?: Record<string, unknown>;
    },
  ): Promise<void> {
    const id = randomUUID();
    const statement = {
      id,
      actor: s.agent,
      verb: { id: CMI5_VERBS[s.verb], display: { 'zh-CN': s.verb } },
      object: {
        objectType: 'Activity',
        id: s.objectId,
        ...(s.objectType ? { definition: { type: 'https://w3id.org/xapi/cmi5/activitytype/course' } } : {}),
      },
      ...(s.result ? { result: s.result } : {}),
      context: {
        registration: s.registration,
        contextActivities: { category: [CMI5_CATEGORY] },
        extensions: { [SESSION_EXTENSION]: s.launchId, ...s.extensions },
      },
      timestamp: s.now.toISOString(),
      stored: s.now.toISOString(),
      authority: { objectType: 'Agent', account: { homePage: this.config.publicBaseUrl, name: 'lms' } },
      version: '1.0.0',
    };
    await runQuery(manager, insertLmsStatement, [
      id,
      s.enrollmentId,
      s.lessonId,
      s.launchId,
      s.verb,
      createHash('sha256').update(JSON.stringify(statement)).digest('hex'),
      s.now,
      s.registration,
      statement,
    ]);
  }

  private agentOf(username: string): { objectType: 'Agent'; account: { homePage: string; name: string } } {
    return { objectType: 'Agent', account: { homePage: this.config.publicBaseUrl, name: username } };
  }
}
