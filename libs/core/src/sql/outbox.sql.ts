import { defineQuery } from '../database/sql-query';
import type { OutboxEventPayloads, OutboxEventType } from '../outbox/outbox-events';

// SQL of the transactional outbox: the writer (OutboxWriter), the worker's relay and pruner.
// Tables: outbox_events (core).

export const outboxInsert = defineQuery<[type: OutboxEventType, payloadJson: string], { id: string }>(
  'core.outbox.insert',
  'INSERT INTO outbox_events (type, payload) VALUES ($1, $2) RETURNING id',
);

/** Wakes the relays listening on the channel (outside any transaction). */
export const outboxNotify = defineQuery<[channel: string, payload: string]>('core.outbox.notify', 'SELECT pg_notify($1, $2)');

/** The next pending events, locked; another relay skips them. */
export const outboxClaimPending = defineQuery<
  [limit: number],
  { id: string; type: OutboxEventType; payload: OutboxEventPayloads[OutboxEventType] }
>(
  'core.outbox.claimPending',
  `SELECT id, type, payload FROM outbox_events
        WHERE relayed_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
);

export const outboxMarkRelayed = defineQuery<[ids: string[]]>(
  'core.outbox.markRelayed',
  'UPDATE outbox_events SET relayed_at = now(), relay_attempts = relay_attempts + 1 WHERE id = ANY($1)',
);

/**
 * One step of the prune: the next `$2` events after id `$1`; those relayed before `$3` are
 * deleted (a `course.completed` only up to id `$4`, what accrual has reconciled). Answers the
 * count deleted, the last id seen, how many were seen, and whether one created at or after the
 * cutoff was reached.
 */
export const outboxPruneStep = defineQuery<
  [after: string, batch: number, cutoff: Date, completionsUpTo: string],
  { deleted: number; last: string | null; seen: number; reached: boolean }
>(
  'core.outbox.pruneStep',
  `WITH w AS (
         SELECT id, type, created_at, relayed_at FROM outbox_events WHERE id > $1::bigint ORDER BY id LIMIT $2
       ), gone AS (
         DELETE FROM outbox_events o USING w
          WHERE o.id = w.id AND w.relayed_at < $3 AND (w.type <> 'course.completed' OR w.id <= $4::bigint)
         RETURNING o.id
       )
       SELECT (SELECT count(*) FROM gone)::int AS deleted,
              (SELECT max(id) FROM w)::text AS last,
              (SELECT count(*) FROM w)::int AS seen,
              coalesce((SELECT bool_or(created_at >= $3) FROM w), false) AS reached`,
);

/** The outbox statements, by use. */
export const outboxSql = {
  insert: outboxInsert,
  notify: outboxNotify,
  claimPending: outboxClaimPending,
  markRelayed: outboxMarkRelayed,
  pruneStep: outboxPruneStep,
};
