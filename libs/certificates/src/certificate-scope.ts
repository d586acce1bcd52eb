import { Actor, regionContains, Role } from '@cqo/core';
import { CertificateEntity } from './certificate.entity';

/**
 * Who may see a certificate: its holder; the org admin of its course's organization; a
 * regulator whose region contains the certificate's region; a platform admin.
 */
export function canSee(actor: Actor, certificate: CertificateEntity, regionPath: string | null): boolean {
  switch (actor.role) {
    case Role.PlatformAdmin:
      return true;
    case Role.Trainee:
      return certificate.traineeId === actor.userId;
    case Role.OrgAdmin:
      return actor.organizationId !== null && certificate.organizationId === actor.organizationId;
    case Role.Regulator:
      return actor.regionPath !== null && regionPath !== null && regionContains(actor.regionPath, regionPath);
    default:
      return false;
  }
}

/** Who may revoke or reissue: a platform admin, or a regulator of the region of the trainee's enterprise. */
export function canAdminister(actor: Actor, regionPath: string | null): boolean {
  if (actor.role === Role.PlatformAdmin) return true;
  return actor.role === Role.Regulator && actor.regionPath !== null && regionPath !== null && regionContains(actor.regionPath, regionPath);
}
