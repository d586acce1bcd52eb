import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The credit-hour ledger partitioned by year (docs/scaling.md), on a database that already holds
 * entries: a partitioned `credit_entries` is created beside the old one, with one partition per
 * year present, the current and next year (CST), and a default partition; every row is copied,
 * the counts compared, the old table dropped and the new one renamed into its place, in the
 * migration's transaction.
 *
 * Keys. A unique key of a partitioned table must hold the partition key, so:
 * - the primary key is `(id, year)`, and the three foreign keys to an entry carry its year
 *   (`credit_audit_log.entry_year` and `external_hour_claims.credit_entry_year` are new and
 *   filled from the entry; a reversal uses its own `year`, which is the reversed entry's);
 * - `reverses_entry_id` is unique per year, which is unique: the foreign key on
 *   `(reverses_entry_id, year)` puts a reversal in its entry's year;
 * - the accrual key, the exactly-once of accrual, is unique across years in the new unpartitioned
 *   `credit_accrual_keys` (filled from the existing entries), written in the same statement as
 *   the entry; `(accrual_key, year)` stays unique on the ledger too.
 *
 * `credit_entries_ensure_partition(year)` creates a year's partition (the ledger calls it before
 * the first entry of a year it has not seen, a daily job for the current and next year); it
 * leaves a year whose rows are already in the default partition there.
 */
export class PartitionLedgerByYear1795662000000 implements MigrationInterface {
  name = 'PartitionLedgerByYear1795662000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "credit_audit_log" DROP CONSTRAINT "fk_credit_audit_log_entry"`);
    await q.query(`ALTER TABLE "external_hour_claims" DROP CONSTRAINT "fk_external_hour_claims_credit_entry"`);
    await q.query(`ALTER TABLE "credit_entries" DROP CONSTRAINT "fk_credit_entries_reverses_entry"`);

    await q.query(`
      CREATE TABLE "credit_entries_partitioned" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "trainee_id" uuid NOT NULL,
        "category" smallint NOT NULL,
        "kind" text NOT NULL,
        "hours" numeric(7, 2) NOT NULL,
        "year" smallint NOT NULL,
        "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "source" text NOT NULL,
        "course_id" uuid,
        "course_version_id" uuid,
        "enrollment_id" uuid,
        "evidence_ref" text,
        "accrual_key" text,
        "reverses_entry_id" uuid,
        "reason" text,
        "recorded_by" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "ck_credit_entries_sign" CHECK (
          hours <> 0 AND (source = 'reversal') = (hours < 0) AND (source = 'reversal') = (reverses_entry_id IS NOT NULL)
        ),
        CONSTRAINT "ck_credit_entries_source" CHECK (
          source IN ('course_completion', 'in_person', 'manual_adjustment', 'external_claim', 'reversal')
        ),
        CONSTRAINT "ck_credit_entries_kind" CHECK (kind IN ('appointment', 'continuing') AND (category = 1 OR kind = 'continuing')),
        CONSTRAINT "ck_credit_entries_category" CHECK (category IN (1, 2))
      ) PARTITION BY RANGE ("year")
    `);
    const years: { year: number }[] = await q.query(`
      SELECT DISTINCT year::int AS year FROM credit_entries
      UNION SELECT extract(year FROM now() AT TIME ZONE 'Asia/Shanghai')::int
      UNION SELECT extract(year FROM now() AT TIME ZONE 'Asia/Shanghai')::int + 1
      ORDER BY 1`);
    for (const { year } of years) {
      await q.query(
        `CREATE TABLE "credit_entries_y${year}" PARTITION OF "credit_entries_partitioned" FOR VALUES FROM (${year}) TO (${year + 1})`,
      );
    }
    await q.query(`CREATE TABLE "credit_entries_default" PARTITION OF "credit_entries_partitioned" DEFAULT`);

    await q.query(`INSERT INTO "credit_entries_partitioned" SELECT ${COLUMNS} FROM "credit_entries"`);
    await q.query(`
      DO $$
      BEGIN
        IF (SELECT count(*) FROM credit_entries) <> (SELECT count(*) FROM credit_entries_partitioned) THEN
          RAISE EXCEPTION 'credit_entries: rows lost while partitioning';
        END IF;
      END
      $$`);
    await q.query(`DROP TABLE "credit_entries"`);
    await q.query(`ALTER TABLE "credit_entries_partitioned" RENAME TO "credit_entries"`);

