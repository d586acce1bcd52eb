import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, APP_CONFIG, AppConfig, Clock, CommonErrors, DomainError, Role } from '@cqo/core';
import { updateReturning } from '../course-access';
import { CourseCompletionService } from '../course-completion.service';
import { requiredSecondsOf } from '../course-rules';
import { CourseErrors } from '../courses.errors';
import { formatIsoDuration } from '../iso-duration';
import { hashApiKey, LAUNCH_USERNAME_PREFIX, LaunchCaller } from '../xapi-keys.service';
import { XapiDocumentsService } from '../xapi/xapi-documents.service';
import { Cmi5Au, Cmi5Course, moveOnMet } from './cmi5-structure';
import { ContentPackagesService } from './content-packages.service';

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

export const Cmi5Errors = {
  notCmi5: () =>
    DomainError.invalid('CMI5_LESSON_INVALID', '该课时不是已导入课件包的 cmi5 课时', [
      { field: 'lessonId', message: '不是 cmi5 课时或尚未导入课件包' },
    ]),
  auNotFound: () => DomainError.invalid('CMI5_AU_NOT_FOUND', '课件包中没有该 AU', [{ field: 'auId', message: '课件包中没有该 AU' }]),
  fetchUsed: () =>
    DomainError.invalid('CMI5_FETCH_TOKEN_USED', 'fetch 令牌已使用过或已失效，请重新启动课件', [
      { field: 'fetch', message: '只能使用一次' },
    ]),
};

/**
 * cmi5 (the LMS side): launching an AU with endpoint, fetch, actor and registration; the fetch
 * token exchanged once for the AU's credentials; the statements the LMS writes (launched,
 * satisfied, abandoned); and moveOn/masteryScore deciding when an AU, then the lesson, is done.
 * The AU's own statements arrive through XapiService, which calls {@link afterAuStatement}.
 */
