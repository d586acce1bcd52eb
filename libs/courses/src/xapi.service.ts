import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import type { PoolClient } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import type { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { Actor, AppConfig, Clock, CommonErrors, DomainError, Role, runQuery, SqlQuery } from '@cqo/core';
import { CourseCompletionService } from './course-completion.service';
import { requiredSecondsOf } from './course-rules';
import { CourseErrors } from './courses.errors';
import { CREDITING_VERBS, parseStatement, ParsedStatement } from './xapi-statement';
import { LaunchCaller, XapiCaller, XapiKeysService } from './xapi-keys.service';
import { Cmi5Service } from './cmi5/cmi5.service';
import { GroupCommit } from './study/group-commit';
import { agentKey } from './xapi/xapi-documents.service';
import {
  cmi5LaunchCreditedQuery,
  insertVoidingStatement,
  lockXapiEnrollments,
  resolveXapiStatementLocked,
  resolveXapiStatements,
  takeBackXapiCredit,
  voidXapiStatement,
  writeXapiStatement,
  writeXapiStatements,
  XapiWriteRow,
  xapiStatementHash,
  xapiStatementQuery,
  xapiVoidTargetsQuery,
  XapiResolvedRow,
} from './sql/xapi.sql';

export const MAX_STATEMENTS_PER_REQUEST = 100;

/** What an xAPI request presents: Basic credentials or an X-API-Key, and the version header. */
export interface XapiRequest {
  authorization?: string;
  apiKey?: string;
  version?: string;
}

/** PostgreSQL's deadlock_detected. */
const DEADLOCK_DETECTED = '40P01';

/** Who hands statements in: an organization's API key, or its admin confirming old statements. */
interface Intake {
  organizationId: string;
  keyId: string | null;
  confirmedBy: string | null;
  /**
   * A content player (HTTP Basic key pair): the learning is happening now, so durations are also
   * capped by the time the server has seen pass in the statement's registration.
   */
  live: boolean;
  /** A cmi5 AU with its launch's credentials: its statements belong to that launch. */
  launch?: LaunchCaller;
}

/**
 * Group commit of content players' single statements: while a group's transaction runs, the
 * statements that arrive wait and go together in the next one (at most this many groups at
 * once, each of at most MAX_STATEMENTS_PER_REQUEST statements of one key pair).
 */
export const XAPI_GROUPS_IN_FLIGHT = 4;

/** A content player's single statement, handed to its group. */
interface Pending {
  caller: Intake;
  statement: ParsedStatement;
  id: string;
}

/** Where a grouped statement's refusal points: its own field (each statement is its own request). */
const single = (_i: number, field: string) => field;

/** How far a content player's timer may run ahead of the server's observation before a duration is refused. */
export const XAPI_DURATION_TOLERANCE_SECONDS = 120;

/** `X-Experience-API-Version`: 1.0.x is accepted; absent is refused only where `required`. */
export function checkXapiVersion(value: string | undefined, required: boolean): void {
  if (value === undefined || value === '') {
    if (required) throw CourseErrors.xapiVersionInvalid(undefined);
    return;
  }
  if (!/^1\.0(\.\d+)?$/.test(value.trim())) throw CourseErrors.xapiVersionInvalid(value);
}

/** A statement's clock may run a little ahead of ours; beyond this it is "in the future". */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * xAPI intake for content hosted elsewhere. The learning happened at the statement's
 * `timestamp` (the time it was stored here when it has none): that instant completes the lesson
 * and decides the year of the hours. It must not be in the future, nor before the enrolment, nor
 * older than XAPI_MAX_STATEMENT_AGE_DAYS unless an org admin confirms the statements (the
 * `confirmed` intake), so a replay of last year's records cannot quietly re-open a closed year. A batch is all or nothing: every statement is
 * checked (400 naming the field) before any is stored. A statement id seen before is a no-op
 * (same content) or a 409 (other content). Durations are credited as observed time, each capped
 * by the lesson's declared minutes; a lesson completes by the same rule as heartbeats (time
 * reaches the completion share), so a verb alone never completes a lesson. `failed` credits nothing.
 */
