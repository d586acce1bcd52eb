import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '@cqo/core';
import { CommonErrors, regionContains, Role, runQuery, ScopePolicy } from '@cqo/core';
import { RegistryErrors } from './registry.errors';
import { enterpriseScopeQuery, regionPathQuery, traineeRegistryScopeQuery } from './sql/registry-scope.sql';

/**
 * Who sees what in the registry. Enterprise admins: their own enterprise. Regulators: the
 * enterprises whose region lies inside theirs (the province sees every city). Platform admins:
 * everything. A thing that does not exist is 404; one that exists outside the caller's scope is
 * 403 — except lookups by a personal key (ID number, name, serial), which answer 404 for a
 * person outside the scope, so a lookup never reveals that someone exists elsewhere.
 */
export interface EnterpriseScope {
  id: string;
  name: string;
  regionId: string;
  regionPath: string;
}

export async function enterpriseScope(db: DataSource | EntityManager, enterpriseId: string): Promise<EnterpriseScope> {
  const rows = await runQuery(db, enterpriseScopeQuery, [enterpriseId]);
  if (rows.length === 0) throw RegistryErrors.enterpriseNotFound();
  return { id: rows[0].id, name: rows[0].name, regionId: rows[0].region_id, regionPath: rows[0].path };
}

export function canSeeEnterprise(actor: Actor, enterprise: { id: string; regionPath: string }): boolean {
  return ScopePolicy.covers(actor, { enterpriseIds: [enterprise.id], regionPaths: [enterprise.regionPath] });
}

export function assertCanSeeEnterprise(actor: Actor, enterprise: { id: string; regionPath: string }): void {
  if (!canSeeEnterprise(actor, enterprise)) throw CommonErrors.outOfScope();
}

/** Only regulators and platform admins read the registry across enterprises. */
export function assertRegulatorOrAdmin(actor: Actor): void {
  if (actor.role !== Role.Regulator && actor.role !== Role.PlatformAdmin) throw CommonErrors.outOfScope();
}

/**
 * The region path an actor's lists are limited to: a regulator's own region, or a region inside
 * it named by `regionId` (a drill-down); a platform admin's `regionId` or the whole tree.
 * Returns null for "no limit" (platform admin, no region asked).
 */
export async function regionFilterPath(db: DataSource | EntityManager, actor: Actor, regionId: string | undefined): Promise<string | null> {
  assertRegulatorOrAdmin(actor);
  let path: string | null = actor.role === Role.Regulator ? actor.regionPath : null;
  if (regionId) {
    const rows = await runQuery(db, regionPathQuery, [regionId]);
    if (rows.length === 0) throw RegistryErrors.regionNotFound();
    if (path !== null && !regionContains(path, rows[0].path)) throw CommonErrors.outOfScope();
    path = rows[0].path;
  }
  return path;
}

/**
 * The trainee's scope for the registry: the enterprise on the profile and every enterprise the
 * trainee has been appointed at (a CQO who moved on stays visible where they served).
 */
export interface TraineeRegistryScope {
  traineeId: string;
  enterpriseIds: string[];
  regionPaths: string[];
}

export async function traineeRegistryScope(db: DataSource | EntityManager, traineeId: string): Promise<TraineeRegistryScope | null> {
  const rows = await runQuery(db, traineeRegistryScopeQuery, [traineeId]);
  if (rows.length === 0) return null;
  return {
    traineeId,
    enterpriseIds: rows.flatMap((r) => (r.enterprise_id ? [r.enterprise_id] : [])),
    regionPaths: rows.flatMap((r) => (r.path ? [r.path] : [])),
  };
}

export function canSeeTrainee(actor: Actor, scope: TraineeRegistryScope): boolean {
  return ScopePolicy.covers(actor, { traineeId: scope.traineeId, enterpriseIds: scope.enterpriseIds, regionPaths: scope.regionPaths });
}

/**
 * The rows of an `UPDATE … RETURNING` run through TypeORM's `query()`, which answers such
 * statements on PostgreSQL with `[rows, affectedCount]` rather than the rows alone.
 */
export function returnedRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
