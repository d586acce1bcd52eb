import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail (issue 16): accounts get an address and its verification, single-use link tokens
 * (password reset, e-mail verification) stored hashed, mail sent once per idempotency key, the
 * dead-letter list of bounced addresses and per-person preferences. Every in-app notification
 * also becomes a `notification.created` outbox event, by a trigger, in the inserting transaction:
 * the senders (some insert through CTEs of their own statements) need not change.
 */
export class MailNotifications1795660000000 implements MigrationInterface {
  name = 'MailNotifications1795660000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "email" text`);
    await queryRunner.query(`ALTER TABLE "users" ADD "email_verified_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "ix_users_email" ON "users" ("email")`);
    await queryRunner.query(`
      CREATE TABLE "account_tokens" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "purpose" text NOT NULL,
        "token_hash" text NOT NULL,
        "email" text NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "used_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_5e3640c493cc6206a44b885e6a9" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_account_tokens_token_hash" ON "account_tokens" ("token_hash")`);
    await queryRunner.query(`CREATE INDEX "ix_account_tokens_user_id" ON "account_tokens" ("user_id")`);
    await queryRunner.query(
      `ALTER TABLE "account_tokens" ADD CONSTRAINT "fk_account_tokens_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`
      CREATE TABLE "mail_messages" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "idempotency_key" text NOT NULL,
        "user_id" uuid,
        "to_address" text NOT NULL,
        "category" text NOT NULL,
        "subject" text NOT NULL,
        "status" text NOT NULL,
        "message_id" text,
        "error" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_1bd6e76ef3b3d4aff7d0510a509" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_mail_messages_idempotency_key" ON "mail_messages" ("idempotency_key")`);
    await queryRunner.query(`CREATE INDEX "ix_mail_messages_user_id_created_at" ON "mail_messages" ("user_id", "created_at")`);
    await queryRunner.query(
      `ALTER TABLE "mail_messages" ADD CONSTRAINT "fk_mail_messages_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`
      CREATE TABLE "mail_dead_letters" (
        "address" text NOT NULL,
        "smtp_code" integer,
        "reason" text NOT NULL,
        "bounces" integer NOT NULL DEFAULT 1,
        "first_bounced_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "last_bounced_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_a07e8fecf822e7067b3e34adf17" PRIMARY KEY ("address")
      )`);
    await queryRunner.query(`
      CREATE TABLE "notification_preferences" (
        "user_id" uuid NOT NULL,
        "email_reminders" boolean NOT NULL DEFAULT true,
        "email_updates" boolean NOT NULL DEFAULT true,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_64c90edc7310c6be7c10c96f675" PRIMARY KEY ("user_id")
      )`);
    await queryRunner.query(
      `ALTER TABLE "notification_preferences" ADD CONSTRAINT "fk_notification_preferences_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // What OutboxWriter.record does, for every notification however it was inserted.
    await queryRunner.query(`
      CREATE FUNCTION notification_created_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        event_id bigint;
      BEGIN
        INSERT INTO outbox_events (type, payload)
          VALUES ('notification.created', jsonb_build_object('notificationId', NEW.id))
          RETURNING id INTO event_id;
        PERFORM pg_notify('outbox_events', event_id::text);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER trg_notifications_outbox AFTER INSERT ON notifications
        FOR EACH ROW EXECUTE FUNCTION notification_created_outbox()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER trg_notifications_outbox ON notifications`);
    await queryRunner.query(`DROP FUNCTION notification_created_outbox()`);
    await queryRunner.query(`DROP TABLE "notification_preferences"`);
    await queryRunner.query(`DROP TABLE "mail_dead_letters"`);
    await queryRunner.query(`DROP TABLE "mail_messages"`);
    await queryRunner.query(`DROP TABLE "account_tokens"`);
    await queryRunner.query(`DROP INDEX "ix_users_email"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "email_verified_at"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "email"`);
  }
}
