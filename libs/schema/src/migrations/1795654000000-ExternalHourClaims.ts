import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hours earned elsewhere (issue 16, 外部学时认定): claims with evidence, endorsed by the employer
 * and approved by the city; an approved claim becomes a ledger entry of source `external_claim`.
 * The limits are rule data (`external_claim_rules`, one row per requirement rule set), seeded here
 * for every existing set. `trainee_profiles.employer_linked_at` records when the current employer
 * link was confirmed (a claim may not start before it); existing links take the confirmation in
 * the audit log, else the profile's creation.
 */
export class ExternalHourClaims1795654000000 implements MigrationInterface {
  name = 'ExternalHourClaims1795654000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "credit_entries" DROP CONSTRAINT "ck_credit_entries_source"`);
    await queryRunner.query(`
            ALTER TABLE "credit_entries" ADD CONSTRAINT "ck_credit_entries_source" CHECK (
                source IN ('course_completion', 'in_person', 'manual_adjustment', 'external_claim', 'reversal')
            )`);
    await queryRunner.query(`ALTER TABLE "trainee_profiles" ADD "employer_linked_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`
            UPDATE trainee_profiles p
               SET employer_linked_at = COALESCE(
                     (SELECT max(a.at) FROM audit_log a
                       WHERE a.action = 'trainee.employer_confirmed' AND a.subject_id = p.user_id
                         AND a.details->>'enterpriseId' = p.enterprise_id::text),
                     p.created_at)
             WHERE p.enterprise_id IS NOT NULL`);
    await queryRunner.query(`
            CREATE TABLE "external_claim_rules" (
                "rule_set_id" uuid NOT NULL,
                "max_category1_hours" numeric(7,2) NOT NULL,
                "max_category2_hours" numeric(7,2) NOT NULL,
                "late_window_days" integer NOT NULL,
                CONSTRAINT "ck_external_claim_rules_limits" CHECK (
                    max_category1_hours >= 0 AND max_category2_hours >= 0 AND late_window_days BETWEEN 0 AND 366
                ),
                CONSTRAINT "pk_external_claim_rules" PRIMARY KEY ("rule_set_id")
            )`);
    await queryRunner.query(`
            ALTER TABLE "external_claim_rules" ADD CONSTRAINT "fk_external_claim_rules_rule_set"
            FOREIGN KEY ("rule_set_id") REFERENCES "requirement_rule_sets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // The product's reading (the notice is silent): at most half of each yearly requirement
    // (7 of 14, 15 of 30) may come from training outside the platform; a closed year takes
    // claims for 31 days after it ends.
    await queryRunner.query(`
            INSERT INTO external_claim_rules (rule_set_id, max_category1_hours, max_category2_hours, late_window_days)
            SELECT id, 7, 15, 31 FROM requirement_rule_sets`);
    await queryRunner.query(`
            CREATE TABLE "external_hour_claims" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "trainee_id" uuid NOT NULL,
                "enterprise_id" uuid NOT NULL,
                "organiser" text NOT NULL,
                "title" text NOT NULL,
                "started_on" date NOT NULL,
                "ended_on" date NOT NULL,
                "year" smallint NOT NULL,
                "category" smallint NOT NULL,
                "kind" text NOT NULL,
                "hours" numeric(7,2) NOT NULL,
                "topic_codes" text array NOT NULL,
                "status" text NOT NULL,
                "endorsed_by" uuid,
                "endorsed_at" TIMESTAMP WITH TIME ZONE,
                "decided_by" uuid,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                "rejected_stage" text,
                "rejection_reason" text,
                "approved_hours" numeric(7,2),
                "reduction_reason" text,
                "credit_entry_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "ck_external_hour_claims_status" CHECK (status IN ('submitted', 'endorsed', 'approved', 'rejected')),
                CONSTRAINT "ck_external_hour_claims_category" CHECK (category IN (1, 2) AND kind IN ('appointment', 'continuing') AND (category = 1 OR kind = 'continuing')),
                CONSTRAINT "ck_external_hour_claims_hours" CHECK (hours > 0 AND (approved_hours IS NULL OR (approved_hours > 0 AND approved_hours <= hours))),
                CONSTRAINT "ck_external_hour_claims_dates" CHECK (started_on <= ended_on),
                CONSTRAINT "ck_external_hour_claims_rejected" CHECK ((status = 'rejected') = (rejected_stage IS NOT NULL AND rejection_reason IS NOT NULL)),
                CONSTRAINT "ck_external_hour_claims_approved" CHECK ((status = 'approved') = (credit_entry_id IS NOT NULL AND approved_hours IS NOT NULL)),
                CONSTRAINT "pk_external_hour_claims" PRIMARY KEY ("id")
            )`);
    await queryRunner.query(
      `CREATE INDEX "ix_external_hour_claims_trainee_id_created_at" ON "external_hour_claims" ("trainee_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_external_hour_claims_enterprise_id_status" ON "external_hour_claims" ("enterprise_id", "status") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_external_hour_claims_credit_entry_id" ON "external_hour_claims" ("credit_entry_id") `);
    await queryRunner.query(
      `ALTER TABLE "external_hour_claims" ADD CONSTRAINT "fk_external_hour_claims_trainee" FOREIGN KEY ("trainee_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "external_hour_claims" ADD CONSTRAINT "fk_external_hour_claims_enterprise" FOREIGN KEY ("enterprise_id") REFERENCES "enterprises"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "external_hour_claims" ADD CONSTRAINT "fk_external_hour_claims_credit_entry" FOREIGN KEY ("credit_entry_id") REFERENCES "credit_entries"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`
            CREATE TABLE "external_claim_evidence" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "claim_id" uuid NOT NULL,
                "file_name" text NOT NULL,
                "content_type" text NOT NULL,
                "size" integer NOT NULL,
                "sha256" text NOT NULL,
                "storage_key" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "pk_external_claim_evidence" PRIMARY KEY ("id")
            )`);
    await queryRunner.query(`CREATE INDEX "ix_external_claim_evidence_claim_id" ON "external_claim_evidence" ("claim_id") `);
    await queryRunner.query(
      `ALTER TABLE "external_claim_evidence" ADD CONSTRAINT "fk_external_claim_evidence_claim" FOREIGN KEY ("claim_id") REFERENCES "external_hour_claims"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "external_claim_evidence"`);
    await queryRunner.query(`DROP TABLE "external_hour_claims"`);
    await queryRunner.query(`DROP TABLE "external_claim_rules"`);
    await queryRunner.query(`ALTER TABLE "trainee_profiles" DROP COLUMN "employer_linked_at"`);
    await queryRunner.query(`ALTER TABLE "credit_entries" DROP CONSTRAINT "ck_credit_entries_source"`);
    await queryRunner.query(`
            ALTER TABLE "credit_entries" ADD CONSTRAINT "ck_credit_entries_source" CHECK (
                source IN ('course_completion', 'in_person', 'manual_adjustment', 'reversal')
            )`);
  }
}
