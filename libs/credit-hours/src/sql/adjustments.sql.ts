import type { Role } from '@cqo/core';
import { defineQuery, defineTemplate } from '@cqo/core';
import { PUBLIC_USER_NAMES } from '@cqo/identity';
import { PUBLIC_REGIONS } from '@cqo/organizations';
import { PUBLIC_TRAINEES } from '@cqo/trainees';
import type { CreditAuditAction } from '../credit-audit-log.entity';

// SQL of manual adjustments and their audit trail (AdjustmentsService). Tables: credit_entries,
// credit_audit_log (credit-hours); the actor's name and the trainee's region through the public
// views of identity, trainees and organizations. The scope depends on the actor's role: a
// template, its condition on `g.path` (the region of the trainee's enterprise).

export interface AuditRow {
  id: string;
  action: CreditAuditAction;
  actor_id: string;
  actor_name: string;
  actor_role: Role;
  trainee_id: string;
  entry_id: string;
  hours: string;
  year: number;
  reason: string;
  created_at: Date;
}

export const traineeOfEntry = defineQuery<[entryId: string], { trainee_id: string }>(
  'creditHours.adjustments.traineeOfEntry',
  'SELECT trainee_id FROM credit_entries WHERE id = $1',
);

const AUDIT_FROM = (scope: string) => `FROM credit_audit_log a
       JOIN credit_entries c ON c.id = a.entry_id
       JOIN ${PUBLIC_USER_NAMES} u ON u.id = a.actor_id
       JOIN ${PUBLIC_TRAINEES} p ON p.user_id = a.trainee_id
       LEFT JOIN ${PUBLIC_REGIONS} g ON g.id = p.enterprise_region_id
      WHERE ($1::uuid IS NULL OR a.trainee_id = $1) AND ${scope}`;

/** `$1` the trainee or null; `scope` a condition on `g.path` (TRUE for platform admins). */
export const countAuditLog = defineTemplate<'scope', { total: number }>(
  'creditHours.adjustments.countAuditLog',
  ['scope'],
  (f) => `SELECT count(*)::int AS total ${AUDIT_FROM(f.scope)}`,
);

/** As {@link countAuditLog}; `page` is `LIMIT $n OFFSET $m` after the scope's parameters. */
export const auditLogPage = defineTemplate<'scope' | 'page', AuditRow>(
  'creditHours.adjustments.auditLogPage',
  ['scope', 'page'],
  (f) => `SELECT a.*, u.display_name AS actor_name, c.hours, c.year ${AUDIT_FROM(f.scope)}
        ORDER BY a.created_at DESC, a.id ${f.page}`,
);

export const insertAudit = defineQuery<
  [
    actorId: string,
    actorRole: Role,
    action: CreditAuditAction,
    traineeId: string,
    entryId: string,
    entryYear: number,
    reason: string,
    createdAt: Date,
  ]
>(
  'creditHours.adjustments.insertAudit',
  `INSERT INTO credit_audit_log (actor_id, actor_role, action, trainee_id, entry_id, entry_year, reason, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
);
