import { defineQuery } from '@cqo/core';

// SQL of the per-request session check (SessionStateService). Tables: users, refresh_tokens (identity).

/** What a token's session check reads: the account's state and whether the token's refresh family was revoked. */
export interface SessionStateRow {
  status: string;
  session_version: number;
  session_revoked: boolean;
}

/**
 * Run on every request whose account state is not cached (a trainee's first heartbeat after a
 * minute, say), so it runs prepared: planned once per connection. $2 is null for tokens signed
 * outside a log-in.
 */
export const sessionStateQuery = defineQuery<[userId: string, familyId: string | null], SessionStateRow>(
  'identity.sessions.state',
  `SELECT u.status, u.session_version,
          EXISTS (SELECT 1 FROM refresh_tokens r WHERE r.family_id = $2::uuid AND r.revoked_at IS NOT NULL) AS session_revoked
     FROM users u WHERE u.id = $1`,
);

/** Ends every session of a user: a new version makes every access token issued before it stale. */
export const bumpSessionVersionQuery = defineQuery<[userId: string]>(
  'identity.sessions.bumpVersion',
  'UPDATE users SET session_version = session_version + 1 WHERE id = $1',
);

export const revokeUserRefreshTokensQuery = defineQuery<[userId: string]>(
  'identity.sessions.revokeRefreshTokens',
  'UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL',
);
