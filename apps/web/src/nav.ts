import type { Role } from './api/types';
import type { MessageKey } from './i18n';

/** Each role's menu: [path under /app, message key]. The first entry is the role's home. */
export const NAV: Record<Role, [string, MessageKey][]> = {
  trainee: [
    ['/learning', 'nav.learning'],
    ['/catalog', 'nav.catalog'],
    ['/hours', 'nav.hours'],
    ['/claims', 'nav.claims'],
    ['/certificates', 'nav.certificates'],
    ['/facts', 'nav.facts'],
    ['/notifications', 'nav.notifications'],
    ['/profile', 'nav.profile'],
    ['/password', 'nav.password'],
  ],
  org_admin: [
    ['/org/courses', 'nav.orgCourses'],
    ['/org/questions', 'nav.questions'],
    ['/org/papers', 'nav.papers'],
    ['/notifications', 'nav.notifications'],
    ['/security', 'nav.security'],
  ],
  enterprise_admin: [
    ['/enterprise/appointments', 'nav.appointments'],
    ['/enterprise/reports', 'nav.yearlyReports'],
    ['/enterprise/staff', 'nav.staffHours'],
    ['/enterprise/employees', 'nav.employees'],
    ['/enterprise/claims', 'nav.claimsQueue'],
    ['/enterprise/master-data', 'nav.masterData'],
    ['/enterprise/id-collisions', 'nav.idCollisions'],
    ['/notifications', 'nav.notifications'],
    ['/security', 'nav.security'],
  ],
  regulator: [
    ['/regulator/dashboard', 'nav.dashboard'],
    ['/regulator/lookup', 'nav.lookup'],
    ['/regulator/shortfalls', 'nav.shortfalls'],
    ['/regulator/claims', 'nav.claimsQueue'],
    ['/regulator/reports', 'nav.reports'],
    ['/regulator/city-reports', 'nav.cityReports'],
    ['/regulator/master-data', 'nav.enterpriseLists'],
    ['/regulator/exports', 'nav.exports'],
    ['/regulator/id-collisions', 'nav.idCollisions'],
    ['/security', 'nav.security'],
  ],
  platform_admin: [
    ['/admin/approvals', 'nav.approvals'],
    ['/admin/rule-sets', 'nav.ruleSets'],
    ['/admin/users', 'nav.users'],
    ['/admin/id-collisions', 'nav.idCollisions'],
    ['/admin/mail', 'nav.mail'],
    ['/security', 'nav.security'],
  ],
};

/** Where a role lands after signing in. */
export const homeOf = (role: Role): string => NAV[role][0][0];

/** Where a signed-in user lands: the security page while a required second factor is missing. */
export const landingOf = (me: { role: Role; totpEnrolmentRequired: boolean }): string =>
  me.totpEnrolmentRequired ? SECURITY_PATH : homeOf(me.role);

export const SECURITY_PATH = '/security';

/** Changing one's own password: every role (staff reach it from the security page). */
export const PASSWORD_PATH = '/password';
