import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12: hours land in the year they were earned, and one evaluator decides every verdict.
 * - Rule sets name the first year they govern (`first_year`; existing sets: the year of their
 *   `effective_from`) and the length of a 学时 (`minutes_per_credit_hour`, default 45); a set
 *   applied to the year already in progress carries the admin's reason.
 * - `governing_rule_set_id(region, year)`: the one definition of which rule set governs a region
 *   in a year (the deepest region with a set whose first year is on or before it). The compliance
 *   engine and `credit_hour_minutes` (read by the courses lib) call it; nothing else chooses.
 * - `compliance_verdict_changes`: the audit of a closed year's verdict changed by a late record.
 * - Certificates can be suspended (and reinstated) when their year's verdict falls.
 * - xAPI statements accepted past the age window carry the org admin who confirmed them.
 */
export class HoursOccurrenceAndVerdicts1795630000000 implements MigrationInterface {
  name = 'HoursOccurrenceAndVerdicts1795630000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "requirement_rule_sets" ADD "first_year" smallint`);
    await queryRunner.query(`UPDATE "requirement_rule_sets" SET "first_year" = extract(year FROM "effective_from")::smallint`);
    await queryRunner.query(`ALTER TABLE "requirement_rule_sets" ALTER COLUMN "first_year" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "requirement_rule_sets" ADD "minutes_per_credit_hour" integer NOT NULL DEFAULT '45'`);
    await queryRunner.query(`ALTER TABLE "requirement_rule_sets" ADD "current_year_reason" text`);
    await queryRunner.query(
      `ALTER TABLE "requirement_rule_sets" ADD CONSTRAINT "ck_requirement_rule_sets_minutes" CHECK (minutes_per_credit_hour BETWEEN 1 AND 240)`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_requirement_rule_sets_region_first_year" ON "requirement_rule_sets" ("region_id", "first_year") `,
    );
    await queryRunner.query(`
            CREATE FUNCTION governing_rule_set_id(p_region_id uuid, p_year int) RETURNS uuid LANGUAGE sql STABLE AS $$
              SELECT s.id
                FROM requirement_rule_sets s
                JOIN regions rg ON rg.id = s.region_id
                JOIN regions home ON home.id = COALESCE(p_region_id,
                       (SELECT r.id FROM regions r WHERE r.parent_id IS NULL ORDER BY r.path LIMIT 1))
               WHERE s.first_year <= p_year AND (home.path = rg.path OR home.path LIKE rg.path || '/%')
               ORDER BY length(rg.path) DESC, s.first_year DESC, s.created_at DESC
               LIMIT 1
            $$`);
    await queryRunner.query(`
            CREATE FUNCTION credit_hour_minutes(p_region_id uuid, p_year int) RETURNS int LANGUAGE sql STABLE AS $$
              SELECT COALESCE((SELECT minutes_per_credit_hour FROM requirement_rule_sets WHERE id = governing_rule_set_id(p_region_id, p_year)), 45)
            $$`);
    await queryRunner.query(
      `CREATE TABLE "compliance_verdict_changes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "trainee_id" uuid NOT NULL, "period_year" integer NOT NULL, "requirement" text NOT NULL, "before_state" text, "after_state" text, "before_accrued" numeric(7,2), "after_accrued" numeric(7,2), "cause" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_compliance_verdict_changes" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_compliance_verdict_changes_trainee_year" ON "compliance_verdict_changes" ("trainee_id", "period_year") `,
    );
    await queryRunner.query(
      `ALTER TABLE "compliance_verdict_changes" ADD CONSTRAINT "fk_compliance_verdict_changes_trainee" FOREIGN KEY ("trainee_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "certificates" ADD "suspended_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "certificates" ADD "suspension_reason" text`);
    await queryRunner.query(`ALTER TABLE "xapi_statements" ALTER COLUMN "api_key_id" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "xapi_statements" ADD "confirmed_by" uuid`);
    await queryRunner.query(
      `ALTER TABLE "xapi_statements" ADD CONSTRAINT "ck_xapi_statements_source" CHECK (api_key_id IS NOT NULL OR confirmed_by IS NOT NULL)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "xapi_statements" DROP CONSTRAINT "ck_xapi_statements_source"`);
    await queryRunner.query(`DELETE FROM "xapi_statements" WHERE "api_key_id" IS NULL`);
    await queryRunner.query(`ALTER TABLE "xapi_statements" DROP COLUMN "confirmed_by"`);
    await queryRunner.query(`ALTER TABLE "xapi_statements" ALTER COLUMN "api_key_id" SET NOT NULL`);
    await queryRunner.query(`UPDATE "certificates" SET "status" = 'valid' WHERE "status" = 'suspended'`);
    await queryRunner.query(`ALTER TABLE "certificates" DROP COLUMN "suspension_reason"`);
    await queryRunner.query(`ALTER TABLE "certificates" DROP COLUMN "suspended_at"`);
    await queryRunner.query(`DROP TABLE "compliance_verdict_changes"`);
    await queryRunner.query(`DROP FUNCTION credit_hour_minutes(uuid, int)`);
    await queryRunner.query(`DROP FUNCTION governing_rule_set_id(uuid, int)`);
    await queryRunner.query(`DROP INDEX "ix_requirement_rule_sets_region_first_year"`);
    await queryRunner.query(`ALTER TABLE "requirement_rule_sets" DROP CONSTRAINT "ck_requirement_rule_sets_minutes"`);
    await queryRunner.query(`ALTER TABLE "requirement_rule_sets" DROP COLUMN "current_year_reason"`);
    await queryRunner.query(`ALTER TABLE "requirement_rule_sets" DROP COLUMN "minutes_per_credit_hour"`);
    await queryRunner.query(`ALTER TABLE "requirement_rule_sets" DROP COLUMN "first_year"`);
  }
}
