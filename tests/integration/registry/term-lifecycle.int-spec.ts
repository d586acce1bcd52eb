import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { JobName } from '@cqo/core';
import { FakeClock, Queues, queuePrefix, redisConnectionOptions } from '@cqo/core';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import type { World } from '../../support/fixtures';
import { seedWorld, testEnterprise } from '../../support/fixtures';
import { createTestWorker, eventually } from '../../support/worker';
import type { Candidate } from '../../e2e/registry/support';
import { appointmentBody, candidate } from '../../e2e/registry/support';

interface StatusRow {
  state: string;
  required: string;
}

// The registry is the compliance engine's seam (serving_cqo_terms): appointing someone makes the
// yearly requirements apply to them. A term ends by itself (the daily job), with reminders 90 and
// 30 days before, each sent once. Time is a FakeClock shared by the API and the worker.
describe('a CQO term, from appointment to expiry', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let world: World;
  let queue: Queue;
  const clock = new FakeClock(new Date('2026-05-01T02:00:00Z'));
  const DAY = 86_400_000;

  const statusOf = async (cqo: Candidate, requirement: string, year: number): Promise<StatusRow | undefined> => {
    const rows: StatusRow[] = await api
      .get<DataSource>(getDataSourceToken())
      .query('SELECT state, required::text FROM compliance_statuses WHERE trainee_id = $1 AND requirement = $2 AND period_year = $3', [
        cqo.userId,
        requirement,
        year,
      ]);
    return rows[0];
  };
  const run = async (job: JobName) => {
    const added = await queue.add(job, {});
    await eventually(async () => ((await added.isCompleted()) ? true : undefined), 15_000, job);
  };
  const notifications = async (userId: string): Promise<string[]> =>
    (
      await api
        .get<DataSource>(getDataSourceToken())
        .query("SELECT title FROM notifications WHERE user_id = $1 AND kind = 'cqo_term_reminder' ORDER BY created_at", [userId])
    ).map((r: { title: string }) => r.title);

  beforeAll(async () => {
    api = await createTestApi({ clock });
    worker = await createTestWorker(api.ctx.config, { clock });
    world = await seedWorld(api);
    queue = new Queue(Queues.registry, { prefix: queuePrefix(api.ctx.config), connection: redisConnectionOptions(api.ctx.config) });
  });
  // Each test starts on 2026-05-01 with a Lanzhou enterprise of its own, whatever the others did to the clock.
  beforeEach(() => clock.set('2026-05-01T02:00:00Z'));
  let enterprises = 0;
  const enterprise = () => testEnterprise(api, world.regions.lanzhou, `兰州任期企业${++enterprises}号`);
  /** A CQO trained before the (backdated) appointment. */
  const trained = (enterpriseId: string) => candidate(api, { enterpriseId, trainedAt: '2023-06-01T02:00:00Z' });
  /** Registered late: a date this old needs the city's approval (audited, used once). */
  const approveBackdate = (enterpriseId: string, cqo: Candidate) =>
    api.request({
      method: 'POST',
      url: '/regulators/appointment-backdate-approvals',
      token: world.tokens.regulatorLZ,
      payload: { enterpriseId, traineeId: cqo.userId, appointedOn: '2023-08-01', reason: '企业提交了2023年8月1日的聘任文件，补登记' },
    });
  const appoint = (adminToken: string, cqo: Candidate) =>
    api.request({
      method: 'POST',
      url: '/registry/appointments',
      token: adminToken,
      payload: appointmentBody({ username: cqo.username }, { appointedOn: '2023-08-01' }),
    });
  /** A CQO serving since 2023-08-01, whose term ends on 2026-07-31. */
  const serving = async () => {
    const ent = await enterprise();
    const cqo = await trained(ent.id);
    expect((await approveBackdate(ent.id, cqo)).statusCode).toBe(201);
    const res = await appoint(ent.adminToken, cqo);
    expect(res.statusCode).toBe(201);
    return { enterprise: ent, cqo, appointmentId: res.json().id as string };
  };
  afterAll(async () => {
    await queue.close();
    await worker.close();
    await api.close();
  });

  it('applies the yearly requirements once the CQO is registered (serving_cqo_terms over the appointments)', async () => {
    const ent = await enterprise();
    const cqo = await trained(ent.id);
    // The accrual of the appointment hours already recomputed the trainee: not serving, not applicable.
    expect(await eventually(() => statusOf(cqo, 'continuing', 2026), 15_000, 'first status')).toMatchObject({ state: 'not_applicable' });
    expect((await approveBackdate(ent.id, cqo)).statusCode).toBe(201);
    const res = await appoint(ent.adminToken, cqo);
    expect(res.statusCode).toBe(201);
    expect(res.json().termEndsOn).toBe('2026-07-31');
    const [term] = await api
      .get<DataSource>(getDataSourceToken())
      .query('SELECT served_from::text, served_to::text FROM serving_cqo_terms WHERE trainee_id = $1', [cqo.userId]);
    expect(term).toEqual({ served_from: '2023-08-01', served_to: '2026-07-31' });
    // The appointment's event recomputes the trainee: the yearly rules now apply (behind the pro-rated share in May).
    await eventually(
      async () => ((await statusOf(cqo, 'continuing', 2026))?.state === 'at_risk' ? true : undefined),
      15_000,
      'continuing at risk',
    );
    expect(await statusOf(cqo, 'methods', 2026)).toMatchObject({ state: 'at_risk', required: '30.00' });
  });

  it('sends the 90-day reminder once to the enterprise admin and the CQO, then the 30-day one', async () => {
    const { enterprise: ent, cqo } = await serving();
    await run('registry.term-reminders'); // 91 days before the end: nothing yet
    expect(await notifications(cqo.userId)).toEqual([]);
    clock.advance(DAY); // 2026-05-02: 90 days left
    await run('registry.term-reminders');
    await run('registry.term-reminders');
    expect(await notifications(cqo.userId)).toEqual(['首席质量官任期将于2026-07-31届满']);
    expect(await notifications(ent.adminId)).toHaveLength(1);
    expect(await notifications(world.users.entAdminTS)).toEqual([]);
    clock.set('2026-07-01T02:00:00Z'); // 30 days left
    await run('registry.term-reminders');
    await run('registry.term-reminders');
    expect(await notifications(cqo.userId)).toHaveLength(2);
    expect(await notifications(ent.adminId)).toHaveLength(2);
    const [body] = await api
      .get<DataSource>(getDataSourceToken())
      .query("SELECT body FROM notifications WHERE user_id = $1 AND dedupe_key LIKE '%:30:%'", [ent.adminId]);
    expect(body.body).toContain('还有30天');
  });

  it('ends the term the day after its last day, by the daily job, keeping the history', async () => {
    const { enterprise: ent, cqo, appointmentId } = await serving();
    clock.set('2026-07-31T15:00:00Z'); // 23:00 CST on the last day: still serving
    await run('registry.expire-terms');
    expect(
      (await api.request({ method: 'GET', url: `/registry/appointments/${appointmentId}`, token: ent.adminToken })).json().status,
    ).toBe('serving');
    clock.set('2026-07-31T16:30:00Z'); // 00:30 CST on 1 August
    await run('registry.expire-terms');
    await run('registry.expire-terms');
    const ended = (
      await api.request({ method: 'GET', url: `/registry/appointments/${appointmentId}`, token: world.tokens.regulatorLZ })
    ).json();
    expect(ended).toMatchObject({ status: 'ended', endReason: 'term_expired', endReasonLabel: '任期届满', endedOn: '2026-07-31' });
    const events = await api
      .get<DataSource>(getDataSourceToken())
      .query(
        "SELECT payload->>'change' AS change FROM outbox_events WHERE type = 'cqo.appointment.changed' AND payload->>'appointmentId' = $1 ORDER BY created_at",
        [appointmentId],
      );
    expect(events.map((e: { change: string }) => e.change)).toEqual(['appointed', 'ended']);
    // Served part of 2026: the 2026 requirements still apply to them.
    expect((await statusOf(cqo, 'continuing', 2026))?.state).not.toBe('not_applicable');
    // A new CQO may now be appointed at the enterprise.
    const next = await candidate(api, { enterpriseId: ent.id });
    const res = await api.request({
      method: 'POST',
      url: '/registry/appointments',
      token: ent.adminToken,
      payload: appointmentBody({ username: next.username }, { appointedOn: '2026-08-01' }),
    });
    expect(res.statusCode).toBe(201);
  });
});
