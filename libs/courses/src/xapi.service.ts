import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, APP_CONFIG, AppConfig, Clock, CommonErrors, Role } from '@cqo/core';
import { CourseCompletionService } from './course-completion.service';
import { requiredSecondsOf } from './course-rules';
import { CourseErrors } from './courses.errors';
import { parseStatement, ParsedStatement } from './xapi-statement';
import { XapiKeysService } from './xapi-keys.service';

export const MAX_STATEMENTS_PER_REQUEST = 100;

interface LessonRow {
  id: string;
  course_version_id: string;
  organization_id: string;
  type: string;
  minutes: number;
  completion_share: string;
}

/** Who hands statements in: an organization's API key, or its admin confirming old statements. */
interface Intake {
  organizationId: string;
  keyId: string | null;
  confirmedBy: string | null;
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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keys: XapiKeysService,
    private readonly completion: CourseCompletionService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Stores one statement or an array of them; returns their ids in order. */
  async receive(apiKey: string | undefined, body: unknown): Promise<string[]> {
    const caller = await this.keys.authenticate(apiKey);
    return this.intake({ organizationId: caller.organizationId, keyId: caller.keyId, confirmedBy: null }, body);
  }

  /** An org admin hands in (confirms) statements of its own organization's lessons, older ones included. */
  async receiveConfirmed(actor: Actor, body: unknown): Promise<string[]> {
    if (actor.role !== Role.OrgAdmin || !actor.organizationId) throw CommonErrors.outOfScope();
    return this.intake({ organizationId: actor.organizationId, keyId: null, confirmedBy: actor.userId }, body);
  }

  private async intake(caller: Intake, body: unknown): Promise<string[]> {
    const batch = Array.isArray(body);
    const raws = batch ? body : [body];
    if (!raws.length) throw CourseErrors.statementInvalid('statements', '不能为空');
    if (raws.length > MAX_STATEMENTS_PER_REQUEST) throw CourseErrors.statementInvalid('statements', `每次最多 ${MAX_STATEMENTS_PER_REQUEST} 条`);
    const statements = raws.map((raw, i) => parseStatement(raw, this.config.publicBaseUrl, batch ? `[${i}].` : ''));
    const at = (i: number, field: string) => `${batch ? `[${i}].` : ''}${field}`;

    const seen = new Set<string>();
    statements.forEach((s, i) => {
      if (s.id && seen.has(s.id)) throw CourseErrors.statementInvalid(at(i, 'id'), '同一批次中语句 ID 重复');
      if (s.id) seen.add(s.id);
    });
    const lessons = await this.lessonsOf(statements);
    const users = await this.traineesOf(statements);
    const enrollmentOf = new Map<number, string>();
    const occurredAt = new Map<number, Date>();
    const checkedAt = this.clock.now();
    const oldest = checkedAt.getTime() - this.config.xapiMaxStatementAgeDays * 86_400_000;
    for (const [i, s] of statements.entries()) {
      const lesson = lessons.get(s.lessonId);
      if (!lesson || lesson.organization_id !== caller.organizationId) throw CourseErrors.statementInvalid(at(i, 'object.id'), '不是本机构的课时');
      if (lesson.type === 'live_session') throw CourseErrors.statementInvalid(at(i, 'object.id'), '面授课时由考勤记录，不接受 xAPI');
      const traineeId = users.get(s.username);
      if (!traineeId) throw CourseErrors.statementInvalid(at(i, 'actor.account.name'), '没有该用户名的学员');
      const rows: { id: string; enrolled_at: Date }[] = await this.dataSource.query(
        `SELECT id, enrolled_at FROM enrollments WHERE trainee_id = $1 AND course_version_id = $2 AND status <> 'withdrawn'`,
        [traineeId, lesson.course_version_id],
      );
      if (!rows.length) throw CourseErrors.statementInvalid(at(i, 'actor.account.name'), '该学员未报名此课时所属的课程');
      enrollmentOf.set(i, rows[0].id);
      if (s.timestamp) {
        const t = s.timestamp.getTime();
        if (t > checkedAt.getTime() + CLOCK_SKEW_MS) throw CourseErrors.statementInvalid(at(i, 'timestamp'), '不能晚于当前时间');
        if (t < new Date(rows[0].enrolled_at).getTime()) throw CourseErrors.statementInvalid(at(i, 'timestamp'), '不能早于学员报名本课程的时间');
        if (t < oldest && !caller.confirmedBy) throw CourseErrors.statementTooOld(at(i, 'timestamp'), this.config.xapiMaxStatementAgeDays);
      }
      occurredAt.set(i, s.timestamp ?? checkedAt);
    }

    const ids = statements.map((s) => s.id ?? randomUUID());
    await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      // Lock every enrolment involved in one sorted pass, so concurrent batches cannot deadlock.
      await manager.query('SELECT id FROM enrollments WHERE id = ANY($1) ORDER BY id FOR UPDATE', [[...new Set(enrollmentOf.values())]]);
      for (const [i, s] of statements.entries()) {
        const lesson = lessons.get(s.lessonId)!;
        const enrollmentId = enrollmentOf.get(i)!;
        const credited = s.verb === 'failed' ? 0 : Math.min(s.durationSeconds ?? 0, lesson.minutes * 60);
        const inserted: unknown[] = await manager.query(
          `INSERT INTO xapi_statements (id, enrollment_id, lesson_id, api_key_id, confirmed_by, verb, reported_seconds, credited_seconds, content_hash, statement_timestamp, stored_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (id) DO NOTHING RETURNING id`,
          [ids[i], enrollmentId, lesson.id, caller.keyId, caller.confirmedBy, s.verb, s.durationSeconds, credited, s.contentHash, s.timestamp, now],
        );
        if (!inserted.length) {
          const [existing]: { content_hash: string }[] = await manager.query('SELECT content_hash FROM xapi_statements WHERE id = $1', [ids[i]]);
          if (existing.content_hash !== s.contentHash) throw CourseErrors.statementConflict(at(i, 'id'));
          continue; // the same statement again: already counted
        }
        await manager.query(
          `INSERT INTO lesson_progress (enrollment_id, lesson_id, active_seconds, required_seconds, updated_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (enrollment_id, lesson_id) DO UPDATE SET active_seconds = lesson_progress.active_seconds + EXCLUDED.active_seconds, updated_at = EXCLUDED.updated_at`,
          [enrollmentId, lesson.id, credited, requiredSecondsOf(lesson.minutes, lesson.completion_share), now],
        );
        // Completed when the statement says the learning happened, not when it reached us.
        await this.completion.completeLessonIfDue(manager, enrollmentId, lesson.id, occurredAt.get(i)!, 'xapi');
      }
    });
    return ids;
  }

  private async lessonsOf(statements: ParsedStatement[]): Promise<Map<string, LessonRow>> {
    const rows: LessonRow[] = await this.dataSource.query(
      `SELECT l.id, l.course_version_id, v.organization_id, l.type, l.minutes, v.completion_share
         FROM lessons l JOIN course_versions v ON v.id = l.course_version_id WHERE l.id = ANY($1::uuid[])`,
      [[...new Set(statements.map((s) => s.lessonId))]],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  private async traineesOf(statements: ParsedStatement[]): Promise<Map<string, string>> {
    const rows: { id: string; username: string }[] = await this.dataSource.query(
      `SELECT id, username FROM users WHERE username = ANY($1) AND role = 'trainee'`,
      [[...new Set(statements.map((s) => s.username))]],
    );
    return new Map(rows.map((r) => [r.username, r.id]));
  }
}
