import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Regulator figures that cannot be inflated (issue 14):
 * - enterprise master data as versions (`enterprise_master_versions`), official-list imports and
 *   correction requests; award years on enterprises;
 * - the notice's targets as data (`appointment_targets`, seeded below exactly as the notice says);
 * - disqualifying regulator flags, declarations and backdate approvals on appointments, renewals;
 * - the enterprise report due date as data, city report versions (frozen on submission);
 * - trainees' eligibility facts with evidence and a verification state.
 * The target figures are computed as of a date from the versions, so the precomputed
 * `registry_enterprise_stats` (today's flags only) is dropped.
 */
export class RegulatorFigures1795640000000 implements MigrationInterface {
  name = 'RegulatorFigures1795640000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "enterprise_master_versions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "enterprise_id" uuid NOT NULL,
                "effective_on" date NOT NULL,
                "name" text NOT NULL,
                "region_id" uuid NOT NULL,
                "state_owned" boolean NOT NULL,
                "above_designated_size" boolean NOT NULL,
                "production" boolean NOT NULL,
                "china_quality_award" text NOT NULL,
                "china_quality_award_year" integer,
                "provincial_quality_award" text NOT NULL,
                "provincial_quality_award_year" integer,
                "city_quality_award" text NOT NULL,
                "city_quality_award_year" integer,
                "changed_fields" text array NOT NULL,
                "source" text NOT NULL,
                "source_id" uuid,
                "source_file" text,
                "changed_by" uuid,
                "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "ck_enterprise_master_versions_source" CHECK (
                    source IN ('import', 'correction', 'admin', 'initial')
                ),
                CONSTRAINT "PK_73473f68037cd7c199ae1d822c0" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_enterprise_master_versions_enterprise_effective" ON "enterprise_master_versions" ("enterprise_id", "effective_on", "recorded_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "enterprise_imports" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "scope_path" text NOT NULL,
                "file_name" text NOT NULL,
                "file_sha256" text NOT NULL,
                "format" text NOT NULL,
                "effective_on" date NOT NULL,
                "status" text NOT NULL DEFAULT 'previewed',
                "total_rows" integer NOT NULL,
                "error_rows" integer NOT NULL,
                "created_count" integer,
                "updated_count" integer,
                "unchanged_count" integer,
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "applied_by" uuid,
                "applied_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "ck_enterprise_imports_status" CHECK (status IN ('previewed', 'applied', 'discarded')),
                CONSTRAINT "PK_282690aad460bd55ad0ba701cb8" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_enterprise_imports_region_created" ON "enterprise_imports" ("scope_path", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "enterprise_import_rows" (
                "import_id" uuid NOT NULL,
                "row_no" integer NOT NULL,
                "credit_code" text,
                "name" text,
                "region_id" uuid,
                "state_owned" boolean,
                "above_designated_size" boolean,
                "production" boolean,
                "china_quality_award" text,
                "china_quality_award_year" integer,
                "provincial_quality_award" text,
                "provincial_quality_award_year" integer,
                "city_quality_award" text,
                "city_quality_award_year" integer,
                "errors" jsonb NOT NULL,
                CONSTRAINT "pk_enterprise_import_rows" PRIMARY KEY ("import_id", "row_no")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "enterprise_correction_requests" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "enterprise_id" uuid NOT NULL,
                "changes" jsonb NOT NULL,
                "reason" text NOT NULL,
                "status" text NOT NULL DEFAULT 'pending',
                "requested_by" uuid NOT NULL,
                "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "decided_by" uuid,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                "decision_note" text,
                CONSTRAINT "ck_enterprise_correction_requests_status" CHECK (status IN ('pending', 'approved', 'rejected')),
                CONSTRAINT "PK_f5882255ffa5f1ec69c589ab6b1" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_enterprise_correction_requests_pending" ON "enterprise_correction_requests" ("status")
            WHERE status = 'pending'
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_enterprise_correction_requests_enterprise" ON "enterprise_correction_requests" ("enterprise_id", "requested_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "appointment_targets" (
                "code" text NOT NULL,
                "name" text NOT NULL,
                "deadline" date NOT NULL,
                "target_rate" numeric(5, 4) NOT NULL,
                "criteria" jsonb NOT NULL,
                "sort_order" integer NOT NULL,
                CONSTRAINT "pk_appointment_targets" PRIMARY KEY ("code")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "appointment_backdate_approvals" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "enterprise_id" uuid NOT NULL,
                "trainee_id" uuid NOT NULL,
                "appointed_on" date NOT NULL,
                "reason" text NOT NULL,
                "approved_by" uuid NOT NULL,
                "approved_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_by_appointment_id" uuid,
                CONSTRAINT "PK_1678741b285048db22844386b4b" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_appointment_backdate_approvals_enterprise_trainee" ON "appointment_backdate_approvals" ("enterprise_id", "trainee_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "registry_report_rules" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "effective_from" date NOT NULL,
                "enterprise_report_due_month" integer NOT NULL,
                "enterprise_report_due_day" integer NOT NULL,
                CONSTRAINT "PK_68d56abec9600c9c7502344b317" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "city_report_versions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "report_id" uuid NOT NULL,
                "version" integer NOT NULL,
                "status" text NOT NULL,
                "narrative" text NOT NULL,
                "content" jsonb NOT NULL,
                "pdf_storage_key" text NOT NULL,
                "pdf_sha256" text NOT NULL,
                "xlsx_storage_key" text NOT NULL,
                "xlsx_sha256" text NOT NULL,
                "submitted_by" uuid NOT NULL,
                "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "decided_by" uuid,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                "return_reason" text,
                CONSTRAINT "ck_city_report_versions_status" CHECK (
                    status IN (
                        'submitted',
                        'acknowledged',
                        'returned',
                        'superseded'
                    )
                ),
                CONSTRAINT "PK_0ce85b16f7de384c804b67ec8f2" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_city_report_versions_report_version" ON "city_report_versions" ("report_id", "version")
        `);
    await queryRunner.query(`
            CREATE TABLE "trainee_facts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "trainee_id" uuid NOT NULL,
                "fact" text NOT NULL,
                "value" text NOT NULL,
                "state" text NOT NULL,
                "file_name" text NOT NULL,
                "file_content_type" text NOT NULL,
                "file_size" integer NOT NULL,
                "file_sha256" text NOT NULL,
                "file_storage_key" text NOT NULL,
                "declared_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "confirmed_by" uuid,
                "confirmed_at" TIMESTAMP WITH TIME ZONE,
                "verified_by" uuid,
                "verified_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "ck_trainee_facts_state" CHECK (
                    state IN (
                        'self_declared',
                        'enterprise_confirmed',
                        'city_verified'
                    )
                ),
                CONSTRAINT "ck_trainee_facts_fact" CHECK (
                    fact IN (
                        'education',
                        'quality_work_years',
                        'qualification',
                        'title'
                    )
                ),
                CONSTRAINT "PK_7c7711e1d06f1b541ac461d7e29" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_trainee_facts_trainee_fact" ON "trainee_facts" ("trainee_id", "fact", "declared_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "enterprises"
            ADD "china_quality_award_year" integer
        `);
    await queryRunner.query(`
            ALTER TABLE "enterprises"
            ADD "provincial_quality_award_year" integer
        `);
    await queryRunner.query(`
            ALTER TABLE "enterprises"
            ADD "city_quality_award_year" integer
        `);
    await queryRunner.query(`
            ALTER TABLE "cqo_appointments"
            ADD "declaration_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "cqo_appointments"
            ADD "backdate_approval_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "cqo_appointments"
            ADD "renewal_of" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "cqo_flags"
            ADD "disqualifying_circumstance" text
        `);
    await queryRunner.query(`
            ALTER TABLE "enterprise_yearly_reports"
            ADD "registry_cqo_in_place" boolean
        `);
    await queryRunner.query(`
            ALTER TABLE "enterprise_master_versions"
            ADD CONSTRAINT "fk_enterprise_master_versions_enterprise" FOREIGN KEY ("enterprise_id") REFERENCES "enterprises"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "enterprise_correction_requests"
            ADD CONSTRAINT "fk_enterprise_correction_requests_enterprise" FOREIGN KEY ("enterprise_id") REFERENCES "enterprises"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "city_report_versions"
            ADD CONSTRAINT "fk_city_report_versions_report" FOREIGN KEY ("report_id") REFERENCES "city_yearly_reports"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    // Every existing enterprise starts its history with what it holds now, from the day it was added.
    await queryRunner.query(`
            INSERT INTO "enterprise_master_versions"
                ("enterprise_id", "effective_on", "name", "region_id", "state_owned", "above_designated_size", "production",
                 "china_quality_award", "china_quality_award_year", "provincial_quality_award", "provincial_quality_award_year",
                 "city_quality_award", "city_quality_award_year", "changed_fields", "source", "recorded_at")
            SELECT e.id, (e.created_at AT TIME ZONE 'Asia/Shanghai')::date, e.name, e.region_id, e.state_owned, e.above_designated_size, e.production,
                   e.china_quality_award, NULL, e.provincial_quality_award, NULL, e.city_quality_award, NULL,
                   ARRAY['name', 'regionId', 'stateOwned', 'aboveDesignatedSize', 'production', 'chinaQualityAward', 'chinaQualityAwardYear',
                         'provincialQualityAward', 'provincialQualityAwardYear', 'cityQualityAward', 'cityQualityAwardYear'],
                   'initial', now()
              FROM "enterprises" e
        `);
    // The notice, 一、总体要求: 到2021年底，已获得中国质量奖（含提名奖）、甘肃省人民政府质量奖（含提名奖）
    // 及市州政府质量奖的企业，首席质量官聘任率达100%; 力争到2025年底，全省所有国有企业和规模以上生产性企业
    // 原则上全部落实. 含提名奖 qualifies the first two awards only; the award must be obtained by the end of 2021.
    await queryRunner.query(`
            INSERT INTO "appointment_targets" ("code", "name", "deadline", "target_rate", "criteria", "sort_order") VALUES
            ('award_holders', '获得中国质量奖（含提名奖）、甘肃省人民政府质量奖（含提名奖）及市州政府质量奖的企业', '2021-12-31', 1,
             '{"kind":"awards","awards":[{"level":"china","standings":["awarded","nominated"]},{"level":"provincial","standings":["awarded","nominated"]},{"level":"city","standings":["awarded"]}],"obtainedByYear":2021}', 1),
            ('state_owned_or_large_production', '国有企业和规模以上生产性企业', '2025-12-31', 1, '{"kind":"ownership_or_size"}', 2)
        `);
    // Enterprise yearly reports are due by 31 January of the following year (the product's reading).
    await queryRunner.query(`
            INSERT INTO "registry_report_rules" ("effective_from", "enterprise_report_due_month", "enterprise_report_due_day") VALUES ('2021-01-01', 1, 31)
        `);
    await queryRunner.query(`DROP MATERIALIZED VIEW "registry_enterprise_stats"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE MATERIALIZED VIEW registry_enterprise_stats AS
            SELECT e.region_id, e.state_owned, e.above_designated_size, e.production,
                   e.china_quality_award <> 'none' AS china_award,
                   e.provincial_quality_award <> 'none' AS provincial_award,
                   e.city_quality_award <> 'none' AS city_award,
                   a.id IS NOT NULL AS appointed,
                   COALESCE(NOT a.eligible OR a.position_level = 'below_deputy', false) AS exception,
                   count(*)::int AS enterprises
              FROM enterprises e
              LEFT JOIN cqo_appointments a ON a.enterprise_id = e.id AND a.status = 'serving'
             GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX ux_registry_enterprise_stats ON registry_enterprise_stats
                (region_id, state_owned, above_designated_size, production, china_award, provincial_award, city_award, appointed, exception)
        `);
    await queryRunner.query(`
            ALTER TABLE "city_report_versions" DROP CONSTRAINT "fk_city_report_versions_report"
        `);
    await queryRunner.query(`
            ALTER TABLE "enterprise_correction_requests" DROP CONSTRAINT "fk_enterprise_correction_requests_enterprise"
        `);
    await queryRunner.query(`
            ALTER TABLE "enterprise_master_versions" DROP CONSTRAINT "fk_enterprise_master_versions_enterprise"
        `);
    await queryRunner.query(`
            ALTER TABLE "enterprise_yearly_reports" DROP COLUMN "registry_cqo_in_place"
        `);
    await queryRunner.query(`
            ALTER TABLE "cqo_flags" DROP COLUMN "disqualifying_circumstance"
        `);
    await queryRunner.query(`
            ALTER TABLE "cqo_appointments" DROP COLUMN "renewal_of"
        `);
    await queryRunner.query(`
            ALTER TABLE "cqo_appointments" DROP COLUMN "backdate_approval_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "cqo_appointments" DROP COLUMN "declaration_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "enterprises" DROP COLUMN "city_quality_award_year"
        `);
    await queryRunner.query(`
            ALTER TABLE "enterprises" DROP COLUMN "provincial_quality_award_year"
        `);
    await queryRunner.query(`
            ALTER TABLE "enterprises" DROP COLUMN "china_quality_award_year"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_trainee_facts_trainee_fact"
        `);
    await queryRunner.query(`
            DROP TABLE "trainee_facts"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_city_report_versions_report_version"
        `);
    await queryRunner.query(`
            DROP TABLE "city_report_versions"
        `);
    await queryRunner.query(`
            DROP TABLE "registry_report_rules"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_appointment_backdate_approvals_enterprise_trainee"
        `);
    await queryRunner.query(`
            DROP TABLE "appointment_backdate_approvals"
        `);
    await queryRunner.query(`
            DROP TABLE "appointment_targets"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_enterprise_correction_requests_enterprise"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_enterprise_correction_requests_pending"
        `);
    await queryRunner.query(`
            DROP TABLE "enterprise_correction_requests"
        `);
    await queryRunner.query(`
            DROP TABLE "enterprise_import_rows"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_enterprise_imports_region_created"
        `);
    await queryRunner.query(`
            DROP TABLE "enterprise_imports"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_enterprise_master_versions_enterprise_effective"
        `);
    await queryRunner.query(`
            DROP TABLE "enterprise_master_versions"
        `);
  }
}
