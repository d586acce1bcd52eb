import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The credit-hour ledger and the compliance tables. Beyond what the entities describe (and so
 * beyond what the drift check sees): triggers that make the ledger and its audit log
 * append-only, and the `serving_cqo_terms` view, the seam the CQO registry will replace.
 */

export class CreditHoursLedger1795600000000 implements MigrationInterface {
  name = 'CreditHoursLedger1795600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "credit_entries" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "trainee_id" uuid NOT NULL,
                "category" smallint NOT NULL,
                "kind" text NOT NULL,
                "hours" numeric(7, 2) NOT NULL,
                "year" smallint NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "source" text NOT NULL,
                "course_id" uuid,
                "course_version_id" uuid,
                "enrollment_id" uuid,
                "evidence_ref" text,
                "accrual_key" text,
                "reverses_entry_id" uuid,
                "reason" text,
                "recorded_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_credit_entries_sign" CHECK (
                    hours <> 0
                    AND (source = 'reversal') = (hours < 0)
                    AND (source = 'reversal') = (reverses_entry_id IS NOT NULL)
                ),
                CONSTRAINT "ck_credit_entries_source" CHECK (
                    source IN (
                        'course_completion',
                        'in_person',
                        'manual_adjustment',
                        'reversal'
                    )
                ),
                CONSTRAINT "ck_credit_entries_kind" CHECK (
                    kind IN ('appointment', 'continuing')
                    AND (
                        category = 1
                        OR kind = 'continuing'
                    )
                ),
                CONSTRAINT "ck_credit_entries_category" CHECK (category IN (1, 2)),
                CONSTRAINT "PK_a1974466f4738c102e78f457632" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_credit_entries_accrual_key" ON "credit_entries" ("accrual_key")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_credit_entries_reverses_entry_id" ON "credit_entries" ("reverses_entry_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_credit_entries_trainee_year" ON "credit_entries" (
                "trainee_id",
                "year",
                "category",
                "kind",
                "hours"
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "requirement_rule_sets" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "region_id" uuid NOT NULL,
                "effective_from" date NOT NULL,
                "effective_to" date,
                "reminder_dates" text array NOT NULL DEFAULT '{}',
                "created_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6a607c4e0e1398add596a9e79b6" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_requirement_rule_sets_region_from" ON "requirement_rule_sets" ("region_id", "effective_from")
        `);
    await queryRunner.query(`
            CREATE TABLE "requirement_rules" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "rule_set_id" uuid NOT NULL,
                "code" text NOT NULL,
                "name" text NOT NULL,
                "category" smallint NOT NULL,
                "kind" text NOT NULL,
                "min_hours" numeric(7, 2) NOT NULL,
                "period" text NOT NULL,
                "count_appointment_hours" boolean NOT NULL DEFAULT false,
                "at_risk_threshold" numeric(4, 3) NOT NULL DEFAULT '1',
                "applies_to" text NOT NULL,
                "sort_order" integer NOT NULL DEFAULT '0',
                CONSTRAINT "ck_requirement_rules_values" CHECK (
                    min_hours > 0
                    AND at_risk_threshold >= 0
                    AND at_risk_threshold <= 1
                ),
                CONSTRAINT "ck_requirement_rules_applies_to" CHECK (
                    applies_to IN ('everyone', 'serving_and_opted_in')
                ),
                CONSTRAINT "ck_requirement_rules_period" CHECK (period IN ('once', 'calendar_year')),
                CONSTRAINT "ck_requirement_rules_category_kind" CHECK (
                    category IN (1, 2)
                    AND kind IN ('appointment', 'continuing')
                    AND (
                        category = 1
                        OR kind = 'continuing'
                    )
                ),
                CONSTRAINT "PK_de3e5b7d30dbe24e80a34e65c12" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_requirement_rules_rule_set_code" ON "requirement_rules" ("rule_set_id", "code")
        `);
    await queryRunner.query(`
            CREATE TABLE "compliance_statuses" (
                "trainee_id" uuid NOT NULL,
                "requirement" text NOT NULL,
                "period_year" integer NOT NULL,
                "rule_set_id" uuid NOT NULL,
                "rule_id" uuid NOT NULL,
                "required" numeric(7, 2) NOT NULL,
                "accrued" numeric(9, 2) NOT NULL,
                "shortfall" numeric(7, 2) NOT NULL,
                "state" text NOT NULL,
                "final" boolean NOT NULL DEFAULT false,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_f89a92d2b1b5669b3beed64bf15" PRIMARY KEY ("trainee_id", "requirement", "period_year")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_compliance_statuses_period_requirement_state" ON "compliance_statuses" ("period_year", "requirement", "state")
        `);
    await queryRunner.query(`
            CREATE TABLE "compliance_flags" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "trainee_id" uuid NOT NULL,
                "requirement" text NOT NULL,
                "period_year" integer NOT NULL,
                "state" text NOT NULL,
                "raised_state" text NOT NULL,
                "raised_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "cleared_at" TIMESTAMP WITH TIME ZONE,
                "cleared_state" text,
                CONSTRAINT "PK_b98724794a99f0b76a0804127c1" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_compliance_flags_open_period" ON "compliance_flags" ("period_year", "trainee_id")
            WHERE cleared_at IS NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_compliance_flags_trainee_raised_at" ON "compliance_flags" ("trainee_id", "raised_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_compliance_flags_open" ON "compliance_flags" ("trainee_id", "requirement", "period_year")
            WHERE cleared_at IS NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "credit_audit_log" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "actor_id" uuid NOT NULL,
                "actor_role" text NOT NULL,
                "action" text NOT NULL,
                "trainee_id" uuid NOT NULL,
                "entry_id" uuid NOT NULL,
                "reason" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_fbccbfa5a525a4a689aabf4d397" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_credit_audit_log_entry_id" ON "credit_audit_log" ("entry_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_credit_audit_log_trainee_created_at" ON "credit_audit_log" ("trainee_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "credit_ledger_cursors" (
                "name" text NOT NULL,
                "position" bigint NOT NULL DEFAULT '0',
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_19b09879edbcff50231ddca7824" PRIMARY KEY ("name")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "credit_entries"
            ADD CONSTRAINT "fk_credit_entries_trainee" FOREIGN KEY ("trainee_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "credit_entries"
            ADD CONSTRAINT "fk_credit_entries_reverses_entry" FOREIGN KEY ("reverses_entry_id") REFERENCES "credit_entries"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "credit_entries"
            ADD CONSTRAINT "fk_credit_entries_recorded_by" FOREIGN KEY ("recorded_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "requirement_rule_sets"
            ADD CONSTRAINT "fk_requirement_rule_sets_region" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "requirement_rule_sets"
            ADD CONSTRAINT "fk_requirement_rule_sets_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "requirement_rules"
            ADD CONSTRAINT "fk_requirement_rules_rule_set" FOREIGN KEY ("rule_set_id") REFERENCES "requirement_rule_sets"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "compliance_statuses"
            ADD CONSTRAINT "fk_compliance_statuses_trainee" FOREIGN KEY ("trainee_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "compliance_statuses"
            ADD CONSTRAINT "fk_compliance_statuses_rule_set" FOREIGN KEY ("rule_set_id") REFERENCES "requirement_rule_sets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "compliance_statuses"
            ADD CONSTRAINT "fk_compliance_statuses_rule" FOREIGN KEY ("rule_id") REFERENCES "requirement_rules"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "compliance_flags"
            ADD CONSTRAINT "fk_compliance_flags_trainee" FOREIGN KEY ("trainee_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "credit_audit_log"
            ADD CONSTRAINT "fk_credit_audit_log_actor" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "credit_audit_log"
            ADD CONSTRAINT "fk_credit_audit_log_trainee" FOREIGN KEY ("trainee_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "credit_audit_log"
            ADD CONSTRAINT "fk_credit_audit_log_entry" FOREIGN KEY ("entry_id") REFERENCES "credit_entries"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);

    // Append-only: a correction is a reversal entry plus a new entry, never an edit or a delete.
    await queryRunner.query(`
            CREATE FUNCTION refuse_ledger_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
                    USING ERRCODE = 'restrict_violation',
                          HINT = 'write a reversal entry and a new entry instead';
            END
            $$
        `);
    for (const table of ['credit_entries', 'credit_audit_log']) {
      await queryRunner.query(`
                CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON "${table}"
                FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change()
            `);
      await queryRunner.query(`
                CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON "${table}"
                FOR EACH STATEMENT EXECUTE FUNCTION refuse_ledger_change()
            `);
    }
    // Who serves as a CQO, and when: empty until the appointment registry replaces it
    // (CREATE OR REPLACE VIEW with the same three columns). See libs/credit-hours/src/serving-cqo.ts.
    await queryRunner.query(`
            CREATE VIEW serving_cqo_terms AS
            SELECT NULL::uuid AS trainee_id, NULL::date AS served_from, NULL::date AS served_to
            WHERE false
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW serving_cqo_terms`);
    for (const table of ['credit_entries', 'credit_audit_log']) {
      await queryRunner.query(`DROP TRIGGER ${table}_no_truncate ON "${table}"`);
      await queryRunner.query(`DROP TRIGGER ${table}_append_only ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION refuse_ledger_change()`);
    await queryRunner.query(`
            ALTER TABLE "credit_audit_log" DROP CONSTRAINT "fk_credit_audit_log_entry"
        `);
    await queryRunner.query(`
            ALTER TABLE "credit_audit_log" DROP CONSTRAINT "fk_credit_audit_log_trainee"
        `);
    await queryRunner.query(`
            ALTER TABLE "credit_audit_log" DROP CONSTRAINT "fk_credit_audit_log_actor"
        `);
    await queryRunner.query(`
            ALTER TABLE "compliance_flags" DROP CONSTRAINT "fk_compliance_flags_trainee"
        `);
    await queryRunner.query(`
            ALTER TABLE "compliance_statuses" DROP CONSTRAINT "fk_compliance_statuses_rule"
        `);
    await queryRunner.query(`
            ALTER TABLE "compliance_statuses" DROP CONSTRAINT "fk_compliance_statuses_rule_set"
        `);
    await queryRunner.query(`
            ALTER TABLE "compliance_statuses" DROP CONSTRAINT "fk_compliance_statuses_trainee"
        `);
    await queryRunner.query(`
            ALTER TABLE "requirement_rules" DROP CONSTRAINT "fk_requirement_rules_rule_set"
        `);
    await queryRunner.query(`
            ALTER TABLE "requirement_rule_sets" DROP CONSTRAINT "fk_requirement_rule_sets_created_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "requirement_rule_sets" DROP CONSTRAINT "fk_requirement_rule_sets_region"
        `);
    await queryRunner.query(`
            ALTER TABLE "credit_entries" DROP CONSTRAINT "fk_credit_entries_recorded_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "credit_entries" DROP CONSTRAINT "fk_credit_entries_reverses_entry"
        `);
    await queryRunner.query(`
            ALTER TABLE "credit_entries" DROP CONSTRAINT "fk_credit_entries_trainee"
        `);
    await queryRunner.query(`
            DROP TABLE "credit_ledger_cursors"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_credit_audit_log_trainee_created_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_credit_audit_log_entry_id"
        `);
    await queryRunner.query(`
            DROP TABLE "credit_audit_log"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_compliance_flags_open"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_compliance_flags_trainee_raised_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_compliance_flags_open_period"
        `);
    await queryRunner.query(`
            DROP TABLE "compliance_flags"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_compliance_statuses_period_requirement_state"
        `);
    await queryRunner.query(`
            DROP TABLE "compliance_statuses"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_requirement_rules_rule_set_code"
        `);
    await queryRunner.query(`
            DROP TABLE "requirement_rules"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_requirement_rule_sets_region_from"
        `);
    await queryRunner.query(`
            DROP TABLE "requirement_rule_sets"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_credit_entries_trainee_year"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_credit_entries_reverses_entry_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_credit_entries_accrual_key"
        `);
    await queryRunner.query(`
            DROP TABLE "credit_entries"
        `);
  }
}
