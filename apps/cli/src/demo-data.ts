import type { DataSource } from 'typeorm';
import { chinaDateOf, chineseIdCheckChar, Role } from '@cqo/core';
import type { ContentFilesService, CoursesService } from '@cqo/courses';
import type { UsersService } from '@cqo/identity';
import type { EnterprisesService, RegionsService, TrainingOrganizationsService } from '@cqo/organizations';
import type { AppointmentsService, DeclarationsService } from '@cqo/registry';
import type { TraineesService } from '@cqo/trainees';
import { seedDemoCourses } from './demo-courses';

/** Meets the staff password rules (at least 12 characters, not common, not the user name). */
export const DEMO_PASSWORD = 'Cqo-Demo!2026';

export interface DemoLogin {
  username: string;
  role: Role;
  who: string;
}

/** Services the demo seed goes through, so demo rows obey the same rules as real ones. */
export interface DemoServices {
  dataSource: DataSource;
  regions: RegionsService;
  organizations: TrainingOrganizationsService;
  enterprises: EnterprisesService;
  users: UsersService;
  trainees: TraineesService;
  courses: CoursesService;
  content: ContentFilesService;
  appointments: AppointmentsService;
  declarations: DeclarationsService;
}

const id = (first17: string) => first17 + chineseIdCheckChar(first17);

/** Seeds a training organization, three enterprises and one user per role, unless users exist already. */
export async function seedDemoData(s: DemoServices): Promise<DemoLogin[] | null> {
  const [{ count }] = await s.dataSource.query('SELECT count(*)::int AS count FROM users');
  if (count > 0) return null;
  const region = async (code: string) => (await s.regions.findByCode(code))!.id;
  const [province, lanzhou, tianshui, jiuquan] = await Promise.all(['620000', '620100', '620500', '620900'].map(region));

  const org = await s.organizations.create({
    name: '甘肃省质量发展研究院培训中心',
    creditCode: '12620000MB0000001A',
    regionId: lanzhou,
    contactName: '王老师',
  });
  const flags = {
    stateOwned: false,
    aboveDesignatedSize: true,
    production: true,
    chinaQualityAward: 'none',
    provincialQualityAward: 'none',
    cityQualityAward: 'none',
  } as const;
  const lanzhouWorks = await s.enterprises.create({
    ...flags,
    name: '兰州陇原机械制造有限公司',
    creditCode: '91620100MA00000001',
    regionId: lanzhou,
    stateOwned: true,
    provincialQualityAward: 'awarded',
    provincialQualityAwardYear: 2020,
  });
  await s.enterprises.create({ ...flags, name: '天水星火电工股份有限公司', creditCode: '91620500MA00000002', regionId: tianshui });
  await s.enterprises.create({
    ...flags,
    name: '酒泉新能源装备有限公司',
    creditCode: '91620900MA00000003',
    regionId: jiuquan,
    cityQualityAward: 'nominated',
    cityQualityAwardYear: 2021,
  });

  const logins: DemoLogin[] = [];
  const user = async (
    username: string,
    role: Role,
    who: string,
    scope: { organizationId?: string; enterpriseId?: string; regionId?: string },
  ) => {
    logins.push({ username, role, who });
    return (await s.users.create({ username, password: DEMO_PASSWORD, displayName: who, role, ...scope })).id;
  };
  const adminId = await user('admin', Role.PlatformAdmin, '平台管理员', {});
  const orgAdminId = await user('org-admin', Role.OrgAdmin, `${org.name} 管理员`, { organizationId: org.id });
  await seedDemoCourses(s.courses, s.content, org.id, orgAdminId, adminId);
  const entAdminId = await user('ent-admin', Role.EnterpriseAdmin, `${lanzhouWorks.name} 管理员`, { enterpriseId: lanzhouWorks.id });
  await user('regulator-lz', Role.Regulator, '兰州市市场监督管理局', { regionId: lanzhou });
  await user('regulator-gs', Role.Regulator, '甘肃省市场监督管理局', { regionId: province });
  const { userId: traineeId } = await s.trainees.register({
    username: 'trainee',
    password: DEMO_PASSWORD,
    fullName: '张伟',
    idNumber: id('62010219850312123'),
    phone: '13912345678',
    // Mail to it lands in the development catch-all (README, "E-mail and SMS"): try 忘记密码 with it.
    email: 'zhangwei@demo.cqo.localhost',
    enterpriseId: lanzhouWorks.id,
    educationLevel: 'bachelor',
    qualityWorkYears: 8,
    qualityQualification: 'intermediate',
    relatedSeniorTitle: false,
    titleName: '质量工程师（中级）',
  });
  logins.push({ username: 'trainee', role: Role.Trainee, who: '张伟（兰州陇原机械制造有限公司）' });
  // The trainee is the enterprise's CQO, appointed before finishing the appointment training (an
  // exception the regulators see flagged), so the registry and dashboards have a CQO to show.
  const entAdmin = {
    userId: entAdminId,
    role: Role.EnterpriseAdmin,
    organizationId: null,
    enterpriseId: lanzhouWorks.id,
    regionId: null,
    regionPath: null,
  };
  // The enterprise admin confirms that the trainee works there (employer links start pending).
  await s.trainees.decideEmployer(entAdmin, traineeId, true);
  // Registered today (an appointment may be dated at most 30 days back), after the candidate's
  // declaration that none of the notice's disqualifying circumstances applies.
  const today = chinaDateOf(new Date());
  await s.declarations.record(entAdmin, {
    trainee: { username: 'trainee' },
    declaredOn: today,
    answers: { serious_quality_violation: false, improper_gain: false, abuse_of_office: false, leaked_secrets: false, other_harm: false },
  });
  await s.appointments.appoint(entAdmin, {
    trainee: { username: 'trainee' },
    positionTitle: '副总经理兼首席质量官',
    positionLevel: 'deputy_general_manager',
    authorizationCertificateNo: 'LYJX-CQO-2026-001',
    appointedOn: today,
    eligibilityExceptionReason: '任职培训正在进行，预计本年度内完成',
  });
  return logins;
}
