import { Actor, Role } from '@cqo/core';

/**
 * The WHERE clause that limits a query over `certificates c JOIN regions r ON r.id = c.region_id`
 * to what the actor may see. Every list and export goes through it.
 */
export function scopeClause(actor: Actor): { sql: string; params: Record<string, unknown> } {
  switch (actor.role) {
    case Role.PlatformAdmin:
      return { sql: 'TRUE', params: {} };
    case Role.Trainee:
      return { sql: 'c.trainee_id = :scopeUserId', params: { scopeUserId: actor.userId } };
    case Role.OrgAdmin:
      return { sql: 'c.organization_id = :scopeOrganizationId', params: { scopeOrganizationId: actor.organizationId } };
    case Role.Regulator:
      return { sql: "(r.path = :scopePath OR r.path LIKE :scopePath || '/%')", params: { scopePath: actor.regionPath } };
    default:
      return { sql: 'FALSE', params: {} };
  }
}
