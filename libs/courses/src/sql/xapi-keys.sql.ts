import { defineQuery } from '@cqo/core';
import { PUBLIC_USER_NAMES } from '@cqo/identity';

// SQL of the xAPI API keys of training organizations and of cmi5 launch credentials
// (XapiKeysService). Tables: xapi_api_keys, cmi5_launches, enrollments, course_versions
// (courses); the trainee's username through identity's public view.

/** A key as its owner sees it (never the hash). */
export interface XapiKeyRow {
  id: string;
  name: string;
  key_prefix: string;
  created_at: Date;
  revoked_at: Date | null;
}

export const insertKey = defineQuery<
  [organizationId: string, name: string, keyPrefix: string, keyHash: string, createdBy: string, createdAt: Date],
  XapiKeyRow
>(
  'courses.xapiKeys.insert',
  `INSERT INTO xapi_api_keys (organization_id, name, key_prefix, key_hash, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING id, name, key_prefix, created_at, revoked_at`,
);

export const keysOfOrganization = defineQuery<[organizationId: string], XapiKeyRow>(
  'courses.xapiKeys.ofOrganization',
  'SELECT id, name, key_prefix, created_at, revoked_at FROM xapi_api_keys WHERE organization_id = $1 ORDER BY created_at DESC, id',
);

export const keyOrganization = defineQuery<[keyId: string], { organization_id: string }>(
  'courses.xapiKeys.organization',
  'SELECT organization_id FROM xapi_api_keys WHERE id = $1',
);

/** Revokes a key (a revoked key keeps its first revocation time). */
export const revokeKey = defineQuery<[keyId: string, at: Date], XapiKeyRow>(
  'courses.xapiKeys.revoke',
  `UPDATE xapi_api_keys SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1 RETURNING id, name, key_prefix, created_at, revoked_at`,
);

export const liveKeyByHash = defineQuery<[keyHash: string], { id: string; organization_id: string }>(
  'courses.xapiKeys.liveByHash',
  'SELECT id, organization_id FROM xapi_api_keys WHERE key_hash = $1 AND revoked_at IS NULL',
);

export const liveKeyByIdAndHash = defineQuery<[keyId: string, keyHash: string], { id: string; organization_id: string }>(
  'courses.xapiKeys.liveByIdAndHash',
  'SELECT id, organization_id FROM xapi_api_keys WHERE id = $1 AND key_hash = $2 AND revoked_at IS NULL',
);

/** A cmi5 launch presenting its credentials, with the course's organization and the trainee's username. */
export interface LaunchCredentialRow {
  id: string;
  enrollment_id: string;
  lesson_id: string;
  au_id: string;
  registration: string;
  launched_at: Date;
  terminated_at: Date | null;
  organization_id: string;
  username: string;
}

export const launchByCredentials = defineQuery<[launchId: string, secretHash: string], LaunchCredentialRow>(
  'courses.xapiKeys.launchByCredentials',
  `SELECT c.id, c.enrollment_id, c.lesson_id, c.au_id, c.registration, c.launched_at, c.terminated_at, v.organization_id, u.username
         FROM cmi5_launches c JOIN enrollments e ON e.id = c.enrollment_id JOIN course_versions v ON v.id = e.course_version_id
         JOIN ${PUBLIC_USER_NAMES} u ON u.id = e.trainee_id
        WHERE c.id = $1 AND c.auth_secret_hash = $2 AND c.abandoned_at IS NULL`,
);
