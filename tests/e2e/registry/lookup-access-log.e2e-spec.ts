import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { FakeClock } from '@cqo/core';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import type { World } from '../../support/fixtures';
import { seedWorld } from '../../support/fixtures';
import { freePort } from '../../support/redis-server';
import { eventually } from '../../support/worker';
import type { Candidate } from './support';
import { appointmentBody, candidate } from './support';

const API_ENTRY = join(__dirname, '../../../dist/apps/api/src/main.js');

// The regulators' status lookup (notice 三 (二): regulators check the CQOs of their region):
// by full ID number (POST body, matched by hash), by name and enterprise, by certificate serial.
// Every lookup is logged (who, whom, when, what kind of key), and the ID number is never shown,
// logged or stored whole.
describe('status lookup and access log', () => {
  let api: TestApi;
  let world: World;
  let cqo: Candidate;
  let serial: string;
  const clock = new FakeClock(new Date('2026-05-01T02:00:00Z'));
  const bodies: string[] = [];

  const lookup = async (payload: object, token = world.tokens.regulatorLZ) => {
    const res = await api.request({ method: 'POST', url: '/regulators/lookups', token, payload });
    bodies.push(res.body);
    return res;
  };

  beforeAll(async () => {
    api = await createTestApi({ clock });
    world = await seedWorld(api);
    // The declaration comes first: an appointment needs it.
    cqo = await candidate(api, { enterpriseId: world.enterpriseLZ, fullName: '李质量', declaration: false });
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
    bodies.push(appointed.body);
    bodies.push(declared.body);
    [{ serial }] = await api
      .get<DataSource>(getDataSourceToken())
      .query("SELECT serial FROM certificates WHERE trainee_id = $1 AND kind = 'appointment_training'", [cqo.userId]);
  });
  afterAll(() => api.close());

  it('finds a CQO by full ID number and answers the whole status page, the number masked', async () => {
    const res = await lookup({ kind: 'id_number', idNumber: cqo.idNumber });
    expect(res.statusCode).toBe(200);
    const [page] = res.json().matches;
    expect(page).toMatchObject({
      traineeId: cqo.userId,
      fullName: '李质量',
      idNumberMasked: `${cqo.idNumber.slice(0, 6)}********${cqo.idNumber.slice(-4)}`,
      serving: true,
      currentAppointment: { status: 'serving', enterpriseName: '兰州测试企业' },
      appointmentTraining: { done: true, hours: '21', requiredHours: '21', certificateSerial: serial, certificateStatus: 'valid' },
      openFlags: 0,
      exceptionFlagged: false,
    });
    expect(page.years.map((y: { year: number }) => y.year)).toEqual([2026, 2025]);
    expect(page.certificates).toEqual([expect.objectContaining({ serial, kind: 'appointment_training', status: 'valid' })]);
    expect(page.declarations).toEqual([expect.objectContaining({ declaredOn: '2026-02-20', anyDisqualifying: false })]);
    expect(page.declarations[0].items).toHaveLength(5);
  });

  it('finds by name and enterprise (id or part of the name), and by certificate serial', async () => {
    for (const payload of [
      { kind: 'name_enterprise', fullName: '李质量', enterpriseId: world.enterpriseLZ },
      { kind: 'name_enterprise', fullName: '李质量', enterpriseName: '兰州测试' },
      { kind: 'certificate_serial', serial },
    ]) {
      const res = await lookup(payload);
      expect(res.statusCode).toBe(200);
      expect(res.json().matches.map((m: { traineeId: string }) => m.traineeId)).toEqual([cqo.userId]);
    }
  });

  it('answers 404 to a city outside the CQO’s region (not revealing the person), the province finds them', async () => {
    const ts = await lookup({ kind: 'id_number', idNumber: cqo.idNumber }, world.tokens.regulatorTS);
    expect(ts.statusCode).toBe(404);
    expect(ts.json().code).toBe('CQO_NOT_FOUND');
    expect((await lookup({ kind: 'id_number', idNumber: cqo.idNumber }, world.tokens.regulatorGS)).statusCode).toBe(200);
    expect((await lookup({ kind: 'id_number', idNumber: cqo.idNumber }, world.tokens.entAdminLZ)).statusCode).toBe(403);
    expect((await lookup({ kind: 'id_number' })).json()).toMatchObject({
      statusCode: 400,
      details: [expect.objectContaining({ field: 'idNumber' })],
    });
  });

  it('lets a regulator flag a CQO and clear the flag with a reason, both on the status page', async () => {
    const raised = await api.request({
      method: 'POST',
      url: `/regulators/cqos/${cqo.userId}/flags`,
      token: world.tokens.regulatorLZ,
      payload: { reason: '收到举报，核查中', flaggedOn: '2026-04-20' },
    });
    expect(raised.statusCode).toBe(201);
    let page = (await api.request({ method: 'GET', url: `/regulators/cqos/${cqo.userId}`, token: world.tokens.regulatorGS })).json();
    expect(page).toMatchObject({ openFlags: 1, flags: [{ reason: '收到举报，核查中', flaggedOn: '2026-04-20', open: true }] });
    const cleared = await api.request({
      method: 'POST',
      url: `/regulators/flags/${raised.json().id}/clear`,
      token: world.tokens.regulatorLZ,
      payload: { reason: '经核查，举报不实' },
    });
    expect(cleared.json()).toMatchObject({ open: false, clearReason: '经核查，举报不实' });
    const twice = await api.request({
      method: 'POST',
      url: `/regulators/flags/${raised.json().id}/clear`,
      token: world.tokens.regulatorLZ,
      payload: { reason: '再次撤销' },
    });
    expect(twice.json().code).toBe('CQO_FLAG_ALREADY_CLEARED');
    page = (await api.request({ method: 'GET', url: `/regulators/cqos/${cqo.userId}`, token: world.tokens.regulatorLZ })).json();
    bodies.push(JSON.stringify(page));
    expect(page).toMatchObject({ openFlags: 0, flags: [{ open: false }] });
  });

  it('writes every lookup to the access log, which platform admins read and nobody else', async () => {
    type Entry = { id: string; actorId: string; subjectId: string | null; keyKind: string; resultCount: number };
    const log = async (): Promise<Entry[]> => {
      const res = await api.request({ method: 'GET', url: '/platform/registry-access-log?pageSize=100', token: world.tokens.admin });
      expect(res.statusCode).toBe(200);
      bodies.push(res.body);
      return res.json().items;
    };
    // This test's own lookups (the other tests' may come before or after): found, refused, and status pages opened.
    const before = new Set((await log()).map((e) => e.id));
    await lookup({ kind: 'id_number', idNumber: cqo.idNumber });
    await lookup({ kind: 'name_enterprise', fullName: '李质量', enterpriseId: world.enterpriseLZ });
    await lookup({ kind: 'name_enterprise', fullName: '李质量', enterpriseName: '兰州测试' });
    await lookup({ kind: 'certificate_serial', serial });
    await lookup({ kind: 'id_number', idNumber: cqo.idNumber }, world.tokens.regulatorTS);
    for (const token of [world.tokens.regulatorGS, world.tokens.regulatorLZ])
      bodies.push((await api.request({ method: 'GET', url: `/regulators/cqos/${cqo.userId}`, token })).body);
    const entries = (await log()).filter((e) => !before.has(e.id));
    const of = (user: string, kind: string) =>
      entries.filter((e) => e.actorId === world.users[user as 'regulatorLZ'] && e.keyKind === kind);
    expect(of('regulatorLZ', 'id_number')).toEqual([expect.objectContaining({ subjectId: cqo.userId, resultCount: 1 })]);
    expect(of('regulatorLZ', 'name_enterprise')).toHaveLength(2);
    expect(of('regulatorLZ', 'certificate_serial')).toHaveLength(1);
    expect(of('regulatorTS', 'id_number')).toEqual([expect.objectContaining({ subjectId: null, resultCount: 0 })]);
    expect(of('regulatorGS', 'trainee_id')).toHaveLength(1);
    expect(of('regulatorLZ', 'trainee_id')).toHaveLength(1);
    expect((await api.request({ method: 'GET', url: '/platform/registry-access-log', token: world.tokens.regulatorGS })).statusCode).toBe(
      403,
    );
    const filtered = await api.request({
      method: 'GET',
      url: `/platform/registry-access-log?subjectId=${cqo.userId}`,
      token: world.tokens.admin,
    });
    expect(filtered.json().items.every((e: { subjectId: string }) => e.subjectId === cqo.userId)).toBe(true);
  });

  it('never answers or stores the whole ID number', async () => {
    // Lookups of every kind of key, made here (tests run in random order); the other tests' add to them.
    expect((await lookup({ kind: 'id_number', idNumber: cqo.idNumber })).statusCode).toBe(200);
    expect((await lookup({ kind: 'name_enterprise', fullName: '李质量', enterpriseId: world.enterpriseLZ })).statusCode).toBe(200);
    expect((await lookup({ kind: 'certificate_serial', serial })).statusCode).toBe(200);
    for (const body of bodies) {
      expect(body).not.toContain(cqo.idNumber);
      expect(body).not.toContain(cqo.idNumber.slice(6, 14));
    }
    const db = api.get<DataSource>(getDataSourceToken());
    const rows: { t: string }[] = await db.query('SELECT row_to_json(l)::text AS t FROM registry_access_log l');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.t).not.toContain(cqo.idNumber.slice(6, 14));
  });

  describe('on the built API process', () => {
    let child: ChildProcess;
    let logs = '';
    let baseUrl = '';

    beforeAll(async () => {
      if (!existsSync(API_ENTRY)) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
      const port = await freePort();
      baseUrl = `http://127.0.0.1:${port}`;
      child = spawn(process.execPath, [API_ENTRY], {
        env: {
          PATH: process.env.PATH ?? '',
          NODE_ENV: 'test',
          DATABASE_URL: api.ctx.config.databaseUrl,
          REDIS_URL: api.ctx.config.redisUrl,
          REDIS_PREFIX: api.ctx.config.redisPrefix,
          LOG_LEVEL: 'trace',
          PORT: String(port),
        },
      });
      child.stdout!.on('data', (d) => (logs += d));
      child.stderr!.on('data', (d) => (logs += d));
      await eventually(
        async () =>
          (await fetch(`${baseUrl}/health`)
            .then((r) => r.ok)
            .catch(() => false)) || undefined,
        60_000,
        'API health',
      );
    }, 90_000);
    afterAll(async () => {
      if (child?.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
      }
    });

    it('logs the lookups without the ID number, and answers without it', async () => {
      const post = (token: string, body: object) =>
        fetch(`${baseUrl}/regulators/lookups`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(body),
        });
      const found = await post(world.tokens.regulatorLZ, { kind: 'id_number', idNumber: cqo.idNumber });
      expect(found.status).toBe(200);
      const notFound = await post(world.tokens.regulatorTS, { kind: 'id_number', idNumber: cqo.idNumber });
      expect(notFound.status).toBe(404);
      const invalid = await post(world.tokens.regulatorLZ, { kind: 'id_number', idNumber: cqo.idNumber, extra: cqo.idNumber });
      expect(invalid.status).toBe(400);
      const answers = [await found.text(), await notFound.text(), await invalid.text()];
      await eventually(async () => (logs.split('"msg":"request completed"').length > 3 ? true : undefined), 5_000, 'request logs');
      expect(logs).toContain('/regulators/lookups');
      for (const text of [...answers, logs]) {
        expect(text).not.toContain(cqo.idNumber);
        expect(text).not.toContain(cqo.idNumber.slice(6, 14));
      }
    });
  });
});
