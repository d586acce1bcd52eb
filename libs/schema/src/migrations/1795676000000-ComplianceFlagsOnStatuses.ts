import type { MigrationInterface, QueryRunner } from 'typeorm';

const FLAGGED = `state IN ('at_risk', 'shortfall')`;

/**
 * Issue 20: a cold full recomputation (the first run of a year) spent most of its time writing,
 * not judging. Per chunk of 12,000 trainees the judgement took about 60 ms, the 36,000 status
 * rows about 110 ms, their (period, requirement, state) index about 100 ms more (low-cardinality
 * keys: every insert lands in a few long runs of duplicates that the B-tree keeps deduplicating),
 * and the 14,000 open flags, each a second row with a random uuid key and four indexes, about
 * 150 ms (bench:compliance, docs/scaling.md).
 *
 * - An open flag is a property of its status row: `flag_raised_at` and `flag_raised_state` are
 *   set exactly while the state is at risk or short (a check says so), and keep the time and the
 *   state it was raised with while it stays open. The engine writes them in the status row's own
 *   insert or update.
 * - `compliance_flag_history` keeps the cleared flags (the engine appends one when a flag
 *   clears), so a trainee's history of shortfalls is still whole; the `compliance_flags` view
 *   reads the open flags and the cleared ones together, in the old table's columns.
 * - The (period, requirement, state) index goes. Status reads go by trainee (the primary key);
 *   the reads of everyone at risk or short in a year (reminders, shortfall lists) use a partial
 *   index of the flagged rows in trainee order, which a chunk's inserts append to in order.
 */
export class ComplianceFlagsOnStatuses1795676000000 implements MigrationInterface {
  name = 'ComplianceFlagsOnStatuses1795676000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "compliance_statuses" ADD "flag_raised_at" TIMESTAMP WITH TIME ZONE, ADD "flag_raised_state" text`);
    // The open flags move onto their status rows. An open flag always has one (the engine kept
    // them together); one that somehow has not is closed below, as the engine would close it.
    await q.query(`
      UPDATE compliance_statuses s SET flag_raised_at = f.raised_at, flag_raised_state = f.raised_state
        FROM compliance_flags f
       WHERE f.cleared_at IS NULL AND f.trainee_id = s.trainee_id AND f.requirement = s.requirement
         AND f.period_year = s.period_year AND s.${FLAGGED}`);
    await q.query(`
      UPDATE compliance_flags f
         SET cleared_at = now(),
             cleared_state = COALESCE((SELECT s.state FROM compliance_statuses s
                                        WHERE s.trainee_id = f.trainee_id AND s.requirement = f.requirement AND s.period_year = f.period_year),
                                      'not_applicable')
       WHERE f.cleared_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM compliance_statuses s
                          WHERE s.trainee_id = f.trainee_id AND s.requirement = f.requirement AND s.period_year = f.period_year
                            AND s.flag_raised_at IS NOT NULL)`);
    // A flagged status without an open flag (none should exist) gets one raised now.
    await q.query(
      `UPDATE compliance_statuses SET flag_raised_at = now(), flag_raised_state = state WHERE ${FLAGGED} AND flag_raised_at IS NULL`,
    );
    await q.query(`DELETE FROM compliance_flags WHERE cleared_at IS NULL`);
    await q.query(`
      ALTER TABLE "compliance_statuses" ADD CONSTRAINT "ck_compliance_statuses_flag"
      CHECK ((flag_raised_at IS NOT NULL) = (${FLAGGED}) AND (flag_raised_state IS NOT NULL) = (flag_raised_at IS NOT NULL))`);
    await q.query(`DROP INDEX "ix_compliance_statuses_period_requirement_state"`);
    await q.query(
      `CREATE INDEX "ix_compliance_statuses_flagged" ON "compliance_statuses" ("period_year", "trainee_id") WHERE flag_raised_at IS NOT NULL`,
    );

