/** The five roles. Each non-trainee role other than platform admin is scoped to one thing. */
export enum Role {
  Trainee = 'trainee',
  OrgAdmin = 'org_admin',
  EnterpriseAdmin = 'enterprise_admin',
  Regulator = 'regulator',
  PlatformAdmin = 'platform_admin',
}
export const ALL_ROLES: readonly Role[] = Object.values(Role);

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  [Role.Trainee]: '学员',
  [Role.OrgAdmin]: '培训机构管理员',
  [Role.EnterpriseAdmin]: '企业管理员',
  [Role.Regulator]: '市场监管部门',
  [Role.PlatformAdmin]: '平台管理员',
};

/**
 * Who is calling, as proven by the access token. Scope ids are present exactly for the role
 * that needs them: org admins have an organization, enterprise admins an enterprise,
 * regulators a region (with its path, so "is X inside my region" needs no query).
 */
export interface Actor {
  userId: string;
  role: Role;
  organizationId: string | null;
  enterpriseId: string | null;
  regionId: string | null;
  regionPath: string | null;
}

/** A trainee's actor: a trainee acts for themselves only, so it has none of the scope ids. */
export function traineeActor(userId: string): Actor {
  return { userId, role: Role.Trainee, organizationId: null, enterpriseId: null, regionId: null, regionPath: null };
}

/** Whether a region path lies inside (or is) the scope path: the province sees every city below it. */
export function regionContains(scopePath: string, targetPath: string): boolean {
  return targetPath === scopePath || targetPath.startsWith(`${scopePath}/`);
}
