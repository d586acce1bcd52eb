import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19: cmi5 lessons.
 * - `content_packages`: imported packages in an organization's library (structure and where
 *   the files are); a cmi5 lesson points at one (`lessons.content_package_id`).
 * - `cmi5_launches`: each launch of an AU, with the hashes of its one-time fetch token and of the
 *   credentials it was exchanged for; `cmi5_au_states`: what a learner achieved per AU.
 * - xAPI statements may come from (or be written for) a launch.
 */
export class Cmi5Launch1795665100000 implements MigrationInterface {
  name = 'Cmi5Launch1795665100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "content_packages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "standard" text NOT NULL, "structure" jsonb NOT NULL, "storage_prefix" text NOT NULL, "file_count" integer NOT NULL, "size_bytes" bigint NOT NULL, "original_name" text NOT NULL, "uploaded_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_content_packages" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_content_packages_organization_id" ON "content_packages" ("organization_id") `);
    await queryRunner.query(`ALTER TABLE "lessons" ADD "content_package_id" uuid`);
    await queryRunner.query(`CREATE INDEX "ix_lessons_content_package_id" ON "lessons" ("content_package_id") `);
    await queryRunner.query(
      `CREATE TABLE "cmi5_launches" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "enrollment_id" uuid NOT NULL, "lesson_id" uuid NOT NULL, "au_id" text NOT NULL, "registration" uuid NOT NULL, "fetch_token_hash" text NOT NULL, "fetch_used_at" TIMESTAMP WITH TIME ZONE, "auth_secret_hash" text, "launched_at" TIMESTAMP WITH TIME ZONE NOT NULL, "terminated_at" TIMESTAMP WITH TIME ZONE, "abandoned_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_cmi5_launches" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_cmi5_launches_enrollment_id" ON "cmi5_launches" ("enrollment_id") `);
    await queryRunner.query(`CREATE INDEX "ix_cmi5_launches_lesson_id" ON "cmi5_launches" ("lesson_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_cmi5_launches_fetch_token_hash" ON "cmi5_launches" ("fetch_token_hash") `);
    await queryRunner.query(
      `CREATE TABLE "cmi5_au_states" ("enrollment_id" uuid NOT NULL, "lesson_id" uuid NOT NULL, "au_id" text NOT NULL, "completed_at" TIMESTAMP WITH TIME ZONE, "passed_at" TIMESTAMP WITH TIME ZONE, "satisfied_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_cmi5_au_states" PRIMARY KEY ("enrollment_id", "lesson_id", "au_id"))`,
    );
    await queryRunner.query(`ALTER TABLE "xapi_statements" ADD "launch_id" uuid`);
    await queryRunner.query(`CREATE INDEX "ix_xapi_statements_launch_id" ON "xapi_statements" ("launch_id") `);
    await queryRunner.query(`ALTER TABLE "xapi_statements" DROP CONSTRAINT "ck_xapi_statements_source"`);
    await queryRunner.query(
      `ALTER TABLE "xapi_statements" ADD CONSTRAINT "ck_xapi_statements_source" CHECK (api_key_id IS NOT NULL OR confirmed_by IS NOT NULL OR launch_id IS NOT NULL)`,
    );
    await queryRunner.query(
      `ALTER TABLE "content_packages" ADD CONSTRAINT "fk_content_packages_organization" FOREIGN KEY ("organization_id") REFERENCES "training_organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lessons" ADD CONSTRAINT "fk_lessons_content_package" FOREIGN KEY ("content_package_id") REFERENCES "content_packages"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cmi5_launches" ADD CONSTRAINT "fk_cmi5_launches_enrollment" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cmi5_launches" ADD CONSTRAINT "fk_cmi5_launches_lesson" FOREIGN KEY ("lesson_id") REFERENCES "lessons"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cmi5_au_states" ADD CONSTRAINT "fk_cmi5_au_states_enrollment" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cmi5_au_states" DROP CONSTRAINT "fk_cmi5_au_states_enrollment"`);
    await queryRunner.query(`ALTER TABLE "cmi5_launches" DROP CONSTRAINT "fk_cmi5_launches_lesson"`);
    await queryRunner.query(`ALTER TABLE "cmi5_launches" DROP CONSTRAINT "fk_cmi5_launches_enrollment"`);
    await queryRunner.query(`ALTER TABLE "lessons" DROP CONSTRAINT "fk_lessons_content_package"`);
    await queryRunner.query(`ALTER TABLE "content_packages" DROP CONSTRAINT "fk_content_packages_organization"`);
    await queryRunner.query(`ALTER TABLE "xapi_statements" DROP CONSTRAINT "ck_xapi_statements_source"`);
    await queryRunner.query(
      `ALTER TABLE "xapi_statements" ADD CONSTRAINT "ck_xapi_statements_source" CHECK (api_key_id IS NOT NULL OR confirmed_by IS NOT NULL)`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_xapi_statements_launch_id"`);
    await queryRunner.query(`ALTER TABLE "xapi_statements" DROP COLUMN "launch_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_lessons_content_package_id"`);
    await queryRunner.query(`ALTER TABLE "lessons" DROP COLUMN "content_package_id"`);
    await queryRunner.query(`DROP TABLE "cmi5_au_states"`);
    await queryRunner.query(`DROP TABLE "cmi5_launches"`);
    await queryRunner.query(`DROP TABLE "content_packages"`);
  }
}
