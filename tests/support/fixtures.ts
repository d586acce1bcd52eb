import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { chinaDateOf, chineseIdCheckChar, Role } from '@cqo/core';
import { TokenService, UsersRepository, UsersService } from '@cqo/identity';
import { EnterprisesService, RegionsService, TrainingOrganizationsService } from '@cqo/organizations';
import { TraineesService } from '@cqo/trainees';
import type { TestApi } from './api';

export const TEST_PASSWORD = 'Test@2026pass';
/** Minutes per 学时 in the test world's rule sets (see seedWorld). */
export const TEST_MINUTES_PER_CREDIT_HOUR = 1;

/** A valid, unique 18-digit ID number for test person `n` (born in Lanzhou, 1980 + n % 30). */
export function testIdNumber(n: number, regionPrefix = '620102'): string {
  const first17 = `${regionPrefix}${1980 + (n % 30)}0101${String(n % 1000).padStart(3, '0')}`;
  return first17 + chineseIdCheckChar(first17);
}

/**
 * Confirms a trainee's pending employer link as that enterprise's admin would (registration
 * leaves it pending), so the trainee counts in the enterprise's lists and figures.
 */
export async function confirmEmployer(api: TestApi, traineeId: string, enterpriseId: string): Promise<void> {
  const admin = { userId: randomUUID(), role: Role.EnterpriseAdmin, organizationId: null, enterpriseId, regionId: null, regionPath: null };
  await api.get(TraineesService).decideEmployer(admin, traineeId, true);
}

let creditSerial = 0;
/** A well-formed, unique 18-character unified social credit code. */
export function testCreditCode(): string {
  creditSerial += 1;
  return `91620100MA${String(Date.now() % 1e5).padStart(5, '0')}${String(creditSerial).padStart(3, '0')}`;
}

let enterpriseSerial = 0;
/**
 * An enterprise of its own for one test, with its admin's access token: what a test appoints,
 * files or counts there cannot meet another test's data, whatever order the tests run in.
 */
export async function testEnterprise(
  api: TestApi,
  regionId: string,
  name: string,
): Promise<{ id: string; adminId: string; adminToken: string }> {
  enterpriseSerial += 1;
  const flags = {
    stateOwned: true,
    aboveDesignatedSize: true,
    production: true,
    chinaQualityAward: 'none',
    provincialQualityAward: 'none',
    cityQualityAward: 'none',
  } as const;
  const id = (await api.get(EnterprisesService).create({ ...flags, name, creditCode: testCreditCode(), regionId })).id;
  const adminId = (
    await api.get(UsersService).create({
      username: `entadmin${enterpriseSerial}`,
      password: TEST_PASSWORD,
      displayName: `${name}管理员`,
      role: Role.EnterpriseAdmin,
      enterpriseId: id,
    })
  ).id;
  const repo = api.get(UsersRepository);
  const adminToken = await api.get(TokenService).signAccess(await repo.actorOf((await repo.findById(adminId))!));
  return { id, adminId, adminToken };
}

export interface World {
  regions: { province: string; lanzhou: string; tianshui: string };
  orgA: string;
  orgB: string;
  enterpriseLZ: string;
  enterpriseTS: string;
  users: Record<WorldUser, string>;
  tokens: Record<WorldUser, string>;
}

export type WorldUser =
  | 'admin'
  | 'orgAdminA'
  | 'orgAdminB'
  | 'entAdminLZ'
  | 'entAdminTS'
  | 'regulatorLZ'
  | 'regulatorTS'
  | 'regulatorGS'
  | 'traineeLZ'
  | 'traineeTS';

/**
 * The enterprise admin records the candidate's disqualification declaration, then appoints them
 * as CQO today by exception (appointment training still under way).
 */
export async function appointCqoByException(
  api: TestApi,
  token: string,
  username: string,
  authorizationCertificateNo: string,
): Promise<void> {
  const today = chinaDateOf(new Date());
  const declared = await api.request({
    method: 'POST',
    url: '/registry/declarations',
    token,
    payload: {
      trainee: { username },
      declaredOn: today,
      answers: { serious_quality_violation: false, improper_gain: false, abuse_of_office: false, leaked_secrets: false, other_harm: false },
    },
  });
  if (declared.statusCode !== 201) throw new Error(`declaration refused: ${declared.statusCode} ${declared.body}`);
  const appointed = await api.request({
    method: 'POST',
    url: '/registry/appointments',
    token,
    payload: {
      trainee: { username },
      positionTitle: '副总经理兼首席质量官',
      positionLevel: 'deputy_general_manager',
      authorizationCertificateNo,
      appointedOn: today,
      eligibilityExceptionReason: '任职培训正在进行，年内完成',
    },
  });
  if (appointed.statusCode !== 201) throw new Error(`appointment refused: ${appointed.statusCode} ${appointed.body}`);
}

