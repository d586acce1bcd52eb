import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { TestContext } from '@cqo/testing';
import { createTestContext } from '@cqo/testing';
import { TraineesService } from '@cqo/trainees';
import { OutboxRelay } from '../../apps/worker/src/outbox/outbox-relay';
import { testIdNumber } from '../support/fixtures';
import { DisposableRedis } from '../support/redis-server';
import { createTestWorker, eventually } from '../support/worker';

const profile = {
  educationLevel: 'bachelor',
  qualityWorkYears: 6,
  qualityQualification: 'intermediate',
  relatedSeniorTitle: false,
} as const;

/**
 * The outbox: an event committed with its change reaches its job even when Redis is down at that
 * moment, and relaying the same event again starts nothing twice.
 */
describe('transactional outbox', () => {
  let ctx: TestContext;
  let redis: DisposableRedis;
  let worker: INestApplicationContext;
  let dataSource: DataSource;

  beforeAll(async () => {
    redis = await DisposableRedis.create();
    ctx = await createTestContext({ REDIS_URL: redis.url });
    worker = await createTestWorker(ctx.config);
    dataSource = worker.get(getDataSourceToken());
  });
  // The Redis-down test restarts Redis itself; should it fail half way, the next test still finds Redis up.
  afterEach(async () => {
    if (!redis.running) await redis.start();
  });
  afterAll(async () => {
    await worker.close();
    await ctx.dispose().catch(() => undefined);
    await redis.stop();
  });

  const register = (n: number) =>
    worker.get(TraineesService).register({
      ...profile,
      username: `outbox${n}`,
      password: 'Relay-Queue!7731',
      fullName: `学员${n}`,
      idNumber: testIdNumber(300 + n),
    });
  /** When the relay marked the user's registration event (null while pending). */
  const relayedAt = async (userId: string): Promise<Date | null> =>
    (await dataSource.query(`SELECT relayed_at FROM outbox_events WHERE payload->>'userId' = $1`, [userId]))[0].relayed_at;
  const welcomes = async (userId: string): Promise<number> =>
    Number((await dataSource.query(`SELECT count(*) AS n FROM notifications WHERE user_id = $1 AND kind = 'welcome'`, [userId]))[0].n);

  it('delivers an event to its job when Redis is up', async () => {
    const { userId } = await register(1);
    await eventually(async () => ((await welcomes(userId)) === 1 ? true : undefined), 10_000, 'welcome notification');
  });

  it('keeps an event written while Redis is down and delivers it once Redis is back', async () => {
    await redis.stop();
    const { userId } = await register(2);
    // The change and its event are committed although no job could be queued.
    const pending = await dataSource.query(`SELECT relayed_at FROM outbox_events WHERE payload->>'userId' = $1`, [userId]);
    expect(pending).toEqual([{ relayed_at: null }]);
    await worker
      .get(OutboxRelay)
      .drain()
      .catch(() => undefined); // a pass while Redis is down changes nothing
    expect(await welcomes(userId)).toBe(0);
    expect(await relayedAt(userId)).toBeNull();

    await redis.start();
    await eventually(async () => ((await welcomes(userId)) === 1 ? true : undefined), 20_000, 'welcome after Redis restart');
    // The relay marks the event in the transaction that queued its job, so the job can finish
    // (and the welcome show) a moment before that commit: wait for the mark rather than read it once.
    await eventually(async () => ((await relayedAt(userId)) ? true : undefined), 10_000, 'event marked relayed');
    expect(await welcomes(userId)).toBe(1);
  });

  it('starts nothing twice when the same event is relayed again (a relay crash before marking it)', async () => {
    const { userId } = await register(3);
    await eventually(async () => ((await welcomes(userId)) === 1 ? true : undefined), 10_000, 'first welcome');
    await dataSource.query(`UPDATE outbox_events SET relayed_at = NULL WHERE payload->>'userId' = $1`, [userId]);
    await worker.get(OutboxRelay).drain();
    await eventually(async () => ((await relayedAt(userId)) ? true : undefined), 10_000, 'event relayed again');
    expect(await welcomes(userId)).toBe(1);
  });
});