@Injectable()
export class Cmi5Service {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly packages: ContentPackagesService,
    private readonly documents: XapiDocumentsService,
    private readonly completion: CourseCompletionService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A trainee launches an AU (the first one when none is named) of a cmi5 lesson of their enrolment. */
  async launch(actor: Actor, enrollmentId: string, lessonId: string, auId?: string): Promise<Cmi5LaunchView> {
    if (actor.role !== Role.Trainee) throw CommonErrors.outOfScope();
    const [row]: {
      trainee_id: string;
      status: string;
      username: string;
      organization_id: string;
      package_id: string | null;
      structure: Cmi5Course | null;
      type: string;
      minutes: number;
      completion_share: string;
    }[] = await this.dataSource.query(
      `SELECT e.trainee_id, e.status, u.username, v.organization_id, p.id AS package_id, p.structure, l.type, l.minutes, v.completion_share
           FROM enrollments e JOIN users u ON u.id = e.trainee_id JOIN course_versions v ON v.id = e.course_version_id
           JOIN lessons l ON l.course_version_id = e.course_version_id AND l.id = $2
           LEFT JOIN content_packages p ON p.id = l.content_package_id
          WHERE e.id = $1`,
      [enrollmentId, lessonId],
    );
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
      await manager.query('SELECT id FROM enrollments WHERE id = $1 FOR UPDATE', [enrollmentId]);
      const [previous]: { registration: string }[] = await manager.query(
        'SELECT registration FROM cmi5_launches WHERE enrollment_id = $1 AND lesson_id = $2 ORDER BY launched_at LIMIT 1',
        [enrollmentId, lessonId],
      );
      registration = previous?.registration ?? randomUUID();
      // A session left without `terminated` is abandoned when the next one starts (cmi5 §9.3.8).
      const open: { id: string; au_id: string; launched_at: Date; last_at: Date | null }[] = await manager.query(
        `SELECT c.id, c.au_id, c.launched_at, (SELECT max(stored_at) FROM xapi_statements s WHERE s.launch_id = c.id) AS last_at
           FROM cmi5_launches c WHERE c.enrollment_id = $1 AND c.lesson_id = $2 AND c.terminated_at IS NULL AND c.abandoned_at IS NULL`,
        [enrollmentId, lessonId],
      );
      for (const o of open) {
        await manager.query('UPDATE cmi5_launches SET abandoned_at = $2 WHERE id = $1', [o.id, now]);
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
      await manager.query(
        `INSERT INTO cmi5_launches (id, enrollment_id, lesson_id, au_id, registration, fetch_token_hash, launched_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [launchId, enrollmentId, lessonId, au.id, registration, hashApiKey(token), now],
      );
      await manager.query(
        `INSERT INTO lesson_progress (enrollment_id, lesson_id, required_seconds, updated_at) VALUES ($1, $2, $3, $4) ON CONFLICT (enrollment_id, lesson_id) DO NOTHING`,
        [enrollmentId, lessonId, requiredSecondsOf(row.minutes, row.completion_share), now],
      );
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
    const [row]: {
      organization_id: string;
      username: string;
      status: string;
      structure: Cmi5Course | null;
      minutes: number;
      completion_share: string;
    }[] = await this.dataSource.query(
      `SELECT v.organization_id, u.username, e.status, p.structure, l.minutes, v.completion_share
         FROM enrollments e JOIN users u ON u.id = e.trainee_id JOIN course_versions v ON v.id = e.course_version_id
         JOIN lessons l ON l.course_version_id = e.course_version_id AND l.id = $2 LEFT JOIN content_packages p ON p.id = l.content_package_id
        WHERE e.id = $1`,
      [enrollmentId, lessonId],
    );
    if (!row) throw CourseErrors.lessonNotFound();
    if (actor.organizationId !== row.organization_id) throw CommonErrors.outOfScope();
    if (row.status === 'withdrawn') throw CourseErrors.notEnrolled();
    if (!row.structure) throw Cmi5Errors.notCmi5();
    const au = row.structure.aus.find((a) => a.id === auId);
    if (!au) throw Cmi5Errors.auNotFound();
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT id FROM enrollments WHERE id = $1 FOR UPDATE', [enrollmentId]);
      const [already]: unknown[] = await manager.query(
        'SELECT 1 FROM cmi5_au_states WHERE enrollment_id = $1 AND lesson_id = $2 AND au_id = $3 AND satisfied_at IS NOT NULL',
        [enrollmentId, lessonId, au.id],
      );
      if (already) return { satisfied: true, lessonCompleted: false };
      const [previous]: { registration: string }[] = await manager.query(
        'SELECT registration FROM cmi5_launches WHERE enrollment_id = $1 AND lesson_id = $2 ORDER BY launched_at LIMIT 1',
        [enrollmentId, lessonId],
      );
      const registration = previous?.registration ?? randomUUID();
      // The waiver is recorded as a launch of its own (no fetch token, never usable), so its statements have a session.
      const launchId = randomUUID();
      await manager.query(
        `INSERT INTO cmi5_launches (id, enrollment_id, lesson_id, au_id, registration, fetch_token_hash, fetch_used_at, launched_at, terminated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $7)`,
        [launchId, enrollmentId, lessonId, au.id, registration, `waived:${launchId}`, now],
      );
      await manager.query(
        `INSERT INTO lesson_progress (enrollment_id, lesson_id, required_seconds, updated_at) VALUES ($1, $2, $3, $4) ON CONFLICT (enrollment_id, lesson_id) DO NOTHING`,
        [enrollmentId, lessonId, requiredSecondsOf(row.minutes, row.completion_share), now],
      );
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
      const before: { completed_at: Date | null }[] = await manager.query(
        'SELECT completed_at FROM lesson_progress WHERE enrollment_id = $1 AND lesson_id = $2',
        [enrollmentId, lessonId],
      );
      await this.markAu(
        manager,
        { launchId, enrollmentId, lessonId, registration, agent, au, course: row.structure!, now },
        { completed: true, passed: true },
      );
      const after: { completed_at: Date | null }[] = await manager.query(
        'SELECT completed_at FROM lesson_progress WHERE enrollment_id = $1 AND lesson_id = $2',
        [enrollmentId, lessonId],
      );
      return { satisfied: true, lessonCompleted: !before[0]?.completed_at && !!after[0]?.completed_at };
    });
  }

  /** The fetch URL: the one-time token becomes the AU's credentials (`auth-token`, for `Authorization: Basic`). A second use is refused. */
  async fetch(token: string): Promise<{ 'auth-token': string }> {
    const secret = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const [launch] = await updateReturning<{ id: string }>(
      this.dataSource,
      `UPDATE cmi5_launches SET fetch_used_at = $2, auth_secret_hash = $3
        WHERE fetch_token_hash = $1 AND fetch_used_at IS NULL AND abandoned_at IS NULL AND launched_at > $4 RETURNING id`,
      [hashApiKey(token), now, hashApiKey(secret), new Date(now.getTime() - FETCH_TOKEN_TTL_SECONDS * 1000)],
    );
    if (!launch) throw Cmi5Errors.fetchUsed();
    return { 'auth-token': Buffer.from(`${LAUNCH_USERNAME_PREFIX}${launch.id}:${secret}`).toString('base64') };
  }

  /** The AU of a launch, from its lesson's package (for masteryScore checks). */
  async auOf(launch: LaunchCaller): Promise<{ au: Cmi5Au; course: Cmi5Course }> {
    const [row]: { structure: Cmi5Course }[] = await this.dataSource.query(
      'SELECT p.structure FROM lessons l JOIN content_packages p ON p.id = l.content_package_id WHERE l.id = $1',
      [launch.lessonId],
    );
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
    if (verb === 'terminated')
      await manager.query('UPDATE cmi5_launches SET terminated_at = $2 WHERE id = $1 AND terminated_at IS NULL', [launch.id, now]);
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
    await manager.query(
      `INSERT INTO cmi5_au_states (enrollment_id, lesson_id, au_id, completed_at, passed_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (enrollment_id, lesson_id, au_id) DO UPDATE SET completed_at = COALESCE(cmi5_au_states.completed_at, EXCLUDED.completed_at), passed_at = COALESCE(cmi5_au_states.passed_at, EXCLUDED.passed_at)`,
      [c.enrollmentId, c.lessonId, c.au.id, outcome.completed ? c.now : null, outcome.passed ? c.now : null],
    );
    const [state]: { completed_at: Date | null; passed_at: Date | null; satisfied_at: Date | null }[] = await manager.query(
      'SELECT completed_at, passed_at, satisfied_at FROM cmi5_au_states WHERE enrollment_id = $1 AND lesson_id = $2 AND au_id = $3',
      [c.enrollmentId, c.lessonId, c.au.id],
    );
    if (state.satisfied_at || !moveOnMet(c.au.moveOn, { completed: !!state.completed_at, passed: !!state.passed_at })) return;
    await manager.query('UPDATE cmi5_au_states SET satisfied_at = $4 WHERE enrollment_id = $1 AND lesson_id = $2 AND au_id = $3', [
      c.enrollmentId,
      c.lessonId,
      c.au.id,
      c.now,
    ]);
    await this.writeLms(manager, { ...c, verb: 'satisfied', objectId: c.au.id });
    const [{ n }]: { n: number }[] = await manager.query(
      'SELECT count(*)::int AS n FROM cmi5_au_states WHERE enrollment_id = $1 AND lesson_id = $2 AND satisfied_at IS NOT NULL AND au_id = ANY($3)',
      [c.enrollmentId, c.lessonId, c.course.aus.map((a) => a.id)],
    );
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
    await manager.query(
      `INSERT INTO xapi_statements (id, enrollment_id, lesson_id, launch_id, verb, credited_seconds, content_hash, statement_timestamp, stored_at, registration, statement)
       VALUES ($1, $2, $3, $4, $5, 0, $6, $7, $7, $8, $9)`,
      [
        id,
        s.enrollmentId,
        s.lessonId,
        s.launchId,
        s.verb,
        createHash('sha256').update(JSON.stringify(statement)).digest('hex'),
        s.now,
        s.registration,
        statement,
      ],
    );
  }

  private agentOf(username: string): { objectType: 'Agent'; account: { homePage: string; name: string } } {
    return { objectType: 'Agent', account: { homePage: this.config.publicBaseUrl, name: username } };
  }
}
