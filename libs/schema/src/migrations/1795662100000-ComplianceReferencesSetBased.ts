import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The compliance statuses and flags without row-by-row foreign keys (issue 20, profiled in
 * docs/scaling.md): a cold full recomputation inserts every status row, and each insert ran
 * three foreign-key checks (trainee, rule set, rule: a query and a row lock each), which took
 * two thirds of the run. The statuses are derived data, written only by the compliance engine
 * from existing trainees and rules in one set-based statement; it now validates what it wrote
 * set-based right after (ComplianceEngine), and these triggers keep what the foreign keys did
 * on the other side:
 * - deleting users deletes their statuses and flags (was ON DELETE CASCADE), after taking the
 *   engine's bucket locks of those trainees so a recomputation in flight cannot write them back;
 * - deleting a requirement rule or rule set that a status still names is refused (was
 *   RESTRICT, same constraint names in the error); the engine locks the rules it judges with
 *   (FOR KEY SHARE) for its transaction, so such a delete waits for it and then sees its rows.
 */
export class ComplianceReferencesSetBased1795662100000 implements MigrationInterface {
  name = 'ComplianceReferencesSetBased1795662100000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "compliance_statuses" DROP CONSTRAINT "fk_compliance_statuses_trainee"`);
    await q.query(`ALTER TABLE "compliance_statuses" DROP CONSTRAINT "fk_compliance_statuses_rule_set"`);
    await q.query(`ALTER TABLE "compliance_statuses" DROP CONSTRAINT "fk_compliance_statuses_rule"`);
    await q.query(`ALTER TABLE "compliance_flags" DROP CONSTRAINT "fk_compliance_flags_trainee"`);

    await q.query(`
      CREATE FUNCTION compliance_forget_deleted_users() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        bucket integer;
      BEGIN
        -- The compliance engine's bucket locks (namespace 74021631, bucket = first byte of the id), ascending.
        FOR bucket IN SELECT DISTINCT ('x' || substr(d.id::text, 1, 2))::bit(8)::int FROM deleted_users d ORDER BY 1 LOOP
          PERFORM pg_advisory_xact_lock(74021631, bucket);
        END LOOP;
        DELETE FROM compliance_flags f USING deleted_users d WHERE f.trainee_id = d.id;
        DELETE FROM compliance_statuses s USING deleted_users d WHERE s.trainee_id = d.id;
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER users_forget_compliance AFTER DELETE ON "users"
      REFERENCING OLD TABLE AS deleted_users FOR EACH STATEMENT EXECUTE FUNCTION compliance_forget_deleted_users()`);

    await q.query(`
      CREATE FUNCTION compliance_refuse_rule_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'requirement_rules' THEN
          IF EXISTS (SELECT 1 FROM compliance_statuses s JOIN deleted_rows d ON s.rule_id = d.id) THEN
            RAISE EXCEPTION 'requirement rule still judges compliance statuses'
              USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'fk_compliance_statuses_rule', TABLE = 'compliance_statuses';
          END IF;
        ELSIF EXISTS (SELECT 1 FROM compliance_statuses s JOIN deleted_rows d ON s.rule_set_id = d.id) THEN
          RAISE EXCEPTION 'requirement rule set still judges compliance statuses'
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'fk_compliance_statuses_rule_set', TABLE = 'compliance_statuses';
        END IF;
        RETURN NULL;
      END
      $$`);
    for (const table of ['requirement_rules', 'requirement_rule_sets']) {
      await q.query(`
        CREATE TRIGGER ${table}_restrict_compliance AFTER DELETE ON "${table}"
        REFERENCING OLD TABLE AS deleted_rows FOR EACH STATEMENT EXECUTE FUNCTION compliance_refuse_rule_delete()`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of ['requirement_rules', 'requirement_rule_sets'])
      await q.query(`DROP TRIGGER ${table}_restrict_compliance ON "${table}"`);
    await q.query(`DROP FUNCTION compliance_refuse_rule_delete()`);
    await q.query(`DROP TRIGGER users_forget_compliance ON "users"`);
    await q.query(`DROP FUNCTION compliance_forget_deleted_users()`);
    await q.query(`
      ALTER TABLE "compliance_flags" ADD CONSTRAINT "fk_compliance_flags_trainee"
      FOREIGN KEY ("trainee_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`
      ALTER TABLE "compliance_statuses" ADD CONSTRAINT "fk_compliance_statuses_rule"
      FOREIGN KEY ("rule_id") REFERENCES "requirement_rules"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`
      ALTER TABLE "compliance_statuses" ADD CONSTRAINT "fk_compliance_statuses_rule_set"
      FOREIGN KEY ("rule_set_id") REFERENCES "requirement_rule_sets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`
      ALTER TABLE "compliance_statuses" ADD CONSTRAINT "fk_compliance_statuses_trainee"
      FOREIGN KEY ("trainee_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }
}
