import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import type { World } from '../../support/fixtures';
import { seedWorld, TEST_PASSWORD, testIdNumber } from '../../support/fixtures';

/** The five classes of input that used to answer 500 (issue 13, problem 6): each is now a 400 naming the field. */
describe('hostile input', () => {
  let api: TestApi;
  let world: World;
  beforeAll(async () => {
    api = await createTestApi();
    world = await seedWorld(api);
  });
  afterAll(() => api.close());

  const fieldsOf = (res: { json(): { details: { field: string }[] } }) => res.json().details.map((d) => d.field);

  describe('NUL characters', () => {
    it('in a body string (log-in, registration)', async () => {
      const login = await api.request({
        method: 'POST',
        url: '/auth/login',
        payload: { username: 'admin\u0000', password: TEST_PASSWORD },
      });
      expect(login.statusCode).toBe(400);
      expect(login.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(fieldsOf(login)).toEqual(['username']);

      const register = await api.request({
        method: 'POST',
        url: '/auth/register',
        payload: {
          username: 'nul-user',
          password: TEST_PASSWORD,
          fullName: '张\u0000三',
          idNumber: testIdNumber(901),
          educationLevel: 'bachelor',
          qualityWorkYears: 6,
          qualityQualification: 'intermediate',
          relatedSeniorTitle: false,
        },
      });
      expect(register.statusCode).toBe(400);
      expect(fieldsOf(register)).toEqual(['fullName']);
    });

    it('in a nested string and in an object key', async () => {
      const nested = await api.request({
        method: 'POST',
        url: '/auth/login',
        payload: { username: 'a', password: 'b', x: { y: ['ok', 'bad\u0000'] } },
      });
      expect(nested.statusCode).toBe(400);
      expect(fieldsOf(nested)).toEqual(['x.y[1]']);
      const key = await api.request({ method: 'POST', url: '/auth/login', payload: { ['user\u0000name']: 'a', password: 'b' } });
      expect(key.statusCode).toBe(400);
    });

    it('in a query string and a path parameter', async () => {
      const catalog = await api.request({ method: 'GET', url: '/catalog?q=%E8%B4%A8%00', token: world.tokens.traineeLZ });
      expect(catalog.statusCode).toBe(400);
      expect(fieldsOf(catalog)).toEqual(['q']);
      const path = await api.request({ method: 'GET', url: '/certificates/verify/abc%00def' });
      expect(path.statusCode).toBe(400);
      expect(fieldsOf(path)).toEqual(['token']);
    });
  });

  describe('JSON nesting and array size', () => {
    it('refuses a body nested deeper than 32 levels (3,000 deep)', async () => {
      const deep = `{"username":${'{"a":'.repeat(3000)}1${'}'.repeat(3000)},"password":"x"}`;
      const res = await api.request({ method: 'POST', url: '/auth/login', payload: deep, headers: { 'content-type': 'application/json' } });
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res)).toEqual(['username']);
    });

    it('refuses 10,000 nested arrays', async () => {
      const res = await api.request({
        method: 'POST',
        url: '/auth/login',
        payload: `{"username":${'['.repeat(10000)}${']'.repeat(10000)},"password":"x"}`,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.statusCode).toBe(400);
    });

    it('refuses an array longer than the limit', async () => {
      const res = await api.request({
        method: 'POST',
        url: '/auth/login',
        payload: { username: 'a', password: 'b', list: new Array(20_000).fill(1) },
      });
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res)).toEqual(['list']);
    });
  });

  describe('bodies that are not objects', () => {
    it.each([['null'], ['[]'], ['"text"'], ['42']])('refuses %s where an object is expected', async (payload) => {
      const res = await api.request({ method: 'POST', url: '/auth/login', payload, headers: { 'content-type': 'application/json' } });
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res)).toEqual(['body']);
    });

    it('refuses a null body on an authenticated route too', async () => {
      const res = await api.request({
        method: 'POST',
        url: '/users',
        token: world.tokens.admin,
        payload: 'null',
        headers: { 'content-type': 'application/json' },
      });
      expect(res.statusCode).toBe(400);
    });
  });

  describe('page numbers and sizes', () => {
    it.each([
      ['page=9999999999999999999999', 'page'],
      ['page=1e30', 'page'],
      ['page=0', 'page'],
      ['page=-1', 'page'],
      ['pageSize=1e30', 'pageSize'],
      ['page=1.5', 'page'],
    ])('refuses ?%s', async (query, field) => {
      const res = await api.request({ method: 'GET', url: `/enterprises?${query}`, token: world.tokens.admin });
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res)).toContain(field);
    });

    it('still answers the last sensible page (empty)', async () => {
      const res = await api.request({ method: 'GET', url: '/enterprises?page=100000', token: world.tokens.admin });
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toEqual([]);
    });
  });

  it('refuses "file": [] on a yearly report', async () => {
    const res = await api.request({
      method: 'POST',
      url: '/registry/yearly-reports',
      token: world.tokens.entAdminLZ,
      payload: {
        year: 2026,
        cqoInPlace: true,
        appraisalSystemEstablished: true,
        appraisalResult: 'excellent',
        majorQualityIncidents: 0,
        summary: '本年度首席质量官履职情况良好。',
        file: [],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toContain('file');
  });

  it('refuses an array where a list holds objects (an inner array would otherwise pass the nested check)', async () => {
    const claim = await api.request({
      method: 'POST',
      url: '/me/external-claims',
      token: world.tokens.traineeLZ,
      payload: {
        organiser: '测试',
        title: '培训',
        startedOn: '2026-04-20',
        endedOn: '2026-04-21',
        category: 1,
        kind: 'continuing',
        hours: '8',
        topicCodes: [],
        evidence: [{ fileName: 'a.pdf', contentBase64: 'JVBE' }, []],
      },
    });
    expect(claim.statusCode).toBe(400);
    expect(fieldsOf(claim).some((f) => f.startsWith('evidence'))).toBe(true);
    const answers = await api.request({
      method: 'PUT',
      url: '/me/exam-attempts/00000000-0000-4000-8000-000000000000/answers',
      token: world.tokens.traineeLZ,
      payload: { answers: [[]] },
    });
    expect(answers.statusCode).toBe(400);
    expect(fieldsOf(answers).some((f) => f.startsWith('answers'))).toBe(true);
  });
});
