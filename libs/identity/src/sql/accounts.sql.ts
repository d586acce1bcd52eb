import type { Queryable } from '@cqo/core';
import { defineQuery, runQuery } from '@cqo/core';
import { PUBLIC_ENTERPRISES, PUBLIC_REGIONS, PUBLIC_TRAINING_ORGANIZATIONS } from '@cqo/organizations';
import type { UserStatus } from '../user.entity';

// SQL of accounts, their sessions and their audit log (UsersService, SessionStateService,
// AccountRecoveryService, AuditLogService). Tables: users, refresh_tokens, account_tokens,
// audit_log (identity); regions, enterprises, training organizations through organizations'
// public views.

export const organizationExists = defineQuery<[id: string], { found: number }>(
  'identity.accounts.organizationExists',
  `SELECT 1 AS found FROM ${PUBLIC_TRAINING_ORGANIZATIONS} o WHERE o.id = $1`,
);

export const enterpriseExists = defineQuery<[id: string], { found: number }>(
  'identity.accounts.enterpriseExists',
  `SELECT 1 AS found FROM ${PUBLIC_ENTERPRISES} e WHERE e.id = $1`,
);

export const regionExists = defineQuery<[id: string], { found: number }>(
  'identity.accounts.regionExists',
  `SELECT 1 AS found FROM ${PUBLIC_REGIONS} g WHERE g.id = $1`,
);

export const lockUserStatus = defineQuery<[userId: string], { status: UserStatus }>(
  'identity.accounts.lockStatus',
  'SELECT status FROM users WHERE id = $1 FOR UPDATE',
);

export const lockUserEmail = defineQuery<[userId: string], { email: string | null; email_verified_at: Date | null }>(
  'identity.accounts.lockEmail',
  'SELECT email, email_verified_at FROM users WHERE id = $1 FOR UPDATE',
);

export const activeAccountsWithEmail = defineQuery<[email: string], { id: string; username: string; displayName: string; email: string }>(
  'identity.accounts.activeWithEmail',
  `SELECT id, username, display_name AS "displayName", email FROM users WHERE email = $1 AND status = 'active' ORDER BY id`,
);

export const userNamesById = defineQuery<[ids: string[]], { id: string; display_name: string }>(
  'identity.accounts.namesById',
  'SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])',
);

/** The display names of accounts by id (ids of no account are left out). */
export async function displayNamesOf(db: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await runQuery(db, userNamesById, [[...new Set(ids)]]);
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

export const insertAccountToken = defineQuery<
  [userId: string, purpose: string, tokenHash: string, email: string, expiresAt: Date],
  { expires_at: Date }
>(
  'identity.accountTokens.insert',
  `INSERT INTO account_tokens (user_id, purpose, token_hash, email, expires_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (token_hash) DO NOTHING RETURNING expires_at`,
);

export const accountTokenExpiry = defineQuery<[tokenHash: string], { expires_at: Date }>(
  'identity.accountTokens.expiry',
  'SELECT expires_at FROM account_tokens WHERE token_hash = $1',
);

/** Other reset links of the account end too: one reset per request. */
export const spendPasswordResets = defineQuery<[userId: string, now: Date]>(
  'identity.accountTokens.spendPasswordResets',
  `UPDATE account_tokens SET used_at = $2 WHERE user_id = $1 AND purpose = 'password_reset' AND used_at IS NULL`,
);

export const pruneAuditLog = defineQuery<[cutoff: Date]>('identity.audit.prune', 'DELETE FROM audit_log WHERE at < $1');

export const setDisplayName = defineQuery<[userId: string, displayName: string]>(
  'identity.accounts.setDisplayName',
  'UPDATE users SET display_name = $2 WHERE id = $1',
);
