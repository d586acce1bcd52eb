import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 20: the regulator's enterprise list (ordered by region path, then name) reads a page region
 * by region from this index instead of sorting every enterprise of the province for each page.
 */
export class EnterpriseListIndex1795663100000 implements MigrationInterface {
  name = 'EnterpriseListIndex1795663100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "ix_enterprises_region_id_name_id" ON "enterprises" ("region_id", "name", "id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_enterprises_region_id_name_id"`);
  }
}
