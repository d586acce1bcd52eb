import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The nightly pruning of the mail log (MAIL_LOG_RETENTION_DAYS) reads the oldest rows from this index. */
export class MailLogRetention1795669000000 implements MigrationInterface {
  name = 'MailLogRetention1795669000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "ix_mail_messages_created_at" ON "mail_messages" ("created_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_mail_messages_created_at"`);
  }
}
