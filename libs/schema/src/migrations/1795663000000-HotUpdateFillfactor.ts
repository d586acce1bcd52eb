import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 20: rows updated in place on the hot paths get room on their page, so PostgreSQL can
 * update them without touching their indexes (HOT updates): an exam's items are written at start,
 * updated when answers are saved and again when graded (only 2,000 of 30,000 of those updates were
 * HOT in bench:exams); a study session and its lesson progress are updated by every heartbeat.
 * Only pages written from now on keep the room; nothing is rewritten.
 */
export class HotUpdateFillfactor1795663000000 implements MigrationInterface {
  name = 'HotUpdateFillfactor1795663000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "exam_attempt_items" SET (fillfactor = 50)`);
    await queryRunner.query(`ALTER TABLE "study_sessions" SET (fillfactor = 70)`);
    await queryRunner.query(`ALTER TABLE "lesson_progress" SET (fillfactor = 70)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "lesson_progress" RESET (fillfactor)`);
    await queryRunner.query(`ALTER TABLE "study_sessions" RESET (fillfactor)`);
    await queryRunner.query(`ALTER TABLE "exam_attempt_items" RESET (fillfactor)`);
  }
}
