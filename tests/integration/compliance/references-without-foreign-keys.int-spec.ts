import type { EntityManager } from 'typeorm';
import type { Harness } from './harness';
import { createHarness } from './harness';

/**
 * compliance_statuses and compliance_flags have no row-by-row foreign keys (they made the cold
 * full recomputation three times slower): what the keys did is still done. Deleting a user
 * deletes their statuses and flags, after waiting for a recomputation of their bucket; deleting a
 * rule or rule set that a status names is refused; and a recomputation locks the rules it judges
 * with, so a delete of one waits for it and is then refused (no status can name a deleted rule).
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

  it('makes a rule delete wait for a recomputation that judged with the rule, and then refuses it', async () => {
    const trainee = await h.trainee({ optIn: true });
    await h.engine.recomputeTrainee(trainee);
    const [{ rule_set_id: ruleSetId }] = await h.db.query(`SELECT rule_set_id FROM compliance_statuses WHERE trainee_id = $1 LIMIT 1`, [
      trainee,
    ]);
    // A rule just added to the governing set: no status names it yet, so alone its delete would pass.
    const [{ id: added }] = await h.db.query(
      `INSERT INTO requirement_rules (rule_set_id, code, name, category, kind, min_hours, period, applies_to)
       VALUES ($1, 'added-rule', '新增规则', 2, 'continuing', 1, 'calendar_year', 'serving_and_opted_in') RETURNING id`,
      [ruleSetId],
    );
    const engine = h.engine as unknown as {
      run(manager: EntityManager, lo: string, hi: string, year: number, includeOnce: boolean, now: Date): Promise<unknown>;
    };
    const holder = h.db.createQueryRunner();
    try {
      // A recomputation judges the trainee with it and has not committed yet.
      await holder.connect();
      await holder.startTransaction();
      await engine.run(holder.manager, trainee, trainee, 2026, true, h.clock.now());
      let settled = false;
      const deleting = errorOf('DELETE FROM requirement_rules WHERE id = $1', [added]).finally(() => (settled = true));
      // The delete waits for the recomputation's lock on the rule (seen in pg_stat_activity, not by sleeping).
      for (;;) {
        const waiting: unknown[] = await h.db.query(
          `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'DELETE FROM requirement_rules%'`,
        );
        if (waiting.length > 0 || settled) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(settled).toBe(false);
      await holder.commitTransaction();
      // Then it sees the status naming the rule and is refused.
      expect(await deleting).toEqual({ code: '23503', constraint: 'fk_compliance_statuses_rule' });
      expect(
        await h.db.query(`SELECT state FROM compliance_statuses WHERE trainee_id = $1 AND rule_id = $2`, [trainee, added]),
      ).toHaveLength(1);
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
      await h.db.query('DELETE FROM compliance_statuses WHERE rule_id = $1', [added]);
      await h.db.query('DELETE FROM requirement_rules WHERE id = $1', [added]);
    }
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
