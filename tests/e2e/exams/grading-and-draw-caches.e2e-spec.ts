import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { QuestionVersionCache } from '../../../libs/exams/src/question-version-cache';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import { answersFor, basePaper, createPaper, createQuestion, keyOf, questionBodies } from '../../support/exams';
import type { World } from '../../support/fixtures';
import { seedWorld } from '../../support/fixtures';

/**
 * Grading reads the answers without a lock and claims the attempt only if no save came in
 * between; starting draws from a pool kept in memory. These pin what must survive that: parallel
 * submits of a capability test grade once, a save between grading's read and its claim is graded,
 * and a bank changed behind the pool's back (by another process) never gets a stale or archived
 * version frozen into an attempt.
 */
describe('exam grading without a transaction, draws from a cached pool', () => {
  let api: TestApi;
  let world: World;
  let db: DataSource;

  beforeAll(async () => {
    api = await createTestApi();
    world = await seedWorld(api);
    db = api.get(getDataSourceToken());
  });
  afterAll(() => api.close());

  async function fixedPaper(count: number, title: string): Promise<{ paperId: string; questionIds: string[] }> {
    const questionIds: string[] = [];
    for (let n = 0; n < count; n++)
      questionIds.push((await createQuestion(api, world.tokens.orgAdminA, questionBodies.single(n, { stem: `${title}${n}` }))).id);
    const paperId = await createPaper(
      api,
      world.tokens.orgAdminA,
      basePaper({ title, fixedQuestions: questionIds.map((questionId) => ({ questionId })) }),
    );
    return { paperId, questionIds };
  }

  const start = (paperId: string, token: string) => api.request({ method: 'POST', url: `/me/exam-papers/${paperId}/attempts`, token });

  it('grades a capability test once for 30 parallel submits: one event, one conclusion, one result', async () => {
    const { paperId } = await fixedPaper(4, '并发交卷');
    const token = world.tokens.traineeLZ;
    const attempt = (await start(paperId, token)).json();
    await api.request({
      method: 'PUT',
      url: `/me/exam-attempts/${attempt.id}/answers`,
      token,
      payload: { answers: await answersFor(api, attempt, (p) => p !== 1) },
    });

    const responses = await Promise.all(
      Array.from({ length: 30 }, () => api.request({ method: 'POST', url: `/me/exam-attempts/${attempt.id}/submit`, token })),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(new Array(30).fill(200));
    expect(new Set(responses.map((r) => JSON.stringify({ result: r.json().result, submittedAt: r.json().submittedAt }))).size).toBe(1);
    expect(responses[0].json().result).toMatchObject({ score: 3, maxScore: 4, passed: true });
    expect(
      await db.query(`SELECT 1 FROM outbox_events WHERE type = 'exam.attempt.graded' AND payload->>'attemptId' = $1`, [attempt.id]),
    ).toHaveLength(1);
    expect(await db.query('SELECT score, passed FROM capability_results WHERE attempt_id = $1', [attempt.id])).toEqual([
      { score: 3, passed: true },
    ]);
    expect(await db.query('SELECT item_correct, item_awarded_points FROM exam_attempts WHERE id = $1', [attempt.id])).toEqual([
      { item_correct: [false, true, true, true], item_awarded_points: [0, 1, 1, 1] },
    ]);
  });

  it('grades an answer saved after grading read the answers and before it claimed the attempt', async () => {
    const { paperId } = await fixedPaper(3, '读后保存');
    const token = world.tokens.traineeTS;
    const attempt = (await start(paperId, token)).json();
    const wrong = await answersFor(api, attempt, () => false);
    const right = await answersFor(api, attempt, () => true);
    await api.request({ method: 'PUT', url: `/me/exam-attempts/${attempt.id}/answers`, token, payload: { answers: wrong } });

    // Grading reads the key from the version cache between its read and its claim: a save lands exactly there, once.
    const cache = api.get(QuestionVersionCache);
    const bodies = cache.bodies.bind(cache);
    let saved = false;
    const spy = jest.spyOn(cache, 'bodies').mockImplementation(async (ids) => {
      if (!saved) {
        saved = true;
        const res = await api.request({
          method: 'PUT',
          url: `/me/exam-attempts/${attempt.id}/answers`,
          token,
          payload: { answers: right },
        });
        expect(res.statusCode).toBe(200);
      }
      return bodies(ids);
    });
    try {
      const submitted = await api.request({ method: 'POST', url: `/me/exam-attempts/${attempt.id}/submit`, token });
      expect(saved).toBe(true);
      expect(submitted.json().result).toMatchObject({ score: 3, maxScore: 3, passed: true });
    } finally {
      spy.mockRestore();
    }
    const [row] = await db.query('SELECT score, answer_saves FROM exam_attempts WHERE id = $1', [attempt.id]);
    expect(row).toEqual({ score: 3, answer_saves: 2 });
    // A save after the grading is refused and changes nothing.
    const late = await api.request({ method: 'PUT', url: `/me/exam-attempts/${attempt.id}/answers`, token, payload: { answers: wrong } });
    expect(late.statusCode).toBe(409);
    expect((await db.query('SELECT answer_saves FROM exam_attempts WHERE id = $1', [attempt.id]))[0].answer_saves).toBe(2);
  });

  it('never freezes a version another process replaced or archived since the pool was read', async () => {
    const { paperId, questionIds } = await fixedPaper(3, '题库变更');
    // The pool is now in memory (read by this start).
    const first = (await start(paperId, world.tokens.traineeLZ)).json();
    expect(first.items).toHaveLength(3);

    // Another process edits question 0 (a new current version) behind this process's back.
    await db.query(
      `INSERT INTO question_versions (question_id, version, type, stem, options, correct_option_ids, category, topics, difficulty, explanation, created_by)
       SELECT question_id, 2, type, stem || '（修订）', options, correct_option_ids, category, topics, difficulty, explanation, created_by
         FROM question_versions WHERE question_id = $1 AND version = 1`,
      [questionIds[0]],
    );
    await db.query('UPDATE questions SET current_version = 2 WHERE id = $1', [questionIds[0]]);
    const second = (await start(paperId, world.tokens.traineeTS)).json();
    expect(second.items.map((i: { stem: string }) => i.stem)).toContain('题库变更0（修订）');
    const [{ version }] = await db.query(
      `SELECT v.version FROM exam_attempt_items i JOIN question_versions v ON v.id = i.question_version_id WHERE i.attempt_id = $1 AND v.question_id = $2`,
      [second.id, questionIds[0]],
    );
    expect(version).toBe(2);
  });

  it('refuses a start once another process archived a drawn question, instead of drawing it from memory', async () => {
    const questionIds: string[] = [];
    for (let n = 0; n < 2; n++) {
      questionIds.push(
        (
          await createQuestion(
            api,
            world.tokens.orgAdminA,
            questionBodies.single(n, { stem: `题库归档${n}`, category: 2, topics: ['lean'] }),
          )
        ).id,
      );
    }
    const paperId = await createPaper(
      api,
      world.tokens.orgAdminA,
      basePaper({ title: '抽题归档', drawRules: [{ count: 2, topic: 'lean' }] }),
    );
    const warm = await start(paperId, world.tokens.traineeLZ);
    expect(warm.statusCode).toBe(200);
    await db.query('UPDATE questions SET archived_at = now() WHERE id = $1', [questionIds[1]]);
    const refused = await start(paperId, world.tokens.traineeTS);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('DRAW_POOL_TOO_SMALL');
    expect(await db.query('SELECT 1 FROM exam_attempts WHERE paper_id = $1 AND trainee_id = $2', [paperId, world.users.traineeTS])).toEqual(
      [],
    );
  });

  it('still starts a paper whose fixed question was archived (fixed questions stay fixed)', async () => {
    const { paperId, questionIds } = await fixedPaper(2, '固定题归档');
    expect((await start(paperId, world.tokens.traineeLZ)).statusCode).toBe(200);
    await db.query('UPDATE questions SET archived_at = now() WHERE id = $1', [questionIds[1]]);
    const started = await start(paperId, world.tokens.traineeTS);
    expect(started.statusCode).toBe(200);
    expect(started.json().items).toHaveLength(2);
    expect(await keyOf(api, started.json().id)).toHaveProperty('size', 2);
  });
});
