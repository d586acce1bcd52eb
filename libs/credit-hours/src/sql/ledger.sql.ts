import { defineQuery } from '@cqo/core';
import type { CreditCategory, CreditKind, CreditSource } from '../credit-entry.entity';

// SQL of the ledger's writer (LedgerService). Tables: credit_entries, credit_accrual_keys (credit-hours).

export const ensurePartition = defineQuery<[year: number], { created: boolean }>(
  'creditHours.ledger.ensurePartition',
  'SELECT credit_entries_ensure_partition($1) AS created',
);

/** The key and the entry in one statement: a key already taken (by any year) writes neither. */
export const appendEntry = defineQuery<
  [
    traineeId: string,
    category: CreditCategory,
    kind: CreditKind,
    hours: string,
    year: number,
    occurredAt: Date,
    source: CreditSource,
    courseId: string | null,
    courseVersionId: string | null,
    enrollmentId: string | null,
    evidenceRef: string | null,
    accrualKey: string | null,
    reason: string | null,
    recordedBy: string | null,
  ],
  { id: string }
>(
  'creditHours.ledger.append',
  `WITH key AS (
         INSERT INTO credit_accrual_keys (accrual_key, entry_id, year)
         SELECT $12::text, gen_random_uuid(), $5 WHERE $12::text IS NOT NULL
         ON CONFLICT (accrual_key) DO NOTHING
         RETURNING entry_id
       )
       INSERT INTO credit_entries
         (id, trainee_id, category, kind, hours, year, occurred_at, source, course_id, course_version_id,
          enrollment_id, evidence_ref, accrual_key, reason, recorded_by)
       SELECT COALESCE((SELECT entry_id FROM key), gen_random_uuid()), $1, $2, $3, $4::numeric, $5, $6, $7, $8, $9,
              $10, $11, $12, $13, $14
        WHERE $12::text IS NULL OR EXISTS (SELECT 1 FROM key)
       RETURNING id`,
);

export const entryOfAccrualKey = defineQuery<[accrualKey: string | null | undefined], { id: string; year: number }>(
  'creditHours.ledger.entryOfAccrualKey',
  'SELECT entry_id AS id, year FROM credit_accrual_keys WHERE accrual_key = $1',
);

export const entryToReverse = defineQuery<
  [entryId: string],
  { trainee_id: string; category: CreditCategory; kind: CreditKind; hours: string; year: number; source: CreditSource; reversed: boolean }
>(
  'creditHours.ledger.entryToReverse',
  `SELECT e.trainee_id, e.category, e.kind, e.hours, e.year, e.source,
                EXISTS (SELECT 1 FROM credit_entries r WHERE r.reverses_entry_id = e.id AND r.year = e.year) AS reversed
           FROM credit_entries e WHERE e.id = $1 FOR SHARE`,
);

export const appendReversal = defineQuery<
  [entryId: string, reason: string, recordedBy: string | null, year: number],
  { id: string; occurred_at: Date }
>(
  'creditHours.ledger.appendReversal',
  `INSERT INTO credit_entries
         (trainee_id, category, kind, hours, year, occurred_at, source, course_id, course_version_id,
          enrollment_id, evidence_ref, reverses_entry_id, reason, recorded_by)
       SELECT trainee_id, category, kind, -hours, year, occurred_at, 'reversal', course_id, course_version_id,
              enrollment_id, 'reversal:' || id, id, $2, $3
         FROM credit_entries WHERE id = $1 AND year = $4
       ON CONFLICT (reverses_entry_id, year) DO NOTHING
       RETURNING id, occurred_at`,
);
