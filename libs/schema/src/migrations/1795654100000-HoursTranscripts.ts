import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hours transcripts (issue 16, 学时证明): a signed PDF of a trainee's hours as of the moment it is
 * made, with a serial from the certificates' sequence and a QR token for the public page.
 */
export class HoursTranscripts1795654100000 implements MigrationInterface {
  name = 'HoursTranscripts1795654100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "hours_transcripts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "trainee_id" uuid NOT NULL,
                "serial" text NOT NULL,
                "verify_token" text NOT NULL,
                "content" jsonb NOT NULL,
                "pdf_sha256" text NOT NULL,
                "signature" text NOT NULL,
                "signing_key_id" text NOT NULL,
                "storage_key" text NOT NULL,
                "requested_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "pk_hours_transcripts" PRIMARY KEY ("id")
            )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_hours_transcripts_serial" ON "hours_transcripts" ("serial") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_hours_transcripts_verify_token" ON "hours_transcripts" ("verify_token") `);
    await queryRunner.query(`CREATE INDEX "ix_hours_transcripts_pdf_sha256" ON "hours_transcripts" ("pdf_sha256") `);
    await queryRunner.query(
      `CREATE INDEX "ix_hours_transcripts_trainee_id_created_at" ON "hours_transcripts" ("trainee_id", "created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "hours_transcripts" ADD CONSTRAINT "fk_hours_transcripts_trainee" FOREIGN KEY ("trainee_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "hours_transcripts"`);
  }
}
