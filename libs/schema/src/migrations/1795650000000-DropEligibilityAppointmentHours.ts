import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12, one evaluator: the eligibility rule sets no longer carry an appointment-training
 * threshold of their own. The training condition is the `once` appointment rule of the
 * requirement rule set in force (libs/credit-hours); `min_appointment_hours` was a second 21 that
 * nothing reads any more.
 */
export class DropEligibilityAppointmentHours1795650000000 implements MigrationInterface {
  name = 'DropEligibilityAppointmentHours1795650000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cqo_eligibility_rule_sets" DROP CONSTRAINT "ck_cqo_eligibility_rule_sets_values"`);
    await queryRunner.query(`ALTER TABLE "cqo_eligibility_rule_sets" DROP COLUMN "min_appointment_hours"`);
    await queryRunner.query(`
            ALTER TABLE "cqo_eligibility_rule_sets" ADD CONSTRAINT "ck_cqo_eligibility_rule_sets_values"
            CHECK (min_quality_work_years >= 0 AND default_term_years BETWEEN 1 AND 10)
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cqo_eligibility_rule_sets" DROP CONSTRAINT "ck_cqo_eligibility_rule_sets_values"`);
    await queryRunner.query(`ALTER TABLE "cqo_eligibility_rule_sets" ADD "min_appointment_hours" numeric(7, 2)`);
    // Back-filled from the root region's appointment rule in force on each set's first day (the notice's 21 otherwise).
    await queryRunner.query(`
            UPDATE "cqo_eligibility_rule_sets" e
               SET min_appointment_hours = COALESCE((
                   SELECT r.min_hours FROM requirement_rules r
                    WHERE r.rule_set_id = governing_rule_set_id(NULL, extract(year FROM e.effective_from)::int)
                      AND r.period = 'once' AND r.kind = 'appointment'
                    LIMIT 1), 21)
        `);
    await queryRunner.query(`ALTER TABLE "cqo_eligibility_rule_sets" ALTER COLUMN "min_appointment_hours" SET NOT NULL`);
    await queryRunner.query(`
            ALTER TABLE "cqo_eligibility_rule_sets" ADD CONSTRAINT "ck_cqo_eligibility_rule_sets_values"
            CHECK (min_quality_work_years >= 0 AND min_appointment_hours >= 0 AND default_term_years BETWEEN 1 AND 10)
        `);
  }
}
