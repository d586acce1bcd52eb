import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { TestContext } from '@cqo/testing';
import { createTestContext } from '@cqo/testing';
import { createTestWorker, eventually } from '../../support/worker';
import { completion, insertTrainee, ledgerOf, recordCompletion, statusOf } from './support';

describe('accrual through the worker', () => {
  let ctx: TestContext;
  let worker: INestApplicationContext;
  let db: DataSource;

  beforeAll(async () => {
    ctx = await createTestContext();
    worker = await createTestWorker(ctx.config);
    db = worker.get<DataSource>(getDataSourceToken());
  });
  afterAll(async () => {
    await worker.close();
    await ctx.dispose();
  });

  it('accrues a completion and updates the status within seconds', async () => {
    const trainee = await insertTrainee(db, { optIn: true });
    await recordCompletion(db, completion(trainee, { creditHours: '2.5' }));
    await eventually(async () => ((await ledgerOf(db, trainee)).length === 1 ? true : undefined), 10_000, 'ledger entry');
    const status = await eventually(
      async () => {
        const s = await statusOf(db, trainee, 'continuing', 2026);
        return s?.accrued === '2.50' ? s : undefined;
      },
      10_000,
      'status',
    );
    expect(status).toMatchObject({ required: '14.00', accrued: '2.50' });
  });
});
