import SwaggerParser from '@apidevtools/swagger-parser';
import type { TestApi } from '../support/api';
import { createTestApi } from '../support/api';
import type { World } from '../support/fixtures';
import { seedWorld } from '../support/fixtures';

describe('HTTP conventions', () => {
  let api: TestApi;
  let world: World;
  beforeAll(async () => {
    api = await createTestApi();
    world = await seedWorld(api);
  });
  afterAll(() => api.close());

  it('answers a bad body with 400 and names every offending field', async () => {
    const res = await api.request({
      method: 'POST',
      url: '/users',
      token: world.tokens.admin,
      payload: { username: 'a', password: 'short', displayName: '', role: 'king', shoeSize: 42 },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(body.details.map((d: { field: string }) => d.field).sort()).toEqual(['displayName', 'password', 'role', 'shoeSize', 'username']);
    // People read labels, not codes: the summary and each message name the field as the form does.
    expect(body.message).toContain('用户名');
    const byField = Object.fromEntries(body.details.map((d: { field: string; message: string }) => [d.field, d.message]));
    expect(byField.displayName).toBe('请填写显示名称');
    expect(byField.role).toBe('角色不是可选的值，请从列表中选择');
    expect(byField.shoeSize).toBe('不能提交“shoeSize”这一项');
    expect(body.details.find((d: { field: string }) => d.field === 'displayName')).toMatchObject({ label: '显示名称', rule: 'required' });
  });

  it('names nested and path fields too', async () => {
    const badPath = await api.request({ method: 'GET', url: '/enterprises/not-a-uuid', token: world.tokens.admin });
    expect(badPath.statusCode).toBe(400);
    expect(badPath.json().details).toEqual([expect.objectContaining({ field: 'id', message: expect.any(String) })]);
    const badQuery = await api.request({ method: 'GET', url: '/enterprises?pageSize=1000', token: world.tokens.admin });
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.json().details[0].field).toBe('pageSize');
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await api.request({
      method: 'POST',
      url: '/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "admin", ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ statusCode: 400, code: 'MALFORMED_JSON', message: expect.any(String), details: [] });
  });

  it('answers an unknown route with the same error body', async () => {
    const res = await api.request({ method: 'GET', url: '/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ statusCode: 404, code: 'NOT_FOUND', details: [] });
  });

  it('refuses a staff account whose scope is missing or does not exist, writing nothing', async () => {
    const missing = await api.request({
      method: 'POST',
      url: '/users',
      token: world.tokens.admin,
      payload: { username: 'reg-x', password: 'Password@1', displayName: '监管', role: 'regulator' },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details).toEqual([expect.objectContaining({ field: 'regionId', message: expect.any(String) })]);
    const unknown = await api.request({
      method: 'POST',
      url: '/users',
      token: world.tokens.admin,
      payload: {
        username: 'reg-x',
        password: 'Password@1',
        displayName: '监管',
        role: 'regulator',
        regionId: '00000000-0000-4000-8000-000000000000',
      },
    });
    expect(unknown.statusCode).toBe(400);
    const list = await api.request({ method: 'GET', url: '/users?role=regulator&pageSize=100', token: world.tokens.admin });
    expect(list.json().items.map((u: { username: string }) => u.username)).not.toContain('reg-x');
  });

  it('answers a duplicate credit code with 409 naming the field', async () => {
    const existing = await api.request({ method: 'GET', url: `/enterprises/${world.enterpriseLZ}`, token: world.tokens.admin });
    const res = await api.request({
      method: 'POST',
      url: '/enterprises',
      token: world.tokens.admin,
      payload: {
        name: '重复企业',
        creditCode: existing.json().creditCode,
        regionId: world.regions.lanzhou,
        stateOwned: false,
        aboveDesignatedSize: false,
        production: true,
        chinaQualityAward: 'none',
        provincialQualityAward: 'none',
        cityQualityAward: 'none',
      },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().details[0].field).toBe('creditCode');
  });

  it('serves a valid OpenAPI 3 document at /docs-json and the UI at /docs', async () => {
    const doc = await api.request({ method: 'GET', url: '/docs-json' });
    expect(doc.statusCode).toBe(200);
    const spec = doc.json();
    expect(spec.openapi).toMatch(/^3\./);
    await expect(SwaggerParser.validate(structuredClone(spec))).resolves.toBeDefined();
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/auth/login', '/auth/me', '/enterprises/{id}']));
    const ui = await api.request({ method: 'GET', url: '/docs' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
  });

  it('reports health of PostgreSQL and Redis', async () => {
    const res = await api.request({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json().details).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'up' } });
  });

  it('echoes a caller request id and makes one otherwise', async () => {
    const given = await api.request({ method: 'GET', url: '/regions', headers: { 'x-request-id': 'trace-12345678' } });
    expect(given.headers['x-request-id']).toBe('trace-12345678');
    const made = await api.request({ method: 'GET', url: '/regions' });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the region tree: the province and its sixteen units', async () => {
    const res = await api.request({ method: 'GET', url: '/regions' });
    const [province] = res.json();
    expect(province.name).toBe('甘肃省');
    expect(province.children).toHaveLength(16);
    expect(province.children.map((c: { name: string }) => c.name)).toEqual(
      expect.arrayContaining(['兰州新区', '甘肃矿区', '临夏回族自治州']),
    );
  });
});

// Production serves no OpenAPI document (DOCS_ENABLED unset): the limit must not depend on it.
describe.each(['true', 'false'])('login rate limit (DOCS_ENABLED=%s)', (docsEnabled) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '3', DOCS_ENABLED: docsEnabled } });
  });
  afterAll(() => api.close());

  it('answers 429 after the allowed attempts for one user name from one address', async () => {
    const attempt = (username: string) =>
      api.request({ method: 'POST', url: '/auth/login', payload: { username, password: 'wrong-password' } });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await attempt('someone')).statusCode);
    expect(codes).toEqual([401, 401, 401, 429]);
    const limited = await attempt('someone');
    expect(limited.json()).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    // Another user name from the same address is not locked out by someone else's typos.
    expect((await attempt('someone-else')).statusCode).toBe(401);
  });
});
