import { DataSource } from 'typeorm';
import { buildDataSourceOptions, SystemClock } from '@cqo/core';
import { MailLogPruner } from '@cqo/notifications';
import { ALL_ENTITIES } from '@cqo/schema';
import type { TestContext } from '@cqo/testing';
import { createTestContext } from '@cqo/testing';
import { maintenanceSchedules } from '../../apps/worker/src/schedulers/maintenance.scheduler';

/**
 * The mail log's retention: rows older than `MAIL_LOG_RETENTION_DAYS` go in batches, younger ones
 * stay; a second pass deletes nothing more.
 */
describe('mail log pruning', () => {
  let ctx: TestContext;
  let db: DataSource;
  let pruner: MailLogPruner;

  beforeAll(async () => {
    ctx = await createTestContext({ MAIL_LOG_RETENTION_DAYS: '180' });
    db = await new DataSource(buildDataSourceOptions(ctx.config.databaseUrl, ALL_ENTITIES, [])).initialize();
    pruner = new MailLogPruner(db, ctx.config, new SystemClock());
  });
  afterAll(async () => {
    await db?.destroy();
    await ctx.dispose();
  });

  const insert = async (prefix: string, count: number, daysAgo: number): Promise<void> => {
    await db.query(
      `INSERT INTO mail_messages (idempotency_key, to_address, category, subject, status, created_at)
       SELECT $1 || g, 'someone' || g || '@example.cn', 'update', '通知', 'sent', now() - make_interval(days => $3)
         FROM generate_series(1, $2::int) g`,
      [prefix, count, daysAgo],
    );
  };

  it('is scheduled every night', () => {
    expect(maintenanceSchedules('Asia/Shanghai')).toContainEqual({
      id: 'maintenance.prune-mail-log.daily',
      job: 'maintenance.prune-mail-log',
      repeat: { pattern: '55 2 * * *', tz: 'Asia/Shanghai' },
    });
  });

  it('deletes rows past the retention in batches and keeps the younger ones', async () => {
    await insert('old:', 11, 200);
    await insert('edge:', 2, 181);
    await insert('young:', 5, 179);
    await insert('today:', 3, 0);

    expect(await pruner.prune({ batch: 4 })).toEqual({ deleted: 13 });
    const left: { key: string }[] = await db.query(`SELECT split_part(idempotency_key, ':', 1) AS key FROM mail_messages`);
    expect(left.map((r) => r.key).sort()).toEqual([...Array(3).fill('today'), ...Array(5).fill('young')]);

    expect(await pruner.prune({ batch: 4 })).toEqual({ deleted: 0 });
  });
});
