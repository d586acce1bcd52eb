import type { Actor } from './actor';
import { regionContains, Role } from './actor';

/**
 * What an actor may see, decided once from the role: a trainee its own records, an org admin its
 * training organization's, an enterprise admin its enterprise's, a regulator everything in its
 * region's subtree (the province sees every city below it), a platform admin everything. An id
 * the token lacks (null) reaches nothing.
 */
export type Scope =
  | { kind: 'all' }
  | { kind: 'trainee'; userId: string }
  | { kind: 'organization'; organizationId: string | null }
  | { kind: 'enterprise'; enterpriseId: string | null }
  | { kind: 'region'; regionPath: string | null }
  | { kind: 'none' };

/**
 * What a thing is attached to, as far as scope goes. A field left out means the thing is not
 * anyone's of that kind: a certificate names no enterprise, so enterprise admins never see one.
 */
export interface ScopeSubject {
  traineeId?: string | null;
  organizationId?: string | null;
  enterpriseIds?: readonly (string | null)[];
  /** The region paths the thing lies in; a regulator sees it when one is inside its region. */
  regionPaths?: readonly (string | null)[];
}

/** The SQL expressions that hold each kind of owner in a query; a kind left out is not in scope. */
export interface ScopeColumns {
  trainee?: string;
  organization?: string;
  enterprise?: string;
  regionPath?: string;
}

/** SQL: the region path `column` is `path` or lies below it. `path` is an SQL expression: a parameter or a column. */
export function regionScopeSql(column: string, path: string): string {
  return `(${column} = ${path} OR ${column} LIKE ${path} || '/%')`;
}

/** As {@link regionScopeSql}, but a NULL `path` parameter (no region asked) selects every row. */
export function regionScopeOrAllSql(column: string, path: string): string {
  return `(${path}::text IS NULL OR ${column} = ${path} OR ${column} LIKE ${path} || '/%')`;
}

export const ScopePolicy = {
  of(actor: Actor): Scope {
    switch (actor.role) {
      case Role.PlatformAdmin:
        return { kind: 'all' };
      case Role.Trainee:
        return { kind: 'trainee', userId: actor.userId };
      case Role.OrgAdmin:
        return { kind: 'organization', organizationId: actor.organizationId };
      case Role.EnterpriseAdmin:
        return { kind: 'enterprise', enterpriseId: actor.enterpriseId };
      case Role.Regulator:
        return { kind: 'region', regionPath: actor.regionPath };
      default:
        return { kind: 'none' };
    }
  },

  /** Whether the thing is inside the actor's scope. */
  covers(actor: Actor, subject: ScopeSubject): boolean {
    const scope = ScopePolicy.of(actor);
    switch (scope.kind) {
      case 'all':
        return true;
      case 'trainee':
        return subject.traineeId !== undefined && subject.traineeId === scope.userId;
      case 'organization':
        return scope.organizationId !== null && subject.organizationId === scope.organizationId;
      case 'enterprise':
        return scope.enterpriseId !== null && (subject.enterpriseIds ?? []).includes(scope.enterpriseId);
      case 'region': {
        const path = scope.regionPath;
        return path !== null && (subject.regionPaths ?? []).some((p) => p !== null && regionContains(path, p));
      }
      default:
        return false;
    }
  },

  /**
   * The WHERE fragment that limits a query to the actor's scope, its parameters pushed onto
   * `params` as `$n`. `TRUE` for a platform admin, `FALSE` for a role whose id the token lacks,
   * null when `columns` has nothing for the role (the caller decides: usually 403).
   */
  where(actor: Actor, columns: ScopeColumns, params: unknown[]): string | null {
    return scopeSql(ScopePolicy.of(actor), columns, (value) => {
      params.push(value);
      return `$${params.length}`;
    });
  },

  /** {@link ScopePolicy.where} with TypeORM named parameters (`:scopeUserId`, …), for query builders. */
  whereNamed(actor: Actor, columns: ScopeColumns): { sql: string; params: Record<string, unknown> } | null {
    const params: Record<string, unknown> = {};
    const sql = scopeSql(ScopePolicy.of(actor), columns, (value, name) => {
      params[name] = value;
      return `:${name}`;
    });
    return sql === null ? null : { sql, params };
  },
};

function scopeSql(scope: Scope, columns: ScopeColumns, param: (value: string, name: string) => string): string | null {
  switch (scope.kind) {
    case 'all':
      return 'TRUE';
    case 'trainee':
      return columns.trainee ? `${columns.trainee} = ${param(scope.userId, 'scopeUserId')}` : null;
    case 'organization':
      if (!columns.organization) return null;
      return scope.organizationId === null ? 'FALSE' : `${columns.organization} = ${param(scope.organizationId, 'scopeOrganizationId')}`;
    case 'enterprise':
      if (!columns.enterprise) return null;
      return scope.enterpriseId === null ? 'FALSE' : `${columns.enterprise} = ${param(scope.enterpriseId, 'scopeEnterpriseId')}`;
    case 'region':
      if (!columns.regionPath) return null;
      return scope.regionPath === null ? 'FALSE' : regionScopeSql(columns.regionPath, param(scope.regionPath, 'scopePath'));
    default:
      return null;
  }
}
