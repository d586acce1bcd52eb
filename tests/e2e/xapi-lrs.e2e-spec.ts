import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import XAPI from '@xapi/xapi';
import { DataSource } from 'typeorm';
import { FakeClock } from '@cqo/core';
import { XapiService } from '@cqo/courses';
import type { TestApi } from '../support/api';
import { createTestApi } from '../support/api';
import { enrol, onlineCourse, publishCourse } from '../support/courses';
import type { World } from '../support/fixtures';
import { seedWorld } from '../support/fixtures';

type Err = { details: { field: string }[] };
const VERB = (name: string) => `http://adlnet.gov/expapi/verbs/${name}`;

/** The HTTP status of a failed @xapi/xapi call (it rejects with axios's error). */
async function statusOf(call: Promise<unknown>): Promise<number> {
  try {
    await call;
  } catch (error) {
    return (error as { response?: { status: number } }).response?.status ?? -1;
  }
  return 200;
}

/**
 * The xAPI endpoint as a content player uses it: the real @xapi/xapi client over a real socket,
 * authenticated with an organization's key pair (HTTP Basic).
 */
describe('xAPI 1.0.3 endpoint for content players', () => {
  const clock = new FakeClock(new Date('2026-03-02T01:00:00Z'));
  let api: TestApi;
  let world: World;
  let db: DataSource;
  let endpoint: string;
  let keyId: string;
  let secret: string;
  let lrs: XAPI;
  let lessonId: string;
  let enrollmentId: string;
  let registration: string;
  const actor = { objectType: 'Agent' as const, account: { homePage: 'http://cqo.test', name: 'traineets' } };
  const activity = () => ({ objectType: 'Activity' as const, id: `http://cqo.test/xapi/activities/lessons/${lessonId}` });
  const statement = (verb: string, extra: Record<string, unknown> = {}) => ({
    id: randomUUID(),
    actor,
    verb: { id: VERB(verb), display: { 'zh-CN': verb } },
    object: activity(),
    context: { registration },
    ...extra,
  });
  const raw = (method: string, path: string, init: { headers?: Record<string, string>; body?: unknown; auth?: string | null } = {}) =>
    fetch(`${endpoint}${path}`, {
      method,
      headers: {
        ...(init.auth === null ? {} : { authorization: init.auth ?? XAPI.toBasicAuth(keyId, secret) }),
        'content-type': 'application/json',
        'x-experience-api-version': '1.0.3',
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  /** The lesson's progress (no row yet: nothing credited). */
  const progress = async () =>
    (
      await db.query('SELECT active_seconds, completed_at FROM lesson_progress WHERE enrollment_id = $1 AND lesson_id = $2', [
        enrollmentId,
        lessonId,
      ])
    )[0] ?? { active_seconds: 0, completed_at: null };

  beforeAll(async () => {
    api = await createTestApi({ clock });
    world = await seedWorld(api);
    db = api.get(DataSource);
    await api.app.listen(0, '127.0.0.1');
    endpoint = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}/xapi/`;
    const created = await api.request({
      method: 'POST',
      url: '/xapi-keys',
      token: world.tokens.orgAdminA,
      payload: { name: '课件播放器' },
    });
    ({ id: keyId, key: secret } = created.json());
    lrs = new XAPI({ endpoint, auth: XAPI.toBasicAuth(keyId, secret), version: '1.0.3' });
  });
  // Each test its own lesson, enrolment and registration, so that no test sees another's time or documents.
  beforeEach(async () => {
    clock.set('2026-03-02T01:00:00Z');
    registration = randomUUID();
    const version = await publishCourse(api, world, onlineCourse({ title: '课件课程' }));
    lessonId = version.lessons[0].id; // 10 minutes
    enrollmentId = await enrol(api, world.tokens.traineeTS, version.id);
  });
  afterAll(() => api.close());

  it('answers About without credentials', async () => {
    const about = await lrs.getAbout();
    expect(about.data).toEqual({ version: ['1.0.3'], extensions: {} });
    expect(about.headers['x-experience-api-version']).toBe('1.0.3');
  });

  it('may be called from other origins (content players), credentials in the header only', async () => {
    const preflight = await fetch(`${endpoint}statements`, {
      method: 'OPTIONS',
      headers: {
        origin: 'null',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,x-experience-api-version',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('X-Experience-API-Version');
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    const about = await fetch(`${endpoint}about`, { headers: { origin: 'null' } });
    expect(about.headers.get('access-control-allow-origin')).toBe('*');
    // Other routes stay same-origin.
    expect(
      (await fetch(`${endpoint.replace('/xapi/', '/health')}`, { headers: { origin: 'null' } })).headers.get('access-control-allow-origin'),
    ).toBeNull();
  });

  it('stores statements, returns them by id, credits only server-observed time and is idempotent', async () => {
    clock.set('2026-03-02T02:00:00Z');
    const initialized = statement('initialized');
    expect((await lrs.sendStatement({ statement: initialized })).data).toEqual([initialized.id]);
    // Four minutes later (server time) the content reports three minutes of study: credited.
    clock.set('2026-03-02T02:04:00Z');
    const progressed = statement('progressed', { result: { duration: 'PT3M' } });
    await lrs.sendStatement({ statement: progressed });
    expect((await progress()).active_seconds).toBe(180);

    const fetched = (await lrs.getStatement({ statementId: progressed.id })).data;
    expect(fetched).toMatchObject({
      id: progressed.id,
      verb: { id: VERB('progressed') },
      result: { duration: 'PT3M' },
      stored: '2026-03-02T02:04:00.000Z',
      timestamp: '2026-03-02T02:04:00.000Z',
      authority: { account: { name: `xapi-key/${keyId}` } },
      version: '1.0.0',
    });

    // The same statement again: 200, counted once; same id, other content: 409.
    expect((await lrs.sendStatement({ statement: progressed })).data).toEqual([progressed.id]);
    expect((await progress()).active_seconds).toBe(180);
    expect(await statusOf(lrs.sendStatement({ statement: { ...progressed, result: { duration: 'PT4M' } } }))).toBe(409);

    // A terminated statement for the whole session (4 min) overlaps the 3 credited: only the
    // one minute the server saw beyond them is added.
    await lrs.sendStatement({ statement: statement('terminated', { result: { duration: 'PT4M' } }) });
    expect((await progress()).active_seconds).toBe(240);

    // Any verb is stored; only completed/passed/progressed/terminated credit time.
    const experienced = statement('experienced', { result: { duration: 'PT1M' } });
    await lrs.sendStatement({ statement: experienced });
    expect((await lrs.getStatement({ statementId: experienced.id })).data.verb.id).toBe(VERB('experienced'));
    expect((await progress()).active_seconds).toBe(240);
  });

  it('takes PUT with statementId, idempotently', async () => {
    const id = randomUUID();
    const body = statement('progressed', { id: undefined, result: { duration: 'PT1M' } });
    clock.set('2026-03-02T02:07:00Z');
    await lrs.sendStatement({ statement: statement('initialized') });
    clock.set('2026-03-02T02:09:00Z');
    expect((await raw('PUT', `statements?statementId=${id}`, { body })).status).toBe(204);
    expect((await raw('PUT', `statements?statementId=${id}`, { body })).status).toBe(204);
    expect((await raw('PUT', `statements?statementId=${id}`, { body: { ...body, result: { duration: 'PT2M' } } })).status).toBe(409);
    expect((await lrs.getStatement({ statementId: id })).data.id).toBe(id);
    const missing = await raw('PUT', 'statements', { body });
    expect([missing.status, ((await missing.json()) as Err).details[0].field]).toEqual([400, 'statementId']);
    const mismatch = await raw('PUT', `statements?statementId=${randomUUID()}`, { body: { ...body, id: randomUUID() } });
    expect([mismatch.status, ((await mismatch.json()) as Err).details[0].field]).toEqual([400, 'id']);
  });

  it('voids a statement: found by voidedStatementId, no longer by statementId, its time taken back', async () => {
    clock.set('2026-03-02T02:17:00Z');
    await lrs.sendStatement({ statement: statement('initialized') });
    clock.set('2026-03-02T02:20:00Z');
    const before = (await progress()).active_seconds;
    const progressed = statement('progressed', { result: { duration: 'PT2M' } });
    await lrs.sendStatement({ statement: progressed });
    expect((await progress()).active_seconds).toBe(before + 120);
    await lrs.voidStatement({ actor, statementId: progressed.id });
    expect((await progress()).active_seconds).toBe(before);
    expect((await lrs.getVoidedStatement({ voidedStatementId: progressed.id })).data.id).toBe(progressed.id);
    expect(await statusOf(lrs.getStatement({ statementId: progressed.id }))).toBe(404);
    expect(await statusOf(lrs.getStatement({ statementId: randomUUID() }))).toBe(404);
    // The voided two minutes go back to the registration's window: of the three minutes the
    // server has seen since it opened, three can be credited again (one if they had not).
    await lrs.sendStatement({ statement: statement('progressed', { result: { duration: 'PT3M' } }) });
    expect((await progress()).active_seconds).toBe(before + 180);
  });

  it('keeps State documents: set, get, merge, list, delete', async () => {
    const where = { agent: actor, activityId: activity().id, registration };
    await lrs.setState({ ...where, stateId: 'resume', state: { page: 3, answers: { q1: 'A' } } });
    const got = await lrs.getState({ ...where, stateId: 'resume' });
    expect(got.data).toEqual({ page: 3, answers: { q1: 'A' } });
    expect(got.headers.etag).toMatch(/^"[0-9a-f]{40}"$/);
    await lrs.createState({ ...where, stateId: 'resume', state: { page: 4 } });
    expect((await lrs.getState({ ...where, stateId: 'resume' })).data).toEqual({ page: 4, answers: { q1: 'A' } });
    await lrs.setState({ ...where, stateId: 'bookmark', state: { slide: 7 } });
    expect((await lrs.getStates(where)).data).toEqual(['bookmark', 'resume']);
    // Another registration (another launch) has its own state.
    expect(await statusOf(lrs.getState({ ...where, registration: randomUUID(), stateId: 'resume' }))).toBe(404);
    await lrs.deleteState({ ...where, stateId: 'bookmark' });
    expect((await lrs.getStates(where)).data).toEqual(['resume']);
    await lrs.deleteStates(where);
    expect(await statusOf(lrs.getState({ ...where, stateId: 'resume' }))).toBe(404);
  });

  it('keeps Activity and Agent Profile documents', async () => {
    await lrs.setActivityProfile({
      activityId: activity().id,
      profileId: 'settings',
      profile: { language: 'zh-CN' },
      matchHeader: 'If-None-Match',
      etag: '*',
    });
    expect((await lrs.getActivityProfile({ activityId: activity().id, profileId: 'settings' })).data).toEqual({ language: 'zh-CN' });
    await lrs.createAgentProfile({ agent: actor, profileId: 'prefs', profile: { speed: 1.25 } });
    expect((await lrs.getAgentProfile({ agent: actor, profileId: 'prefs' })).data).toEqual({ speed: 1.25 });
    expect((await lrs.getAgentProfiles({ agent: actor })).data).toEqual(['prefs']);
  });

  it('refuses bad credentials, a bad version header and a duration beyond what the server saw, storing nothing', async () => {
    const wrong = new XAPI({ endpoint, auth: XAPI.toBasicAuth(keyId, `${secret}x`) });
    expect(await statusOf(wrong.sendStatement({ statement: statement('progressed') }))).toBe(401);
    expect(
      await statusOf(
        new XAPI({ endpoint, auth: XAPI.toBasicAuth('not-a-key', secret) }).getState({
          agent: actor,
          activityId: activity().id,
          stateId: 'x',
        }),
      ),
    ).toBe(401);
    expect((await raw('POST', 'statements', { auth: null, body: statement('progressed') })).status).toBe(401);

    for (const version of ['0.95', '2.0.0', 'abc']) {
      const res = await raw('POST', 'statements', { headers: { 'x-experience-api-version': version }, body: statement('progressed') });
      expect([version, res.status, ((await res.json()) as Err).details]).toEqual([
        version,
        400,
        [expect.objectContaining({ field: 'X-Experience-API-Version' })],
      ]);
    }
    const noVersion = await fetch(
      `${endpoint}activities/state?stateId=a&activityId=${encodeURIComponent(activity().id)}&agent=${encodeURIComponent(JSON.stringify(actor))}`,
      {
        headers: { authorization: XAPI.toBasicAuth(keyId, secret) },
      },
    );
    expect([noVersion.status, ((await noVersion.json()) as Err).details[0].field]).toEqual([400, 'X-Experience-API-Version']);
    expect(
      (await raw('POST', 'statements', { headers: { 'x-experience-api-version': '1.0' }, body: statement('initialized') })).status,
    ).toBe(200);

    // A fresh launch: the server saw one minute, the content claims an hour.
    const launch = randomUUID();
    clock.set('2026-03-02T03:00:00Z');
    await lrs.sendStatement({ statement: statement('initialized', { context: { registration: launch } }) });
    clock.set('2026-03-02T03:01:00Z');
    const before = (await progress()).active_seconds;
    const claim = statement('completed', { context: { registration: launch }, result: { duration: 'PT1H', completion: true } });
    const res = await raw('POST', 'statements', { body: claim });
    expect([res.status, ((await res.json()) as Err).details[0].field]).toEqual([400, 'result.duration']);
    expect(await db.query('SELECT 1 FROM xapi_statements WHERE id = $1', [claim.id])).toHaveLength(0);
    expect((await progress()).active_seconds).toBe(before);

    // Bad document parameters name the parameter.
    const badAgent = await raw('GET', `activities/state?stateId=a&activityId=${encodeURIComponent(activity().id)}&agent=nope`);
    expect([badAgent.status, ((await badAgent.json()) as Err).details[0].field]).toEqual([400, 'agent']);
    const noActivity = await raw('GET', `activities/state?stateId=a&agent=${encodeURIComponent(JSON.stringify(actor))}`);
    expect([noActivity.status, ((await noActivity.json()) as Err).details[0].field]).toEqual([400, 'activityId']);
  });

  it('credits no more than the window when statements of one registration arrive at once, and a statement sent twice at once once', async () => {
    const reg = randomUUID();
    clock.set('2026-03-02T05:00:00Z');
    await lrs.sendStatement({ statement: statement('initialized', { context: { registration: reg } }) });
    clock.set('2026-03-02T05:02:00Z');
    const before = (await progress()).active_seconds;
    const twice = statement('progressed', { context: { registration: reg }, result: { duration: 'PT1M' } });
    const others = Array.from({ length: 6 }, () =>
      statement('progressed', { context: { registration: reg }, result: { duration: 'PT1M' } }),
    );
    const statuses = await Promise.all([twice, twice, ...others].map((st) => statusOf(lrs.sendStatement({ statement: st }))));
    expect(statuses).toEqual(Array(8).fill(200));
    // Seven minutes claimed, two seen by the server: two credited.
    expect((await progress()).active_seconds - before).toBe(120);
    expect(await db.query('SELECT 1 FROM xapi_statements WHERE id = $1', [twice.id])).toHaveLength(1);
  });

  it('groups statements arriving together in one transaction, answering each on its own: a refused one stores nothing, the others are kept', async () => {
    const reg = randomUUID();
    clock.set('2026-03-02T06:00:00Z');
    await lrs.sendStatement({ statement: statement('initialized', { context: { registration: reg } }) });
    clock.set('2026-03-02T06:10:00Z');
    const service = api.get(XapiService);
    const store = jest.spyOn(service as unknown as { store: (...args: unknown[]) => Promise<void> }, 'store');
    const before = (await progress()).active_seconds;
    const good = Array.from({ length: 24 }, () =>
      statement('progressed', { context: { registration: reg }, result: { duration: 'PT10S' } }),
    );
    const stranger = statement('progressed', {
      actor: { ...actor, account: { ...actor.account, name: 'no-such-trainee' } },
      context: { registration: reg },
    });
    const taken = good[0];
    const conflicting = { ...statement('progressed', { context: { registration: reg }, result: { duration: 'PT20S' } }), id: taken.id };
    // The first is stored before the others are sent, so the one reusing its id is the conflict.
    expect((await raw('POST', 'statements', { body: taken })).status).toBe(200);
    const sent = [...good.slice(1), stranger, conflicting];
    const answers = [{ status: 200 } as Response, ...(await Promise.all(sent.map((st) => raw('POST', 'statements', { body: st }))))];
    try {
      // Some request was stored in a group with others.
      expect(store.mock.calls.some((call) => (call[2] as unknown[]).length > 1)).toBe(true);
    } finally {
      store.mockRestore();
    }
    const statuses = answers.map((a) => a.status);
    expect(statuses.slice(0, 24)).toEqual(Array(24).fill(200));
    expect(statuses[24]).toBe(400);
    expect(((await answers[24].json()) as Err).details).toEqual([expect.objectContaining({ field: 'actor.account.name' })]);
    expect(statuses[25]).toBe(409);
    expect((await progress()).active_seconds - before).toBe(240);
    expect(await db.query('SELECT 1 FROM xapi_statements WHERE id = $1', [stranger.id])).toHaveLength(0);
    expect(await db.query('SELECT reported_seconds FROM xapi_statements WHERE id = $1', [taken.id])).toEqual([{ reported_seconds: 10 }]);
  });

  it('writes a group of statements of several lessons at once, each with its own window, a repeat and a conflict answered on their own', async () => {
    const lessons: string[] = (
      await db.query(
        'SELECT id FROM lessons WHERE course_version_id = (SELECT course_version_id FROM lessons WHERE id = $1) ORDER BY position',
        [lessonId],
      )
    ).map((l: { id: string }) => l.id);
    const on = (lesson: string, verb: string, extra: Record<string, unknown> = {}) =>
      statement(verb, { object: { objectType: 'Activity', id: `http://cqo.test/xapi/activities/lessons/${lesson}` }, ...extra });
    const secondsOn = async (lesson: string) =>
      Number(
        (
          await db.query('SELECT active_seconds FROM lesson_progress WHERE enrollment_id = $1 AND lesson_id = $2', [enrollmentId, lesson])
        )[0]?.active_seconds ?? 0,
      );
    clock.set('2026-03-02T07:00:00Z');
    const opened = lessons.map((l) => on(l, 'initialized'));
    for (const st of opened) expect((await raw('POST', 'statements', { body: st })).status).toBe(200);
    // Ten minutes later: four half-minutes on each lesson, the first statement again, and another reusing an id.
    clock.set('2026-03-02T07:10:00Z');
    const service = api.get(XapiService);
    const writeAtOnce = jest.spyOn(
      service as unknown as { writeAtOnce: (...args: unknown[]) => Promise<Map<number, unknown>> },
      'writeAtOnce',
    );
    const progressed = lessons.flatMap((l) => Array.from({ length: 4 }, () => on(l, 'progressed', { result: { duration: 'PT30S' } })));
    const conflicting = { ...on(lessons[1], 'progressed', { result: { duration: 'PT1M' } }), id: opened[1].id };
    const answers = await Promise.all([...progressed, opened[0], conflicting].map((st) => raw('POST', 'statements', { body: st })));
    try {
      // Some group had statements of several lessons written in one round trip.
      const sizes = await Promise.all(writeAtOnce.mock.results.map((r) => (r.value as Promise<Map<number, unknown>>).then((m) => m.size)));
      expect(Math.max(0, ...sizes)).toBeGreaterThan(1);
    } finally {
      writeAtOnce.mockRestore();
    }
    expect(answers.map((a) => a.status)).toEqual([...Array(progressed.length + 1).fill(200), 409]);
    for (const l of lessons) expect(await secondsOn(l)).toBe(120);
    expect(await db.query('SELECT verb FROM xapi_statements WHERE id = $1', [opened[1].id])).toEqual([{ verb: VERB('initialized') }]);
    expect(
      await db.query(
        'SELECT lesson_id, credited_seconds FROM xapi_windows WHERE enrollment_id = $1 AND registration = $2 ORDER BY lesson_id',
        [enrollmentId, registration],
      ),
    ).toEqual([...lessons].sort().map((l) => ({ lesson_id: l, credited_seconds: 120 })));
  });

  it('refuses a key pair the moment it is revoked, though the API has just accepted it (and caches it)', async () => {
    clock.set('2026-03-02T04:00:00Z');
    const issue = async () =>
      (await api.request({ method: 'POST', url: '/xapi-keys', token: world.tokens.orgAdminA, payload: { name: '临时播放器' } })).json();
    // Revoked through the API of this process…
    const first = await issue();
    const player = new XAPI({ endpoint, auth: XAPI.toBasicAuth(first.id, first.key), version: '1.0.3' });
    expect(await statusOf(player.sendStatement({ statement: statement('initialized') }))).toBe(200);
    expect((await api.request({ method: 'DELETE', url: `/xapi-keys/${first.id}`, token: world.tokens.orgAdminA })).statusCode).toBe(200);
    const afterApi = statement('progressed');
    expect(await statusOf(player.sendStatement({ statement: afterApi }))).toBe(401);
    // …and by another process (written straight to the database; this process's cache still holds the key).
    const second = await issue();
    const other = new XAPI({ endpoint, auth: XAPI.toBasicAuth(second.id, second.key), version: '1.0.3' });
    expect(await statusOf(other.sendStatement({ statement: statement('initialized') }))).toBe(200);
    await db.query('UPDATE xapi_api_keys SET revoked_at = now() WHERE id = $1', [second.id]);
    const afterDb = statement('progressed');
    expect(await statusOf(other.sendStatement({ statement: afterDb }))).toBe(401);
    expect(await db.query('SELECT 1 FROM xapi_statements WHERE id = ANY($1::uuid[])', [[afterApi.id, afterDb.id]])).toHaveLength(0);
  });

  it("keeps organizations apart: another organization's key pair sees neither statements nor state", async () => {
    const other = (
      await api.request({ method: 'POST', url: '/xapi-keys', token: world.tokens.orgAdminB, payload: { name: '乙机构' } })
    ).json();
    const theirs = new XAPI({ endpoint, auth: XAPI.toBasicAuth(other.id, other.key) });
    const mine = statement('progressed');
    await lrs.sendStatement({ statement: mine });
    expect(await statusOf(theirs.getStatement({ statementId: mine.id }))).toBe(404);
    await lrs.setState({ agent: actor, activityId: activity().id, stateId: 'private', state: { a: 1 } });
    expect(await statusOf(theirs.getState({ agent: actor, activityId: activity().id, stateId: 'private' }))).toBe(404);
    // Their statements about our lesson are refused.
    expect(await statusOf(theirs.sendStatement({ statement: statement('progressed') }))).toBe(400);
    // A revoked key pair stops working.
    await api.request({ method: 'DELETE', url: `/xapi-keys/${other.id}`, token: world.tokens.orgAdminB });
    expect(await statusOf(theirs.getAbout())).toBe(200);
    expect(await statusOf(theirs.getStates({ agent: actor, activityId: activity().id }))).toBe(401);
  });
});
