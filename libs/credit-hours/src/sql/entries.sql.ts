import { defineQuery } from '@cqo/core';
import { PUBLIC_TRAINEES } from '@cqo/trainees';
import type { CreditCategory, CreditKind, CreditSource } from '../credit-entry.entity';

// SQL of the ledger's reads (CreditHoursQueries) and of a trainee's scope (credit-scope). Tables:
// credit_entries (credit-hours); trainees with their enterprise's region through trainees'
// public view.

/** A trainee's enterprise and its region's path; no row when there is no such trainee. */
export const traineeScopeQuery = defineQuery<[traineeId: string], { enterprise_id: string | null; path: string | null }>(
  'creditHours.entries.traineeScope',
  `SELECT p.enterprise_id, p.enterprise_region_path AS path FROM ${PUBLIC_TRAINEES} p WHERE p.user_id = $1`,
);

export const accruedHoursQuery = defineQuery<
  [traineeId: string, year: number | null, category: CreditCategory | null, kind: CreditKind | null],
  { year: number; category: CreditCategory; kind: CreditKind; hours: string }
>(
  'creditHours.entries.accruedHours',
  `SELECT year, category, kind, sum(hours)::text AS hours
         FROM credit_entries
        WHERE trainee_id = $1 AND ($2::int IS NULL OR year = $2) AND ($3::int IS NULL OR category = $3) AND ($4::text IS NULL OR kind = $4)
        GROUP BY year, category, kind
        ORDER BY year DESC, category, kind`,
);

export const appointmentHoursTotalQuery = defineQuery<[traineeId: string], { hours: string }>(
  'creditHours.entries.appointmentHoursTotal',
  `SELECT COALESCE(sum(hours), 0)::text AS hours FROM credit_entries WHERE trainee_id = $1 AND category = 1 AND kind = 'appointment'`,
);

export const countEntries = defineQuery<[traineeId: string, year: number | null], { total: number }>(
  'creditHours.entries.count',
  'SELECT count(*)::int AS total FROM credit_entries WHERE trainee_id = $1 AND ($2::int IS NULL OR year = $2)',
);

export interface EntryRow {
  id: string;
  year: number;
  category: CreditCategory;
  kind: CreditKind;
  hours: string;
  source: CreditSource;
  occurred_at: Date;
  course_id: string | null;
  course_version_id: string | null;
  enrollment_id: string | null;
  evidence_ref: string | null;
  reason: string | null;
  reverses_entry_id: string | null;
  reversed_by: string | null;
  created_at: Date;
}

/** A trainee's entries, newest first, each with the reversal that cancelled it. */
export const entriesPage = defineQuery<[traineeId: string, year: number | null, limit: number, offset: number], EntryRow>(
  'creditHours.entries.page',
  `SELECT e.*, r.id AS reversed_by
         FROM credit_entries e LEFT JOIN credit_entries r ON r.reverses_entry_id = e.id
        WHERE e.trainee_id = $1 AND ($2::int IS NULL OR e.year = $2)
        ORDER BY e.occurred_at DESC, e.created_at DESC, e.id
        LIMIT $3 OFFSET $4`,
);
