import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AccrualService } from '@cqo/credit-hours';
import { IdentityReferences, TraineesService } from '@cqo/trainees';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import { logIn } from '../../support/auth';
import type { World } from '../../support/fixtures';
import { seedWorld, testIdNumber } from '../../support/fixtures';

const PASSWORD = 'Tq8#Lw3z-Vb5n';
const profile = { educationLevel: 'bachelor', qualityWorkYears: 6, qualityQualification: 'intermediate', relatedSeniorTitle: false };

/**
 * Issue 13: a taken ID number at registration becomes a collision, decided by the admin of either
 * person's enterprise, a regulator of its region, or a platform admin; masked numbers only, audited,
 * one transaction.
 */
describe('ID-number collisions', () => {
  let api: TestApi;
  let world: World;
  let sql: DataSource;
  let bodies: string[];

  // Each test its own database: the pending lists must show exactly the collisions the test made.
  beforeEach(async () => {
    bodies = [];
    api = await createTestApi();
    world = await seedWorld(api);
    sql = api.get(DataSource);
  });
  afterEach(() => api?.close());

  const register = async (username: string, idNumber: string, enterpriseId?: string) => {
    const res = await api.request({
      method: 'POST',
      url: '/auth/register',
      payload: {
        ...profile,
        username,
        password: PASSWORD,
        fullName: `姓名${username.slice(-2)}`,
        idNumber,
        ...(enterpriseId ? { enterpriseId } : {}),
      },
    });
    expect(res.statusCode).toBe(201);
    return res.json().userId as string;
  };
  const pending = async (token: string) => {
    const res = await api.request({ method: 'GET', url: '/id-number-collisions', token });
    bodies.push(res.body);
    return res;
  };
  const resolve = async (token: string, id: string, decision: string) => {
    const res = await api.request({ method: 'POST', url: `/id-number-collisions/${id}/resolve`, token, payload: { decision } });
    bodies.push(res.body);
    return res;
  };
  const idsOf = (res: { json(): { id: string }[] }) => res.json().map((c) => c.id);
  /** holder710 then claimant710 register with one ID number at the Lanzhou enterprise: a pending collision. */
  const collide710 = async () => {
    const holder = await register('holder710', testIdNumber(710), world.enterpriseLZ);
    const claimant = await register('claimant710', testIdNumber(710), world.enterpriseLZ);
    const [{ id }] = (await pending(world.tokens.entAdminLZ)).json();
    return { id: id as string, holder, claimant };
  };

  it('lists a pending collision to the enterprise, its city, the province and platform admins, masked; nobody else', async () => {
    const idNumber = testIdNumber(710);
    const holder = await register('holder710', idNumber, world.enterpriseLZ);
    const claimant = await register('claimant710', idNumber, world.enterpriseLZ);
    const lz = await pending(world.tokens.entAdminLZ);
    expect(lz.statusCode).toBe(200);
    expect(lz.json()).toEqual([
      {
        id: expect.any(String),
        createdAt: expect.any(String),
        idNumberMasked: `${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`,
        claimant: { userId: claimant, fullName: '姓名10', enterpriseName: '兰州测试企业' },
        holder: { userId: holder, fullName: '姓名10', enterpriseName: null, hasRecords: false },
      },
    ]);
    const [{ id }] = lz.json();
    expect(idsOf(await pending(world.tokens.regulatorLZ))).toEqual([id]);
    expect(idsOf(await pending(world.tokens.regulatorGS))).toEqual([id]);
    expect(idsOf(await pending(world.tokens.admin))).toContain(id);
    expect((await pending(world.tokens.entAdminTS)).json()).toEqual([]);
    expect((await pending(world.tokens.regulatorTS)).json()).toEqual([]);
    expect((await pending(world.tokens.traineeLZ)).statusCode).toBe(403);
    expect((await pending(world.tokens.orgAdminA)).statusCode).toBe(403);
  });

  it('refuses another city, other roles and a bad decision without changing anything', async () => {
    const { id } = await collide710();
    const ts = await resolve(world.tokens.regulatorTS, id, 'claimant_confirmed');
    expect(ts.statusCode).toBe(404);
    expect(ts.json().code).toBe('ID_COLLISION_NOT_FOUND');
    expect((await resolve(world.tokens.entAdminTS, id, 'claimant_confirmed')).statusCode).toBe(404);
    expect((await resolve(world.tokens.traineeLZ, id, 'claimant_confirmed')).statusCode).toBe(403);
    const bad = await resolve(world.tokens.regulatorLZ, id, 'maybe');
    expect(bad.json()).toMatchObject({ statusCode: 400, details: [expect.objectContaining({ field: 'decision' })] });
    expect((await resolve(world.tokens.regulatorLZ, randomUUID(), 'claim_rejected')).statusCode).toBe(404);
    expect(idsOf(await pending(world.tokens.regulatorLZ))).toEqual([id]);
  });

  it('confirms the newcomer as the person: they get the number, the earlier account loses it and is disabled, audited', async () => {
    const idNumber = testIdNumber(710);
    await collide710();
    const holderSession = await logIn(api, 'holder710', PASSWORD);
    const [{ id, claimant, holder }] = (await pending(world.tokens.regulatorLZ)).json();
    const done = await resolve(world.tokens.regulatorLZ, id, 'claimant_confirmed');
    expect(done.statusCode).toBe(200);
    expect(await api.get(TraineesService).findUserIdByIdNumber(idNumber)).toBe(claimant.userId);
    expect((await api.request({ method: 'GET', url: '/auth/me', token: holderSession.accessToken })).statusCode).toBe(401);
    expect(
      (await api.request({ method: 'POST', url: '/auth/login', payload: { username: 'holder710', password: PASSWORD } })).statusCode,
    ).toBe(401);
    const claimantProfile = (
      await api.request({ method: 'GET', url: '/me/profile', token: (await logIn(api, 'claimant710', PASSWORD)).accessToken })
    ).json();
    expect(claimantProfile.idNumberMasked).toBe(`${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`);

    const [row] = await sql.query(`SELECT actor_id, subject_id, details FROM audit_log WHERE action = 'trainee.id_collision_resolved'`);
    expect(row).toMatchObject({
      actor_id: world.users.regulatorLZ,
      subject_id: claimant.userId,
      details: { decision: 'claimant_confirmed', holderId: holder.userId },
    });
    const [disabled] = await sql.query(`SELECT details FROM audit_log WHERE action = 'user.status_changed' AND subject_id = $1`, [
      holder.userId,
    ]);
    expect(disabled.details).toMatchObject({ to: 'disabled', reason: 'id_number_collision' });
    expect((await resolve(world.tokens.regulatorLZ, id, 'claim_rejected')).json().code).toBe('ID_COLLISION_RESOLVED');
    expect(await pending(world.tokens.regulatorLZ).then((r) => r.json())).toEqual([]);
  });

  it('will not take the number from an account with records (nothing written); the claim can be rejected', async () => {
    const idNumber = testIdNumber(720);
    const holder = await register('holder720', idNumber, world.enterpriseTS);
    expect(
      (await api.request({ method: 'POST', url: `/enterprise/employee-requests/${holder}/confirm`, token: world.tokens.entAdminTS }))
        .statusCode,
    ).toBe(200);
    await api.get(AccrualService).accrueCompletion(null, {
      enrollmentId: randomUUID(),
      traineeId: holder,
      courseId: randomUUID(),
      courseVersionId: randomUUID(),
      organizationId: randomUUID(),
      category: 1,
      kind: 'appointment',
      creditHours: '4',
      completedAt: '2026-10-01T02:00:00Z',
    });
    const claimant = await register('claimant720', idNumber);
    // No enterprise named: the holder's (confirmed) enterprise in Tianshui decides, not Lanzhou.
    const [collision] = (await pending(world.tokens.entAdminTS)).json();
    expect(collision).toMatchObject({
      claimant: { userId: claimant, enterpriseName: null },
      holder: { userId: holder, enterpriseName: expect.any(String), hasRecords: true },
    });
    expect(idsOf(await pending(world.tokens.regulatorTS))).toEqual([collision.id]);
    expect((await pending(world.tokens.regulatorLZ)).json()).toEqual([]);
    expect((await pending(world.tokens.entAdminLZ)).json()).toEqual([]);
    const before = await sql.query(
      'SELECT user_id, id_number_hash, id_number_masked FROM trainee_profiles WHERE user_id = ANY($1) ORDER BY user_id',
      [[holder, claimant]],
    );
    const refused = await resolve(world.tokens.regulatorGS, collision.id, 'claimant_confirmed');
    expect(refused.json()).toMatchObject({ statusCode: 409, code: 'ID_COLLISION_HOLDER_HAS_RECORDS' });
    expect(
      await sql.query('SELECT user_id, id_number_hash, id_number_masked FROM trainee_profiles WHERE user_id = ANY($1) ORDER BY user_id', [
        [holder, claimant],
      ]),
    ).toEqual(before);
    expect((await sql.query('SELECT status FROM users WHERE id = $1', [holder]))[0].status).toBe('active');

    const rejected = await resolve(world.tokens.entAdminTS, collision.id, 'claim_rejected');
    expect(rejected.statusCode).toBe(200);
    expect(await api.get(TraineesService).findUserIdByIdNumber(idNumber)).toBe(holder);
    const [row] = await sql.query('SELECT decision, resolved_by FROM id_number_collisions WHERE id = $1', [collision.id]);
    expect(row).toEqual({ decision: 'claim_rejected', resolved_by: world.users.entAdminTS });
  });

  it('never shows, logs or audits a whole ID number', async () => {
    // A collision listed to every role and confirmed, another rejected.
    const first = await collide710();
    for (const token of [world.tokens.regulatorLZ, world.tokens.regulatorGS, world.tokens.admin, world.tokens.entAdminTS])
      await pending(token);
    expect((await resolve(world.tokens.regulatorLZ, first.id, 'claimant_confirmed')).statusCode).toBe(200);
    await register('holder720', testIdNumber(720), world.enterpriseTS);
    await register('claimant720', testIdNumber(720));
    const [second] = (await pending(world.tokens.admin)).json();
    expect((await resolve(world.tokens.admin, second.id, 'claim_rejected')).statusCode).toBe(200);
    expect(await sql.query('SELECT 1 FROM audit_log')).not.toHaveLength(0);
    const everything = [
      ...bodies,
      JSON.stringify(await sql.query('SELECT * FROM audit_log')),
      JSON.stringify(await sql.query('SELECT * FROM id_number_collisions')),
    ];
    for (const text of everything) {
      for (const n of [710, 720]) {
        expect(text).not.toContain(testIdNumber(n));
        expect(text).not.toContain(testIdNumber(n).slice(6, 14));
      }
    }
  });

  it('locks ID numbers through the libs that own the records, not by reading their tables', async () => {
    expect(api.get(IdentityReferences).names().sort()).toEqual(['appointments', 'certificates', 'credit entries']);
    const dir = join(__dirname, '../../../libs/trainees/src');
    const sources = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(sources.length).toBeGreaterThan(3);
    for (const file of sources)
      expect({
        file,
        foreign: readFileSync(join(dir, file), 'utf8').match(
          /\b(FROM|JOIN|UPDATE|INTO)\s+"?(credit_entries|cqo_appointments|certificates)\b/gi,
        ),
      }).toEqual({ file, foreign: null });
  });
});
