import type { Harness } from './harness';
import { createHarness } from './harness';

/**
 * compliance_statuses and compliance_flags have no row-by-row foreign keys (they made the cold
 * full recomputation three times slower): what the keys did is still done. Deleting a user
 * deletes their statuses and flags, after waiting for a recomputation of their bucket; deleting a
 * rule or rule set that a status names is refused; and the engine's set-based check after a
 * write refuses rows naming a missing trainee or rule.
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

  it('refuses, set-based after the write, status rows naming a missing trainee or a rule of another set', async () => {
    const engine = h.engine as unknown as { validateWritten(manager: unknown, lo: string, hi: string, now: Date): Promise<void> };
    const trainee = await h.trainee({ optIn: true });
    await h.engine.recomputeTrainee(trainee);
    const written = new Date('2026-09-01T03:00:00Z');
    const [{ rule_id: ruleId }] = await h.db.query(`SELECT rule_id FROM compliance_statuses WHERE trainee_id = $1 LIMIT 1`, [trainee]);
    const check = (sql: string, params: unknown[]) =>
      h.db.transaction(async (manager) => {
        await manager.query(sql, params);
        await engine.validateWritten(manager, '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', written);
      });
    // What the engine writes passes.
    await expect(
      check(`UPDATE compliance_statuses SET updated_at = $2 WHERE trainee_id = $1`, [trainee, written]),
    ).resolves.toBeUndefined();
    // A trainee that does not exist.
    await expect(
      check(
        `INSERT INTO compliance_statuses (trainee_id, requirement, period_year, rule_set_id, rule_id, required, accrued, shortfall, state, updated_at)
         SELECT gen_random_uuid(), requirement, period_year, rule_set_id, rule_id, required, accrued, shortfall, state, $2
           FROM compliance_statuses WHERE trainee_id = $1 LIMIT 1`,
        [trainee, written],
      ),
    ).rejects.toThrow(/missing trainee or rule/);
    // A rule set that is not the rule's.
    await expect(
      check(`UPDATE compliance_statuses SET rule_set_id = gen_random_uuid(), updated_at = $2 WHERE trainee_id = $1 AND rule_id = $3`, [
        trainee,
        written,
        ruleId,
      ]),
    ).rejects.toThrow(/missing trainee or rule/);
  });
});
