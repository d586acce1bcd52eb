import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Certificates: versions with their signed content, hash and signature; their history; the serial sequence (never reused). */
export class Certificates1795610000000 implements MigrationInterface {
  name = 'Certificates1795610000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Serial numbers: a sequence is never rolled back, so a number once drawn is never handed out again.
    await queryRunner.query(`CREATE SEQUENCE "certificate_serial_seq" AS bigint START 1`);
    await queryRunner.query(
      `CREATE TABLE "certificates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "serial" text NOT NULL, "verify_token" text NOT NULL, "trainee_id" uuid NOT NULL, "kind" text NOT NULL, "subject_key" text NOT NULL, "period" text NOT NULL, "year" integer NOT NULL, "version" integer NOT NULL DEFAULT '1', "previous_id" uuid, "status" text NOT NULL DEFAULT 'valid', "region_id" uuid NOT NULL, "organization_id" uuid, "course_id" uuid, "content" jsonb NOT NULL, "pdf_sha256" text NOT NULL, "pdf_size" integer NOT NULL, "signature" text NOT NULL, "signing_key_id" text NOT NULL, "storage_key" text NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_by" uuid, "revocation_reason" text, "superseded_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_e4c7e31e2144300bea7d89eb165" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_certificates_serial" ON "certificates"  ("serial")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_certificates_verify_token" ON "certificates"  ("verify_token")`);
    await queryRunner.query(`CREATE INDEX "ix_certificates_previous_id" ON "certificates"  ("previous_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_certificates_pdf_sha256" ON "certificates"  ("pdf_sha256")`);
    await queryRunner.query(`CREATE INDEX "ix_certificates_course_id" ON "certificates"  ("course_id")`);
    await queryRunner.query(`CREATE INDEX "ix_certificates_organization_id" ON "certificates"  ("organization_id")`);
    await queryRunner.query(`CREATE INDEX "ix_certificates_region_id_year" ON "certificates"  ("region_id", "year")`);
    await queryRunner.query(`CREATE INDEX "ix_certificates_trainee_id" ON "certificates"  ("trainee_id")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_certificates_current" ON "certificates"  ("trainee_id", "kind", "subject_key", "period") WHERE status <> 'superseded'`,
    );
    await queryRunner.query(
      `CREATE TABLE "certificate_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "certificate_id" uuid NOT NULL, "type" text NOT NULL, "actor_id" uuid, "reason" text, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_91950154408b3948b4d7a2d6ce2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_certificate_events_certificate_id_at" ON "certificate_events"  ("certificate_id", "at")`);
    await queryRunner.query(
      `ALTER TABLE "certificates" ADD CONSTRAINT "fk_certificates_trainee" FOREIGN KEY ("trainee_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "certificates" ADD CONSTRAINT "fk_certificates_previous" FOREIGN KEY ("previous_id") REFERENCES "certificates"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "certificates" ADD CONSTRAINT "fk_certificates_region" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "certificates" ADD CONSTRAINT "fk_certificates_organization" FOREIGN KEY ("organization_id") REFERENCES "training_organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "certificates" ADD CONSTRAINT "fk_certificates_revoked_by" FOREIGN KEY ("revoked_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "certificate_events" ADD CONSTRAINT "fk_certificate_events_certificate" FOREIGN KEY ("certificate_id") REFERENCES "certificates"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "certificate_events" ADD CONSTRAINT "fk_certificate_events_actor" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "certificate_events"`);
    await queryRunner.query(`DROP TABLE "certificates"`);
    await queryRunner.query(`DROP SEQUENCE "certificate_serial_seq"`);
  }
}
