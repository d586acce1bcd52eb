import type { MigrationInterface, QueryRunner } from 'typeorm';

const SOURCES = ['enterprise_master_versions', 'cqo_appointments', 'cqo_flags', 'regions'];

/**
 * The as-of dashboard (issue 14's p99 < 200 ms): figures on a date are cached per process under
 * `registry_figures_epoch`, which statement triggers on every table the figures read bump in the
 * changing transaction (see RegistryFiguresEpochEntity). And a partial index for the few
 * appointments made by exception, which the figures ask the credit-hours evaluator about.
 */
export class RegistryFiguresEpoch1795650100000 implements MigrationInterface {
  name = 'RegistryFiguresEpoch1795650100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "registry_figures_epoch" (
                "id" smallint NOT NULL DEFAULT '1',
                "epoch" bigint NOT NULL DEFAULT '0',
                CONSTRAINT "ck_registry_figures_epoch_single" CHECK (id = 1),
                CONSTRAINT "PK_registry_figures_epoch" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`INSERT INTO "registry_figures_epoch" ("id", "epoch") VALUES (1, 0)`);
    await queryRunner.query(`
            CREATE FUNCTION registry_figures_changed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              UPDATE registry_figures_epoch SET epoch = epoch + 1 WHERE id = 1;
              RETURN NULL;
            END $$`);
    for (const table of SOURCES) {
      await queryRunner.query(`
                CREATE TRIGGER "tr_${table}_figures_epoch" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}"
                FOR EACH STATEMENT EXECUTE FUNCTION registry_figures_changed()`);
    }
    await queryRunner.query(`
            CREATE INDEX "ix_cqo_appointments_not_eligible" ON "cqo_appointments" ("appointed_on") WHERE NOT eligible
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_cqo_appointments_not_eligible"`);
    for (const table of SOURCES) await queryRunner.query(`DROP TRIGGER "tr_${table}_figures_epoch" ON "${table}"`);
    await queryRunner.query(`DROP FUNCTION registry_figures_changed()`);
    await queryRunner.query(`DROP TABLE "registry_figures_epoch"`);
  }
}
