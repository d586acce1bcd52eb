/** External hour claims (外部学时认定), as the API answers them: generated from its OpenAPI document. */
import type { components } from './schema';

export type ExternalClaim = components['schemas']['ExternalClaimDto'];
export type ClaimStatus = ExternalClaim['status'];
