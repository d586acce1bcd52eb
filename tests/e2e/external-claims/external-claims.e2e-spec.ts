import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { FakeClock } from '@cqo/core';
import { AccrualService, ComplianceEngine } from '@cqo/credit-hours';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import type { World } from '../../support/fixtures';
import { seedWorld } from '../../support/fixtures';
import { completion } from '../../integration/credit-hours/support';

// A 1×1 PNG and the start of a PDF: evidence as far as the type check (by bytes) goes.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

// Hours earned elsewhere: trainee claims → the employer endorses → the city approves (fewer
// hours, with a reason) → one ledger entry in the training's (closed) year → that year's verdict
// recomputed → the trainee told. A rejection leaves nothing; bad input writes nothing; scope holds.
describe('external hour claims (外部学时认定) over HTTP', () => {
  // 10 January 2026: 2025 has closed, and its 31-day late window for claims is still open.
  const clock = new FakeClock(new Date('2026-01-10T02:00:00Z'));
  let api: TestApi;
  let world: World;
  let db: DataSource;
  const post = (url: string, token: string, payload: object = {}) => api.request({ method: 'POST', url, token, payload });
  const get = (url: string, token: string) => api.request({ method: 'GET', url, token });
  const claim = (overrides: Record<string, unknown> = {}) => ({
    organiser: '中国质量协会',
    title: '全国六西格玛管理推进会',
    startedOn: '2025-11-20',
    endedOn: '2025-11-21',
    category: 2,
    kind: 'continuing',
    hours: '12',
    topicCodes: ['six-sigma', 'quality-tools'],
    evidence: [
      { fileName: '结业证书.pdf', contentBase64: PDF.toString('base64') },
      { fileName: '签到表.png', contentBase64: PNG.toString('base64') },
    ],
    ...overrides,
  });
  const claimsOf = async (traineeId: string) =>
    (await db.query('SELECT count(*)::int AS n FROM external_hour_claims WHERE trainee_id = $1', [traineeId]))[0].n;
  const filesUnder = async (dir: string): Promise<number> => {
    const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
    return entries.filter((e) => e.isFile()).length;
  };
  /** What the worker does with each `credit.accrued` event: recompute the trainee for the entry's year. */
  const runComplianceJobs = async (traineeId: string) => {
    const events: { id: string; payload: { year: number } }[] = await db.query(
      `SELECT id, payload FROM outbox_events WHERE type = 'credit.accrued' AND payload->>'traineeId' = $1 AND payload->>'source' = 'external_claim'`,
      [traineeId],
    );
    for (const e of events) await api.get(ComplianceEngine).recomputeTrainee(traineeId, e.payload.year, `credit.accrued:${e.id}`);
    return events.length;
  };

  // Each test its own database and world: the claims of one count against another's yearly limit and lists.
  beforeEach(async () => {
    clock.set('2026-01-10T02:00:00Z');
    api = await createTestApi({ clock });
    world = await seedWorld(api);
    db = api.get(DataSource);
    // Employed (link confirmed) since March 2025 and held to the yearly requirements; 22 of 2025's
    // 30 category-2 hours came from the platform, so 2025 closed as a shortfall.
    await db.query(
      `UPDATE trainee_profiles SET employer_linked_at = '2025-03-01T02:00:00Z', yearly_requirements_opt_in = true WHERE user_id = $1`,
      [world.users.traineeLZ],
    );
    await api
      .get(AccrualService)
      .accrueCompletion(null, completion(world.users.traineeLZ, { category: 2, creditHours: '22', completedAt: '2025-10-10T02:00:00Z' }));
    await api.get(ComplianceEngine).recomputeAll({ year: 2025 });
  });
  afterEach(() => api?.close());

  const methods2025 = async () =>
    (
      await db.query(
        `SELECT state, accrued::text, final FROM compliance_statuses WHERE trainee_id = $1 AND requirement = 'methods' AND period_year = 2025`,
        [world.users.traineeLZ],
      )
    )[0];

  it('refuses bad input with 400 naming the field, and writes nothing', async () => {
    const token = world.tokens.traineeLZ;
    const refused = async (overrides: Record<string, unknown>) => {
      const res = await post('/me/external-claims', token, claim(overrides));
      expect(res.statusCode).toBe(400);
      return res.json().details.map((d: { field: string }) => d.field);
    };
    expect(await refused({ startedOn: '2026-01-11', endedOn: '2026-01-12' })).toEqual(['startedOn', 'endedOn']);
    expect(await refused({ startedOn: '2025-02-20', endedOn: '2025-02-21' })).toEqual(['startedOn']); // before the employer link
    expect(await refused({ hours: '0' })).toEqual(['hours']);
    expect(await refused({ hours: '-3' })).toEqual(['hours']);
    expect(await refused({ hours: '16' })).toEqual(['hours']); // beyond 15 category-2 hours a year
    expect(
      await refused({ evidence: [{ fileName: 'x.pdf', contentBase64: Buffer.from('just text, not a PDF').toString('base64') }] }),
    ).toEqual(['evidence[0]']);
    expect(await refused({ topicCodes: ['quality-laws'] })).toEqual(['topicCodes']); // a category-1 topic
    expect(await refused({ category: 2, kind: 'appointment' })).toEqual(['kind']);
    expect(await claimsOf(world.users.traineeLZ)).toBe(0);
    expect(await filesUnder(join(api.ctx.config.storageDir, 'external-claims'))).toBe(0);

    // A closed year beyond its late window: traineeTS, employed since 2024, claims December 2024.
    await db.query(`UPDATE trainee_profiles SET employer_linked_at = '2024-01-01T02:00:00Z' WHERE user_id = $1`, [world.users.traineeTS]);
    const late = await post('/me/external-claims', world.tokens.traineeTS, claim({ startedOn: '2024-12-01', endedOn: '2024-12-02' }));
    expect(late.statusCode).toBe(400);
    expect(late.json().details).toEqual([expect.objectContaining({ field: 'endedOn' })]);
    expect(await claimsOf(world.users.traineeTS)).toBe(0);
  });

  it('endorsed by the employer, approved by the city with fewer hours: one entry in 2025, the closed year re-opened, the trainee told', async () => {
    expect(await methods2025()).toEqual({ state: 'shortfall', accrued: '22.00', final: true });
    const created = await post('/me/external-claims', world.tokens.traineeLZ, claim());
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ status: 'submitted', year: 2025, hours: '12', enterpriseId: world.enterpriseLZ });
    expect(created.json().evidence.map((e: { contentType: string }) => e.contentType)).toEqual(['application/pdf', 'image/png']);

    // The city cannot approve before the employer endorses; another enterprise cannot endorse.
    expect((await post(`/external-claims/${id}/approve`, world.tokens.regulatorLZ)).json().code).toBe('EXTERNAL_CLAIM_WRONG_STATE');
    expect((await post(`/external-claims/${id}/endorse`, world.tokens.entAdminTS)).statusCode).toBe(403);
    const queue = await get('/external-claims?status=submitted', world.tokens.entAdminLZ);
    expect(queue.json().items.map((c: { id: string }) => c.id)).toEqual([id]);
    expect((await post(`/external-claims/${id}/endorse`, world.tokens.entAdminLZ)).json().status).toBe('endorsed');

    // Another city neither sees nor approves it; a reduction needs a reason; more than claimed is refused.
    expect((await get('/external-claims?status=endorsed', world.tokens.regulatorTS)).json().items).toEqual([]);
    expect(
      (await post(`/external-claims/${id}/approve`, world.tokens.regulatorTS, { approvedHours: '10', reductionReason: '参观半天不计' }))
        .statusCode,
    ).toBe(403);
    const noReason = await post(`/external-claims/${id}/approve`, world.tokens.regulatorLZ, { approvedHours: '10' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().details[0].field).toBe('reductionReason');
    expect((await post(`/external-claims/${id}/approve`, world.tokens.regulatorLZ, { approvedHours: '13' })).json().details[0].field).toBe(
      'approvedHours',
    );
    expect(await db.query(`SELECT 1 FROM credit_entries WHERE source = 'external_claim'`)).toEqual([]);

    const approved = await post(`/external-claims/${id}/approve`, world.tokens.regulatorLZ, {
      approvedHours: '10',
      reductionReason: '第二天为企业参观，不计学时',
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', approvedHours: '10', reductionReason: '第二天为企业参观，不计学时' });

    const entries = await db.query(
      `SELECT id, year, category, kind, hours::text, source, evidence_ref, occurred_at FROM credit_entries WHERE trainee_id = $1 AND source = 'external_claim'`,
      [world.users.traineeLZ],
    );
    expect(entries).toEqual([
      {
        id: approved.json().creditEntryId,
        year: 2025,
        category: 2,
        kind: 'continuing',
        hours: '10.00',
        source: 'external_claim',
        evidence_ref: `external_claim:${id}`,
        occurred_at: new Date('2025-11-21T04:00:00Z'),
      },
    ]);
    // The worker's recompute for the entry's year: 22 + 10 ≥ 30, the closed year flips and is audited.
    expect(await runComplianceJobs(world.users.traineeLZ)).toBe(1);
    expect(await methods2025()).toEqual({ state: 'complete', accrued: '32.00', final: true });
    expect(
      await db.query(`SELECT before_state, after_state FROM compliance_verdict_changes WHERE trainee_id = $1 AND requirement = 'methods'`, [
        world.users.traineeLZ,
      ]),
    ).toEqual([{ before_state: 'shortfall', after_state: 'complete' }]);
    // The hours page reads it as an entry of 2025 from the claim.
    const page = await get('/me/credit-hours/entries?year=2025&pageSize=10', world.tokens.traineeLZ);
    expect(page.json().items).toEqual(expect.arrayContaining([expect.objectContaining({ source: 'external_claim', hours: '10' })]));

    const told = await db.query(`SELECT title, body FROM notifications WHERE user_id = $1 AND kind = 'external_claim.decided'`, [
      world.users.traineeLZ,
    ]);
    expect(told).toEqual([{ title: '外部学时申请已认定', body: expect.stringContaining('核减为10学时') }]);
    const audit = await db.query(`SELECT action FROM audit_log WHERE details->>'claimId' = $1 ORDER BY at, action`, [id]);
    expect(audit.map((a: { action: string }) => a.action).sort()).toEqual([
      'external_claim.approved',
      'external_claim.endorsed',
      'external_claim.submitted',
    ]);

    // Approving twice changes nothing twice; the evidence is readable in scope only.
    expect((await post(`/external-claims/${id}/approve`, world.tokens.regulatorLZ)).json().code).toBe('EXTERNAL_CLAIM_WRONG_STATE');
    const evidenceId = approved.json().evidence[0].id;
    expect((await get(`/external-claims/${id}/evidence/${evidenceId}`, world.tokens.regulatorGS)).rawPayload).toEqual(PDF);
    expect((await get(`/external-claims/${id}/evidence/${evidenceId}`, world.tokens.traineeTS)).statusCode).toBe(403);

    // The approved 10 hours count against 2025's limit of 15: 6 more are refused, 5 are taken.
    expect((await post('/me/external-claims', world.tokens.traineeLZ, claim({ hours: '6' }))).json().details[0].field).toBe('hours');
  });

  it('a rejection (by the employer or by the city) leaves nothing in the ledger', async () => {
    const before = (await db.query(`SELECT count(*)::int AS n FROM credit_entries`))[0].n;
    const first = (await post('/me/external-claims', world.tokens.traineeLZ, claim({ title: '质量月活动', hours: '2' }))).json().id;
    const noReason = await post(`/external-claims/${first}/reject`, world.tokens.entAdminLZ, { reason: '' });
    expect(noReason.json().details[0].field).toBe('reason');
    expect((await post(`/external-claims/${first}/reject`, world.tokens.entAdminLZ, { reason: '本单位未派员参加' })).json()).toMatchObject({
      status: 'rejected',
      rejectedStage: 'enterprise',
      rejectionReason: '本单位未派员参加',
    });
    const second = (await post('/me/external-claims', world.tokens.traineeLZ, claim({ title: '精益管理研讨会', hours: '3' }))).json().id;
    await post(`/external-claims/${second}/endorse`, world.tokens.entAdminLZ);
    expect(
      (await post(`/external-claims/${second}/reject`, world.tokens.regulatorLZ, { reason: '证明材料无法核实' })).json().rejectedStage,
    ).toBe('regulator');
    expect((await post(`/external-claims/${second}/approve`, world.tokens.regulatorLZ)).statusCode).toBe(409);
    expect((await db.query(`SELECT count(*)::int AS n FROM credit_entries`))[0].n).toBe(before);
    const told = await db.query(
      `SELECT body FROM notifications WHERE user_id = $1 AND kind = 'external_claim.decided' AND title = '外部学时申请未通过'`,
      [world.users.traineeLZ],
    );
    expect(told).toHaveLength(2);
  });

  it('keeps each role to its scope', async () => {
    // Three claims of traineeLZ: one approved, one rejected by the employer, one by the city.
    const submit = async (title: string, hours: string) => {
      const res = await post('/me/external-claims', world.tokens.traineeLZ, claim({ title, hours }));
      expect(res.statusCode).toBe(201);
      return res.json().id as string;
    };
    const approved = await submit('全国六西格玛管理推进会', '5');
    expect((await post(`/external-claims/${approved}/endorse`, world.tokens.entAdminLZ)).json().status).toBe('endorsed');
    expect((await post(`/external-claims/${approved}/approve`, world.tokens.regulatorLZ, { approvedHours: '5' })).statusCode).toBe(200);
    const byEmployer = await submit('质量月活动', '2');
    expect((await post(`/external-claims/${byEmployer}/reject`, world.tokens.entAdminLZ, { reason: '本单位未派员参加' })).statusCode).toBe(
      200,
    );
    const byCity = await submit('精益管理研讨会', '3');
    expect((await post(`/external-claims/${byCity}/endorse`, world.tokens.entAdminLZ)).json().status).toBe('endorsed');
    expect((await post(`/external-claims/${byCity}/reject`, world.tokens.regulatorLZ, { reason: '证明材料无法核实' })).statusCode).toBe(
      200,
    );

    const mine = await get('/me/external-claims', world.tokens.traineeLZ);
    expect(mine.json().total).toBe(3);
    const id = mine.json().items[0].id;
    expect((await get('/me/external-claims', world.tokens.traineeTS)).json().total).toBe(0);
    expect((await get(`/external-claims/${id}`, world.tokens.traineeTS)).statusCode).toBe(403);
    expect((await get(`/external-claims/${id}`, world.tokens.entAdminTS)).statusCode).toBe(403);
    expect((await get(`/external-claims/${id}`, world.tokens.regulatorTS)).statusCode).toBe(403);
    expect((await get('/external-claims', world.tokens.entAdminTS)).json().total).toBe(0);
    expect((await get('/external-claims', world.tokens.regulatorTS)).json().total).toBe(0);
    // The province sees every city's claims; the city its own.
    expect((await get('/external-claims', world.tokens.regulatorGS)).json().total).toBe(3);
    expect((await get('/external-claims', world.tokens.regulatorLZ)).json().total).toBe(3);
    // The enterprise admin sees only confirmed employees: once the trainee leaves, the claims leave its list.
    await db.query('UPDATE trainee_profiles SET enterprise_id = NULL WHERE user_id = $1', [world.users.traineeLZ]);
    expect((await get('/external-claims', world.tokens.entAdminLZ)).json().total).toBe(0);
    expect((await get(`/external-claims/${id}`, world.tokens.entAdminLZ)).statusCode).toBe(403);
    expect((await get(`/external-claims/00000000-0000-4000-8000-000000000000`, world.tokens.regulatorLZ)).statusCode).toBe(404);
    // A trainee with no confirmed employer cannot claim.
    expect((await post('/me/external-claims', world.tokens.traineeLZ, claim({ hours: '1' }))).json().code).toBe(
      'EXTERNAL_CLAIM_NO_EMPLOYER',
    );
  });
});
