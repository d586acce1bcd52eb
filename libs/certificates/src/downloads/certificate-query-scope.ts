import type { Actor } from '@cqo/core';
import { ScopePolicy } from '@cqo/core';

/**
 * The WHERE clause that limits a query over `certificates c JOIN regions r ON r.id = c.region_id`
 * to what the actor may see (ScopePolicy). Every list and export goes through it.
 */
export function scopeClause(actor: Actor): { sql: string; params: Record<string, unknown> } {
  return (
    ScopePolicy.whereNamed(actor, { trainee: 'c.trainee_id', organization: 'c.organization_id', regionPath: 'r.path' }) ?? {
      sql: 'FALSE',
      params: {},
    }
  );
}
