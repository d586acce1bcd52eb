import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 20: an attempt's per-question grades move from its item rows onto the attempt row, as two
 * arrays indexed by the item's 1-based position (`item_correct[3]` is the third question's). They
 * are written once, by the statement that grades the attempt, which before this updated every item
 * row (50 row versions and their WAL per submit, a quarter of grading's database time in
 * bench:exams). Item rows keep what the trainee was shown and answered.
 */
export class AttemptGradesOnAttempt1795676300000 implements MigrationInterface {
  name = 'AttemptGradesOnAttempt1795676300000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "exam_attempts" ADD "item_correct" boolean array, ADD "item_awarded_points" integer array`);
    await q.query(`
      UPDATE exam_attempts a
         SET item_correct = g.correct, item_awarded_points = g.awarded
        FROM (SELECT attempt_id, array_agg(correct ORDER BY position) AS correct, array_agg(awarded_points ORDER BY position) AS awarded
                FROM exam_attempt_items GROUP BY attempt_id HAVING bool_and(correct IS NOT NULL)) g
       WHERE a.id = g.attempt_id AND cardinality(g.correct) = a.question_count`);
    await q.query(
      `ALTER TABLE "exam_attempts" ADD CONSTRAINT "ck_exam_attempts_item_grades" CHECK ((item_correct IS NULL) = (item_awarded_points IS NULL) AND (item_correct IS NULL OR (cardinality(item_correct) = question_count AND cardinality(item_awarded_points) = question_count)))`,
    );
    await q.query(`ALTER TABLE "exam_attempt_items" DROP COLUMN "correct", DROP COLUMN "awarded_points"`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "exam_attempt_items" ADD "correct" boolean, ADD "awarded_points" integer`);
    await q.query(`
      UPDATE exam_attempt_items i
         SET correct = a.item_correct[i.position], awarded_points = a.item_awarded_points[i.position]
        FROM exam_attempts a
       WHERE a.id = i.attempt_id AND a.item_correct IS NOT NULL`);
    await q.query(`ALTER TABLE "exam_attempts" DROP CONSTRAINT "ck_exam_attempts_item_grades"`);
    await q.query(`ALTER TABLE "exam_attempts" DROP COLUMN "item_correct", DROP COLUMN "item_awarded_points"`);
  }
}
