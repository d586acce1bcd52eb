import type { Harness } from './harness';
import { createHarness } from './harness';

/**
 * compliance_statuses and compliance_flags have no row-by-row foreign keys (they made the cold
 * full recomputation three times slower): what the keys did is still done. Deleting a user
 * deletes their statuses and flags, after waiting for a recomputation of their bucket; deleting a
 * rule or rule set that a status names is refused; and the engine's check after a write refuses
 * rows naming a rule that no longer exists.
 */
describe('compliance statuses without row-by-row foreign keys', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness('2026-09-01T02:00:00Z');
  });
  afterAll(() => h.close());

  const count = async (table: string, traineeId: string): Promise<number> =>
    (await h.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE trainee_id = $1`, [traineeId]))[0].n;
  const errorOf = (sql: string, params: unknown[] = []) =>
    h.db.query(sql, params).then(
      () => undefined,
      (error: { code?: string; constraint?: string }) => ({ code: error.code, constraint: error.constraint }),
    );

  it('deletes a deleted user’s statuses and flags, once a recomputation of their bucket has committed', async () => {
    const trainee = await h.trainee({ optIn: true });
    await h.engine.recomputeTrainee(trainee);
    expect(await count('compliance_statuses', trainee)).toBe(3);
    expect(await count('compliance_flags', trainee)).toBeGreaterThan(0);

    // A recomputation of the trainee's bucket is in flight (it holds the bucket's lock).
    const holder = h.db.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query('SELECT pg_advisory_xact_lock(74021631, $1)', [parseInt(trainee.slice(0, 2), 16)]);
    const deleting = h.db.transaction(async (manager) => {
      await manager.query('DELETE FROM trainee_profiles WHERE user_id = $1', [trainee]);
      await manager.query('DELETE FROM users WHERE id = $1', [trainee]);
    });
    // The delete waits for that lock (observed in pg_stat_activity, not by sleeping)...
    for (;;) {
      const waiting: unknown[] = await h.db.query(
        `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory' AND query LIKE 'DELETE FROM users%'`,
      );
      if (waiting.length > 0) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await count('compliance_statuses', trainee)).toBe(3);
    await holder.commitTransaction();
    await holder.release();
    // ...and then removes what the user had, as ON DELETE CASCADE did.
    await deleting;
    expect(await count('compliance_statuses', trainee)).toBe(0);
    expect(await count('compliance_flags', trainee)).toBe(0);
  });

  it('refuses deleting a rule or a rule set that statuses name, and allows one that none names', async () => {
    const trainee = await h.trainee({ optIn: true });
    await h.engine.recomputeTrainee(trainee);
    const [{ rule_id: ruleId, rule_set_id: ruleSetId }] = await h.db.query(
      `SELECT rule_id, rule_set_id FROM compliance_statuses WHERE trainee_id = $1 AND requirement = 'continuing'`,
      [trainee],
    );
    expect(await errorOf('DELETE FROM requirement_rules WHERE id = $1', [ruleId])).toEqual({
      code: '23503',
      constraint: 'fk_compliance_statuses_rule',
    });
    // The rule set's delete cascades to its rules: refused as well, whichever check speaks first.
    expect(await errorOf('DELETE FROM requirement_rule_sets WHERE id = $1', [ruleSetId])).toEqual({
      code: '23503',
      constraint: expect.stringMatching(/^fk_compliance_statuses_rule(_set)?$/),
    });
    expect(await count('compliance_statuses', trainee)).toBe(3);

    const [{ id: unused }] = await h.db.query(
      `INSERT INTO requirement_rules (rule_set_id, code, name, category, kind, min_hours, period, applies_to)
       VALUES ($1, 'unused-rule', '未使用的规则', 2, 'continuing', 1, 'calendar_year', 'serving_and_opted_in') RETURNING id`,
      [ruleSetId],
    );
    expect(await errorOf('DELETE FROM requirement_rules WHERE id = $1', [unused])).toBeUndefined();
  });

  it('refuses, after the write, status rows naming a rule that no longer exists', async () => {
    const engine = h.engine as unknown as { validateRules(manager: unknown, ruleIds: string[]): Promise<void> };
    const trainee = await h.trainee({ optIn: true });
    await h.engine.recomputeTrainee(trainee);
    const rules: { rule_id: string }[] = await h.db.query(`SELECT rule_id FROM compliance_statuses WHERE trainee_id = $1`, [trainee]);
    expect(rules).toHaveLength(3);
    const check = (ruleIds: string[]) => h.db.transaction((manager) => engine.validateRules(manager, ruleIds));
    // What the engine writes passes.
    await expect(check(rules.map((r) => r.rule_id))).resolves.toBeUndefined();
    // A rule that does not exist (published and deleted again while the chunk ran).
    await expect(check([rules[0].rule_id, '00000000-0000-4000-8000-000000000000'])).rejects.toThrow(/naming 1 missing rule/);
  });

  it('writes no row for a trainee deleted while a full recomputation waited for their bucket', async () => {
    const trainee = await h.trainee({ optIn: true });
    // The delete holds the bucket (its trigger took the lock) when the recomputation starts.
    const deleter = h.db.createQueryRunner();
    await deleter.connect();
    await deleter.startTransaction();
    await deleter.query('DELETE FROM trainee_profiles WHERE user_id = $1', [trainee]);
    await deleter.query('DELETE FROM users WHERE id = $1', [trainee]);
    const recompute = h.engine.recomputeAll({ year: 2026, concurrency: 1 });
    for (;;) {
      const waiting: unknown[] = await h.db.query(
        `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'
            AND query LIKE 'SELECT pg_advisory_xact_lock($1, b)%'`,
      );
      if (waiting.length > 0) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    await deleter.commitTransaction();
    await deleter.release();
    await recompute;
    expect(await count('compliance_statuses', trainee)).toBe(0);
    expect(await count('compliance_flags', trainee)).toBe(0);
  });
});
