import type { Type } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { FakeClock, Role } from '@cqo/core';
import type { AccessRule } from '../../../apps/api/src/http/common/access.decorator';
import { ACCESS_KEY } from '../../../apps/api/src/http/common/access.decorator';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import { answersFor, basePaper, createPaper, createQuestion, questionBodies } from '../../support/exams';
import type { World } from '../../support/fixtures';
import { seedWorld } from '../../support/fixtures';

/** Every route a trainee may call that touches exams (path mentions exam or capability). */
function traineeExamRoutes(api: TestApi): string[] {
  const discovery = new DiscoveryService(api.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const reflector = new Reflector();
  const routes: string[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as Record<string, Type>;
    const controller = wrapper.metatype as Type;
    const base = [reflector.get<string | string[]>(PATH_METADATA, controller) ?? ''].flat()[0];
    for (const name of scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
      const handler = instance[name];
      const path = reflector.get<string | string[]>(PATH_METADATA, handler);
      if (path === undefined) continue;
      const rule = reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [handler, controller]);
      const open = rule && ('public' in rule || rule.roles.includes(Role.Trainee));
      const full = `/${[base, [path].flat()[0]].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/');
      if (open && /exam|capability/.test(full))
        routes.push(`${RequestMethod[reflector.get<RequestMethod>(METHOD_METADATA, handler)]} ${full}`);
    }
  }
  return routes.sort();
}

/** Field names that would carry a key, a per-question grade or the draw's secret. */
const FORBIDDEN_KEY = /correct|answerkey|awarded|explanation|seed|questionversion|questionid/i;

/** Every leak found in a response body: forbidden fields, per-item scores, unseen stems, key arrays. */
function leaksIn(body: unknown, unseenStems: readonly string[], keyArrays: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${path}[${i}]`));
    if (value === null || typeof value !== 'object') return;
    const obj = value as Record<string, unknown>;
    for (const [key, child] of Object.entries(obj)) {
      if (FORBIDDEN_KEY.test(key)) found.push(`${path}.${key}`);
      // A score is allowed only as a whole-attempt result (beside maxScore and passed).
      if (/score/i.test(key) && key !== 'maxScore' && !('maxScore' in obj && 'passed' in obj)) found.push(`${path}.${key}`);
      walk(child, `${path}.${key}`);
    }
  };
  walk(body, '$');
  // The trainee's own selections may equal the key (a right answer); they are theirs to see.
  const text = JSON.stringify(body, (key, value) => (key === 'selectedOptionIds' ? undefined : value));
  for (const stem of unseenStems) if (text.includes(stem)) found.push(`unseen question: ${stem}`);
  for (const key of keyArrays) if (text.includes(key)) found.push(`key array ${key}`);
  return found;
}

/**
 * No trainee-facing exam response carries correctness flags, answer keys, per-question scores or
 * anything about questions the attempt did not show, in any state of an attempt, unless the
 * paper's review policy allows it after submission. The test walks every trainee exam route and
 * fails if a route exists that it did not call.
 */
