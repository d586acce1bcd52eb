import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19: an xAPI endpoint content players can use.
 * - Statements keep what GET /xapi/statements returns (`statement`), their registration (the
 *   window of server-observed time) and the statement that voided them.
 * - `xapi_documents`: the State, Activity Profile and Agent Profile documents, per organization.
 */
export class XapiLrs1795665000000 implements MigrationInterface {
  name = 'XapiLrs1795665000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "xapi_statements" ADD "registration" uuid`);
    await queryRunner.query(`ALTER TABLE "xapi_statements" ADD "statement" jsonb`);
    await queryRunner.query(`ALTER TABLE "xapi_statements" ADD "voided_by" uuid`);
    await queryRunner.query(
      `CREATE TABLE "xapi_documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "kind" text NOT NULL, "scope" text NOT NULL, "document_id" text NOT NULL, "content_type" text NOT NULL, "content" bytea NOT NULL, "etag" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "ck_xapi_documents_kind" CHECK (kind IN ('state', 'activity_profile', 'agent_profile')), CONSTRAINT "pk_xapi_documents" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_xapi_documents_scope" ON "xapi_documents" ("organization_id", "kind", "scope", "document_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "xapi_documents" ADD CONSTRAINT "fk_xapi_documents_organization" FOREIGN KEY ("organization_id") REFERENCES "training_organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "xapi_documents" DROP CONSTRAINT "fk_xapi_documents_organization"`);
    await queryRunner.query(`DROP INDEX "public"."ux_xapi_documents_scope"`);
    await queryRunner.query(`DROP TABLE "xapi_documents"`);
    await queryRunner.query(`ALTER TABLE "xapi_statements" DROP COLUMN "voided_by"`);
    await queryRunner.query(`ALTER TABLE "xapi_statements" DROP COLUMN "statement"`);
    await queryRunner.query(`ALTER TABLE "xapi_statements" DROP COLUMN "registration"`);
  }
}
