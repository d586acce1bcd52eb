import type { Type } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { Role } from '@cqo/core';
import type { AccessRule } from '../../apps/api/src/http/common/access.decorator';
import { ACCESS_KEY } from '../../apps/api/src/http/common/access.decorator';
import type { TestApi } from '../support/api';
import { createTestApi } from '../support/api';
import type { World, WorldUser } from '../support/fixtures';
import { seedWorld } from '../support/fixtures';

interface Route {
  method: string;
  path: string;
  rule: AccessRule | undefined;
  name: string;
}

const A_USER_OF_EACH_ROLE: Record<Role, WorldUser> = {
  [Role.Trainee]: 'traineeLZ',
  [Role.OrgAdmin]: 'orgAdminA',
  [Role.EnterpriseAdmin]: 'entAdminLZ',
  [Role.Regulator]: 'regulatorLZ',
  [Role.PlatformAdmin]: 'admin',
};

/** Every route the API serves, with its declared access rule, read from the controllers themselves. */
function allRoutes(api: TestApi): Route[] {
  const discovery = new DiscoveryService(api.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const reflector = new Reflector();
  const routes: Route[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as Record<string, Type>;
    const controller = wrapper.metatype as Type;
    const controllerPath = [reflector.get<string | string[]>(PATH_METADATA, controller) ?? ''].flat()[0];
    for (const methodName of scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
      const handler = instance[methodName];
      const path = reflector.get<string | string[]>(PATH_METADATA, handler);
      if (path === undefined) continue;
      const method = RequestMethod[reflector.get<RequestMethod>(METHOD_METADATA, handler)];
      const rule = reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [handler, controller]);
      const full = `/${[controllerPath, [path].flat()[0]].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/');
      routes.push({ method, path: full, rule, name: `${wrapper.name}.${methodName}` });
    }
  }
  return routes;
}

/** A concrete URL for a route pattern: every `:param` becomes a well-formed id. */
const concrete = (path: string) => path.replace(/:[A-Za-z]+(\([^)]*\))?/g, '00000000-0000-4000-8000-000000000000');

describe('access control on every route', () => {
  let api: TestApi;
  let world: World;
  let routes: Route[];

  beforeAll(async () => {
    api = await createTestApi();
    world = await seedWorld(api);
    routes = allRoutes(api);
  });
  afterAll(() => api.close());

  it('finds the routes (the walk itself works)', () => {
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(expect.arrayContaining(['GET /auth/me', 'POST /users', 'GET /health']));
  });

  it('has an access rule declared on every route (the default is deny)', () => {
    expect(routes.filter((r) => !r.rule).map((r) => r.name)).toEqual([]);
  });

  it('answers 401 to every protected route called without a token', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.rule && 'roles' in r.rule)) {
      const res = await api.request({
        method: route.method as 'GET',
        url: concrete(route.path),
        payload: route.method === 'GET' ? undefined : {},
      });
      if (res.statusCode !== 401 || res.json().code !== 'NOT_AUTHENTICATED')
        failures.push(`${route.method} ${route.path} → ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('answers 403 to every role a route does not allow, for every role', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const route of routes) {
      if (!route.rule || !('roles' in route.rule)) continue;
      for (const role of Object.values(Role)) {
        if (route.rule.roles.includes(role)) continue;
        checked += 1;
        const res = await api.request({
          method: route.method as 'GET',
          url: concrete(route.path),
          payload: route.method === 'GET' ? undefined : {},
          token: world.tokens[A_USER_OF_EACH_ROLE[role]],
        });
        if (res.statusCode !== 403) failures.push(`${role}: ${route.method} ${route.path} → ${res.statusCode}`);
      }
    }
    expect(checked).toBeGreaterThan(10);
    expect(failures).toEqual([]);
  });
});

describe('scope: a role inside its rights but outside its scope gets 403', () => {
  let api: TestApi;
  let world: World;
  beforeAll(async () => {
    api = await createTestApi();
    world = await seedWorld(api);
  });
  afterAll(() => api.close());

  it('lets a city regulator see enterprises of its city only, and the province all', async () => {
    const own = await api.request({ method: 'GET', url: `/enterprises/${world.enterpriseLZ}`, token: world.tokens.regulatorLZ });
    expect(own.statusCode).toBe(200);
    const other = await api.request({ method: 'GET', url: `/enterprises/${world.enterpriseTS}`, token: world.tokens.regulatorLZ });
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('OUT_OF_SCOPE');
    const list = await api.request({ method: 'GET', url: '/enterprises', token: world.tokens.regulatorLZ });
    expect(list.json().items.map((e: { id: string }) => e.id)).toEqual([world.enterpriseLZ]);
    const province = await api.request({ method: 'GET', url: '/enterprises', token: world.tokens.regulatorGS });
    expect(
      province
        .json()
        .items.map((e: { id: string }) => e.id)
        .sort(),
    ).toEqual([world.enterpriseLZ, world.enterpriseTS].sort());
  });

  it('lets an enterprise admin see its own enterprise only, and change none of its target facts (regulator-owned)', async () => {
    expect(
      (await api.request({ method: 'GET', url: `/enterprises/${world.enterpriseTS}`, token: world.tokens.entAdminLZ })).statusCode,
    ).toBe(403);
    const edit = await api.request({
      method: 'PATCH',
      url: `/enterprises/${world.enterpriseTS}`,
      token: world.tokens.entAdminLZ,
      payload: { stateOwned: false },
    });
    expect(edit.statusCode).toBe(403);
    const ownEdit = await api.request({
      method: 'PATCH',
      url: `/enterprises/${world.enterpriseLZ}`,
      token: world.tokens.entAdminLZ,
      payload: { cityQualityAward: 'nominated' },
    });
    expect(ownEdit.statusCode).toBe(403);
    expect(ownEdit.json()).toMatchObject({ code: 'ENTERPRISE_FACTS_REGULATOR_OWNED', details: [{ field: 'cityQualityAward' }] });
    const own = await api.request({ method: 'GET', url: `/enterprises/${world.enterpriseLZ}`, token: world.tokens.entAdminLZ });
    expect(own.json().cityQualityAward).toBe('none');
  });

  it('shows a trainee profile to the employer and the region, not to others, and always masked', async () => {
    const url = `/trainees/${world.users.traineeLZ}`;
    for (const [who, status] of [
      ['entAdminLZ', 200],
      ['regulatorLZ', 200],
      ['regulatorGS', 200],
      ['admin', 200],
      ['entAdminTS', 403],
      ['regulatorTS', 403],
    ] as const) {
      const res = await api.request({ method: 'GET', url, token: world.tokens[who] });
      expect([who, res.statusCode]).toEqual([who, status]);
      if (status === 200) expect(res.json().idNumberMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    }
  });

  it('keeps a trainee on its own profile and notifications', async () => {
    const mine = await api.request({ method: 'GET', url: '/me/profile', token: world.tokens.traineeTS });
    expect(mine.json().userId).toBe(world.users.traineeTS);
    const others = await api.request({ method: 'GET', url: '/me/notifications', token: world.tokens.traineeTS });
    expect(others.statusCode).toBe(200);
    const foreign = await api.request({
      method: 'POST',
      url: '/me/notifications/00000000-0000-4000-8000-000000000000/read',
      token: world.tokens.traineeTS,
    });
    expect(foreign.statusCode).toBe(404);
  });
});
