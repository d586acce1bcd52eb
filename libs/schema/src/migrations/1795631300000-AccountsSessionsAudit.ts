import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13, accounts: a session version and a TOTP second factor on users; the security audit
 * log; employer links pending until the enterprise confirms; ID-number collisions kept aside.
 */
export class AccountsSessionsAudit1795631300000 implements MigrationInterface {
  name = 'AccountsSessionsAudit1795631300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "session_version" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "users" ADD "totp_secret" text`);
    await queryRunner.query(`ALTER TABLE "users" ADD "totp_enabled_at" TIMESTAMP WITH TIME ZONE`);

    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "at" TIMESTAMP WITH TIME ZONE NOT NULL, "action" text NOT NULL, "actor_id" uuid, "subject_id" uuid, "username" text, "ip" text, "request_id" text, "details" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_audit_log" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_audit_log_at" ON "audit_log" ("at") `);
    await queryRunner.query(`CREATE INDEX "ix_audit_log_actor_id_at" ON "audit_log" ("actor_id", "at") `);
    await queryRunner.query(`CREATE INDEX "ix_audit_log_action_at" ON "audit_log" ("action", "at") `);

    await queryRunner.query(`ALTER TABLE "trainee_profiles" ADD "requested_enterprise_id" uuid`);
    await queryRunner.query(`ALTER TABLE "trainee_profiles" ADD "employer_requested_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE INDEX "ix_trainee_profiles_requested_enterprise_id" ON "trainee_profiles" ("requested_enterprise_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "trainee_profiles" ADD CONSTRAINT "fk_trainee_profiles_requested_enterprise" FOREIGN KEY ("requested_enterprise_id") REFERENCES "enterprises"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );

    await queryRunner.query(
      `CREATE TABLE "id_number_collisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "existing_user_id" uuid NOT NULL, "id_number_hash" text NOT NULL, "id_number_masked" text NOT NULL, "enterprise_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "resolved_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_id_number_collisions" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_id_number_collisions_user_id" ON "id_number_collisions" ("user_id") `);
    await queryRunner.query(`CREATE INDEX "ix_id_number_collisions_enterprise_id" ON "id_number_collisions" ("enterprise_id") `);
    await queryRunner.query(`CREATE INDEX "ix_id_number_collisions_id_number_hash" ON "id_number_collisions" ("id_number_hash") `);
    await queryRunner.query(
      `ALTER TABLE "id_number_collisions" ADD CONSTRAINT "fk_id_number_collisions_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "id_number_collisions" ADD CONSTRAINT "fk_id_number_collisions_existing_user" FOREIGN KEY ("existing_user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "id_number_collisions"`);
    await queryRunner.query(`ALTER TABLE "trainee_profiles" DROP CONSTRAINT "fk_trainee_profiles_requested_enterprise"`);
    await queryRunner.query(`DROP INDEX "ix_trainee_profiles_requested_enterprise_id"`);
    await queryRunner.query(`ALTER TABLE "trainee_profiles" DROP COLUMN "employer_requested_at"`);
    await queryRunner.query(`ALTER TABLE "trainee_profiles" DROP COLUMN "requested_enterprise_id"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "totp_enabled_at"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "totp_secret"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "session_version"`);
  }
}