/**
 * Two cities, two organizations, two enterprises and one user per role and scope, each with an
 * access token: enough to test every role inside and outside its scope.
 */
export async function seedWorld(api: TestApi): Promise<World> {
  const regionsService = api.get(RegionsService);
  const code = async (c: string) => (await regionsService.findByCode(c))!.id;
  const regions = { province: await code('620000'), lanzhou: await code('620100'), tianshui: await code('620500') };
  // The test world's 学时 is 1 minute (rule-set data; Gansu's is 45), so test courses keep their
  // short lessons and heartbeat loops stay short. Tests of the 学时 length itself set their own value.
  await api.get(DataSource).query('UPDATE requirement_rule_sets SET minutes_per_credit_hour = $1', [TEST_MINUTES_PER_CREDIT_HOUR]);
  const orgs = api.get(TrainingOrganizationsService);
  const orgA = (await orgs.create({ name: '甲培训机构', creditCode: testCreditCode(), regionId: regions.lanzhou })).id;
  const orgB = (await orgs.create({ name: '乙培训机构', creditCode: testCreditCode(), regionId: regions.tianshui })).id;
  const enterprises = api.get(EnterprisesService);
  const flags = {
    stateOwned: true,
    aboveDesignatedSize: true,
    production: true,
    chinaQualityAward: 'none',
    provincialQualityAward: 'none',
    cityQualityAward: 'none',
  } as const;
  const enterpriseLZ = (
    await enterprises.create({ ...flags, name: '兰州测试企业', creditCode: testCreditCode(), regionId: regions.lanzhou })
  ).id;
  const enterpriseTS = (
    await enterprises.create({ ...flags, name: '天水测试企业', creditCode: testCreditCode(), regionId: regions.tianshui })
  ).id;

  const users = api.get(UsersService);
  const trainees = api.get(TraineesService);
  const ids = {} as Record<WorldUser, string>;
  const staff: [WorldUser, Role, object][] = [
    ['admin', Role.PlatformAdmin, {}],
    ['orgAdminA', Role.OrgAdmin, { organizationId: orgA }],
    ['orgAdminB', Role.OrgAdmin, { organizationId: orgB }],
    ['entAdminLZ', Role.EnterpriseAdmin, { enterpriseId: enterpriseLZ }],
    ['entAdminTS', Role.EnterpriseAdmin, { enterpriseId: enterpriseTS }],
    ['regulatorLZ', Role.Regulator, { regionId: regions.lanzhou }],
    ['regulatorTS', Role.Regulator, { regionId: regions.tianshui }],
    ['regulatorGS', Role.Regulator, { regionId: regions.province }],
  ];
  for (const [name, role, scope] of staff) {
    ids[name] = (await users.create({ username: name.toLowerCase(), password: TEST_PASSWORD, displayName: name, role, ...scope })).id;
  }
  const profile = {
    educationLevel: 'bachelor',
    qualityWorkYears: 6,
    qualityQualification: 'intermediate',
    relatedSeniorTitle: false,
  } as const;
  ids.traineeLZ = (
    await trainees.register({
      ...profile,
      username: 'traineelz',
      password: TEST_PASSWORD,
      fullName: '兰州学员',
      idNumber: testIdNumber(1),
      enterpriseId: enterpriseLZ,
    })
  ).userId;
  ids.traineeTS = (
    await trainees.register({
      ...profile,
      username: 'traineets',
      password: TEST_PASSWORD,
      fullName: '天水学员',
      idNumber: testIdNumber(2),
      enterpriseId: enterpriseTS,
    })
  ).userId;
  await confirmEmployer(api, ids.traineeLZ, enterpriseLZ);
  await confirmEmployer(api, ids.traineeTS, enterpriseTS);

  const tokens = {} as Record<WorldUser, string>;
  const repo = api.get(UsersRepository);
  const signer = api.get(TokenService);
  for (const name of Object.keys(ids) as WorldUser[]) {
    const user = (await repo.findById(ids[name]))!;
    tokens[name] = await signer.signAccess(await repo.actorOf(user));
  }
  return { regions, orgA, orgB, enterpriseLZ, enterpriseTS, users: ids, tokens };
}