@Injectable()
export class XapiService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: XapiKeysService,
    private readonly completion: CourseCompletionService,
    private readonly cmi5: Cmi5Service,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /**
   * A group is the statements of one key pair (one caller, so one resolving query). Groups of the
   * same key pair may run at once: store() locks the enrolments of a group in one sorted pass and
   * storeAlone() retries a deadlock. Each statement is answered with its refusal, if any.
   */
  private readonly groups = new GroupCommit<Pending, DomainError | undefined>({
    groupsInFlight: XAPI_GROUPS_IN_FLIGHT,
    maxGroupSize: MAX_STATEMENTS_PER_REQUEST,
    together: true,
    keysInParallel: true,
    key: (p) => p.caller.keyId!,
    writeGroup: (group) => this.storeGroup(group),
    writeOne: async (p) => {
      await this.storeAlone(p.caller, [p.statement], [p.id], single);
      return undefined;
    },
  });

  /** Stores one statement or an array of them; returns their ids in order. */
  async receive(apiKey: string | undefined, body: unknown): Promise<string[]> {
    const caller = await this.keys.authenticate(apiKey);
    return this.intake({ organizationId: caller.organizationId, keyId: caller.keyId!, confirmedBy: null, live: false }, body);
  }

  /**
   * The xAPI Statement resource (POST, or PUT with `statementId`): a key pair (Basic) or the
   * older X-API-Key; `X-Experience-API-Version` is required except on X-API-Key requests, which
   * came before the LRS and are left as they were.
   */
  async receiveRequest(request: XapiRequest, body: unknown, statementId?: string): Promise<string[]> {
    // A cached key pair is checked against revocation by the query that resolves the statements (intake).
    const caller = await this.keys.authenticateRequest(request.authorization, request.apiKey, true);
    checkXapiVersion(request.version, caller.basic);
    if (statementId !== undefined) {
      if (!statementId) throw CourseErrors.xapiParameterInvalid('statementId', '必填');
      if (!isUUID(statementId)) throw CourseErrors.xapiParameterInvalid('statementId', '必须是 UUID');
      if (typeof body !== 'object' || body === null || Array.isArray(body))
        throw CourseErrors.statementInvalid('statement', '必须是 JSON 对象');
      const given = (body as { id?: unknown }).id;
      if (given !== undefined && (typeof given !== 'string' || given.toLowerCase() !== statementId.toLowerCase())) {
        throw CourseErrors.statementInvalid('id', '与 statementId 不一致');
      }
      body = { ...body, id: statementId.toLowerCase() };
    }
    return this.intake(
      { organizationId: caller.organizationId, keyId: caller.keyId, confirmedBy: null, live: caller.basic, launch: caller.launch },
      body,
    );
  }

  /** The organization behind a request of the newer xAPI resources (documents): the version header is always required. */
  async authenticateResource(request: XapiRequest, agent?: { kind: string; raw: string | undefined }): Promise<XapiCaller> {
    const caller = await this.keys.authenticateRequest(request.authorization, request.apiKey);
    checkXapiVersion(request.version, true);
    // A launched AU keeps its own learner's state and agent profile, no one else's.
    if (caller.launch && agent && agent.kind !== 'activity_profile') {
      const own = agentKey(JSON.stringify({ account: { homePage: this.config.publicBaseUrl, name: caller.launch.username } }));
      if (agentKey(agent.raw) !== own) throw CourseErrors.xapiParameterInvalid('agent', '只能是本次启动的学员');
    }
    return caller;
  }

  /** GET /xapi/statements?statementId= (or voidedStatementId=): the stored statement, in the caller's organization. */
  async statement(request: XapiRequest, query: { statementId?: string; voidedStatementId?: string }): Promise<Record<string, unknown>> {
    const caller = await this.keys.authenticateRequest(request.authorization, request.apiKey);
    checkXapiVersion(request.version, caller.basic);
    if ((query.statementId === undefined) === (query.voidedStatementId === undefined)) {
      throw CourseErrors.xapiParameterInvalid('statementId', '须给出 statementId 或 voidedStatementId 之一（不支持语句列表查询）');
    }
    const field = query.statementId !== undefined ? 'statementId' : 'voidedStatementId';
    const id = (query.statementId ?? query.voidedStatementId)!;
    if (!isUUID(id)) throw CourseErrors.xapiParameterInvalid(field, '必须是 UUID');
    const [row] = await runQuery(this.dataSource, xapiStatementQuery, [id.toLowerCase()]);
    if (!row || !row.statement || row.organization_id !== caller.organizationId) throw CourseErrors.statementNotFound();
    // A launched AU reads its own learner's statements only.
    if (caller.launch && row.enrollment_id !== caller.launch.enrollmentId) throw CourseErrors.statementNotFound();
    if ((row.voided_by !== null) !== (field === 'voidedStatementId')) throw CourseErrors.statementNotFound();
    return row.statement;
  }

  /** An org admin hands in (confirms) statements of its own organization's lessons, older ones included. */
  async receiveConfirmed(actor: Actor, body: unknown): Promise<string[]> {
    if (actor.role !== Role.OrgAdmin || !actor.organizationId) throw CommonErrors.outOfScope();
    return this.intake({ organizationId: actor.organizationId, keyId: null, confirmedBy: actor.userId, live: false }, body);
  }

  private async intake(caller: Intake, body: unknown): Promise<string[]> {
    const batch = Array.isArray(body);
    const raws = batch ? body : [body];
    if (!raws.length) throw CourseErrors.statementInvalid('statements', '不能为空');
    if (raws.length > MAX_STATEMENTS_PER_REQUEST)
      throw CourseErrors.statementInvalid('statements', `每次最多 ${MAX_STATEMENTS_PER_REQUEST} 条`);
    const statements = raws.map((raw, i) =>
      parseStatement(raw, this.config.publicBaseUrl, batch ? `[${i}].` : '', caller.launch ? { lessonId: caller.launch.lessonId } : {}),
    );
    const at = (i: number, field: string) => `${batch ? `[${i}].` : ''}${field}`;

    const seen = new Set<string>();
    statements.forEach((s, i) => {
      if (s.id && seen.has(s.id)) throw CourseErrors.statementInvalid(at(i, 'id'), '同一批次中语句 ID 重复');
      if (s.id) seen.add(s.id);
    });
    const ids = statements.map((s) => s.id ?? randomUUID());
    // A content player's single statement (the hot path) goes in a group with others arriving meanwhile.
    if (!batch && caller.live && caller.keyId && !caller.launch && !statements[0].voidsId) {
      const refused = await this.groups.submit({ caller, statement: statements[0], id: ids[0] });
      if (refused) throw refused;
      return ids;
    }
    return this.storeAlone(caller, statements, ids, at);
  }

  /** One request's statements in a transaction of their own (all or nothing). */
  private async storeAlone(
    caller: Intake,
    statements: ParsedStatement[],
    ids: string[],
    at: (i: number, field: string) => string,
  ): Promise<string[]> {
    // A deadlock between two batches (or a batch and a single statement) rolls one back: it is tried once more.
    for (let attempt = 1; ; attempt++) {
      try {
        await this.dataSource.transaction((manager) => this.store(manager, caller, statements, ids, at));
        return ids;
      } catch (error) {
        if (attempt >= 2 || (error as { code?: string }).code !== DEADLOCK_DETECTED) throw error;
      }
    }
  }

  /**
   * A group of two or more in one transaction: each statement is answered on its own — refused
   * ones (before anything of them is written) with their error, the others stored. When the
   * transaction fails as a whole (a deadlock, a revoked key, a database error) GroupCommit
   * stores each on its own.
   */
  private async storeGroup(group: Pending[]): Promise<(DomainError | undefined)[]> {
    const errors = new Map<number, DomainError>();
    await this.dataSource.transaction((manager) =>
      this.store(
        manager,
        group[0].caller,
        group.map((g) => g.statement),
        group.map((g) => g.id),
        single,
        (i, error) => errors.set(i, error),
      ),
    );
    return group.map((_, i) => errors.get(i));
  }

  /**
   * One transaction, as few round trips as the rules allow: the statements are resolved (key not
   * revoked, lesson, trainee, enrolment — and for a single statement its enrolment locked) in one
   * query, each is then stored and credited in one statement (writeXapiStatement), and the completion
   * rule runs only when a lesson's time has just reached its requirement.
   */
  private async store(
    manager: EntityManager,
    caller: Intake,
    statements: ParsedStatement[],
    ids: string[],
    at: (i: number, field: string) => string,
    collect?: (i: number, error: DomainError) => void,
  ): Promise<void> {
    // Grouped statements (`collect`): a statement refused before anything of it is written is
    // reported and skipped, the others go on; otherwise the first refusal throws.
    const failed = new Set<number>();
    const fail = (i: number, error: DomainError) => {
      if (!collect) throw error;
      failed.add(i);
      collect(i, error);
    };
    // The transaction's own connection, for named (once-planned) statements on the hot path.
    const client = (await (manager.queryRunner as PostgresQueryRunner).connect()) as PoolClient;
    const named = async <P extends readonly unknown[], R>(query: SqlQuery<P, R>, values: P): Promise<R[]> =>
      (await client.query({ name: query.name, text: query.text, values: values as unknown as unknown[] })).rows as R[];
    const targets = await this.voidTargetsOf(manager, statements);
    const lessonIdOf = (i: number) => statements[i].lessonId ?? targets.get(statements[i].voidsId!)?.lesson_id ?? null;
    // One statement (the content player's usual request): its enrolment is locked by the resolving query itself.
    const lockInResolve = statements.length === 1 && !statements[0].voidsId;
    const resolved = await named(lockInResolve ? resolveXapiStatementLocked : resolveXapiStatements, [
      caller.keyId,
      statements.map((_, i) => lessonIdOf(i)),
      statements.map((s) => s.username),
    ]);
    // The key pair may have been revoked since this process cached it: refused at once.
    if (caller.keyId && !resolved[0]?.key_live) {
      this.keys.forget(caller.keyId);
      throw CourseErrors.apiKeyInvalid();
    }
    const enrollmentOf = new Map<number, string>();
    const occurredAt = new Map<number, Date>();
    const checkedAt = this.clock.now();
    const oldest = checkedAt.getTime() - this.config.xapiMaxStatementAgeDays * 86_400_000;
    for (const [i, s] of statements.entries()) {
      try {
        await this.checkResolved(caller, s, resolved[i], targets, (field) => at(i, field), checkedAt, oldest);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        fail(i, error);
        continue;
      }
      enrollmentOf.set(i, s.voidsId ? targets.get(s.voidsId)!.enrollment_id : resolved[i].enrollment_id!);
      occurredAt.set(i, s.timestamp ?? checkedAt);
    }

    const authority = {
      objectType: 'Agent',
      account: { homePage: this.config.publicBaseUrl, name: caller.keyId ? `xapi-key/${caller.keyId}` : `org-admin/${caller.confirmedBy}` },
    };
    const now = this.clock.now();
    // Lock every enrolment involved in one sorted pass, so concurrent batches cannot deadlock.
    if (!lockInResolve) await runQuery(manager, lockXapiEnrollments, [[...new Set(enrollmentOf.values())]]);
    const storedOf = (i: number) => ({
      ...statements[i].raw,
      id: ids[i],
      timestamp: statements[i].timestamp ? statements[i].raw.timestamp : now.toISOString(),
      stored: now.toISOString(),
      authority,
      version: typeof statements[i].raw.version === 'string' ? statements[i].raw.version : '1.0.0',
    });
    const creditOf = (i: number) =>
      CREDITING_VERBS.has(statements[i].verb) ? Math.min(statements[i].durationSeconds ?? 0, resolved[i].minutes! * 60) : 0;
    const written = await this.writeAtOnce(caller, statements, ids, failed, enrollmentOf, resolved, storedOf, creditOf, now, named);
    for (const [i, s] of statements.entries()) {
      if (failed.has(i)) continue;
      const lesson = resolved[i];
      const lessonId = lesson.lesson_id!;
      const enrollmentId = enrollmentOf.get(i)!;
      const stored = storedOf(i);
      const row = {
        id: ids[i],
        enrollmentId,
        lessonId,
        s,
        stored,
        now,
        keyId: caller.keyId,
        confirmedBy: caller.confirmedBy,
        launchId: caller.launch?.id ?? null,
      };
      if (s.voidsId) {
        await this.storeVoiding(manager, row, at(i, 'id'));
        continue;
      }
      let credited = creditOf(i);
      // A cmi5 launch is its own window, opened when the LMS launched the AU; a key pair's window is its registration (writeXapiStatement).
      if (caller.launch) credited = await this.capByLaunch(manager, caller.launch, s, credited, now, at(i, 'result.duration'));
      const [w] = written.has(i)
        ? [written.get(i)!]
        : await named(writeXapiStatement, [
            ids[i],
            enrollmentId,
            lessonId,
            caller.keyId,
            caller.confirmedBy,
            s.verb,
            s.durationSeconds,
            credited,
            s.contentHash,
            s.timestamp,
            now,
            s.registration,
            stored,
            caller.launch?.id ?? null,
            caller.live && !caller.launch,
            requiredSecondsOf(lesson.minutes!, lesson.completion_share!),
            XAPI_DURATION_TOLERANCE_SECONDS,
          ]);
      // Refused or a conflicting id: nothing of the statement was written.
      if (w.refused) {
        fail(i, CourseErrors.durationBeyondObserved(at(i, 'result.duration'), w.observed));
        continue;
      }
      if (!w.inserted) {
        // Seen before (or just now by a concurrent request, which the snapshot of writeXapiStatement cannot show).
        const hash = w.prior_hash ?? (await named(xapiStatementHash, [ids[i]]))[0]?.content_hash;
        if (hash !== s.contentHash) fail(i, CourseErrors.statementConflict(at(i, 'id')));
        continue; // the same statement again: already counted
      }
      // A cmi5 lesson completes by its AUs' moveOn (Cmi5Service); others when the time share is reached.
      if (caller.launch) await this.cmi5.afterAuStatement(manager, caller.launch, s.verb, now);
      // Completed when the statement says the learning happened, not when it reached us.
      else if (w.completed_at === null && w.active_seconds! >= w.required_seconds!) {
        await this.completion.completeLessonIfDue(manager, enrollmentId, lessonId, occurredAt.get(i)!, 'xapi');
      }
    }
  }

  /**
   * A group's statements written in one round trip (writeXapiStatements), by index: those of a
   * key pair (no cmi5 launch, no voiding), each the first of its id and of its (enrolment,
   * lesson), so that none of them waits for another's window or progress. The others are left
   * to the caller, one by one in order, after these.
   */
  private async writeAtOnce(
    caller: Intake,
    statements: ParsedStatement[],
    ids: string[],
    failed: Set<number>,
    enrollmentOf: Map<number, string>,
    resolved: XapiResolvedRow[],
    storedOf: (i: number) => object,
    creditOf: (i: number) => number,
    now: Date,
    named: <P extends readonly unknown[], R>(query: SqlQuery<P, R>, values: P) => Promise<R[]>,
  ): Promise<Map<number, XapiWriteRow>> {
    const written = new Map<number, XapiWriteRow>();
    if (statements.length < 2 || caller.launch) return written;
    const seen = new Set<string>();
    const chosen: number[] = [];
    for (const [i, s] of statements.entries()) {
      if (failed.has(i)) continue;
      // A statement left to the loop (a voiding one, or a second of its id or place) keeps every later one of its place after it.
      const place = `${enrollmentOf.get(i)}/${resolved[i].lesson_id}`;
      if (!s.voidsId && !seen.has(place) && !seen.has(ids[i])) chosen.push(i);
      seen.add(place).add(ids[i]);
    }
    if (chosen.length < 2) return written;
    const rows = await named(writeXapiStatements, [
      chosen.map((i) => ids[i]),
      chosen.map((i) => enrollmentOf.get(i)!),
      chosen.map((i) => resolved[i].lesson_id!),
      chosen.map((i) => statements[i].verb),
      chosen.map((i) => statements[i].durationSeconds),
      chosen.map(creditOf),
      chosen.map((i) => statements[i].contentHash),
      chosen.map((i) => statements[i].timestamp),
      chosen.map((i) => statements[i].registration),
      chosen.map((i) => JSON.stringify(storedOf(i))),
      chosen.map((i) => requiredSecondsOf(resolved[i].minutes!, resolved[i].completion_share!)),
      caller.keyId,
      caller.confirmedBy,
      now,
      caller.live,
      XAPI_DURATION_TOLERANCE_SECONDS,
    ]);
    for (const row of rows) written.set(chosen[row.n - 1], row);
    return written;
  }

  /** The checks of one resolved statement before anything is written: throws the DomainError naming the field. */
  private async checkResolved(
    caller: Intake,
    s: ParsedStatement,
    r: XapiResolvedRow,
    targets: Map<string, { enrollment_id: string; lesson_id: string; verb: string }>,
    at: (field: string) => string,
    checkedAt: Date,
    oldest: number,
  ): Promise<void> {
    if (s.voidsId) {
      const target = targets.get(s.voidsId);
      if (!target || !r.lesson_id || r.organization_id !== caller.organizationId)
        throw CourseErrors.statementInvalid(at('object.id'), '被作废的语句不存在');
      if (target.verb === 'voided') throw CourseErrors.statementInvalid(at('object.id'), '不能作废一条作废语句');
      // A launched AU speaks for its own learner only.
      if (caller.launch && target.enrollment_id !== caller.launch.enrollmentId)
        throw CourseErrors.statementInvalid(at('object.id'), '被作废的语句不存在');
      return;
    }
    if (!r.lesson_id || r.organization_id !== caller.organizationId)
      throw CourseErrors.statementInvalid(at('object.id'), '不是本机构的课时');
    if (r.type === 'live_session') throw CourseErrors.statementInvalid(at('object.id'), '面授课时由考勤记录，不接受 xAPI');
    if (caller.launch) await this.checkLaunched(caller.launch, s, (field) => at(field));
    else if (r.type === 'cmi5') throw CourseErrors.statementInvalid(at('object.id'), 'cmi5 课时只接受由平台启动的课件发送的语句');
    else if (r.type === 'scorm') throw CourseErrors.statementInvalid(at('object.id'), 'SCORM 课时由课件运行时记录，不接受 xAPI');
    if (!r.trainee_id) throw CourseErrors.statementInvalid(at('actor.account.name'), '没有该用户名的学员');
    if (!r.enrollment_id) throw CourseErrors.statementInvalid(at('actor.account.name'), '该学员未报名此课时所属的课程');
    if (s.timestamp) {
      const t = s.timestamp.getTime();
      if (t > checkedAt.getTime() + CLOCK_SKEW_MS) throw CourseErrors.statementInvalid(at('timestamp'), '不能晚于当前时间');
      if (t < new Date(r.enrolled_at!).getTime()) throw CourseErrors.statementInvalid(at('timestamp'), '不能早于学员报名本课程的时间');
      if (t < oldest && !caller.confirmedBy) throw CourseErrors.statementTooOld(at('timestamp'), this.config.xapiMaxStatementAgeDays);
    }
  }

  /** A `voided` statement: stored, and the statement it voids no longer counts (its credited time is taken back; a completion already recorded stays). */
  private async storeVoiding(
    manager: EntityManager,
    r: {
      id: string;
      enrollmentId: string;
      lessonId: string;
      s: ParsedStatement;
      stored: object;
      now: Date;
      keyId: string | null;
      confirmedBy: string | null;
      launchId: string | null;
    },
    idField: string,
  ): Promise<void> {
    const inserted = await runQuery(manager, insertVoidingStatement, [
      r.id,
      r.enrollmentId,
      r.lessonId,
      r.keyId,
      r.confirmedBy,
      r.s.verb,
      r.s.durationSeconds,
      r.s.contentHash,
      r.s.timestamp,
      r.now,
      r.s.registration,
      r.stored,
      r.launchId,
    ]);
    if (!inserted.length) {
      const [existing] = await runQuery(manager, xapiStatementHash, [r.id]);
      if (existing.content_hash !== r.s.contentHash) throw CourseErrors.statementConflict(idField);
      return;
    }
    const [voided] = await runQuery(manager, voidXapiStatement, [r.id, r.s.voidsId!]);
    if (voided?.credited_seconds) {
      await runQuery(manager, takeBackXapiCredit, [r.enrollmentId, r.lessonId, voided.credited_seconds, r.now]);
    }
  }

  /**
   * A cmi5 AU's duration against the server's time since its launch: longer (plus a little timer
   * jitter) is refused, and no more than the launch's uncredited seconds are credited. The
   * enrolment row is locked by the caller.
   */
  private async capByLaunch(
    manager: EntityManager,
    launch: LaunchCaller,
    s: ParsedStatement,
    credited: number,
    now: Date,
    field: string,
  ): Promise<number> {
    const [window] = await runQuery(manager, cmi5LaunchCreditedQuery, [launch.id]);
    const observed = Math.max(0, Math.floor((now.getTime() - new Date(launch.launchedAt).getTime()) / 1000));
    if (s.durationSeconds !== null && s.durationSeconds > observed + XAPI_DURATION_TOLERANCE_SECONDS)
      throw CourseErrors.durationBeyondObserved(field, observed);
    return Math.min(credited, Math.max(0, observed - Number(window.credited ?? 0)));
  }

  /** cmi5 rules for an AU's statement: its learner, its registration, not after `terminated`, passed/failed against masteryScore. */
  private async checkLaunched(launch: LaunchCaller, s: ParsedStatement, at: (field: string) => string): Promise<void> {
    if (s.username !== launch.username.toLowerCase())
      throw CourseErrors.statementInvalid(at('actor.account.name'), '与本次启动的学员不一致');
    if (s.registration !== launch.registration)
      throw CourseErrors.statementInvalid(at('context.registration'), '必须是本次启动的 registration');
    if (launch.terminatedAt) throw CourseErrors.statementInvalid(at('verb.id'), '本次启动已结束（已发送 terminated），请重新启动课件');
    if (s.verb !== 'passed' && s.verb !== 'failed') return;
    const { au } = await this.cmi5.auOf(launch);
    if (au.masteryScore === null) return;
    const score = (s.raw.result as { score?: { scaled?: unknown } } | undefined)?.score?.scaled;
    if (s.verb === 'passed' && (typeof score !== 'number' || score < au.masteryScore)) {
      throw CourseErrors.statementInvalid(at('result.score.scaled'), `passed 须带 score.scaled 且不低于掌握分数 ${au.masteryScore}`);
    }
    if (s.verb === 'failed' && typeof score === 'number' && score >= au.masteryScore) {
      throw CourseErrors.statementInvalid(at('result.score.scaled'), `failed 的 score.scaled 须低于掌握分数 ${au.masteryScore}`);
    }
  }

  /** The stored statements that `voided` statements of the batch void. */
  private async voidTargetsOf(
    manager: EntityManager,
    statements: ParsedStatement[],
  ): Promise<Map<string, { enrollment_id: string; lesson_id: string; verb: string }>> {
    const ids = statements.map((s) => s.voidsId).filter((id): id is string => !!id);
    if (!ids.length) return new Map();
    const rows = await runQuery(manager, xapiVoidTargetsQuery, [ids]);
    return new Map(rows.map((r) => [r.id, r]));
  }
}
