import { regionScopeSql } from '@cqo/core';
import { PUBLIC_REGIONS } from '@cqo/organizations';

// Public SQL of accounts for other libs' statements, in place of reading users. Tables: users
// (identity); regions through organizations' public view.

/** Accounts' names: id, username, display_name. Join as `JOIN ${PUBLIC_USER_NAMES} u ON u.id = …`. */
export const PUBLIC_USER_NAMES = '(SELECT id, username, display_name FROM users)';

/**
 * Accounts as other libs may read them: who they are, their role, status and attachment, never
 * credentials or counters. Join as `JOIN ${PUBLIC_USER_ACCOUNTS} u ON u.id = …`.
 */
export const PUBLIC_USER_ACCOUNTS = `(SELECT id, username, display_name, role, status, organization_id, enterprise_id, region_id,
         email, email_verified_at, created_at, last_login_at FROM users)`;

/** An SQL array expression: the active enterprise admins of `enterpriseId` (an SQL expression), by id. */
export function activeEnterpriseAdminIdsSql(enterpriseId: string): string {
  return `ARRAY(SELECT u.id FROM users u
                 WHERE u.role = 'enterprise_admin' AND u.status = 'active' AND u.enterprise_id = ${enterpriseId}
                 ORDER BY u.id)`;
}

/**
 * An SQL array expression: the active regulators whose region contains the region at `regionPath`
 * (an SQL expression), by id; `cityOnly` keeps those of city regions.
 */
export function activeRegulatorIdsOverSql(regionPath: string, options: { cityOnly?: boolean } = {}): string {
  return `ARRAY(SELECT u.id FROM users u JOIN ${PUBLIC_REGIONS} rg ON rg.id = u.region_id
                 WHERE u.role = 'regulator' AND u.status = 'active'${options.cityOnly ? " AND rg.level = 'city'" : ''}
                   AND ${regionScopeSql(regionPath, 'rg.path')} ORDER BY u.id)`;
}
