import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '@cqo/core';
import { ALL_ENTITIES, ALL_MIGRATIONS } from '@cqo/schema';
import { createEmptyDatabase, databaseUrl, dropDatabase } from '@cqo/testing';

/**
 * Moving each question's grade from the item rows onto the attempt (AttemptGradesOnAttempt):
 * a graded attempt's grades arrive as arrays in position order, an open attempt keeps none, and
 * the way back puts every grade on its item again.
 */
describe('attempt grades moved onto the attempt row, over existing attempts', () => {
  const name = `cqo_t_${process.env.CQO_TEST_RUN}_attempt_grades`;
  const index = ALL_MIGRATIONS.findIndex((m) => m.name === 'AttemptGradesOnAttempt1795676300000');
  let db: DataSource;
  const graded = '00000000-0000-4000-8000-00000000000a';
  const open = '00000000-0000-4000-8000-00000000000b';

  const itemGrades = (): Promise<{ attempt_id: string; position: number; correct: boolean | null; awarded_points: number | null }[]> =>
    db.query(`SELECT attempt_id, position, correct, awarded_points FROM exam_attempt_items ORDER BY attempt_id, position`);
  const attemptGrades = (): Promise<{ id: string; item_correct: boolean[] | null; item_awarded_points: number[] | null }[]> =>
    db.query(`SELECT id, item_correct, item_awarded_points FROM exam_attempts ORDER BY id`);

  beforeAll(async () => {
    expect(index).toBeGreaterThan(0);
    await createEmptyDatabase(name);
    db = new DataSource(buildDataSourceOptions(databaseUrl(name), ALL_ENTITIES, ALL_MIGRATIONS.slice(0, index)));
    await db.initialize();
    await db.runMigrations({ transaction: 'each' });
    // Only the rows under test: the papers and trainees they name are beside the point here.
    await db.transaction(async (m) => {
      await m.query(`SET LOCAL session_replication_role = replica`);
      await m.query(
        `INSERT INTO exam_attempts (id, paper_id, trainee_id, attempt_no, status, seed, started_at, deadline_at, grace_seconds,
                                    pass_mark_percent, reveal_answers, question_count, max_score, submitted_at, submission, score, percent, passed)
         VALUES ($1, gen_random_uuid(), gen_random_uuid(), 1, 'submitted', 'seed-a', now(), now(), 0, 60, 'always', 3, 6, now(), 'trainee', 4, 66.67, true),
                ($2, gen_random_uuid(), gen_random_uuid(), 1, 'open', 'seed-b', now(), now(), 0, 60, 'always', 2, 4, NULL, NULL, NULL, NULL, NULL)`,
        [graded, open],
      );
      await m.query(
        `INSERT INTO exam_attempt_items (attempt_id, position, question_version_id, points, option_order, correct, awarded_points)
         VALUES ($1, 2, gen_random_uuid(), 2, '{x,y}', false, 0), ($1, 1, gen_random_uuid(), 2, '{x,y}', true, 2),
                ($1, 3, gen_random_uuid(), 2, '{x,y}', true, 2),
                ($2, 1, gen_random_uuid(), 2, '{x,y}', NULL, NULL), ($2, 2, gen_random_uuid(), 2, '{x,y}', NULL, NULL)`,
        [graded, open],
      );
    });
  });

  afterAll(async () => {
    await db?.destroy();
    await dropDatabase(name);
  });

  it('puts a graded attempt’s grades on it in position order, and back on the items when reverted', async () => {
    const before = await itemGrades();
    const migration = new ALL_MIGRATIONS[index]();
    const runner = db.createQueryRunner();
    try {
      await migration.up(runner);
      expect(await attemptGrades()).toEqual([
        { id: graded, item_correct: [true, false, true], item_awarded_points: [2, 0, 2] },
        { id: open, item_correct: null, item_awarded_points: null },
      ]);
      const columns: { column_name: string }[] = await db.query(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'exam_attempt_items' AND column_name IN ('correct', 'awarded_points')`,
      );
      expect(columns).toEqual([]);
      // One grade per question or none: a short array is refused.
      await expect(
        db.query(`UPDATE exam_attempts SET item_correct = '{true}', item_awarded_points = '{2}' WHERE id = $1`, [open]),
      ).rejects.toMatchObject({ code: '23514', constraint: 'ck_exam_attempts_item_grades' });

      await migration.down(runner);
      expect(await itemGrades()).toEqual(before);
    } finally {
      await runner.release();
    }
  });
});
