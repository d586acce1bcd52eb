import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 20: the items of an attempt without row-by-row foreign keys. Starting an attempt inserts
 * its 50 items in one statement, and each item ran two foreign-key checks (its attempt, its
 * question version: a query and a KEY SHARE row lock each), about three quarters of the items
 * insert (EXPLAIN ANALYZE: 0.76 of 1.04 ms); the version locks also fell on the same few dozen
 * rows of a paper's bank for every start at once. Items are written only by the start statement,
 * which inserts them from the attempt it inserts and after reading every drawn version (current
 * and active) in the same statement. These triggers keep what the foreign keys did on the other
 * side:
 * - deleting attempts deletes their items (was ON DELETE CASCADE; an attempt being started is
 *   not visible to anyone else until its items are in);
 * - deleting a question version an item shows is refused (was RESTRICT, same constraint name in
 *   the error), after waiting for attempts being started (SHARE lock on the items), so that their
 *   items are seen too. The application never deletes versions.
 */
export class ExamItemReferencesSetBased1795673720000 implements MigrationInterface {
  name = 'ExamItemReferencesSetBased1795673720000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "exam_attempt_items" DROP CONSTRAINT "fk_exam_attempt_items_attempt"`);
    await q.query(`ALTER TABLE "exam_attempt_items" DROP CONSTRAINT "fk_exam_attempt_items_question_version"`);
    await q.query(`
      CREATE FUNCTION exam_items_forget_deleted_attempts() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM exam_attempt_items i USING deleted_attempts d WHERE i.attempt_id = d.id;
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER exam_attempts_forget_items AFTER DELETE ON "exam_attempts"
      REFERENCING OLD TABLE AS deleted_attempts FOR EACH STATEMENT EXECUTE FUNCTION exam_items_forget_deleted_attempts()`);
    await q.query(`
      CREATE FUNCTION exam_items_refuse_version_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        LOCK TABLE exam_attempt_items IN SHARE MODE;
        IF EXISTS (SELECT 1 FROM exam_attempt_items i JOIN deleted_versions d ON i.question_version_id = d.id) THEN
          RAISE EXCEPTION 'question version still shown by exam attempt items'
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'fk_exam_attempt_items_question_version', TABLE = 'exam_attempt_items';
        END IF;
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER question_versions_restrict_exam_items AFTER DELETE ON "question_versions"
      REFERENCING OLD TABLE AS deleted_versions FOR EACH STATEMENT EXECUTE FUNCTION exam_items_refuse_version_delete()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER question_versions_restrict_exam_items ON "question_versions"`);
    await q.query(`DROP FUNCTION exam_items_refuse_version_delete()`);
    await q.query(`DROP TRIGGER exam_attempts_forget_items ON "exam_attempts"`);
    await q.query(`DROP FUNCTION exam_items_forget_deleted_attempts()`);
    await q.query(`
      ALTER TABLE "exam_attempt_items" ADD CONSTRAINT "fk_exam_attempt_items_question_version"
      FOREIGN KEY ("question_version_id") REFERENCES "question_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`
      ALTER TABLE "exam_attempt_items" ADD CONSTRAINT "fk_exam_attempt_items_attempt"
      FOREIGN KEY ("attempt_id") REFERENCES "exam_attempts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }
}
