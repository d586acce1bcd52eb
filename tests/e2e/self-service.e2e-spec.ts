import { DataSource } from 'typeorm';
import type { TestApi } from '../support/api';
import { createTestApi } from '../support/api';
import { logIn } from '../support/auth';
import type { World } from '../support/fixtures';
import { seedWorld, testIdNumber } from '../support/fixtures';

const PASSWORD = 'Rg7#kWp2-Zt9q';
const profile = { educationLevel: 'bachelor', qualityWorkYears: 6, qualityQualification: 'intermediate', relatedSeniorTitle: false };

/**
 * Issue 16, account self-service: registration refuses bad input naming the field and writes
 * nothing; its answer never tells whether a person (ID number, phone, e-mail) is on the platform;
 * the employer search works without log-in and tells nothing about people; the profile keeps the
 * (masked) ID number and phone when they are not sent again.
 */
describe('self-service registration and profile', () => {
  let api: TestApi;
  let world: World;
  let sql: DataSource;

  beforeAll(async () => {
    api = await createTestApi();
    world = await seedWorld(api);
    sql = api.get(DataSource);
  }, 180_000);
  afterAll(() => api?.close());

  const register = (payload: Record<string, unknown>) =>
    api.request({ method: 'POST', url: '/auth/register', payload: { ...profile, password: PASSWORD, ...payload } });
  const counts = async () => {
    const [row]: { users: number; profiles: number; collisions: number; outbox: number }[] = await sql.query(
      `SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM trainee_profiles) AS profiles,
              (SELECT count(*)::int FROM id_number_collisions) AS collisions, (SELECT count(*)::int FROM outbox_events) AS outbox`,
    );
    return row;
  };

  describe('bad input', () => {
    const good = {
      username: 'bad-input',
      fullName: '王五',
      idNumber: testIdNumber(801),
      phone: '13912345678',
      email: 'wangwu@example.com',
      enterpriseId: undefined as string | undefined,
    };

    it.each([
      ['idNumber', { idNumber: testIdNumber(801).slice(0, 17) + (testIdNumber(801).endsWith('1') ? '2' : '1') }],
      ['idNumber', { idNumber: '62010219800230001X' }],
      ['phone', { phone: '1391234567' }],
      ['phone', { phone: '23912345678' }],
      ['email', { email: 'wangwu.example.com' }],
      ['email', { email: 'wangwu@' }],
      // A lone surrogate made validator.js's isEmail throw (a 500 the fuzz found).
      ['email', { email: 'wang\ud800@example.com' }],
      ['email', { email: `${'x'.repeat(250)}@example.com` }],
    ])('answers 400 naming %s and writes nothing (%j)', async (field, change) => {
      const before = await counts();
      const res = await register({ ...good, enterpriseId: world.enterpriseLZ, ...change });
      expect(res.statusCode).toBe(400);
      expect(res.json().details).toEqual([expect.objectContaining({ field, message: expect.any(String) })]);
      expect(await counts()).toEqual(before);
    });

    it('takes the same person with good input (the cases above differ only in the named field)', async () => {
      const res = await register({ ...good, enterpriseId: world.enterpriseLZ });
      expect(res.statusCode).toBe(201);
    });
  });

  describe('the answer never tells whether an account exists', () => {
    // Everything the answer carries except the new account's own id.
    const shape = (body: Record<string, unknown>) => {
      const { userId, ...rest } = body;
      expect(userId).toEqual(expect.any(String));
      return rest;
    };

    it('answers a taken ID number, phone and e-mail exactly like a fresh registration', async () => {
      const person = {
        fullName: '赵六',
        idNumber: testIdNumber(802),
        phone: '13811112222',
        email: 'zhaoliu@example.com',
        enterpriseId: world.enterpriseLZ,
      };
      const first = await register({ ...person, username: 'zhaoliu-1' });
      const again = await register({ ...person, username: 'zhaoliu-2' });
      const phoneOnly = await register({ ...person, idNumber: testIdNumber(803), username: 'zhaoliu-3' });
      const fresh = await register({
        ...person,
        idNumber: testIdNumber(804),
        phone: '13833334444',
        email: 'other@example.com',
        username: 'zhaoliu-4',
      });
      for (const res of [first, again, phoneOnly, fresh]) {
        expect(res.statusCode).toBe(201);
        expect(Object.keys(res.json()).sort()).toEqual(Object.keys(first.json()).sort());
        expect(JSON.stringify(res.json())).not.toMatch(/exist|taken|already|已注册|已存在|冲突/i);
      }
      // The same person twice: byte for byte the same answer apart from the new account's id.
      expect(shape(again.json())).toEqual(shape(first.json()));
      expect(shape(phoneOnly.json())).toEqual({
        ...shape(first.json()),
        idNumberMasked: `${testIdNumber(803).slice(0, 6)}********${testIdNumber(803).slice(-4)}`,
      });
      // Each of them can log in; the taken number waits aside as a collision for the enterprise or city.
      await logIn(api, 'zhaoliu-2', PASSWORD);
      const [{ n }]: { n: number }[] = await sql.query('SELECT count(*)::int AS n FROM id_number_collisions WHERE user_id = $1', [
        again.json().userId,
      ]);
      expect(n).toBe(1);
    });

    it('a taken user name is a 409 about the name only (a chosen handle, not a person; documented)', async () => {
      // The name is taken by an account this test registers itself.
      expect((await register({ username: 'taken-name', fullName: '周九', idNumber: testIdNumber(807) })).statusCode).toBe(201);
      const res = await register({ username: 'taken-name', fullName: '孙七', idNumber: testIdNumber(805) });
      expect(res.statusCode).toBe(409);
      expect(res.json().details).toEqual([expect.objectContaining({ field: 'username' })]);
      expect(res.body).not.toContain(testIdNumber(805).slice(-4) + '"');
    });
  });

  describe('employer search without log-in', () => {
    it('finds by part of the name or the start of the credit code, enterprise data only', async () => {
      const byName = await api.request({ method: 'GET', url: `/enterprises/search?q=${encodeURIComponent('兰州测试')}` });
      expect(byName.statusCode).toBe(200);
      expect(byName.json()).toEqual([
        { id: world.enterpriseLZ, name: '兰州测试企业', creditCode: expect.any(String), regionName: expect.any(String) },
      ]);
      const code = byName.json()[0].creditCode as string;
      const byCode = await api.request({ method: 'GET', url: `/enterprises/search?q=${code.slice(0, 12)}` });
      expect(byCode.json().map((e: { id: string }) => e.id)).toContain(world.enterpriseLZ);
      const wildcard = await api.request({ method: 'GET', url: `/enterprises/search?q=${encodeURIComponent('%%')}` });
      expect(wildcard.json()).toEqual([]);
    });

    it('answers at most ten hits and refuses a query shorter than two characters, naming q', async () => {
      for (let i = 0; i < 12; i += 1) {
        await sql.query(`INSERT INTO enterprises (name, credit_code, region_id) VALUES ($1, $2, $3)`, [
          `批量查询企业${i}`,
          `91620100SEARCH${String(i).padStart(4, '0')}`,
          world.regions.lanzhou,
        ]);
      }
      const many = await api.request({ method: 'GET', url: `/enterprises/search?q=${encodeURIComponent('批量查询')}` });
      expect(many.json()).toHaveLength(10);
      const short = await api.request({ method: 'GET', url: `/enterprises/search?q=${encodeURIComponent('批')}` });
      expect(short.statusCode).toBe(400);
      expect(short.json().details).toEqual([expect.objectContaining({ field: 'q' })]);
    });
  });

  it('limits the public search per client address (30 a minute), and only the search', async () => {
    const search = (remoteAddress: string) =>
      api.request({ method: 'GET', url: `/enterprises/search?q=${encodeURIComponent('兰州')}`, remoteAddress });
    for (let i = 0; i < 30; i += 1) expect((await search('10.16.0.1')).statusCode).toBe(200);
    const limited = await search('10.16.0.1');
    expect(limited.statusCode).toBe(429);
    expect((await search('10.16.0.2')).statusCode).toBe(200);
    // The log-in throttler is not spent by searches, nor the search throttler by log-ins.
    const login = await api.request({
      method: 'POST',
      url: '/auth/login',
      payload: { username: 'nobody-here', password: 'x' },
      remoteAddress: '10.16.0.1',
    });
    expect(login.statusCode).toBe(401);
  });

  describe('profile', () => {
    it('keeps the ID number and phone when they are not sent, changes the rest, clears the phone on null', async () => {
      const reg = await register({ username: 'profile-owner', fullName: '钱八', idNumber: testIdNumber(806), phone: '13955556666' });
      const { accessToken } = await logIn(api, 'profile-owner', PASSWORD);
      const put = (payload: Record<string, unknown>) => api.request({ method: 'PUT', url: '/me/profile', token: accessToken, payload });
      const base = {
        fullName: '钱八',
        educationLevel: 'master',
        qualityWorkYears: 8.5,
        qualityQualification: 'senior',
        relatedSeniorTitle: true,
        titleName: '高级工程师',
      };
      const updated = await put(base);
      expect(updated.statusCode).toBe(200);
      expect(updated.json()).toMatchObject({ ...base, idNumberMasked: reg.json().idNumberMasked, phoneMasked: reg.json().phoneMasked });
      const bad = await put({ ...base, phone: '12345' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().details).toEqual([expect.objectContaining({ field: 'phone' })]);
      const cleared = await put({ ...base, phone: null });
      expect(cleared.json().phoneMasked).toBeNull();
      const [{ phone_hash }]: { phone_hash: string | null }[] = await sql.query(
        'SELECT phone_hash FROM trainee_profiles WHERE user_id = $1',
        [reg.json().userId],
      );
      expect(phone_hash).toBeNull();
    });
  });
});
