import { randomUUID } from 'node:crypto';
import { generate } from 'otplib';
import { DataSource } from 'typeorm';
import { AccrualService } from '@cqo/credit-hours';
import { AuditLogService, TotpService, UsersService } from '@cqo/identity';
import { TraineesService } from '@cqo/trainees';
import { FakeClock, Role } from '@cqo/core';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import { logIn } from '../../support/auth';
import type { World } from '../../support/fixtures';
import { seedWorld, TEST_PASSWORD, testIdNumber } from '../../support/fixtures';

const profile = { educationLevel: 'bachelor', qualityWorkYears: 6, qualityQualification: 'intermediate', relatedSeniorTitle: false };

/** Passwords, the TOTP second factor, identity (ID numbers, employer links) and the audit log. */
describe('accounts', () => {
  const clock = new FakeClock(new Date('2026-11-02T01:00:00Z'));
  let api: TestApi;
  let world: World;
  let sql: DataSource;

  beforeAll(async () => {
    api = await createTestApi({ clock, env: { PLATFORM_ADMIN_TOTP_REQUIRED: 'true' } });
    world = await seedWorld(api);
    sql = api.get(DataSource);
  }, 180_000);
  afterAll(() => api?.close());

  const register = (username: string, password: string, idNumber: string, extra: Record<string, unknown> = {}) =>
    api.request({
      method: 'POST',
      url: '/auth/register',
      payload: { ...profile, username, password, fullName: '注册学员', idNumber, ...extra },
    });

  describe('passwords', () => {
    it('refuses 12345678, common passwords and the user name, naming the field', async () => {
      for (const [username, password] of [
        ['weak1', '12345678'],
        ['weak2', 'password1234'],
        ['zhangwei', 'zhangwei2026!'],
        ['weak4', 'qwertyuiop'],
      ]) {
        const res = await register(username, password, testIdNumber(500));
        expect(res.statusCode).toBe(400);
        expect(res.json().details).toEqual([expect.objectContaining({ field: 'password', message: expect.any(String) })]);
      }
    });

    it('asks more of staff than of trainees', async () => {
      const medium = 'Lz#q8vT2mx';
      expect((await register('medium-trainee', medium, testIdNumber(501))).statusCode).toBe(201);
      const staff = await api.request({
        method: 'POST',
        url: '/users',
        token: world.tokens.admin,
        payload: { username: 'medium-staff', password: medium, displayName: '管理员', role: 'regulator', regionId: world.regions.lanzhou },
      });
      expect(staff.statusCode).toBe(400);
      expect(staff.json()).toMatchObject({ code: 'PASSWORD_TOO_WEAK', details: [{ field: 'password' }] });
    });
  });

  describe('identity', () => {
    it('answers a taken ID number exactly like a fresh one and keeps the collision aside', async () => {
      const idNumber = testIdNumber(610);
      const fresh = await register('id-owner', 'Owner#2026-gs', idNumber);
      const taken = await register('id-squatter', 'Squat#2026-gs', idNumber);
      expect(taken.statusCode).toBe(fresh.statusCode);
      expect(fresh.statusCode).toBe(201);
      const shape = (body: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(body).filter(([k]) => k !== 'userId' && k !== 'fullName'));
      expect(shape(taken.json())).toEqual(shape(fresh.json()));
      // The ID number still leads to its first holder only; the collision waits for the enterprise or city.
      expect(await api.get(TraineesService).findUserIdByIdNumber(idNumber)).toBe(fresh.json().userId);
      const [collision] = await sql.query(
        'SELECT user_id, existing_user_id, id_number_masked FROM id_number_collisions WHERE user_id = $1',
        [taken.json().userId],
      );
      expect(collision).toEqual({
        user_id: taken.json().userId,
        existing_user_id: fresh.json().userId,
        id_number_masked: fresh.json().idNumberMasked,
      });
    });

    it('locks the ID number once hours refer to the person; the enterprise admin corrects it, audited', async () => {
      const res = await register('locked-id', 'Locked#2026-gs', testIdNumber(620), { enterpriseId: world.enterpriseLZ });
      const userId = res.json().userId as string;
      const trainee = await logIn(api, 'locked-id', 'Locked#2026-gs');
      const body = { ...profile, fullName: '注册学员', enterpriseId: world.enterpriseLZ };
      // Nothing refers to the person yet: the trainee may still correct it.
      expect(
        (
          await api.request({
            method: 'PUT',
            url: '/me/profile',
            token: trainee.accessToken,
            payload: { ...body, idNumber: testIdNumber(621) },
          })
        ).statusCode,
      ).toBe(200);
      await api.get(AccrualService).accrueCompletion(null, {
        enrollmentId: randomUUID(),
        traineeId: userId,
        courseId: randomUUID(),
        courseVersionId: randomUUID(),
        organizationId: randomUUID(),
        category: 1,
        kind: 'appointment',
        creditHours: '4',
        completedAt: '2026-10-01T02:00:00Z',
      });
      const locked = await api.request({
        method: 'PUT',
        url: '/me/profile',
        token: trainee.accessToken,
        payload: { ...body, idNumber: testIdNumber(622) },
      });
      expect(locked.statusCode).toBe(409);
      expect(locked.json()).toMatchObject({ code: 'ID_NUMBER_LOCKED', details: [{ field: 'idNumber' }] });
      // The same number again is no change, so the rest of the profile can still be edited.
      expect(
        (
          await api.request({
            method: 'PUT',
            url: '/me/profile',
            token: trainee.accessToken,
            payload: { ...body, idNumber: testIdNumber(621), titleName: '工程师' },
          })
        ).statusCode,
      ).toBe(200);

      // Only an employee's own enterprise admin corrects it (the link is confirmed first).
      const correctAs = (token: string) =>
        api.request({ method: 'PUT', url: `/enterprise/employees/${userId}/id-number`, token, payload: { idNumber: testIdNumber(622) } });
      expect((await correctAs(world.tokens.entAdminLZ)).statusCode).toBe(403);
      await api.request({ method: 'POST', url: `/enterprise/employee-requests/${userId}/confirm`, token: world.tokens.entAdminLZ });
      expect((await correctAs(world.tokens.entAdminTS)).statusCode).toBe(403);
      const corrected = await correctAs(world.tokens.entAdminLZ);
      expect(corrected.statusCode).toBe(200);
      expect(await api.get(TraineesService).findUserIdByIdNumber(testIdNumber(622))).toBe(userId);
      const [row] = await sql.query(
        `SELECT actor_id, details FROM audit_log WHERE action = 'trainee.id_number_changed' AND subject_id = $1`,
        [userId],
      );
      expect(row.actor_id).toBe(world.users.entAdminLZ);
      expect(JSON.stringify(row.details)).not.toContain(testIdNumber(621));
      expect(JSON.stringify(row.details)).not.toContain(testIdNumber(622));
    });

    it('keeps an employer link pending, out of the enterprise’s sight, until its admin confirms', async () => {
      const res = await register('pending-link', 'Pending#2026-gs', testIdNumber(630), { enterpriseId: world.enterpriseLZ });
      expect(res.json()).toMatchObject({ enterpriseId: null, pendingEnterpriseId: world.enterpriseLZ });
      const userId = res.json().userId as string;
      expect((await api.request({ method: 'GET', url: `/trainees/${userId}`, token: world.tokens.entAdminLZ })).statusCode).toBe(403);

      const mine = await api.request({ method: 'GET', url: '/enterprise/employee-requests', token: world.tokens.entAdminLZ });
      expect(mine.json().map((r: { userId: string }) => r.userId)).toContain(userId);
      expect(JSON.stringify(mine.json())).not.toContain(testIdNumber(630));
      const theirs = await api.request({ method: 'GET', url: '/enterprise/employee-requests', token: world.tokens.entAdminTS });
      expect(theirs.json().map((r: { userId: string }) => r.userId)).not.toContain(userId);
      expect(
        (await api.request({ method: 'POST', url: `/enterprise/employee-requests/${userId}/confirm`, token: world.tokens.entAdminTS }))
          .statusCode,
      ).toBe(404);

      const confirmed = await api.request({
        method: 'POST',
        url: `/enterprise/employee-requests/${userId}/confirm`,
        token: world.tokens.entAdminLZ,
      });
      expect(confirmed.json()).toMatchObject({ enterpriseId: world.enterpriseLZ, pendingEnterpriseId: null });
      expect((await api.request({ method: 'GET', url: `/trainees/${userId}`, token: world.tokens.entAdminLZ })).statusCode).toBe(200);

      // A rejected link leaves the trainee outside.
      const other = (await register('rejected-link', 'Rejected#2026-gs', testIdNumber(631), { enterpriseId: world.enterpriseTS })).json()
        .userId;
      const rejected = await api.request({
        method: 'POST',
        url: `/enterprise/employee-requests/${other}/reject`,
        token: world.tokens.entAdminTS,
      });
      expect(rejected.json()).toMatchObject({ enterpriseId: null, pendingEnterpriseId: null });
    });
  });

  describe('audit log', () => {
    it('records log-ins, failures, lock-outs and role changes, readable by platform admins only, never a whole ID number', async () => {
      for (let i = 0; i < 5; i++)
        await api.request({ method: 'POST', url: '/auth/login', payload: { username: 'orgadminb', password: 'wrong-password' } });
      await logIn(api, 'regulatorts', TEST_PASSWORD);
      const target = (
        await api.request({
          method: 'POST',
          url: '/users',
          token: world.tokens.admin,
          payload: {
            username: 'role-changed',
            password: TEST_PASSWORD,
            displayName: '变更',
            role: 'regulator',
            regionId: world.regions.lanzhou,
          },
        })
      ).json().id;
      await api.request({
        method: 'PATCH',
        url: `/users/${target}/role`,
        token: world.tokens.admin,
        payload: { role: 'regulator', regionId: world.regions.tianshui },
      });

      const token = world.tokens.admin;
      const actions = async (action: string) =>
        (await api.request({ method: 'GET', url: `/audit-log?action=${action}&pageSize=100`, token })).json();
      expect((await actions('login.failed')).items.filter((r: { username: string }) => r.username === 'orgadminb')).toHaveLength(5);
      expect((await actions('login.locked')).items.map((r: { username: string }) => r.username)).toContain('orgadminb');
      expect((await actions('login.succeeded')).items.map((r: { actorId: string }) => r.actorId)).toContain(world.users.regulatorTS);
      expect((await actions('user.role_changed')).items[0]).toMatchObject({ actorId: world.users.admin, subjectId: target });
      expect((await api.request({ method: 'GET', url: '/audit-log', token: world.tokens.regulatorGS })).statusCode).toBe(403);

      const everything = await sql.query('SELECT username, details FROM audit_log');
      expect(JSON.stringify(everything)).not.toMatch(/\d{17}[\dXx]/);
    });

    it('keeps rows for 180 days and deletes only older ones', async () => {
      const audit = api.get(AuditLogService);
      const now = clock.now().getTime();
      await sql.query(`INSERT INTO audit_log (at, action) VALUES ($1, 'logout'), ($2, 'logout'), ($3, 'logout')`, [
        new Date(now - 181 * 86_400_000),
        new Date(now - 179 * 86_400_000),
        new Date(now - 1000),
      ]);
      const before = Number((await sql.query('SELECT count(*) FROM audit_log'))[0].count);
      // A shorter retention is never applied.
      expect(await audit.purgeOlderThan(30)).toBe(1);
      const after = Number((await sql.query('SELECT count(*) FROM audit_log'))[0].count);
      expect(after).toBe(before - 1);
      expect(Number((await sql.query(`SELECT count(*) FROM audit_log WHERE at < $1`, [new Date(now - 180 * 86_400_000)]))[0].count)).toBe(
        0,
      );
      expect(await audit.purgeOlderThan(180)).toBe(0);
    });
  });
  // Each test its own platform admin: enrolling raises an admin's session version (which would end
  // world.tokens.admin), and a second factor turned on by one test must not be met by another.
  describe('TOTP second factor', () => {
    /** The code an authenticator app shows now by the server's clock; each use moves the clock to the next 30-second step (a code is good once). */
    const code = async (secret: string) => {
      clock.advance(30_000);
      return generate({ secret, epoch: Math.floor(clock.now().getTime() / 1000) });
    };
    /** Confirms an enrolment begun with `token` by the code of `secret` now. */
    const confirmTotp = async (token: string, secret: string) =>
      api.request({ method: 'POST', url: '/auth/totp/confirm', token, payload: { code: await code(secret) } });
    let admins = 0;
    /** A new platform admin, not yet enrolled; returns the user name. */
    const newAdmin = async () => {
      const username = `totp-admin-${++admins}`;
      await api.get(UsersService).create({ username, password: TEST_PASSWORD, displayName: '平台管理员', role: Role.PlatformAdmin });
      return username;
    };
    /** A new platform admin who has enrolled (the first test walks through the enrolment itself); returns the name and secret. */
    const enrolledAdmin = async () => {
      const username = await newAdmin();
      const first = await logIn(api, username, TEST_PASSWORD);
      const { secret } = (await api.request({ method: 'POST', url: '/auth/totp/enrol', token: first.accessToken, payload: {} })).json();
      const confirmed = await confirmTotp(first.accessToken, secret);
      expect(confirmed.statusCode).toBe(200);
      return { username, secret: secret as string };
    };

    it('makes a platform admin enrol before anything else, then asks for a code at every log-in', async () => {
      const admin = await newAdmin();
      const first = await logIn(api, admin, TEST_PASSWORD);
      const blocked = await api.request({ method: 'GET', url: '/users', token: first.accessToken });
      expect(blocked.statusCode).toBe(403);
      expect(blocked.json().code).toBe('TOTP_ENROLMENT_REQUIRED');
      expect((await api.request({ method: 'GET', url: '/auth/me', token: first.accessToken })).json()).toMatchObject({
        totpEnrolmentRequired: true,
        totpEnabled: false,
      });

      const enrol = await api.request({ method: 'POST', url: '/auth/totp/enrol', token: first.accessToken, payload: {} });
      expect(enrol.statusCode).toBe(200);
      const { secret, otpauthUri } = enrol.json();
      expect(otpauthUri).toMatch(/^otpauth:\/\/totp\//);
      const wrong = await api.request({ method: 'POST', url: '/auth/totp/confirm', token: first.accessToken, payload: { code: '000000' } });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().details).toEqual([expect.objectContaining({ field: 'code', message: expect.any(String) })]);
      const confirmed = await confirmTotp(first.accessToken, secret);
      expect(confirmed.statusCode).toBe(200);
      expect((await api.request({ method: 'GET', url: '/users', token: confirmed.json().accessToken })).statusCode).toBe(200);
      // The enrolment-only token has ended.
      expect((await api.request({ method: 'GET', url: '/auth/me', token: first.accessToken })).statusCode).toBe(401);

      const noCode = await api.request({ method: 'POST', url: '/auth/login', payload: { username: admin, password: TEST_PASSWORD } });
      expect(noCode.json()).toMatchObject({ statusCode: 401, code: 'TOTP_REQUIRED' });
      const badCode = await api.request({
        method: 'POST',
        url: '/auth/login',
        payload: { username: admin, password: TEST_PASSWORD, totpCode: '123456' },
      });
      expect(badCode.json()).toMatchObject({ statusCode: 401, code: 'TOTP_INVALID' });
      const ok = await logIn(api, admin, TEST_PASSWORD, { totpCode: await code(secret) });
      expect((await api.request({ method: 'GET', url: '/users', token: ok.accessToken })).statusCode).toBe(200);
      expect((await api.request({ method: 'GET', url: '/auth/me', token: ok.accessToken })).json()).toMatchObject({
        totpEnabled: true,
        totpEnrolmentRequired: false,
      });
    });

    it('takes each code once: the same code again is refused, the next step’s code is taken', async () => {
      const { username: admin, secret } = await enrolledAdmin();
      const once = await code(secret);
      await logIn(api, admin, TEST_PASSWORD, { totpCode: once });
      const replay = await api.request({
        method: 'POST',
        url: '/auth/login',
        payload: { username: admin, password: TEST_PASSWORD, totpCode: once },
      });
      expect(replay.json()).toMatchObject({ statusCode: 401, code: 'TOTP_INVALID' });
      // Two requests carrying one fresh code at once: one session, one refusal.
      const fresh = await code(secret);
      const both = await Promise.all(
        [0, 1].map(() =>
          api.request({ method: 'POST', url: '/auth/login', payload: { username: admin, password: TEST_PASSWORD, totpCode: fresh } }),
        ),
      );
      expect(both.map((r) => r.statusCode).sort()).toEqual([200, 401]);
      expect((await logIn(api, admin, TEST_PASSWORD, { totpCode: await code(secret) })).accessToken).toEqual(expect.any(String));
    });

    it('does not ask other roles to enrol; they may enrol and turn it off with a current code, audited', async () => {
      // A regulator of its own: enrolling ends the user's earlier tokens (world.tokens are read by other tests).
      const regulator = await api.get(UsersService).create({
        username: 'totp-regulator',
        password: TEST_PASSWORD,
        displayName: '监管人员',
        role: Role.Regulator,
        regionId: world.regions.province,
      });
      const session = await logIn(api, 'totp-regulator', TEST_PASSWORD);
      expect((await api.request({ method: 'GET', url: '/auth/me', token: session.accessToken })).json()).toMatchObject({
        totpEnrolmentRequired: false,
        totpRequired: false,
      });
      const { secret } = (await api.request({ method: 'POST', url: '/auth/totp/enrol', token: session.accessToken, payload: {} })).json();
      const token = (await confirmTotp(session.accessToken, secret)).json().accessToken;
      const wrong = await api.request({ method: 'POST', url: '/auth/totp/disable', token, payload: { code: '000000' } });
      expect(wrong.json()).toMatchObject({ statusCode: 400, details: [expect.objectContaining({ field: 'code' })] });
      expect(
        (await api.request({ method: 'POST', url: '/auth/totp/disable', token, payload: { code: await code(secret) } })).statusCode,
      ).toBe(204);
      expect((await api.request({ method: 'GET', url: '/auth/me', token })).json()).toMatchObject({ totpEnabled: false });
      // Log-in asks for no code again.
      await logIn(api, 'totp-regulator', TEST_PASSWORD);
      const rows = await sql.query(`SELECT actor_id FROM audit_log WHERE action = 'totp.disabled'`);
      expect(rows).toEqual([{ actor_id: regulator.id }]);
    });

    it('keeps a required platform admin’s second factor on', async () => {
      const { username: admin, secret } = await enrolledAdmin();
      const res = await api.request({ method: 'POST', url: '/auth/login', payload: { username: admin, password: TEST_PASSWORD } });
      expect(res.json().code).toBe('TOTP_REQUIRED');
      // The sealed secret stored is the one enrolled.
      const [{ totp_secret: sealed }] = await sql.query('SELECT totp_secret FROM users WHERE username = $1', [admin]);
      expect(api.get(TotpService).open(sealed)).toBe(secret);
      const session = await logIn(api, admin, TEST_PASSWORD, { totpCode: await code(secret) });
      expect((await api.request({ method: 'GET', url: '/auth/me', token: session.accessToken })).json()).toMatchObject({
        totpEnabled: true,
        totpRequired: true,
      });
      const refused = await api.request({
        method: 'POST',
        url: '/auth/totp/disable',
        token: session.accessToken,
        payload: { code: await code(secret) },
      });
      expect(refused.json()).toMatchObject({ statusCode: 409, code: 'TOTP_REQUIRED_FOR_ROLE' });
    });
  });
});
