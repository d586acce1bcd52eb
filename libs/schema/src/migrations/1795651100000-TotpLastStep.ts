import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A TOTP code is good once (OWASP ASVS 2.8.4): the last time step used is kept per account (issue 13). */
export class TotpLastStep1795651100000 implements MigrationInterface {
  name = 'TotpLastStep1795651100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "totp_last_step" bigint`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "totp_last_step"`);
  }
}
