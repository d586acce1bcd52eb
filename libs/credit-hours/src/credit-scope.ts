import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '@cqo/core';
import { CommonErrors, Role, runQuery, ScopePolicy } from '@cqo/core';
import { CreditHoursErrors } from './credit-hours.errors';
import { traineeScopeQuery } from './sql/entries.sql';

export interface TraineeScope {
  traineeId: string;
  enterpriseId: string | null;
  regionPath: string | null;
}

/** A trainee's enterprise and its region, or 404 when there is no such trainee. */
export async function traineeScope(db: DataSource | EntityManager, traineeId: string): Promise<TraineeScope> {
  const rows = await runQuery(db, traineeScopeQuery, [traineeId]);
  if (rows.length === 0) throw CreditHoursErrors.traineeNotFound();
  return { traineeId, enterpriseId: rows[0].enterprise_id, regionPath: rows[0].path };
}

/**
 * Whether the actor may see (or, for platform admins and regulators, adjust) a trainee's hours:
 * the trainee, the trainee's enterprise admin, a regulator whose region contains the trainee's
 * enterprise's region, a platform admin. A trainee with no enterprise is only in the platform's view.
 * Unknown trainee → 404; known but out of scope → 403.
 */
export function assertCanSee(actor: Actor, scope: TraineeScope): void {
  if (!canSee(actor, scope)) throw CommonErrors.outOfScope();
}

export function canSee(actor: Actor, scope: TraineeScope): boolean {
  return ScopePolicy.covers(actor, { traineeId: scope.traineeId, enterpriseIds: [scope.enterpriseId], regionPaths: [scope.regionPath] });
}

/** Only platform admins (everywhere) and regulators (their region) adjust hours by hand. */
export function assertCanAdjust(actor: Actor, scope: TraineeScope): void {
  if (actor.role !== Role.PlatformAdmin && actor.role !== Role.Regulator) throw CommonErrors.outOfScope();
  assertCanSee(actor, scope);
}
