import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795572187043 implements MigrationInterface {
  name = 'Foundation1795572187043';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "outbox_events" (
                "id" BIGSERIAL NOT NULL,
                "type" text NOT NULL,
                "payload" jsonb NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "relayed_at" TIMESTAMP WITH TIME ZONE,
                "relay_attempts" integer NOT NULL DEFAULT '0',
                CONSTRAINT "PK_6689a16c00d09b8089f6237f1d2" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_outbox_events_pending" ON "outbox_events" ("id")
            WHERE relayed_at IS NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "regions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "code" text NOT NULL,
                "name" text NOT NULL,
                "level" text NOT NULL,
                "parent_id" uuid,
                "path" text NOT NULL,
                "sort_order" integer NOT NULL DEFAULT '0',
                CONSTRAINT "PK_4fcd12ed6a046276e2deb08801c" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_regions_code" ON "regions" ("code")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_regions_parent_id" ON "regions" ("parent_id")
        `);
    // Prefix searches on the materialized path ("every region under 620000").
    await queryRunner.query(`
            CREATE INDEX "ix_regions_path" ON "regions" ("path" text_pattern_ops)
        `);
    await queryRunner.query(`
            CREATE TABLE "training_organizations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "credit_code" text NOT NULL,
                "region_id" uuid NOT NULL,
                "contact_name" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_3096d89637f35f42ee3ce4d583b" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_training_organizations_credit_code" ON "training_organizations" ("credit_code")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_training_organizations_region_id" ON "training_organizations" ("region_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "enterprises" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "credit_code" text NOT NULL,
                "region_id" uuid NOT NULL,
                "state_owned" boolean NOT NULL DEFAULT false,
                "above_designated_size" boolean NOT NULL DEFAULT false,
                "production" boolean NOT NULL DEFAULT false,
                "china_quality_award" text NOT NULL DEFAULT 'none',
                "provincial_quality_award" text NOT NULL DEFAULT 'none',
                "city_quality_award" text NOT NULL DEFAULT 'none',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a019e9afe6517b4f2a4588f2cce" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_enterprises_credit_code" ON "enterprises" ("credit_code")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_enterprises_region_id" ON "enterprises" ("region_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "users" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "username" text NOT NULL,
                "password_hash" text NOT NULL,
                "display_name" text NOT NULL,
                "role" text NOT NULL,
                "organization_id" uuid,
                "enterprise_id" uuid,
                "region_id" uuid,
                "status" text NOT NULL DEFAULT 'active',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "last_login_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_users_organization_id" ON "users" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_users_enterprise_id" ON "users" ("enterprise_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_users_region_id" ON "users" ("region_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_users_username" ON "users" ("username")
        `);
    await queryRunner.query(`
            CREATE TABLE "refresh_tokens" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "family_id" uuid NOT NULL,
                "token_hash" text NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_refresh_tokens_user_id" ON "refresh_tokens" ("user_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_refresh_tokens_family_id" ON "refresh_tokens" ("family_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_refresh_tokens_token_hash" ON "refresh_tokens" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE TABLE "notifications" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "title" text NOT NULL,
                "body" text NOT NULL,
                "dedupe_key" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "read_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_notifications_dedupe_key" ON "notifications" ("dedupe_key")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_notifications_user_id_created_at" ON "notifications" ("user_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "trainee_profiles" (
                "user_id" uuid NOT NULL,
                "full_name" text NOT NULL,
                "id_number_hash" text NOT NULL,
                "id_number_masked" text NOT NULL,
                "phone_hash" text,
                "phone_masked" text,
                "enterprise_id" uuid,
                "education_level" text NOT NULL,
                "quality_work_years" numeric(4, 1) NOT NULL DEFAULT '0',
                "quality_qualification" text NOT NULL DEFAULT 'none',
                "related_senior_title" boolean NOT NULL DEFAULT false,
                "title_name" text,
                "yearly_requirements_opt_in" boolean NOT NULL DEFAULT false,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_40ddcb990aeb0d4f14c9bec6617" PRIMARY KEY ("user_id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_trainee_profiles_id_number_hash" ON "trainee_profiles" ("id_number_hash")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_trainee_profiles_phone_hash" ON "trainee_profiles" ("phone_hash")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_trainee_profiles_enterprise_id" ON "trainee_profiles" ("enterprise_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "regions"
            ADD CONSTRAINT "fk_regions_parent" FOREIGN KEY ("parent_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "training_organizations"
            ADD CONSTRAINT "fk_training_organizations_region" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "enterprises"
            ADD CONSTRAINT "fk_enterprises_region" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD CONSTRAINT "fk_users_organization" FOREIGN KEY ("organization_id") REFERENCES "training_organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD CONSTRAINT "fk_users_enterprise" FOREIGN KEY ("enterprise_id") REFERENCES "enterprises"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD CONSTRAINT "fk_users_region" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "notifications"
            ADD CONSTRAINT "fk_notifications_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "trainee_profiles"
            ADD CONSTRAINT "fk_trainee_profiles_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "trainee_profiles"
            ADD CONSTRAINT "fk_trainee_profiles_enterprise" FOREIGN KEY ("enterprise_id") REFERENCES "enterprises"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_regions_path"`);
    await queryRunner.query(`
            ALTER TABLE "trainee_profiles" DROP CONSTRAINT "fk_trainee_profiles_enterprise"
        `);
    await queryRunner.query(`
            ALTER TABLE "trainee_profiles" DROP CONSTRAINT "fk_trainee_profiles_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "notifications" DROP CONSTRAINT "fk_notifications_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP CONSTRAINT "fk_users_region"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP CONSTRAINT "fk_users_enterprise"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP CONSTRAINT "fk_users_organization"
        `);
    await queryRunner.query(`
            ALTER TABLE "enterprises" DROP CONSTRAINT "fk_enterprises_region"
        `);
    await queryRunner.query(`
            ALTER TABLE "training_organizations" DROP CONSTRAINT "fk_training_organizations_region"
        `);
    await queryRunner.query(`
            ALTER TABLE "regions" DROP CONSTRAINT "fk_regions_parent"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_trainee_profiles_enterprise_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_trainee_profiles_phone_hash"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_trainee_profiles_id_number_hash"
        `);
    await queryRunner.query(`
            DROP TABLE "trainee_profiles"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_notifications_user_id_created_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_notifications_dedupe_key"
        `);
    await queryRunner.query(`
            DROP TABLE "notifications"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_refresh_tokens_token_hash"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_refresh_tokens_family_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_refresh_tokens_user_id"
        `);
    await queryRunner.query(`
            DROP TABLE "refresh_tokens"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_users_username"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_users_region_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_users_enterprise_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_users_organization_id"
        `);
    await queryRunner.query(`
            DROP TABLE "users"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_enterprises_region_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_enterprises_credit_code"
        `);
    await queryRunner.query(`
            DROP TABLE "enterprises"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_training_organizations_region_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_training_organizations_credit_code"
        `);
    await queryRunner.query(`
            DROP TABLE "training_organizations"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_regions_parent_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_regions_code"
        `);
    await queryRunner.query(`
            DROP TABLE "regions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_outbox_events_pending"
        `);
    await queryRunner.query(`
            DROP TABLE "outbox_events"
        `);
  }
}
