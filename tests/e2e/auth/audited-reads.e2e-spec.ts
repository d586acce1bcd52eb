import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { FakeClock } from '@cqo/core';
import type { AccessRule } from '../../../apps/api/src/http/common/access.decorator';
import { ACCESS_KEY } from '../../../apps/api/src/http/common/access.decorator';
import { FILE_RESPONSE_KEY } from '../../../apps/api/src/http/common/api-responses';
import type { AuditedReadRule } from '../../../apps/api/src/http/common/audited-read';
import { AUDITED_READ_KEY } from '../../../apps/api/src/http/common/audited-read';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import type { World, WorldUser } from '../../support/fixtures';
import { seedWorld } from '../../support/fixtures';
import { appointmentBody, candidate } from '../registry/support';

/** A route as the controllers declare it: method, path (OpenAPI style), access rule, what it produces, whether audited. */
interface DeclaredRoute {
  key: string;
  method: string;
  path: string;
  isPublic: boolean;
  produces: string[];
  audited?: AuditedReadRule;
}

function declaredRoutes(api: TestApi): DeclaredRoute[] {
  const routes: DeclaredRoute[] = [];
  for (const module of api.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as { prototype: Record<string, unknown> } | null;
      if (!type) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, type) ?? '');
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler = type.prototype[name];
        if (typeof handler !== 'function' || Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const path = `/${[base, String(Reflect.getMetadata(PATH_METADATA, handler))].filter((p) => p && p !== '/').join('/')}`
          .replace(/\/+/g, '/')
          .replace(/:([a-zA-Z]+)/g, '{$1}');
        const access = (Reflect.getMetadata(ACCESS_KEY, handler) ?? Reflect.getMetadata(ACCESS_KEY, type)) as AccessRule | undefined;
        routes.push({
          key: `${method} ${path}`,
          method,
          path,
          isPublic: !!access && 'public' in access,
          produces:
            (Reflect.getMetadata(FILE_RESPONSE_KEY, handler) as string[] | undefined) ?? (path.endsWith('.csv') ? ['text/csv'] : []),
          audited: Reflect.getMetadata(AUDITED_READ_KEY, handler) as AuditedReadRule | undefined,
        });
      }
    }
  }
  return routes;
}

/**
 * File answers that are not exports of the system's records, each with the reason. Any other file
 * route a staff member can call must write an audit entry (the list below is checked to be exact).
 */
const NOT_EXPORTS: Record<string, string> = {
  'GET /media/{fileId}': 'course media (video, PDF) for learners',
  'GET /content-packages/{packageId}/{userId}/{expires}/{signature}/*': 'files of a lesson package (cmi5) for learners',
  'GET /registry/yearly-reports/{id}/file': 'the yearly report an enterprise filed, read by its reviewers',
  'GET /registry/fact-evidence/{id}/file': 'the evidence a trainee attached to a fact, read by its reviewer',
  'GET /external-claims/{id}/evidence/{evidenceId}': 'the evidence a trainee attached to a claim for hours, read by its reviewers',
  'GET /exam-questions/import-template': 'a blank question import template: headers and the topic names, no records',
};

/** Routes on which staff look up a person or a certificate. */
const LOOKUPS = [
  'POST /regulators/lookups',
  'GET /regulators/cqos/{traineeId}',
  'GET /trainees/{userId}',
  'GET /trainees/{userId}/credit-hours',
  'GET /trainees/{userId}/credit-hours/entries',
  'GET /trainees/{userId}/compliance',
  'GET /trainees/{userId}/capability-results',
  'GET /registry/trainees/{traineeId}/facts',
  'GET /certificates',
  'GET /certificates/{id}',
  'GET /certificates/{id}/history',
];

const STAFF: WorldUser[] = ['regulatorLZ', 'admin', 'orgAdminA', 'entAdminLZ'];

