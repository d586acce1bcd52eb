import { DataSource } from 'typeorm';
import { buildDataSourceOptions, loadConfig, OutboxWriter, SystemClock } from '@cqo/core';
import { AccrualService, LedgerService } from '@cqo/credit-hours';
import { ALL_ENTITIES } from '@cqo/schema';
import type { TestContext } from '@cqo/testing';
import { createTestContext } from '@cqo/testing';
import { OutboxPruner } from '../../apps/worker/src/outbox/outbox-pruner';
import { maintenanceSchedules } from '../../apps/worker/src/schedulers/maintenance.scheduler';

/**
 * The outbox's retention: events relayed longer ago than `OUTBOX_RETENTION_DAYS` are deleted in
 * batches, and nothing else — not an event still waiting for the relay however old, not a
 * recent one, not a completion the accrual reconciliation has not yet passed. A second pass, or
 * two at once, deletes nothing more.
 */
describe('outbox pruning', () => {
  let ctx: TestContext;
  let db: DataSource;
  let pruner: OutboxPruner;

  beforeAll(async () => {
    ctx = await createTestContext({ OUTBOX_RETENTION_DAYS: '30' });
    db = await new DataSource(buildDataSourceOptions(ctx.config.databaseUrl, ALL_ENTITIES, [])).initialize();
    pruner = new OutboxPruner(db, new AccrualService(db, new LedgerService(new OutboxWriter())), ctx.config, new SystemClock());
  });
  afterAll(async () => {
    await db?.destroy();
    await ctx.dispose();
  });

  /** Events in id order; ages in days (null: never relayed). */
  const insert = async (type: string, count: number, createdDaysAgo: number, relayedDaysAgo: number | null): Promise<string[]> => {
    const rows: { id: string }[] = await db.query(
      `INSERT INTO outbox_events (type, payload, created_at, relayed_at, relay_attempts)
       SELECT $1, jsonb_build_object('n', g), now() - make_interval(days => $3), now() - make_interval(days => $4), CASE WHEN $4::int IS NULL THEN 0 ELSE 1 END
         FROM generate_series(1, $2::int) g ORDER BY g RETURNING id`,
      [type, count, createdDaysAgo, relayedDaysAgo],
    );
    return rows.map((r) => r.id);
  };
  const remaining = async (): Promise<{ type: string; n: number }[]> =>
    db.query(`SELECT type, count(*)::int AS n FROM outbox_events GROUP BY type ORDER BY type`);

  it('is scheduled every night', () => {
    expect(maintenanceSchedules('Asia/Shanghai')).toContainEqual({
      id: 'maintenance.prune-outbox.daily',
      job: 'maintenance.prune-outbox',
      repeat: { pattern: '50 2 * * *', tz: 'Asia/Shanghai' },
    });
  });

  it('deletes relayed events past the retention in batches and keeps the rest', async () => {
    await db.query('DELETE FROM outbox_events');
    await insert('user.registered', 23, 90, 90); // old and relayed: go
    const [, , reconciledUpTo] = await insert('course.completed', 5, 80, 80); // old completions: the first three are reconciled
    await db.query(
      `INSERT INTO credit_ledger_cursors (name, position) VALUES ('course.completed', $1) ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position`,
      [reconciledUpTo],
    );
    await insert('credit.accrued', 4, 60, null); // old but never relayed: kept for the relay
    await insert('credit.accrued', 6, 45, 31); // relayed 31 days ago: go
    await insert('credit.accrued', 7, 29, 29); // relayed within the retention: kept
    await insert('exam.submitted', 3, 0, 0); // today: kept

    const result = await pruner.prune({ batch: 4 });
    expect(result.deleted).toBe(23 + 3 + 6);
    // Several batches, and it stopped at the first one reaching the young events.
    expect(result.batches).toBeGreaterThan(8);
    expect(result.batches).toBeLessThanOrEqual(Math.ceil((23 + 5 + 4 + 6 + 7) / 4));
    expect(await remaining()).toEqual([
      { type: 'course.completed', n: 2 },
      { type: 'credit.accrued', n: 4 + 7 },
      { type: 'exam.submitted', n: 3 },
    ]);
    const kept: { id: string }[] = await db.query(`SELECT id::text FROM outbox_events WHERE type = 'course.completed' ORDER BY id`);
    expect(kept.every((k) => BigInt(k.id) > BigInt(reconciledUpTo))).toBe(true);

    // Again: nothing more to do.
    expect((await pruner.prune({ batch: 4 })).deleted).toBe(0);
    expect(await remaining()).toHaveLength(3);
  });

  it('deletes each row once when two workers prune at once', async () => {
    await db.query('DELETE FROM outbox_events');
    await insert('user.registered', 300, 40, 40);
    await insert('user.registered', 10, 1, 1);
    const results = await Promise.all([pruner.prune({ batch: 25 }), pruner.prune({ batch: 25 })]);
    expect(results[0].deleted + results[1].deleted).toBe(300);
    expect(await remaining()).toEqual([{ type: 'user.registered', n: 10 }]);
  });

  it('refuses a retention under one day at start', () => {
    expect(createTestContextConfig({ OUTBOX_RETENTION_DAYS: '1' })).toMatchObject({ outboxRetentionDays: 1 });
    expect(createTestContextConfig({})).toMatchObject({ outboxRetentionDays: 30 });
    expect(() => createTestContextConfig({ OUTBOX_RETENTION_DAYS: '0' })).toThrow(/OUTBOX_RETENTION_DAYS/);
  });
});

function createTestContextConfig(env: Record<string, string>): unknown {
  // The same validation the processes run at start.
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: 'postgres://x@127.0.0.1/x',
    REDIS_URL: 'redis://127.0.0.1',
    PUBLIC_BASE_URL: 'http://cqo.test',
    STORAGE_DIR: '/tmp/x',
    ...env,
  });
}
