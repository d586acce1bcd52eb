import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `registry_csv_cell` (RegistryStats) was never used: the CSV exports quote their cells in
 * COPY … WITH (FORMAT csv) and defuse formulas in their SELECT. Dropped so that the schema holds
 * only what the code relies on; `down` puts it back as it was.
 */
export class DropRegistryCsvCell1795620200000 implements MigrationInterface {
  name = 'DropRegistryCsvCell1795620200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION registry_csv_cell(text)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE FUNCTION registry_csv_cell(v text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
              SELECT CASE
                WHEN v IS NULL THEN ''
                WHEN v ~ '^[=+@-]' THEN '"''' || replace(v, '"', '""') || '"'
                WHEN v ~ '[",\\r\\n]' THEN '"' || replace(v, '"', '""') || '"'
                ELSE v END
            $$
        `);
  }
}