describe('exam answer keys never leak to trainees', () => {
  let api: TestApi;
  let world: World;
  let clock: FakeClock;
  let dataSource: DataSource;
  const called = new Set<string>();
  const responses: { route: string; status: number; body: unknown; token: string }[] = [];

  beforeAll(async () => {
    clock = new FakeClock(new Date('2026-05-01T02:00:00Z'));
    api = await createTestApi({ clock });
    world = await seedWorld(api);
    dataSource = api.get(getDataSourceToken());
  });
  afterAll(() => api.close());

  /** Calls a trainee route, remembers its pattern and keeps the response for the scan. */
  async function call(method: 'GET' | 'POST' | 'PUT', pattern: string, url: string, payload?: object, token = world.tokens.traineeLZ) {
    const res = await api.request({ method, url, token, payload });
    called.add(`${method} ${pattern}`);
    const body = res.headers['content-type']?.toString().includes('json') ? res.json() : res.body;
    responses.push({ route: `${method} ${url}`, status: res.statusCode, body, token });
    return { status: res.statusCode, body: body as Record<string, any> };
  }

  it('shows no key, grade or unseen question on any trainee route, in every state of an attempt', async () => {
    const bank = [];
    for (let n = 0; n < 6; n++) {
      for (const make of [questionBodies.single, questionBodies.multiple, questionBodies.trueFalse])
        bank.push(await createQuestion(api, world.tokens.orgAdminA, make(n)));
    }
    // Draws 4 of 18: most of the bank stays unseen by any one attempt.
    const never = await createPaper(
      api,
      world.tokens.orgAdminA,
      basePaper({ title: '不公布答案', drawRules: [{ count: 4 }], shuffleOptions: true, maxAttempts: 3 }),
    );
    const whenPassed = await createPaper(
      api,
      world.tokens.orgAdminA,
      basePaper({ title: '通过后公布', revealAnswers: 'when_passed', passMarkPercent: 100, drawRules: [{ count: 3 }] }),
    );
    const timed = await createPaper(
      api,
      world.tokens.orgAdminA,
      basePaper({ title: '限时', timeLimitMinutes: 5, graceSeconds: 0, drawRules: [{ count: 2 }] }),
    );

    await call('GET', '/me/exam-papers', '/me/exam-papers');
    for (const id of [never, whenPassed, timed]) await call('GET', '/me/exam-papers/:paperId', `/me/exam-papers/${id}`);

    // Paper 1 (never): open, answered (right), resumed, submitted (passed), then reread; a second attempt failed.
    const a1 = (await call('POST', '/me/exam-papers/:paperId/attempts', `/me/exam-papers/${never}/attempts`)).body;
    await call('POST', '/me/exam-papers/:paperId/attempts', `/me/exam-papers/${never}/attempts`);
    await call('PUT', '/me/exam-attempts/:attemptId/answers', `/me/exam-attempts/${a1.id}/answers`, {
      answers: await answersFor(api, a1 as never, () => true),
    });
    await call('PUT', '/me/exam-attempts/:attemptId/answers', `/me/exam-attempts/${a1.id}/answers`, {
      answers: [{ position: 1, optionIds: ['nope'] }],
    });
    await call('GET', '/me/exam-attempts/:attemptId', `/me/exam-attempts/${a1.id}`);
    const s1 = await call('POST', '/me/exam-attempts/:attemptId/submit', `/me/exam-attempts/${a1.id}/submit`);
    expect(s1.body.result.passed).toBe(true);
    await call('POST', '/me/exam-attempts/:attemptId/submit', `/me/exam-attempts/${a1.id}/submit`);
    await call('PUT', '/me/exam-attempts/:attemptId/answers', `/me/exam-attempts/${a1.id}/answers`, {
      answers: [{ position: 1, optionIds: [] }],
    });
    await call('GET', '/me/exam-attempts/:attemptId', `/me/exam-attempts/${a1.id}`);

    const b1 = (
      await call('POST', '/me/exam-papers/:paperId/attempts', `/me/exam-papers/${never}/attempts`, undefined, world.tokens.traineeTS)
    ).body;
    await call(
      'PUT',
      '/me/exam-attempts/:attemptId/answers',
      `/me/exam-attempts/${b1.id}/answers`,
      { answers: await answersFor(api, b1 as never, () => false) },
      world.tokens.traineeTS,
    );
    expect(
      (await call('POST', '/me/exam-attempts/:attemptId/submit', `/me/exam-attempts/${b1.id}/submit`, undefined, world.tokens.traineeTS))
        .body.result.passed,
    ).toBe(false);

    // Paper 2 (when_passed): a failed attempt must not show the key either.
    const a2 = (await call('POST', '/me/exam-papers/:paperId/attempts', `/me/exam-papers/${whenPassed}/attempts`)).body;
    await call('PUT', '/me/exam-attempts/:attemptId/answers', `/me/exam-attempts/${a2.id}/answers`, {
      answers: await answersFor(api, a2 as never, (p) => p === 1),
    });
    const s2 = await call('POST', '/me/exam-attempts/:attemptId/submit', `/me/exam-attempts/${a2.id}/submit`);
    expect(s2.body.result.passed).toBe(false);

    // Paper 3: the deadline passes; the attempt is graded on the next read.
    const a3 = (await call('POST', '/me/exam-papers/:paperId/attempts', `/me/exam-papers/${timed}/attempts`)).body;
    clock.advance(6 * 60_000);
    await call('PUT', '/me/exam-attempts/:attemptId/answers', `/me/exam-attempts/${a3.id}/answers`, {
      answers: [{ position: 1, optionIds: [] }],
    });
    expect((await call('GET', '/me/exam-attempts/:attemptId', `/me/exam-attempts/${a3.id}`)).body.status).toBe('submitted');

    // Lists and records, and another trainee's attempt.
    await call('GET', '/me/exam-attempts', '/me/exam-attempts');
    await call('GET', '/me/exam-attempts', `/me/exam-attempts?paperId=${never}`);
    await call('GET', '/me/capability-results', '/me/capability-results');
    await call('GET', '/me/exam-attempts/:attemptId', `/me/exam-attempts/${b1.id}`);

    // What each trainee saw, to tell seen from unseen questions.
    const shown: { attempt_id: string; stem: string }[] = await dataSource.query(
      `SELECT i.attempt_id, v.stem FROM exam_attempt_items i JOIN question_versions v ON v.id = i.question_version_id`,
    );
    const allStems = bank.map((q) => (q as unknown as { stem: string }).stem);
    const keys: { correct_option_ids: string[] }[] = await dataSource.query(
      `SELECT correct_option_ids FROM question_versions WHERE array_length(correct_option_ids, 1) > 1`,
    );
    const keyArrays = keys.map((k) => JSON.stringify(k.correct_option_ids));
    const seenBy = (token: string) => {
      const ids = token === world.tokens.traineeTS ? [b1.id] : [a1.id, a2.id, a3.id];
      return new Set(shown.filter((s) => ids.includes(s.attempt_id)).map((s) => s.stem));
    };
    const leaks: string[] = [];
    for (const r of responses) {
      const seen = seenBy(r.token);
      const unseen = allStems.filter((s) => !seen.has(s));
      for (const leak of leaksIn(r.body, unseen, keyArrays)) leaks.push(`${r.route} (${r.status}): ${leak}`);
    }
    expect(responses.length).toBeGreaterThan(20);
    expect(leaks).toEqual([]);

    // Every trainee-facing exam route was exercised (a new route must join this test).
    expect([...called].sort()).toEqual(traineeExamRoutes(api));
  });

  it('the scan does find a key where one is allowed (it is not vacuous)', async () => {
    const q = await createQuestion(api, world.tokens.orgAdminA, questionBodies.multiple(99));
    const staffView = (await api.request({ method: 'GET', url: `/exam-questions/${q.id}`, token: world.tokens.orgAdminA })).json();
    const key = JSON.stringify(staffView.options.filter((o: { correct: boolean }) => o.correct).map((o: { id: string }) => o.id));
    expect(leaksIn(staffView, [], [])).toEqual(expect.arrayContaining(['$.options[0].correct']));

    // A passed attempt at a when_passed paper shows its review, which the scan flags.
    const paper = await createPaper(
      api,
      world.tokens.orgAdminA,
      basePaper({ revealAnswers: 'when_passed', fixedQuestions: [{ questionId: q.id }] }),
    );
    const attempt = (await api.request({ method: 'POST', url: `/me/exam-papers/${paper}/attempts`, token: world.tokens.traineeTS })).json();
    await api.request({
      method: 'PUT',
      url: `/me/exam-attempts/${attempt.id}/answers`,
      token: world.tokens.traineeTS,
      payload: { answers: await answersFor(api, attempt, () => true) },
    });
    const reviewed = (
      await api.request({ method: 'POST', url: `/me/exam-attempts/${attempt.id}/submit`, token: world.tokens.traineeTS })
    ).json();
    const found = leaksIn(reviewed, [], [key]);
    expect(found).toEqual(expect.arrayContaining(['$.review[0].correctOptionIds', '$.review[0].correct', `key array ${key}`]));
  });
});
