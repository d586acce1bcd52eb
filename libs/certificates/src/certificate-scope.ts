import type { Actor } from '@cqo/core';
import { Role, ScopePolicy } from '@cqo/core';
import type { CertificateEntity } from './certificate.entity';

/**
 * Who may see a certificate: its holder; the org admin of its course's organization; a
 * regulator whose region contains the certificate's region; a platform admin.
 */
export function canSee(actor: Actor, certificate: CertificateEntity, regionPath: string | null): boolean {
  return ScopePolicy.covers(actor, {
    traineeId: certificate.traineeId,
    organizationId: certificate.organizationId,
    regionPaths: [regionPath],
  });
}

/** Who may revoke or reissue: a platform admin, or a regulator of the region of the trainee's enterprise. */
export function canAdminister(actor: Actor, regionPath: string | null): boolean {
  return (actor.role === Role.PlatformAdmin || actor.role === Role.Regulator) && ScopePolicy.covers(actor, { regionPaths: [regionPath] });
}