/** Issue 13: exports and lookups are in the security audit log, never with a whole ID number. */
describe('audit of exports and lookups', () => {
  let api: TestApi;
  let world: World;
  let sql: DataSource;
  let routes: DeclaredRoute[];
  let cqo: { userId: string; idNumber: string };

  beforeAll(async () => {
    api = await createTestApi({ clock: new FakeClock(new Date('2026-05-01T02:00:00Z')) });
    world = await seedWorld(api);
    sql = api.get(DataSource);
    routes = declaredRoutes(api);
    cqo = await candidate(api, { enterpriseId: world.enterpriseLZ, fullName: '审计对象', declaration: false });
    // An appointment needs the enterprise's declaration first.
    const declared = await api.request({
      method: 'POST',
      url: '/registry/declarations',
      token: world.tokens.entAdminLZ,
      payload: {
        trainee: { idNumber: cqo.idNumber },
        declaredOn: '2026-02-20',
        answers: {
          serious_quality_violation: false,
          improper_gain: false,
          abuse_of_office: false,
          leaked_secrets: false,
          other_harm: false,
        },
      },
    });
    expect(declared.statusCode).toBe(201);
    const appointed = await api.request({
      method: 'POST',
      url: '/registry/appointments',
      token: world.tokens.entAdminLZ,
      payload: appointmentBody({ idNumber: cqo.idNumber }),
    });
    expect(appointed.statusCode).toBe(201);
  });
  afterAll(() => api.close());

  /** Calls a route as the first staff member it lets in; a path id nobody holds still reaches the route. */
  const callAsStaff = async (method: string, path: string, payload?: object) => {
    const url = path
      .replace(/\{traineeId\}|\{userId\}/g, cqo.userId)
      .replace(/\{version\}/g, '1')
      .replace(/\{[a-zA-Z]+\}/g, (name) => (name === '{list}' ? 'appointments' : randomUUID()));
    for (const who of STAFF) {
      const res = await api.request({ method: method.toUpperCase() as 'GET', url, token: world.tokens[who], payload });
      if (res.statusCode !== 401 && res.statusCode !== 403) return { res, who };
    }
    throw new Error(`${method} ${path}: no staff role may call it`);
  };
  const auditRowOf = async (requestId: string) =>
    (await sql.query('SELECT action, actor_id, details FROM audit_log WHERE request_id = $1', [requestId])) as {
      action: string;
      actor_id: string;
      details: Record<string, unknown>;
    }[];

  it('writes one export entry for every file route staff can call (whatever the outcome)', async () => {
    expect(routes.length).toBeGreaterThan(100);
    const files = routes.filter((r) => !r.isPublic && !r.path.startsWith('/me/') && r.produces.length > 0 && !(r.key in NOT_EXPORTS));
    const exports = files.map((r) => r.key);
    expect(exports).toEqual(
      expect.arrayContaining([
        'GET /regulators/exports/{list}',
        'GET /certificates/export',
        'GET /exam-papers/{id}/results.csv',
        'GET /regulators/city-reports/{id}/xlsx',
      ]),
    );
    // Each is declared audited as an export; the exemptions name real routes (no stale entry hides one).
    expect(files.filter((r) => r.audited?.kind !== 'export').map((r) => r.key)).toEqual([]);
    for (const key of Object.keys(NOT_EXPORTS)) expect(routes.map((r) => r.key)).toContain(key);
    // And each call writes its entry.
    for (const { key, method, path } of files) {
      const { res, who } = await callAsStaff(method, path);
      const rows = await auditRowOf(String(res.headers['x-request-id']));
      expect({ key, rows: rows.map((r) => [r.action, r.actor_id]) }).toEqual({ key, rows: [['data.export', world.users[who]]] });
    }
  });

  it('writes one lookup entry for every lookup of a person or certificate, with the kind of key but not the key', async () => {
    // Every staff GET under …/trainees/{id} or …/cqos/{id} reads a person: each is among the lookups.
    const personal = routes.filter((r) => r.method === 'GET' && /\/trainees\/\{|\/cqos\/\{/.test(r.path));
    expect(personal.map((r) => r.key).filter((k) => !LOOKUPS.includes(k))).toEqual([]);
    expect(routes.filter((r) => LOOKUPS.includes(r.key) && r.audited?.kind !== 'lookup')).toEqual([]);
    for (const key of LOOKUPS) {
      const [method, path] = key.split(' ');
      const payload = method === 'POST' ? { kind: 'id_number', idNumber: cqo.idNumber } : undefined;
      const { res, who } = await callAsStaff(method, path, payload);
      const rows = await auditRowOf(String(res.headers['x-request-id']));
      expect({ key, rows: rows.map((r) => [r.action, r.actor_id]) }).toEqual({ key, rows: [['data.lookup', world.users[who]]] });
    }
    const [found] = await sql.query(`SELECT details FROM audit_log WHERE action = 'data.lookup' AND details->>'what' = 'registry.lookup'`);
    expect(found.details).toMatchObject({ keyKind: 'id_number', outcome: 'ok', found: 1 });
  });

  it('records a successful export with its filter, and a refused one with its error code', async () => {
    const ok = await api.request({ method: 'GET', url: '/regulators/exports/appointments?format=csv', token: world.tokens.regulatorLZ });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('审计对象');
    const [row] = await auditRowOf(String(ok.headers['x-request-id']));
    expect(row.details).toMatchObject({ what: 'registry.list', params: { list: 'appointments' }, query: { format: 'csv' }, outcome: 'ok' });
    const refused = await api.request({ method: 'GET', url: '/regulators/exports/nonsense', token: world.tokens.regulatorLZ });
    expect(refused.statusCode).toBe(400);
    const [failed] = await auditRowOf(String(refused.headers['x-request-id']));
    expect(failed.details).toMatchObject({ what: 'registry.list', outcome: 'VALIDATION_FAILED' });
  });

  it('masks an ID number given in a query, and the log holds no whole ID number', async () => {
    const res = await api.request({
      method: 'GET',
      url: `/certificates?year=2026&courseId=${cqo.idNumber}`,
      token: world.tokens.regulatorLZ,
    });
    expect(res.statusCode).toBe(400);
    const [row] = await auditRowOf(String(res.headers['x-request-id']));
    expect(JSON.stringify(row.details)).toContain(`${cqo.idNumber.slice(0, 6)}********${cqo.idNumber.slice(-4)}`);
    const everything = await sql.query('SELECT row_to_json(a)::text AS t FROM audit_log a');
    for (const { t } of everything) expect(t).not.toContain(cqo.idNumber);
    expect(JSON.stringify(everything)).not.toMatch(/\d{17}[\dXx]/);
  });
});