    await q.query(`ALTER TABLE "credit_entries" ADD CONSTRAINT "pk_credit_entries" PRIMARY KEY ("id", "year")`);
    await q.query(`CREATE UNIQUE INDEX "ux_credit_entries_accrual_key" ON "credit_entries" ("accrual_key", "year")`);
    await q.query(`CREATE UNIQUE INDEX "ux_credit_entries_reverses_entry_id" ON "credit_entries" ("reverses_entry_id", "year")`);
    await q.query(`CREATE INDEX "ix_credit_entries_trainee_year" ON "credit_entries" ("trainee_id", "year", "category", "kind", "hours")`);
    await q.query(`
      ALTER TABLE "credit_entries" ADD CONSTRAINT "fk_credit_entries_trainee"
      FOREIGN KEY ("trainee_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`
      ALTER TABLE "credit_entries" ADD CONSTRAINT "fk_credit_entries_recorded_by"
      FOREIGN KEY ("recorded_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`
      ALTER TABLE "credit_entries" ADD CONSTRAINT "fk_credit_entries_reverses_entry"
      FOREIGN KEY ("reverses_entry_id", "year") REFERENCES "credit_entries"("id", "year") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await appendOnly(q, 'credit_entries');

    // Exactly-once across years.
    await q.query(`
      CREATE TABLE "credit_accrual_keys" (
        "accrual_key" text NOT NULL,
        "entry_id" uuid NOT NULL,
        "year" smallint NOT NULL,
        CONSTRAINT "pk_credit_accrual_keys" PRIMARY KEY ("accrual_key")
      )`);
    await q.query(
      `INSERT INTO "credit_accrual_keys" (accrual_key, entry_id, year) SELECT accrual_key, id, year FROM credit_entries WHERE accrual_key IS NOT NULL`,
    );
    await q.query(`
      ALTER TABLE "credit_accrual_keys" ADD CONSTRAINT "fk_credit_accrual_keys_entry"
      FOREIGN KEY ("entry_id", "year") REFERENCES "credit_entries"("id", "year") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await appendOnly(q, 'credit_accrual_keys');

    // What points at an entry carries its year. The audit log is append-only: filling the new
    // column is the one write its guard lets through, here.
    await q.query(`ALTER TABLE "credit_audit_log" ADD "entry_year" smallint`);
    await q.query(`ALTER TABLE "credit_audit_log" DISABLE TRIGGER "credit_audit_log_append_only"`);
    await q.query(`UPDATE "credit_audit_log" a SET entry_year = e.year FROM credit_entries e WHERE e.id = a.entry_id`);
    await q.query(`ALTER TABLE "credit_audit_log" ENABLE TRIGGER "credit_audit_log_append_only"`);
    await q.query(`ALTER TABLE "credit_audit_log" ALTER COLUMN "entry_year" SET NOT NULL`);
    await q.query(`
      ALTER TABLE "credit_audit_log" ADD CONSTRAINT "fk_credit_audit_log_entry"
      FOREIGN KEY ("entry_id", "entry_year") REFERENCES "credit_entries"("id", "year") ON DELETE RESTRICT ON UPDATE NO ACTION`);

    await q.query(`ALTER TABLE "external_hour_claims" ADD "credit_entry_year" smallint`);
    await q.query(`UPDATE "external_hour_claims" c SET credit_entry_year = e.year FROM credit_entries e WHERE e.id = c.credit_entry_id`);
    await q.query(`
      ALTER TABLE "external_hour_claims" ADD CONSTRAINT "ck_external_hour_claims_credit_entry_year"
      CHECK ((credit_entry_id IS NULL) = (credit_entry_year IS NULL))`);
    await q.query(`
      ALTER TABLE "external_hour_claims" ADD CONSTRAINT "fk_external_hour_claims_credit_entry"
      FOREIGN KEY ("credit_entry_id", "credit_entry_year") REFERENCES "credit_entries"("id", "year") ON DELETE RESTRICT ON UPDATE NO ACTION`);

    await q.query(`
      CREATE FUNCTION credit_entries_ensure_partition(target integer) RETURNS boolean LANGUAGE plpgsql AS $$
      DECLARE
        part text := 'credit_entries_y' || target;
      BEGIN
        IF to_regclass(format('public.%I', part)) IS NOT NULL THEN
          RETURN false;
        END IF;
        -- One creator at a time; the second finds the partition the first made.
        PERFORM pg_advisory_xact_lock(hashtext('credit_entries_ensure_partition'));
        IF to_regclass(format('public.%I', part)) IS NOT NULL THEN
          RETURN false;
        END IF;
        -- Rows of that year already in the default partition stay there (moving them would need
        -- a delete, which the ledger refuses); reads are the same either way.
        IF EXISTS (SELECT 1 FROM credit_entries_default WHERE year = target) THEN
          RETURN false;
        END IF;
        EXECUTE format('CREATE TABLE public.%I PARTITION OF credit_entries FOR VALUES FROM (%s) TO (%s)', part, target, target + 1);
        RETURN true;
      EXCEPTION WHEN duplicate_table THEN
        RETURN false;
      END
      $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION credit_entries_ensure_partition(integer)`);
    await q.query(`ALTER TABLE "external_hour_claims" DROP CONSTRAINT "fk_external_hour_claims_credit_entry"`);
    await q.query(`ALTER TABLE "external_hour_claims" DROP CONSTRAINT "ck_external_hour_claims_credit_entry_year"`);
    await q.query(`ALTER TABLE "external_hour_claims" DROP COLUMN "credit_entry_year"`);
    await q.query(`ALTER TABLE "credit_audit_log" DROP CONSTRAINT "fk_credit_audit_log_entry"`);
    await q.query(`ALTER TABLE "credit_audit_log" DROP COLUMN "entry_year"`);
    await q.query(`DROP TABLE "credit_accrual_keys"`);
    await q.query(`ALTER TABLE "credit_entries" DROP CONSTRAINT "fk_credit_entries_reverses_entry"`);

    await q.query(`
      CREATE TABLE "credit_entries_plain" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "trainee_id" uuid NOT NULL,
        "category" smallint NOT NULL,
        "kind" text NOT NULL,
        "hours" numeric(7, 2) NOT NULL,
        "year" smallint NOT NULL,
        "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "source" text NOT NULL,
        "course_id" uuid,
        "course_version_id" uuid,
        "enrollment_id" uuid,
        "evidence_ref" text,
        "accrual_key" text,
        "reverses_entry_id" uuid,
        "reason" text,
        "recorded_by" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "ck_credit_entries_sign" CHECK (
          hours <> 0 AND (source = 'reversal') = (hours < 0) AND (source = 'reversal') = (reverses_entry_id IS NOT NULL)
        ),
        CONSTRAINT "ck_credit_entries_source" CHECK (
          source IN ('course_completion', 'in_person', 'manual_adjustment', 'external_claim', 'reversal')
        ),
        CONSTRAINT "ck_credit_entries_kind" CHECK (kind IN ('appointment', 'continuing') AND (category = 1 OR kind = 'continuing')),
        CONSTRAINT "ck_credit_entries_category" CHECK (category IN (1, 2))
      )`);
    await q.query(`INSERT INTO "credit_entries_plain" SELECT ${COLUMNS} FROM "credit_entries"`);
    await q.query(`DROP TABLE "credit_entries"`);
    await q.query(`ALTER TABLE "credit_entries_plain" RENAME TO "credit_entries"`);
    await q.query(`ALTER TABLE "credit_entries" ADD CONSTRAINT "PK_a1974466f4738c102e78f457632" PRIMARY KEY ("id")`);
    await q.query(`CREATE UNIQUE INDEX "ux_credit_entries_accrual_key" ON "credit_entries" ("accrual_key")`);
    await q.query(`CREATE UNIQUE INDEX "ux_credit_entries_reverses_entry_id" ON "credit_entries" ("reverses_entry_id")`);
    await q.query(`CREATE INDEX "ix_credit_entries_trainee_year" ON "credit_entries" ("trainee_id", "year", "category", "kind", "hours")`);
    await q.query(`
      ALTER TABLE "credit_entries" ADD CONSTRAINT "fk_credit_entries_trainee"
      FOREIGN KEY ("trainee_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`
      ALTER TABLE "credit_entries" ADD CONSTRAINT "fk_credit_entries_reverses_entry"
      FOREIGN KEY ("reverses_entry_id") REFERENCES "credit_entries"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`
      ALTER TABLE "credit_entries" ADD CONSTRAINT "fk_credit_entries_recorded_by"
      FOREIGN KEY ("recorded_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await appendOnly(q, 'credit_entries');
    await q.query(`
      ALTER TABLE "credit_audit_log" ADD CONSTRAINT "fk_credit_audit_log_entry"
      FOREIGN KEY ("entry_id") REFERENCES "credit_entries"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`
      ALTER TABLE "external_hour_claims" ADD CONSTRAINT "fk_external_hour_claims_credit_entry"
      FOREIGN KEY ("credit_entry_id") REFERENCES "credit_entries"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }
}

const COLUMNS = `id, trainee_id, category, kind, hours, year, occurred_at, source, course_id, course_version_id,
  enrollment_id, evidence_ref, accrual_key, reverses_entry_id, reason, recorded_by, created_at`;

/** The ledger's guard (refuse_ledger_change, from the ledger's first migration) on a table. */
async function appendOnly(q: QueryRunner, table: string): Promise<void> {
  await q.query(`
    CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON "${table}"
    FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change()`);
  await q.query(`
    CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON "${table}"
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_ledger_change()`);
}
