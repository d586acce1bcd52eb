import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19: SCORM 1.2 and 2004 lessons (packages live in `content_packages`, standard `scorm12`
 * or `scorm2004`).
 * - `scorm_sessions`: each launch of a SCO, with the hash of the token its runtime commits with,
 *   the server time consumed so far and the time credited (capped by the reported session_time).
 * - `scorm_attempts`: the CMI data kept per trainee, lesson and SCO (resume), and its completion.
 */
export class ScormPackages1795670000000 implements MigrationInterface {
  name = 'ScormPackages1795670000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "scorm_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "enrollment_id" uuid NOT NULL, "lesson_id" uuid NOT NULL, "sco_id" text NOT NULL, "trainee_id" uuid NOT NULL, "token_hash" text NOT NULL, "launched_at" TIMESTAMP WITH TIME ZONE NOT NULL, "counted_until" TIMESTAMP WITH TIME ZONE NOT NULL, "observed_seconds" integer NOT NULL DEFAULT 0, "credited_seconds" integer NOT NULL DEFAULT 0, "reported_seconds" integer, "commits" integer NOT NULL DEFAULT 0, "finished_at" TIMESTAMP WITH TIME ZONE, "ended_reason" text, CONSTRAINT "pk_scorm_sessions" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_scorm_sessions_enrollment_id" ON "scorm_sessions" ("enrollment_id") `);
    await queryRunner.query(`CREATE INDEX "ix_scorm_sessions_lesson_id" ON "scorm_sessions" ("lesson_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_scorm_sessions_token_hash" ON "scorm_sessions" ("token_hash") `);
    await queryRunner.query(
      `CREATE TABLE "scorm_attempts" ("enrollment_id" uuid NOT NULL, "lesson_id" uuid NOT NULL, "sco_id" text NOT NULL, "cmi" jsonb NOT NULL, "total_seconds" integer NOT NULL DEFAULT 0, "completed_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_scorm_attempts" PRIMARY KEY ("enrollment_id", "lesson_id", "sco_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "scorm_sessions" ADD CONSTRAINT "fk_scorm_sessions_enrollment" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "scorm_sessions" ADD CONSTRAINT "fk_scorm_sessions_lesson" FOREIGN KEY ("lesson_id") REFERENCES "lessons"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "scorm_attempts" ADD CONSTRAINT "fk_scorm_attempts_enrollment" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "scorm_attempts" DROP CONSTRAINT "fk_scorm_attempts_enrollment"`);
    await queryRunner.query(`ALTER TABLE "scorm_sessions" DROP CONSTRAINT "fk_scorm_sessions_lesson"`);
    await queryRunner.query(`ALTER TABLE "scorm_sessions" DROP CONSTRAINT "fk_scorm_sessions_enrollment"`);
    await queryRunner.query(`DROP TABLE "scorm_attempts"`);
    await queryRunner.query(`DROP TABLE "scorm_sessions"`);
  }
}
