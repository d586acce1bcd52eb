import { defineQuery } from '@cqo/core';

// SQL of accrual's reconciliation (AccrualService). Tables: credit_ledger_cursors,
// credit_accrual_keys, credit_entries (credit-hours); outbox_events (core: the list of completions).

export const ensureCursor = defineQuery<[name: string]>(
  'creditHours.accrual.ensureCursor',
  `INSERT INTO credit_ledger_cursors (name, position) VALUES ($1, 0) ON CONFLICT (name) DO NOTHING`,
);

export const cursorPosition = defineQuery<[name: string], { position: string }>(
  'creditHours.accrual.cursorPosition',
  'SELECT position FROM credit_ledger_cursors WHERE name = $1',
);

/** The next `course.completed` events after the cursor, whether each has settled and has its entry. */
export const completionsAfter = defineQuery<
  [after: string, limit: number, settleSeconds: number],
  { id: string; payload: unknown; settled: boolean; has_entry: boolean }
>(
  'creditHours.accrual.completionsAfter',
  `SELECT o.id, o.payload,
                o.created_at < now() - make_interval(secs => $3) AS settled,
                EXISTS (SELECT 1 FROM credit_accrual_keys k WHERE k.accrual_key = 'completion:' || (o.payload->>'enrollmentId')) AS has_entry
           FROM outbox_events o
          WHERE o.id > $1 AND o.type = 'course.completed'
          ORDER BY o.id
          LIMIT $2`,
);

export const advanceCursor = defineQuery<[name: string, position: string]>(
  'creditHours.accrual.advanceCursor',
  'UPDATE credit_ledger_cursors SET position = $2, updated_at = now() WHERE name = $1 AND position < $2',
);

export const ensureYearPartition = defineQuery<[year: number], { made: boolean }>(
  'creditHours.accrual.ensureYearPartition',
  'SELECT credit_entries_ensure_partition($1) AS made',
);
