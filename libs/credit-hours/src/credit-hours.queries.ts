import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, normalizeHours, Page, PageRequest, runPage, runQuery } from '@cqo/core';
import { CreditCategory, CreditKind, CreditSource } from './credit-entry.entity';
import { assertCanSee, traineeScope } from './credit-scope';
import { accruedHoursQuery, appointmentHoursTotalQuery, countEntries, EntryRow, entriesPage } from './sql/entries.sql';

/** Accrued hours of one (year, category, kind), reversals netted. */
export interface AccruedHours {
  year: number;
  category: CreditCategory;
  kind: CreditKind;
  /** Exact decimal text, e.g. "20.5". */
  hours: string;
}

export interface CreditEntryView {
  id: string;
  year: number;
  category: CreditCategory;
  kind: CreditKind;
  hours: string;
  source: CreditSource;
  occurredAt: Date;
  courseId: string | null;
  courseVersionId: string | null;
  enrollmentId: string | null;
  evidenceRef: string | null;
  reason: string | null;
  reversesEntryId: string | null;
  /** The reversal that cancelled this entry, if any. */
  reversedByEntryId: string | null;
  createdAt: Date;
}

export interface HoursSummary {
  traineeId: string;
  /** Appointment-training hours over all years (the 21-hour requirement is `once`). */
  appointmentHours: string;
  years: { year: number; totals: AccruedHours[] }[];
}

/**
 * Reads of the ledger. `accruedHours` and `appointmentHoursTotal` are the queries other libs
 * (certificates) build on; the actor-taking methods check scope first.
 */
@Injectable()
export class CreditHoursQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** A trainee's accrued hours by (year, category, kind), optionally narrowed. No scope check: for other libs. */
  async accruedHours(
    traineeId: string,
    filter: { year?: number; category?: CreditCategory; kind?: CreditKind } = {},
  ): Promise<AccruedHours[]> {
    const rows = await runQuery(this.dataSource, accruedHoursQuery, [
      traineeId,
      filter.year ?? null,
      filter.category ?? null,
      filter.kind ?? null,
    ]);
    return rows.map((r) => ({ year: r.year, category: r.category, kind: r.kind, hours: normalizeHours(r.hours) }));
  }

  /** A trainee's category-1 appointment-training hours over all years, e.g. "21". No scope check: for other libs. */
  async appointmentHoursTotal(traineeId: string): Promise<string> {
    const [row] = await runQuery(this.dataSource, appointmentHoursTotalQuery, [traineeId]);
    return normalizeHours(row.hours);
  }

  async summary(actor: Actor, traineeId: string): Promise<HoursSummary> {
    assertCanSee(actor, await traineeScope(this.dataSource, traineeId));
    const totals = await this.accruedHours(traineeId);
    const years = [...new Set(totals.map((t) => t.year))].map((year) => ({ year, totals: totals.filter((t) => t.year === year) }));
    return { traineeId, appointmentHours: await this.appointmentHoursTotal(traineeId), years };
  }

  /** The entries behind the totals, newest first. */
  async entries(actor: Actor, traineeId: string, filter: { year?: number }, page: PageRequest): Promise<Page<CreditEntryView>> {
    assertCanSee(actor, await traineeScope(this.dataSource, traineeId));
    return runPage(this.dataSource, { count: countEntries, rows: entriesPage }, [traineeId, filter.year ?? null], page, toEntryView);
  }
}

function toEntryView(r: EntryRow): CreditEntryView {
  return {
    id: r.id,
    year: r.year,
    category: r.category,
    kind: r.kind,
    hours: normalizeHours(r.hours),
    source: r.source,
    occurredAt: r.occurred_at,
    courseId: r.course_id,
    courseVersionId: r.course_version_id,
    enrollmentId: r.enrollment_id,
    evidenceRef: r.evidence_ref,
    reason: r.reason,
    reversesEntryId: r.reverses_entry_id,
    reversedByEntryId: r.reversed_by,
    createdAt: r.created_at,
  };
}
