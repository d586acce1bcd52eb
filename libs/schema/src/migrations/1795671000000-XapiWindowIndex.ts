import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19 (bench): each statement from a content player sums its registration's window
 * (enrolment, lesson, registration). The index on the enrolment alone made that read every
 * statement of the enrolment; this one reaches the registration's rows directly and still
 * serves lookups by enrolment (its first column), so it replaces the old one.
 */
export class XapiWindowIndex1795671000000 implements MigrationInterface {
  name = 'XapiWindowIndex1795671000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_xapi_statements_window" ON "xapi_statements" ("enrollment_id", "lesson_id", "registration") `,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_xapi_statements_enrollment_id"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "ix_xapi_statements_enrollment_id" ON "xapi_statements" ("enrollment_id") `);
    await queryRunner.query(`DROP INDEX "public"."ix_xapi_statements_window"`);
  }
}
