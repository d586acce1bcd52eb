import { Injectable, Logger } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { CourseCompletedEvent, DomainError, FieldIssue, isPositiveHours, normalizeHours, runQuery } from '@cqo/core';
import * as sql from './sql/accrual.sql';
import { CreditHoursErrors } from './credit-hours.errors';
import { LedgerService } from './ledger.service';

function isForeignKeyViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  return (e?.code ?? e?.driverError?.code) === '23503' && (e?.constraint ?? e?.driverError?.constraint) === constraint;
}

/** The accrual key of a completion: one enrolment's completion accrues once, whoever delivers it. */
export function completionAccrualKey(enrollmentId: string): string {
  return `completion:${enrollmentId}`;
}

const RECONCILE_CURSOR = 'course.completed';
const RECONCILE_BATCH = 500;
/**
 * Outbox ids are taken at insert but become visible at commit, so a younger id can be seen
 * before an older one. The watermark only moves past events older than this, by which time
 * every transaction that took a smaller id has long committed or rolled back.
 */
const RECONCILE_SETTLE_SECONDS = 300;

export interface ReconcileResult {
  scanned: number;
  accrued: number;
  /** Failed now, retried at the next pass (they hold the watermark). */
  failed: number;
  /** Malformed for good (logged, passed over). */
  skipped: number;
  cursor: string;
}

/** Turns course completions into ledger entries, exactly once per completion. */
@Injectable()
export class AccrualService {
  private readonly logger = new Logger(AccrualService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
  ) {}

  /**
   * Checks a `course.completed` payload (it crosses a process boundary) and normalizes it:
   * hours to their shortest decimal text, category-2 courses to continuing.
   */
  validateCompletion(value: unknown): CourseCompletedEvent {
    const e = (value ?? {}) as Record<string, unknown>;
    const issues: FieldIssue[] = [];
    for (const field of ['enrollmentId', 'traineeId', 'courseId', 'courseVersionId', 'organizationId'] as const) {
      if (!isUUID(e[field])) issues.push({ field, message: '必须是有效的 ID' });
    }
    if (e.category !== 1 && e.category !== 2) issues.push({ field: 'category', message: '必须是 1 或 2' });
    if (e.kind !== 'appointment' && e.kind !== 'continuing') issues.push({ field: 'kind', message: '必须是 appointment 或 continuing' });
    if (typeof e.creditHours !== 'string' || !isPositiveHours(e.creditHours)) {
      issues.push({ field: 'creditHours', message: '必须是正的小数文本（最多两位小数）' });
    }
    const completedAt = typeof e.completedAt === 'string' ? new Date(e.completedAt) : null;
    if (!completedAt || Number.isNaN(completedAt.getTime())) issues.push({ field: 'completedAt', message: '必须是 ISO 8601 时间' });
    if (issues.length > 0) throw CreditHoursErrors.invalidCompletion(issues);
    const event = e as unknown as CourseCompletedEvent;
    return {
      ...event,
      kind: event.category === 2 ? 'continuing' : event.kind,
      creditHours: normalizeHours(event.creditHours),
    };
  }

  /**
   * Writes the ledger entry of one completion. The course's declared hours are accrued, never
   * more; the accrual key on the enrolment makes retries, duplicate deliveries and the
   * reconciliation job harmless. Entry and `credit.accrued` event commit together or not at all.
   */
  async accrueCompletion(eventId: string | null, payload: unknown): Promise<{ entryId: string; created: boolean; year: number }> {
    const event = this.validateCompletion(payload);
    return this.dataSource.transaction((manager) =>
      this.ledger
        .append(manager, {
          traineeId: event.traineeId,
          category: event.category,
          kind: event.kind,
          hours: event.creditHours,
          occurredAt: new Date(event.completedAt),
          source: 'course_completion',
          courseId: event.courseId,
          courseVersionId: event.courseVersionId,
          enrollmentId: event.enrollmentId,
          evidenceRef: eventId ? `outbox:${eventId}` : `enrollment:${event.enrollmentId}`,
          accrualKey: completionAccrualKey(event.enrollmentId),
        })
        .catch((error: unknown) => {
          // A completion for a user who is not there can never be accrued: a permanent failure, not a retry.
          if (isForeignKeyViolation(error, 'fk_credit_entries_trainee')) {
            throw CreditHoursErrors.invalidCompletion([{ field: 'traineeId', message: '学员不存在' }]);
          }
          throw error;
        }),
    );
  }

  /**
   * Finds `course.completed` events without a ledger entry and accrues them, so a completion is
   * never lost (Redis down, a job dropped, a worker killed mid-job). Every completion writes its
   * event in the same transaction, so the outbox is the complete list of completions. A watermark
   * keeps each pass to the events not yet known to be accrued.
   */
  async reconcile(): Promise<ReconcileResult> {
    await runQuery(this.dataSource, sql.ensureCursor, [RECONCILE_CURSOR]);
    const [{ position }] = await runQuery(this.dataSource, sql.cursorPosition, [RECONCILE_CURSOR]);
    let cursor = position;
    let scanned = 0;
    let accrued = 0;
    let failed = 0;
    let skipped = 0;
    // The watermark may advance over every settled event up to the first one that still lacks an entry.
    let watermark = position;
    let blocked = false;
    for (;;) {
      const events = await runQuery(this.dataSource, sql.completionsAfter, [cursor, RECONCILE_BATCH, RECONCILE_SETTLE_SECONDS]);
      for (const event of events) {
        scanned += 1;
        let ok = event.has_entry;
        if (!ok) {
          try {
            const result = await this.accrueCompletion(event.id, event.payload);
            if (result.created) accrued += 1;
            ok = true;
          } catch (error) {
            if (error instanceof DomainError && error.kind === 'invalid') {
              // Malformed for good: logged once here and passed over, so it never holds the watermark back.
              skipped += 1;
              ok = true;
              this.logger.error(
                { eventId: event.id, code: error.code, details: error.details },
                'course.completed event cannot be accrued',
              );
            } else {
              failed += 1;
              this.logger.warn({ eventId: event.id, err: error }, 'reconciliation could not accrue a completion, will retry');
            }
          }
        }
        if (!blocked && ok && event.settled) watermark = event.id;
        else blocked = true;
        cursor = event.id;
      }
      if (events.length < RECONCILE_BATCH) break;
    }
    const moved = watermark !== position;
    if (moved) {
      await runQuery(this.dataSource, sql.advanceCursor, [RECONCILE_CURSOR, watermark]);
    }
    return { scanned, accrued, failed, skipped, cursor: watermark };
  }

  /**
   * The last `course.completed` outbox event known to be accrued (the reconciliation's
   * watermark): events up to it may be pruned, later ones are still the list of completions.
   */
  async reconciledUpTo(): Promise<string> {
    const rows = await runQuery(this.dataSource, sql.cursorPosition, [RECONCILE_CURSOR]);
    return rows[0]?.position ?? '0';
  }

  /** Makes the ledger's partitions of the given years (the daily job: this year and next, CST). */
  async ensurePartitions(years: number[]): Promise<number[]> {
    const created: number[] = [];
    for (const year of years) {
      const [{ made }] = await runQuery(this.dataSource, sql.ensureYearPartition, [year]);
      if (made) created.push(year);
    }
    return created;
  }
}
