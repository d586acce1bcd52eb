import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 20: each answer save counts itself on its attempt. Grading reads the answers without a
 * lock and claims the attempt only if no save happened in between (the count is unchanged), so a
 * submit is two statements instead of a transaction of five round trips.
 */
export class ExamAttemptAnswerSaves1795672000000 implements MigrationInterface {
  name = 'ExamAttemptAnswerSaves1795672000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "exam_attempts" ADD "answer_saves" integer NOT NULL DEFAULT '0'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "exam_attempts" DROP COLUMN "answer_saves"`);
  }
}
