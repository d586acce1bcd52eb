import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19 (bench): a content player's statement was capped by its registration's window read as
 * min(stored_at) and sum(credited_seconds) over every statement of the registration (about 330
 * buffers a statement after 140 statements, growing with the session). The window is now a row
 * kept as statements are stored and voided; this fills it from the statements stored so far
 * (cmi5 launches' statements excepted: their window is the launch).
 */
export class XapiWindows1795674500000 implements MigrationInterface {
  name = 'XapiWindows1795674500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "xapi_windows" ("enrollment_id" uuid NOT NULL, "lesson_id" uuid NOT NULL, "registration" uuid NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "credited_seconds" integer NOT NULL, CONSTRAINT "PK_2568f676dc61de4982dc4f805fe" PRIMARY KEY ("enrollment_id", "lesson_id", "registration"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "xapi_windows" ADD CONSTRAINT "fk_xapi_windows_enrollment" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "xapi_windows" ADD CONSTRAINT "fk_xapi_windows_lesson" FOREIGN KEY ("lesson_id") REFERENCES "lessons"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `INSERT INTO "xapi_windows" ("enrollment_id", "lesson_id", "registration", "started_at", "credited_seconds")
       SELECT enrollment_id, lesson_id, COALESCE(registration, '00000000-0000-0000-0000-000000000000'), min(stored_at),
              COALESCE(sum(credited_seconds) FILTER (WHERE voided_by IS NULL), 0)
         FROM "xapi_statements" WHERE launch_id IS NULL
        GROUP BY enrollment_id, lesson_id, COALESCE(registration, '00000000-0000-0000-0000-000000000000')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "xapi_windows" DROP CONSTRAINT "fk_xapi_windows_lesson"`);
    await queryRunner.query(`ALTER TABLE "xapi_windows" DROP CONSTRAINT "fk_xapi_windows_enrollment"`);
    await queryRunner.query(`DROP TABLE "xapi_windows"`);
  }
}