    await q.query(`DROP INDEX "ux_compliance_flags_open"`);
    await q.query(`DROP INDEX "ix_compliance_flags_open_period"`);
    await q.query(`ALTER TABLE "compliance_flags" RENAME TO "compliance_flag_history"`);
    await q.query(
      `ALTER TABLE "compliance_flag_history" RENAME CONSTRAINT "PK_b98724794a99f0b76a0804127c1" TO "pk_compliance_flag_history"`,
    );
    await q.query(`ALTER INDEX "ix_compliance_flags_trainee_raised_at" RENAME TO "ix_compliance_flag_history_trainee_raised_at"`);
    await q.query(`ALTER TABLE "compliance_flag_history" ALTER "cleared_at" SET NOT NULL, ALTER "cleared_state" SET NOT NULL`);
    await q.query(`
      CREATE VIEW compliance_flags AS
      SELECT s.trainee_id, s.requirement, s.period_year, s.state, s.flag_raised_state AS raised_state, s.flag_raised_at AS raised_at,
             NULL::timestamptz AS cleared_at, NULL::text AS cleared_state
        FROM compliance_statuses s WHERE s.flag_raised_at IS NOT NULL
      UNION ALL
      SELECT h.trainee_id, h.requirement, h.period_year, h.state, h.raised_state, h.raised_at, h.cleared_at, h.cleared_state
        FROM compliance_flag_history h`);
    await this.forgetDeletedUsers(q, 'compliance_flag_history');
  }

  public async down(q: QueryRunner): Promise<void> {
    await this.forgetDeletedUsers(q, 'compliance_flags');
    await q.query(`DROP VIEW compliance_flags`);
    await q.query(`ALTER TABLE "compliance_flag_history" ALTER "cleared_at" DROP NOT NULL, ALTER "cleared_state" DROP NOT NULL`);
    await q.query(`ALTER INDEX "ix_compliance_flag_history_trainee_raised_at" RENAME TO "ix_compliance_flags_trainee_raised_at"`);
    await q.query(
      `ALTER TABLE "compliance_flag_history" RENAME CONSTRAINT "pk_compliance_flag_history" TO "PK_b98724794a99f0b76a0804127c1"`,
    );
    await q.query(`ALTER TABLE "compliance_flag_history" RENAME TO "compliance_flags"`);
    await q.query(`
      INSERT INTO compliance_flags (trainee_id, requirement, period_year, state, raised_state, raised_at)
      SELECT trainee_id, requirement, period_year, state, flag_raised_state, flag_raised_at FROM compliance_statuses WHERE flag_raised_at IS NOT NULL`);
    await q.query(`
      CREATE UNIQUE INDEX "ux_compliance_flags_open" ON "compliance_flags" ("trainee_id", "requirement", "period_year") WHERE cleared_at IS NULL`);
    await q.query(
      `CREATE INDEX "ix_compliance_flags_open_period" ON "compliance_flags" ("period_year", "trainee_id") WHERE cleared_at IS NULL`,
    );
    await q.query(`DROP INDEX "ix_compliance_statuses_flagged"`);
    await q.query(
      `CREATE INDEX "ix_compliance_statuses_period_requirement_state" ON "compliance_statuses" ("period_year", "requirement", "state")`,
    );
    await q.query(`ALTER TABLE "compliance_statuses" DROP CONSTRAINT "ck_compliance_statuses_flag"`);
    await q.query(`ALTER TABLE "compliance_statuses" DROP COLUMN "flag_raised_state", DROP COLUMN "flag_raised_at"`);
  }

  /** The users trigger of migration ComplianceReferencesSetBased, deleting from `flags` (the history, or before it the flags). */
  private async forgetDeletedUsers(q: QueryRunner, flags: string): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION compliance_forget_deleted_users() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        bucket integer;
      BEGIN
        -- The compliance engine's bucket locks (namespace 74021631, bucket = first byte of the id), ascending:
        -- a recomputation in flight commits first, and its rows are deleted below.
        FOR bucket IN SELECT DISTINCT ('x' || substr(d.id::text, 1, 2))::bit(8)::int FROM deleted_users d ORDER BY 1 LOOP
          PERFORM pg_advisory_xact_lock(74021631, bucket);
        END LOOP;
        DELETE FROM ${flags} f USING deleted_users d WHERE f.trainee_id = d.id;
        DELETE FROM compliance_statuses s USING deleted_users d WHERE s.trainee_id = d.id;
        RETURN NULL;
      END
      $$`);
  }
}
