import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { chinaYearOf, OutboxWriter } from '@cqo/core';
import { CreditCategory, CreditKind, CreditSource } from './credit-entry.entity';
import { CreditHoursErrors } from './credit-hours.errors';
import { normalizeHours } from './decimal-hours';

/** A positive entry to append. Reversals are written by {@link LedgerService.reverse} only. */
export interface NewCreditEntry {
  traineeId: string;
  category: CreditCategory;
  kind: CreditKind;
  /** Positive exact decimal text, e.g. "2.5". */
  hours: string;
  occurredAt: Date;
  source: Exclude<CreditSource, 'reversal'>;
  courseId?: string | null;
  courseVersionId?: string | null;
  enrollmentId?: string | null;
  evidenceRef?: string | null;
  /** Same key, same accrual: a second append with it writes nothing. */
  accrualKey?: string | null;
  reason?: string | null;
  recordedBy?: string | null;
}

export interface AppendResult {
  /** The entry written, or the one already holding the accrual key. */
  entryId: string;
  /** False when the accrual key was already used (a duplicate delivery). */
  created: boolean;
  year: number;
}

/**
 * The only writer of the ledger. Every entry it writes is announced with a `credit.accrued`
 * outbox event in the same transaction, which recomputes the trainee's compliance status and
 * lets certificates react. Callers pass their transaction's manager.
 */
@Injectable()
export class LedgerService {
  constructor(private readonly outbox: OutboxWriter) {}

  async append(manager: EntityManager, entry: NewCreditEntry): Promise<AppendResult> {
    // Category-2 courses are continuing education (DOMAIN.md): never ledger them as appointment hours.
    const kind: CreditKind = entry.category === 2 ? 'continuing' : entry.kind;
    const year = chinaYearOf(entry.occurredAt);
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO credit_entries
         (trainee_id, category, kind, hours, year, occurred_at, source, course_id, course_version_id,
          enrollment_id, evidence_ref, accrual_key, reason, recorded_by)
       VALUES ($1, $2, $3, $4::numeric, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (accrual_key) DO NOTHING
       RETURNING id`,
      [
        entry.traineeId,
        entry.category,
        kind,
        entry.hours,
        year,
        entry.occurredAt,
        entry.source,
        entry.courseId ?? null,
        entry.courseVersionId ?? null,
        entry.enrollmentId ?? null,
        entry.evidenceRef ?? null,
        entry.accrualKey ?? null,
        entry.reason ?? null,
        entry.recordedBy ?? null,
      ],
    );
    if (inserted.length === 0) {
      const existing: { id: string; year: number }[] = await manager.query('SELECT id, year FROM credit_entries WHERE accrual_key = $1', [
        entry.accrualKey,
      ]);
      return { entryId: existing[0].id, created: false, year: existing[0].year };
    }
    const entryId = inserted[0].id;
    await this.outbox.record(manager, 'credit.accrued', {
      entryId,
      traineeId: entry.traineeId,
      year,
      source: entry.source,
      category: entry.category,
      kind,
      hours: entry.hours,
    });
    return { entryId, created: true, year };
  }

  /**
   * Cancels an entry by appending its negation (same trainee, year, category and kind). The
   * original stays as it was; the unique key on `reverses_entry_id` makes a second reversal fail.
   */
  async reverse(manager: EntityManager, entryId: string, by: { reason: string; recordedBy: string | null }): Promise<AppendResult> {
    const rows: { trainee_id: string; category: CreditCategory; kind: CreditKind; hours: string; year: number; source: CreditSource; reversed: boolean }[] =
      await manager.query(
        `SELECT e.trainee_id, e.category, e.kind, e.hours, e.year, e.source,
                EXISTS (SELECT 1 FROM credit_entries r WHERE r.reverses_entry_id = e.id) AS reversed
           FROM credit_entries e WHERE e.id = $1 FOR SHARE`,
        [entryId],
      );
    const original = rows[0];
    if (!original) throw CreditHoursErrors.entryNotFound();
    if (original.source === 'reversal') throw CreditHoursErrors.reversalNotReversible();
    if (original.reversed) throw CreditHoursErrors.entryAlreadyReversed();
    const inserted: { id: string; occurred_at: Date }[] = await manager.query(
      `INSERT INTO credit_entries
         (trainee_id, category, kind, hours, year, occurred_at, source, course_id, course_version_id,
          enrollment_id, evidence_ref, reverses_entry_id, reason, recorded_by)
       SELECT trainee_id, category, kind, -hours, year, occurred_at, 'reversal', course_id, course_version_id,
              enrollment_id, 'reversal:' || id, id, $2, $3
         FROM credit_entries WHERE id = $1
       ON CONFLICT (reverses_entry_id) DO NOTHING
       RETURNING id, occurred_at`,
      [entryId, by.reason, by.recordedBy],
    );
    if (inserted.length === 0) throw CreditHoursErrors.entryAlreadyReversed();
    await this.outbox.record(manager, 'credit.accrued', {
      entryId: inserted[0].id,
      traineeId: original.trainee_id,
      year: original.year,
      source: 'reversal',
      category: original.category,
      kind: original.kind,
      hours: normalizeHours(`-${original.hours}`),
    });
    return { entryId: inserted[0].id, created: true, year: original.year };
  }
}
