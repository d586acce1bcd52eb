import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * ID-number collisions get a decision (issue 13): the enterprise admin or the city confirms the
 * newcomer as the person (the earlier account loses the number and is disabled) or rejects the
 * claim; who decided is kept beside when.
 */
export class IdNumberCollisionDecisions1795651000000 implements MigrationInterface {
  name = 'IdNumberCollisionDecisions1795651000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "id_number_collisions" ADD "decision" text`);
    await queryRunner.query(`ALTER TABLE "id_number_collisions" ADD "resolved_by" uuid`);
    await queryRunner.query(
      `ALTER TABLE "id_number_collisions" ADD CONSTRAINT "ck_id_number_collisions_decision" CHECK ("decision" IN ('claimant_confirmed', 'claim_rejected', 'corrected'))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_id_number_collisions_pending" ON "id_number_collisions" ("created_at") WHERE resolved_at IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_id_number_collisions_pending"`);
    await queryRunner.query(`ALTER TABLE "id_number_collisions" DROP CONSTRAINT "ck_id_number_collisions_decision"`);
    await queryRunner.query(`ALTER TABLE "id_number_collisions" DROP COLUMN "resolved_by"`);
    await queryRunner.query(`ALTER TABLE "id_number_collisions" DROP COLUMN "decision"`);
  }
}
