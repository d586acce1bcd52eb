import { defineQuery } from '@cqo/core';
import { activeRegulatorIdsOverSql } from '@cqo/identity';
import { PUBLIC_REGIONS } from '@cqo/organizations';

// SQL of a certificate's status changes (CertificateStandingService, CertificateAdministrationService).
// Tables: certificates (certificates); the regulators to tell through identity's public SQL. Each update
// touches the row only from the status it expects: a row count of 0 means someone else moved it.

export const suspendCertificate = defineQuery<[id: string, suspendedAt: Date, reason: string]>(
  'certificates.status.suspend',
  `UPDATE certificates SET status = 'suspended', suspended_at = $2, suspension_reason = $3 WHERE id = $1 AND status = 'valid'`,
);

export const reinstateCertificate = defineQuery<[id: string]>(
  'certificates.status.reinstate',
  `UPDATE certificates SET status = 'valid', suspended_at = NULL, suspension_reason = NULL WHERE id = $1 AND status = 'suspended'`,
);

export const revokeCertificate = defineQuery<[id: string, revokedAt: Date, revokedBy: string, reason: string]>(
  'certificates.status.revoke',
  `UPDATE certificates SET status = 'revoked', revoked_at = $2, revoked_by = $3, revocation_reason = $4
          WHERE id = $1 AND status = 'valid'`,
);

export const supersedeCertificate = defineQuery<[id: string, supersededAt: Date]>(
  'certificates.status.supersede',
  `UPDATE certificates SET status = 'superseded', superseded_at = $2 WHERE id = $1 AND status = 'valid'`,
);

/** The holder's printed name and the regulators whose region contains the certificate's region (its city and the province). */
export const holderAndRegulators = defineQuery<[id: string], { holder: string; regulator_ids: string[] }>(
  'certificates.status.holderAndRegulators',
  `SELECT c.content->'holder'->>'name' AS holder,
              ${activeRegulatorIdsOverSql('g.path')} AS regulator_ids
         FROM certificates c JOIN ${PUBLIC_REGIONS} g ON g.id = c.region_id WHERE c.id = $1`,
);
