import { DataSource } from 'typeorm';
import { FakeClock } from '@cqo/core';
import type { AttentionQuestionSource } from '@cqo/courses';
import { ATTENTION_QUESTION_SOURCE, ContentFilesService } from '@cqo/courses';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import { DEMO_VIDEO_PATH } from '../../support/content';
import { onlineCourse, publishCourse } from '../../support/courses';
import { createQuestion, questionBodies } from '../../support/exams';
import type { World } from '../../support/fixtures';
import { seedWorld } from '../../support/fixtures';

/** Field names that would carry the key or tell which bank question it is (as in the exam key-leak test). */
const FORBIDDEN_KEY = /correct|answerkey|explanation|questionid|questionversion/i;

/** Every field of a trainee-visible body that would give the answer away. */
function leaksIn(body: unknown, keyOptionId: string): string[] {
  const found: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${path}[${i}]`));
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      if (FORBIDDEN_KEY.test(key)) found.push(`${path}.${key}`);
      // The right option's id may appear only as one option among the others.
      if (child === keyOptionId && !/^\$.*options\[\d+\]$/.test(path)) found.push(`${path}.${key} = key`);
      walk(child, `${path}.${key}`);
    }
  };
  walk(body, '$');
  return found;
}

/**
 * Attention checks drawn from the course's question bank (fromBank): the exams lib provides the
 * courses lib's question port; the check shows a single-answer question of the organization on
 * the course's topics, the server grades the answer, and the evidence keeps the question, the
 * answer and whether it was right. The key never reaches the trainee.
 */
describe('attention checks from the question bank', () => {
  let api: TestApi;
  let world: World;
  let db: DataSource;
  const clock = new FakeClock(new Date('2026-04-01T01:00:00Z'));
  let eligible: Map<string, string>; // question id → id of its right option
  let enrollmentId: string;
  let lessonId: string;

  beforeAll(async () => {
    api = await createTestApi({ clock });
    world = await seedWorld(api);
    db = api.get(DataSource);
    eligible = new Map();
    for (const body of [questionBodies.single(1), questionBodies.trueFalse(2)]) {
      const q = await createQuestion(api, world.tokens.orgAdminA, body);
      eligible.set(q.id, q.options.find((o) => o.correct)!.id);
    }
    // Not drawable for the course: several right options, another category, another organization's bank.
    await createQuestion(api, world.tokens.orgAdminA, questionBodies.multiple(3, { category: 1, topics: ['cqo-system'] }));
    await createQuestion(api, world.tokens.orgAdminA, questionBodies.multiple(4));
    await createQuestion(api, world.tokens.orgAdminB, questionBodies.single(5));

    const video = await api.get(ContentFilesService).importCopy(world.orgA, world.users.orgAdminA, 'video', DEMO_VIDEO_PATH, '导学.mp4');
    const version = await publishCourse(
      api,
      world,
      onlineCourse({
        title: '弹题取自题库的课程',
        attentionChecks: { minMinutes: 1, maxMinutes: 1, timeoutSeconds: 60, fromBank: true },
        lessons: [{ title: '导学视频', type: 'video', minutes: 45, required: true, contentFileId: video.id }],
      }),
    );
    expect(version.attentionChecks).toEqual({ minMinutes: 1, maxMinutes: 1, timeoutSeconds: 60, fromBank: true });
    lessonId = version.lessons[0].id;
    enrollmentId = (
      await api.request({ method: 'POST', url: '/me/enrollments', token: world.tokens.traineeLZ, payload: { courseVersionId: version.id } })
    ).json().id;
  });
  afterAll(() => api.close());

  const beat = (sessionId: string, position: number) => {
    clock.advance(30_000);
    return api.request({
      method: 'POST',
      url: `/me/study-sessions/${sessionId}/heartbeat`,
      token: world.tokens.traineeLZ,
      payload: { position },
    });
  };
  const answer = (sessionId: string, checkId: string, optionId: string) =>
    api.request({
      method: 'POST',
      url: `/me/study-sessions/${sessionId}/attention-checks/${checkId}/answer`,
      token: world.tokens.traineeLZ,
      payload: { answer: optionId },
    });
  const evidence = (token: string) =>
    api.request({ method: 'GET', url: `/enrollments/${enrollmentId}/lessons/${lessonId}/evidence`, token });

  it('draws only single-answer questions of the organization on the course topics, and nothing when none fits', async () => {
    const source = api.get<AttentionQuestionSource>(ATTENTION_QUESTION_SOURCE);
    const scope = { organizationId: world.orgA, category: 1, topicCodes: ['national-quality-policy', 'cqo-system'] };
    const drawn = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const q = (await source.draw(scope))!;
      expect(eligible.get(q.questionId)).toBe(q.answerKey);
      expect(q.options.map((o) => o.id)).toContain(q.answerKey);
      drawn.add(q.questionId);
    }
    expect([...drawn].every((id) => eligible.has(id))).toBe(true);
    expect(await source.draw({ ...scope, topicCodes: ['national-quality-policy'] })).toBeNull();
    expect(await source.draw({ ...scope, organizationId: world.orgB, topicCodes: ['six-sigma'] })).toBeNull();
  });

  it('shows a bank question without its key, grades the answer on the server and keeps question, answer and result as evidence', async () => {
    const started = await api.request({
      method: 'POST',
      url: '/me/study-sessions',
      token: world.tokens.traineeLZ,
      payload: { enrollmentId, lessonId },
    });
    const sessionId = started.json().sessionId as string;
    expect((await beat(sessionId, 30)).json()).toMatchObject({ creditedSeconds: 30, attentionCheck: null });
    const due = await beat(sessionId, 60);
    const first = due.json().attentionCheck;
    expect(first).toMatchObject({ kind: 'question', options: expect.any(Array) });
    const [{ question_id: firstQuestion, answer_key: firstKey }] = await db.query(
      'SELECT question_id, answer_key FROM attention_checks WHERE id = $1',
      [first.id],
    );
    expect(eligible.get(firstQuestion)).toBe(firstKey);
    expect(first.prompt).toMatch(/^(单选题1|判断题2)：/);
    expect(first.options.map((o: { id: string }) => o.id)).toContain(firstKey);
    // While it is open: nothing credited, and no body the trainee receives names the key.
    const waiting = await beat(sessionId, 60);
    expect(waiting.json()).toMatchObject({ creditedSeconds: 0, verdict: 'check', attentionCheck: { id: first.id } });
    const traineeEvidence = await evidence(world.tokens.traineeLZ);
    for (const body of [started.json(), due.json(), waiting.json(), traineeEvidence.json()]) expect(leaksIn(body, firstKey)).toEqual([]);

    const wrongOption = first.options.find((o: { id: string }) => o.id !== firstKey).id as string;
    expect((await answer(sessionId, first.id, wrongOption)).json()).toEqual({ passed: false, reason: 'wrong' });
    // After a wrong answer the next check comes with the next credited heartbeat.
    const again = await beat(sessionId, 90);
    expect(again.json().creditedSeconds).toBe(30);
    const second = again.json().attentionCheck;
    expect(second).toMatchObject({ kind: 'question' });
    const [{ question_id: secondQuestion, answer_key: secondKey }] = await db.query(
      'SELECT question_id, answer_key FROM attention_checks WHERE id = $1',
      [second.id],
    );
    expect(leaksIn(again.json(), secondKey)).toEqual([]);
    expect((await answer(sessionId, second.id, secondKey)).json()).toEqual({ passed: true, reason: 'ok' });
    // An answer to a check no longer open is refused, not re-graded.
    expect((await answer(sessionId, second.id, secondKey)).statusCode).toBe(409);

    const staffView = (await evidence(world.tokens.orgAdminA)).json();
    expect(staffView).toMatchObject({ checksPassed: 1, checksFailed: 1 });
    expect(staffView.checks).toEqual([
      expect.objectContaining({ kind: 'question', questionId: firstQuestion, answer: wrongOption, passed: false }),
      expect.objectContaining({ kind: 'question', questionId: secondQuestion, answer: secondKey, passed: true }),
    ]);
    const traineeView = (await evidence(world.tokens.traineeLZ)).json();
    expect(traineeView.checks.map((c: object) => Object.keys(c))).toEqual([
      expect.not.arrayContaining(['questionId']),
      expect.not.arrayContaining(['questionId']),
    ]);
  });
});
