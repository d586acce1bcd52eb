import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import { basePaper, createPaper, createQuestion, questionBodies } from '../../support/exams';
import type { World } from '../../support/fixtures';
import { seedWorld } from '../../support/fixtures';

/**
 * exam_attempt_items have no row-by-row foreign keys (two checks and row locks per item made up
 * most of inserting an attempt's items): the start statement writes items only from the attempt
 * it inserts and the versions it has read, and triggers keep what the keys did on the other side.
 */
describe('attempt items without row-by-row foreign keys', () => {
  let api: TestApi;
  let world: World;
  let db: DataSource;

  beforeAll(async () => {
    api = await createTestApi();
    world = await seedWorld(api);
    db = api.get(getDataSourceToken());
  });
  afterAll(() => api.close());

  const startAttempt = async (): Promise<{ id: string }> => {
    const questions = [];
    for (let n = 0; n < 3; n++) questions.push((await createQuestion(api, world.tokens.orgAdminA, questionBodies.single(n))).id);
    const paperId = await createPaper(
      api,
      world.tokens.orgAdminA,
      basePaper({ fixedQuestions: questions.map((questionId) => ({ questionId })) }),
    );
    const res = await api.request({ method: 'POST', url: `/me/exam-papers/${paperId}/attempts`, token: world.tokens.traineeLZ });
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const items = async (attemptId: string): Promise<{ question_version_id: string }[]> =>
    db.query('SELECT question_version_id FROM exam_attempt_items WHERE attempt_id = $1 ORDER BY position', [attemptId]);

  it('refuses deleting a question version an attempt shows, naming the old constraint', async () => {
    const attempt = await startAttempt();
    const [item] = await items(attempt.id);
    const error = await db.query('DELETE FROM question_versions WHERE id = $1', [item.question_version_id]).then(
      () => undefined,
      (e: { code?: string; constraint?: string }) => ({ code: e.code, constraint: e.constraint }),
    );
    expect(error).toEqual({ code: '23503', constraint: 'fk_exam_attempt_items_question_version' });
    expect(await db.query('SELECT 1 FROM question_versions WHERE id = $1', [item.question_version_id])).toHaveLength(1);
  });

  it('deletes an attempt’s items with the attempt', async () => {
    // An attempt of its own beside it (in random order the other test's attempt may not exist yet).
    const other = await startAttempt();
    const attempt = await startAttempt();
    expect(await items(attempt.id)).toHaveLength(3);
    await db.query('DELETE FROM exam_attempts WHERE id = $1', [attempt.id]);
    expect(await items(attempt.id)).toHaveLength(0);
    // Only that attempt's items.
    expect(await items(other.id)).toHaveLength(3);
  });
});
