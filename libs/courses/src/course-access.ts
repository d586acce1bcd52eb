import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, CommonErrors, Role, runQuery, ScopePolicy } from '@cqo/core';
import { organizationRegionPathQuery } from './sql/course-versions.sql';

export { SqlParams } from './sql/sql-params';

/**
 * Who may see and change what in the courses lib. Scope is the owning training organization:
 * its admins manage its courses and rosters; a regulator oversees the organizations located in
 * its region (the province sees all); platform admins see everything. Out of scope is 403.
 */
@Injectable()
export class CourseAccess {
  constructor(private readonly dataSource: DataSource) {}

  /** Only an org admin of the owning organization edits its courses and records its attendance. */
  assertManages(actor: Actor, organizationId: string): void {
    if (actor.role !== Role.OrgAdmin || actor.organizationId !== organizationId) throw CommonErrors.outOfScope();
  }

  /** Staff who may read an organization's unpublished courses and its enrolments. */
  async oversees(actor: Actor, organizationId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const scope = ScopePolicy.of(actor);
    // The organization's region is looked up only when a regulator asks.
    const regionPaths = scope.kind === 'region' && scope.regionPath !== null ? [await organizationRegionPath(manager, organizationId)] : [];
    return ScopePolicy.covers(actor, { organizationId, regionPaths });
  }

  async assertOversees(actor: Actor, organizationId: string, manager?: EntityManager): Promise<void> {
    if (!(await this.oversees(actor, organizationId, manager))) throw CommonErrors.outOfScope();
  }
}

export async function organizationRegionPath(manager: EntityManager, organizationId: string): Promise<string | null> {
  const rows = await runQuery(manager, organizationRegionPathQuery, [organizationId]);
  return rows[0]?.path ?? null;
}

/** A user's text as a literal ILIKE pattern: `%`, `_` and `\` match themselves. Use with `ESCAPE '\'`. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
