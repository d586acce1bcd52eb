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
  ],
  org_admin: [
    ['/org/courses', 'nav.orgCourses'],
    ['/org/questions', 'nav.questions'],
    ['/org/papers', 'nav.papers'],
    ['/notifications', 'nav.notifications'],
  ],
  enterprise_admin: [
    ['/enterprise/appointments', 'nav.appointments'],
    ['/enterprise/reports', 'nav.yearlyReports'],
    ['/enterprise/staff', 'nav.staffHours'],
    ['/enterprise/claims', 'nav.claimsQueue'],
    ['/enterprise/master-data', 'nav.masterData'],
    ['/notifications', 'nav.notifications'],
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
  ],
  platform_admin: [
    ['/admin/approvals', 'nav.approvals'],
    ['/admin/rule-sets', 'nav.ruleSets'],
    ['/admin/users', 'nav.users'],
  ],
};

/** Where a role lands after signing in. */
export const homeOf = (role: Role): string => NAV[role][0][0];
