import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The CQO registry: eligibility rule sets (seeded with the notice's conditions), appointments,
 * declarations, regulator flags, the lookup access log, yearly reports. Replaces the
 * `serving_cqo_terms` view (the credit-hours engine's seam, see libs/credit-hours/src/serving-cqo.ts)
 * with the terms of the registered appointments, keeping its three columns and their types.
 */
export class Registry1795620000000 implements MigrationInterface {
  name = 'Registry1795620000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "cqo_eligibility_rule_sets" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "effective_from" date NOT NULL,
                "min_quality_work_years" numeric(4, 1) NOT NULL,
                "min_education_level" text NOT NULL,
                "min_quality_qualification" text NOT NULL,
                "accept_related_senior_title" boolean NOT NULL DEFAULT true,
                "min_appointment_hours" numeric(7, 2) NOT NULL,
                "require_appointment_certificate" boolean NOT NULL DEFAULT true,
                "default_term_years" integer NOT NULL DEFAULT '3',
                "reminder_days_before" integer array NOT NULL,
                CONSTRAINT "ck_cqo_eligibility_rule_sets_values" CHECK (
                    min_quality_work_years >= 0
                    AND min_appointment_hours >= 0
                    AND default_term_years BETWEEN 1 AND 10
                ),
                CONSTRAINT "PK_977dbdb5b5f90bdc6df92a26bd6" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_cqo_eligibility_rule_sets_effective_from" ON "cqo_eligibility_rule_sets" ("effective_from")
        `);
    await queryRunner.query(`
            CREATE TABLE "cqo_appointments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "enterprise_id" uuid NOT NULL,
                "trainee_id" uuid NOT NULL,
                "position_title" text NOT NULL,
                "position_level" text NOT NULL,
                "position_exception_reason" text,
                "authorization_certificate_no" text NOT NULL,
                "appointed_on" date NOT NULL,
                "term_years" integer NOT NULL,
                "term_ends_on" date NOT NULL,
                "eligibility" jsonb NOT NULL,
                "eligible" boolean NOT NULL,
                "eligibility_exception_reason" text,
                "status" text NOT NULL DEFAULT 'serving',
                "ended_on" date,
                "end_reason" text,
                "end_note" text,
                "created_by" uuid,
                "ended_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "ck_cqo_appointments_position" CHECK (
                    position_level <> 'below_deputy'
                    OR position_exception_reason IS NOT NULL
                ),
                CONSTRAINT "ck_cqo_appointments_exception" CHECK (
                    eligible
                    OR eligibility_exception_reason IS NOT NULL
                ),
                CONSTRAINT "ck_cqo_appointments_term" CHECK (
                    term_years BETWEEN 1 AND 10
                    AND term_ends_on > appointed_on
                ),
                CONSTRAINT "ck_cqo_appointments_status" CHECK (
                    status IN ('serving', 'ended')
                    AND (status = 'serving') = (ended_on IS NULL)
                ),
                CONSTRAINT "PK_b753792aaba786d01d0d33dcd0c" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_cqo_appointments_status_term_ends_on" ON "cqo_appointments" ("status", "term_ends_on")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_cqo_appointments_trainee_id" ON "cqo_appointments" ("trainee_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_cqo_appointments_enterprise_certificate_no" ON "cqo_appointments" ("enterprise_id", "authorization_certificate_no")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_cqo_appointments_trainee_serving" ON "cqo_appointments" ("trainee_id")
            WHERE status = 'serving'
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_cqo_appointments_enterprise_serving" ON "cqo_appointments" ("enterprise_id")
            WHERE status = 'serving'
        `);
    await queryRunner.query(`
            CREATE TABLE "cqo_declarations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "trainee_id" uuid NOT NULL,
                "enterprise_id" uuid NOT NULL,
                "declared_on" date NOT NULL,
                "answers" jsonb NOT NULL,
                "any_disqualifying" boolean NOT NULL,
                "note" text,
                "recorded_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_a3331ef74e55d15c9d123d5f652" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_cqo_declarations_enterprise_id" ON "cqo_declarations" ("enterprise_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_cqo_declarations_trainee_id_declared_on" ON "cqo_declarations" ("trainee_id", "declared_on")
        `);
    await queryRunner.query(`
            CREATE TABLE "cqo_flags" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "trainee_id" uuid NOT NULL,
                "reason" text NOT NULL,
                "flagged_on" date NOT NULL,
                "flagged_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "cleared_at" TIMESTAMP WITH TIME ZONE,
                "cleared_by" uuid,
                "clear_reason" text,
                CONSTRAINT "PK_b66974718c6b698f1767e3d778c" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_cqo_flags_open" ON "cqo_flags" ("trainee_id")
            WHERE cleared_at IS NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_cqo_flags_trainee_id_flagged_on" ON "cqo_flags" ("trainee_id", "flagged_on")
        `);
    await queryRunner.query(`
            CREATE TABLE "registry_access_log" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "actor_id" uuid,
                "actor_role" text NOT NULL,
                "subject_id" uuid,
                "key_kind" text NOT NULL,
                "result_count" integer NOT NULL,
                "request_id" text,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_c044ad2bff5a53d49b4320a0850" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_registry_access_log_subject_id_at" ON "registry_access_log" ("subject_id", "at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_registry_access_log_actor_id_at" ON "registry_access_log" ("actor_id", "at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_registry_access_log_at" ON "registry_access_log" ("at")
        `);
    await queryRunner.query(`
            CREATE TABLE "enterprise_yearly_reports" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "enterprise_id" uuid NOT NULL,
                "year" integer NOT NULL,
                "cqo_in_place" boolean NOT NULL,
                "appraisal_system_established" boolean NOT NULL,
                "appraisal_result" text NOT NULL,
                "major_quality_incidents" integer NOT NULL DEFAULT '0',
                "summary" text NOT NULL,
                "file_name" text NOT NULL,
                "file_content_type" text NOT NULL,
                "file_size" integer NOT NULL,
                "file_sha256" text NOT NULL,
                "file_storage_key" text NOT NULL,
                "status" text NOT NULL DEFAULT 'filed',
                "filed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "filed_by" uuid,
                "acknowledged_at" TIMESTAMP WITH TIME ZONE,
                "acknowledged_by" uuid,
                "acknowledgement_note" text,
                CONSTRAINT "ck_enterprise_yearly_reports_status" CHECK (status IN ('filed', 'acknowledged')),
                CONSTRAINT "PK_8a8e79644eea114eb86901360cd" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_enterprise_yearly_reports_year_status" ON "enterprise_yearly_reports" ("year", "status")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_enterprise_yearly_reports_enterprise_year" ON "enterprise_yearly_reports" ("enterprise_id", "year")
        `);
    await queryRunner.query(`
            CREATE TABLE "city_yearly_reports" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "region_id" uuid NOT NULL,
                "year" integer NOT NULL,
                "status" text NOT NULL DEFAULT 'pending',
                "generation" integer NOT NULL DEFAULT '1',
                "requested_by" uuid,
                "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "generated_at" TIMESTAMP WITH TIME ZONE,
                "summary" jsonb,
                "pdf_storage_key" text,
                "pdf_sha256" text,
                "xlsx_storage_key" text,
                "xlsx_sha256" text,
                "error" text,
                CONSTRAINT "ck_city_yearly_reports_status" CHECK (status IN ('pending', 'ready', 'failed')),
                CONSTRAINT "PK_ab83d560a44705ff6a855902fce" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_city_yearly_reports_region_year" ON "city_yearly_reports" ("region_id", "year")
        `);
    await queryRunner.query(`
            ALTER TABLE "cqo_appointments"
            ADD CONSTRAINT "fk_cqo_appointments_enterprise" FOREIGN KEY ("enterprise_id") REFERENCES "enterprises"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "cqo_appointments"
            ADD CONSTRAINT "fk_cqo_appointments_trainee" FOREIGN KEY ("trainee_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "cqo_appointments"
            ADD CONSTRAINT "fk_cqo_appointments_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "cqo_appointments"
            ADD CONSTRAINT "fk_cqo_appointments_ended_by" FOREIGN KEY ("ended_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "cqo_declarations"
            ADD CONSTRAINT "fk_cqo_declarations_trainee" FOREIGN KEY ("trainee_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "cqo_declarations"
            ADD CONSTRAINT "fk_cqo_declarations_enterprise" FOREIGN KEY ("enterprise_id") REFERENCES "enterprises"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "cqo_declarations"
            ADD CONSTRAINT "fk_cqo_declarations_recorded_by" FOREIGN KEY ("recorded_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "cqo_flags"
            ADD CONSTRAINT "fk_cqo_flags_trainee" FOREIGN KEY ("trainee_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "cqo_flags"
            ADD CONSTRAINT "fk_cqo_flags_flagged_by" FOREIGN KEY ("flagged_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "cqo_flags"
            ADD CONSTRAINT "fk_cqo_flags_cleared_by" FOREIGN KEY ("cleared_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "registry_access_log"
            ADD CONSTRAINT "fk_registry_access_log_actor" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "registry_access_log"
            ADD CONSTRAINT "fk_registry_access_log_subject" FOREIGN KEY ("subject_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "enterprise_yearly_reports"
            ADD CONSTRAINT "fk_enterprise_yearly_reports_enterprise" FOREIGN KEY ("enterprise_id") REFERENCES "enterprises"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "enterprise_yearly_reports"
            ADD CONSTRAINT "fk_enterprise_yearly_reports_filed_by" FOREIGN KEY ("filed_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "enterprise_yearly_reports"
            ADD CONSTRAINT "fk_enterprise_yearly_reports_acknowledged_by" FOREIGN KEY ("acknowledged_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "city_yearly_reports"
            ADD CONSTRAINT "fk_city_yearly_reports_region" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "city_yearly_reports"
            ADD CONSTRAINT "fk_city_yearly_reports_requested_by" FOREIGN KEY ("requested_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    // The notice, 二 (二) and 三 (一): 5 years of quality work, a bachelor's degree, an
    // intermediate quality qualification or a related senior title, 21 category-1 appointment
    // hours and the certificate; a term of 3 years; reminders 90 and 30 days before it ends.
    await queryRunner.query(`
            INSERT INTO "cqo_eligibility_rule_sets"
                ("name", "effective_from", "min_quality_work_years", "min_education_level", "min_quality_qualification",
                 "accept_related_senior_title", "min_appointment_hours", "require_appointment_certificate", "default_term_years", "reminder_days_before")
            VALUES ('甘肃省首席质量官任职条件（试行）', '2021-01-01', 5, 'bachelor', 'intermediate', true, 21, true, 3, '{90,30}')
        `);
    // A trainee serves from the appointment date to the day the term ended (resignation,
    // dismissal, expiry) or, while serving, to the last day of the term.
    await queryRunner.query(`
            CREATE OR REPLACE VIEW serving_cqo_terms AS
            SELECT a.trainee_id, a.appointed_on AS served_from, COALESCE(a.ended_on, a.term_ends_on) AS served_to
              FROM cqo_appointments a
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE OR REPLACE VIEW serving_cqo_terms AS
            SELECT NULL::uuid AS trainee_id, NULL::date AS served_from, NULL::date AS served_to
            WHERE false
        `);
    await queryRunner.query(`
            ALTER TABLE "city_yearly_reports" DROP CONSTRAINT "fk_city_yearly_reports_requested_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "city_yearly_reports" DROP CONSTRAINT "fk_city_yearly_reports_region"
        `);
    await queryRunner.query(`
            ALTER TABLE "enterprise_yearly_reports" DROP CONSTRAINT "fk_enterprise_yearly_reports_acknowledged_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "enterprise_yearly_reports" DROP CONSTRAINT "fk_enterprise_yearly_reports_filed_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "enterprise_yearly_reports" DROP CONSTRAINT "fk_enterprise_yearly_reports_enterprise"
        `);
    await queryRunner.query(`
            ALTER TABLE "registry_access_log" DROP CONSTRAINT "fk_registry_access_log_subject"
        `);
    await queryRunner.query(`
            ALTER TABLE "registry_access_log" DROP CONSTRAINT "fk_registry_access_log_actor"
        `);
    await queryRunner.query(`
            ALTER TABLE "cqo_flags" DROP CONSTRAINT "fk_cqo_flags_cleared_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "cqo_flags" DROP CONSTRAINT "fk_cqo_flags_flagged_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "cqo_flags" DROP CONSTRAINT "fk_cqo_flags_trainee"
        `);
    await queryRunner.query(`
            ALTER TABLE "cqo_declarations" DROP CONSTRAINT "fk_cqo_declarations_recorded_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "cqo_declarations" DROP CONSTRAINT "fk_cqo_declarations_enterprise"
        `);
    await queryRunner.query(`
            ALTER TABLE "cqo_declarations" DROP CONSTRAINT "fk_cqo_declarations_trainee"
        `);
    await queryRunner.query(`
            ALTER TABLE "cqo_appointments" DROP CONSTRAINT "fk_cqo_appointments_ended_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "cqo_appointments" DROP CONSTRAINT "fk_cqo_appointments_created_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "cqo_appointments" DROP CONSTRAINT "fk_cqo_appointments_trainee"
        `);
    await queryRunner.query(`
            ALTER TABLE "cqo_appointments" DROP CONSTRAINT "fk_cqo_appointments_enterprise"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_city_yearly_reports_region_year"
        `);
    await queryRunner.query(`
            DROP TABLE "city_yearly_reports"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_enterprise_yearly_reports_enterprise_year"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_enterprise_yearly_reports_year_status"
        `);
    await queryRunner.query(`
            DROP TABLE "enterprise_yearly_reports"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_registry_access_log_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_registry_access_log_actor_id_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_registry_access_log_subject_id_at"
        `);
    await queryRunner.query(`
            DROP TABLE "registry_access_log"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_cqo_flags_trainee_id_flagged_on"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_cqo_flags_open"
        `);
    await queryRunner.query(`
            DROP TABLE "cqo_flags"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_cqo_declarations_trainee_id_declared_on"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_cqo_declarations_enterprise_id"
        `);
    await queryRunner.query(`
            DROP TABLE "cqo_declarations"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_cqo_appointments_enterprise_serving"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_cqo_appointments_trainee_serving"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_cqo_appointments_enterprise_certificate_no"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_cqo_appointments_trainee_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_cqo_appointments_status_term_ends_on"
        `);
    await queryRunner.query(`
            DROP TABLE "cqo_appointments"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_cqo_eligibility_rule_sets_effective_from"
        `);
    await queryRunner.query(`
            DROP TABLE "cqo_eligibility_rule_sets"
        `);
  }
}
