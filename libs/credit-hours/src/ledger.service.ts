import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { chinaYearOf, normalizeHours, OutboxWriter, runQuery } from '@cqo/core';
import * as sql from './sql/ledger.sql';
import { CreditCategory, CreditKind, CreditSource } from './credit-entry.entity';
import { CreditHoursErrors } from './credit-hours.errors';

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
  /** Years whose partition this process has seen (partitions are never dropped). */
  private readonly partitionYears = new Set<number>();

  constructor(private readonly outbox: OutboxWriter) {}

  /**
   * Makes sure the year's partition exists before its first entry (a back-dated adjustment, a
   * claim of an old year); the daily job makes the current and next year's ahead of time. An
   * entry of a year without one still lands, in the default partition.
   */
  async ensurePartition(manager: EntityManager, year: number): Promise<void> {
    if (this.partitionYears.has(year)) return;
    const [{ created }] = await runQuery(manager, sql.ensurePartition, [year]);
    // Made in this transaction: remembered once it is seen committed (a rollback would undo it).
    if (!created) this.partitionYears.add(year);
  }

  async append(manager: EntityManager, entry: NewCreditEntry): Promise<AppendResult> {
    // Category-2 courses are continuing education (DOMAIN.md): never ledger them as appointment hours.
    const kind: CreditKind = entry.category === 2 ? 'continuing' : entry.kind;
    const year = chinaYearOf(entry.occurredAt);
    await this.ensurePartition(manager, year);
    // The key and the entry in one statement: a key already taken (by any year) writes neither.
    const inserted = await runQuery(manager, sql.appendEntry, [
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
    ]);
    if (inserted.length === 0) {
      const existing = await runQuery(manager, sql.entryOfAccrualKey, [entry.accrualKey]);
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
    const rows = await runQuery(manager, sql.entryToReverse, [entryId]);
    const original = rows[0];
    if (!original) throw CreditHoursErrors.entryNotFound();
    if (original.source === 'reversal') throw CreditHoursErrors.reversalNotReversible();
    if (original.reversed) throw CreditHoursErrors.entryAlreadyReversed();
    const inserted = await runQuery(manager, sql.appendReversal, [entryId, by.reason, by.recordedBy, original.year]);
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
