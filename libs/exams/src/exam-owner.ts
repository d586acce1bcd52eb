import type { Actor } from '@cqo/core';
import { CommonErrors, Role } from '@cqo/core';

/**
 * Who owns a bank, its papers and their results: a training organization (its org admins), or a
 * regulator's region (its regulators) for capability tests a bureau runs itself.
 */
export type ExamOwner = { kind: 'organization'; id: string } | { kind: 'region'; id: string };

/** The owner an actor manages; other roles manage no bank. */
export function ownerOf(actor: Actor): ExamOwner {
  if (actor.role === Role.OrgAdmin && actor.organizationId) return { kind: 'organization', id: actor.organizationId };
  if (actor.role === Role.Regulator && actor.regionId) return { kind: 'region', id: actor.regionId };
  throw CommonErrors.outOfScope();
}

export function ownerColumns(owner: ExamOwner): { organizationId: string | null; regionId: string | null } {
  return owner.kind === 'organization' ? { organizationId: owner.id, regionId: null } : { organizationId: null, regionId: owner.id };
}

/** `alias.organization_id = $n` or `alias.region_id = $n`, the owner's id being parameter n. */
export function ownerWhere(alias: string, owner: ExamOwner, n: number): string {
  return `${alias}.${owner.kind === 'organization' ? 'organization_id' : 'region_id'} = $${n}`;
}

export function isOwnedBy(row: { organizationId: string | null; regionId: string | null }, owner: ExamOwner): boolean {
  return owner.kind === 'organization' ? row.organizationId === owner.id : row.regionId === owner.id;
}
