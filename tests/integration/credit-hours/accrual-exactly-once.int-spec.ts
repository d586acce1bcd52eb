import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import type { DataSource, EntityManager } from 'typeorm';
import type { OutboxEventType } from '@cqo/core';
import { DEFAULT_JOB_OPTIONS, jobIdFor, OutboxWriter, queuePrefix, redisConnectionOptions } from '@cqo/core';
import { AccrualService } from '@cqo/credit-hours';
import type { TestContext } from '@cqo/testing';
import { createTestContext } from '@cqo/testing';
import { CreditHoursProcessor } from '../../../apps/worker/src/processors/credit-hours.processor';
import { createTestWorker, eventually, within } from '../../support/worker';
import { completion, insertTrainee, ledgerOf, recordCompletion, statusOf } from './support';

/** The ledger never double-counts: duplicated deliveries, retries, crashes and killed workers. */
describe('accrual exactly once, through the real worker', () => {
  let ctx: TestContext;
  let worker: INestApplicationContext;
  let db: DataSource;
  let queue: Queue;

  beforeAll(async () => {
    ctx = await createTestContext();
    worker = await createTestWorker(ctx.config);
    db = worker.get<DataSource>(getDataSourceToken());
    queue = new Queue('credit-hours', { prefix: queuePrefix(ctx.config), connection: redisConnectionOptions(ctx.config) });
  });
  afterAll(async () => {
    await queue.close();
    await worker.close();
    await ctx.dispose();
  });

  const accruedEvents = async (traineeId: string) =>
    (
      await db.query(`SELECT count(*)::int AS n FROM outbox_events WHERE type = 'credit.accrued' AND payload->>'traineeId' = $1`, [
        traineeId,
      ])
    )[0].n;

  it('leaves one entry when the same completion event is delivered 5 times', async () => {
    const trainee = await insertTrainee(db, { optIn: true });
    const event = completion(trainee, { creditHours: '3.5' });
    // Five outbox events for one completion (a producer that retried), and five more job adds with one id.
    const eventIds = await Promise.all([1, 2, 3, 4, 5].map(() => recordCompletion(db, event)));
    for (let i = 0; i < 5; i++) {
      await queue.add(
        'credit-hours.accrue',
        { eventId: eventIds[0], event },
        { ...DEFAULT_JOB_OPTIONS, jobId: jobIdFor('dup', eventIds[0]) },
      );
    }
    await eventually(
      async () =>
        (await db.query(`SELECT 1 FROM outbox_events WHERE id = ANY($1) AND relayed_at IS NULL`, [eventIds])).length === 0
          ? true
          : undefined,
      10_000,
      'relay',
    );
    // Every delivery of this completion has run: the relay's five jobs and the duplicated one. (Not the
    // whole queue: in random order the killed-worker test may have left its job active under a dead lock.)
    const deliveries = [...eventIds.map((id) => jobIdFor('evt', id, 'credit-hours.accrue')), jobIdFor('dup', eventIds[0])];
    await eventually(
      async () => {
        const states = await Promise.all(deliveries.map((id) => queue.getJobState(id)));
        return states.every((state) => state === 'completed') ? true : undefined;
      },
      10_000,
      'every delivery run',
    );
    await eventually(
      async () => ((await statusOf(db, trainee, 'continuing', 2026))?.accrued === '3.50' ? true : undefined),
      10_000,
      'status',
    );
    expect(await ledgerOf(db, trainee)).toEqual([expect.objectContaining({ hours: '3.50', year: 2026, source: 'course_completion' })]);
    expect(await accruedEvents(trainee)).toBe(1);
  });

  it('leaves one entry when the worker crashes between the ledger write and the commit, and the job is retried', async () => {
    const trainee = await insertTrainee(db);
    const writer = worker.get(OutboxWriter);
    const original = writer.record.bind(writer) as (manager: EntityManager, type: OutboxEventType, payload: unknown) => Promise<string>;
    let crashes = 0;
    const spy = jest.spyOn(writer, 'record').mockImplementation(async (manager, type, payload) => {
      if (type === 'credit.accrued' && crashes === 0) {
        crashes += 1;
        throw new Error('simulated crash after the ledger insert');
      }
      return original(manager, type, payload);
    });
    try {
      await recordCompletion(db, completion(trainee, { creditHours: '1' }));
      await eventually(async () => ((await ledgerOf(db, trainee)).length > 0 ? true : undefined), 15_000, 'retried accrual');
    } finally {
      spy.mockRestore();
    }
    expect(crashes).toBe(1);
    expect(await ledgerOf(db, trainee)).toHaveLength(1);
    expect(await accruedEvents(trainee)).toBe(1);
  });

  it('leaves one entry when the job ran to commit but the worker died before acknowledging it', async () => {
    const trainee = await insertTrainee(db);
    const accrual = worker.get(AccrualService);
    const original = accrual.accrueCompletion.bind(accrual);
    const results: boolean[] = [];
    const spy = jest.spyOn(accrual, 'accrueCompletion').mockImplementation(async (eventId, payload) => {
      const result = await original(eventId, payload);
      results.push(result.created);
      if (results.length === 1) throw new Error('simulated death after commit');
      return result;
    });
    try {
      await recordCompletion(db, completion(trainee, { creditHours: '1' }));
      await eventually(async () => (results.length >= 2 ? true : undefined), 15_000, 'redelivered job');
    } finally {
      spy.mockRestore();
    }
    expect(results).toEqual([true, false]);
    expect(await ledgerOf(db, trainee)).toHaveLength(1);
    expect(await accruedEvents(trainee)).toBe(1);
  });

  it('leaves one entry when the worker is killed mid-accrual and another worker reconciles', async () => {
    // Worker A takes the job and dies inside its transaction, after inserting the ledger row.
    const doomed = await createTestWorker(ctx.config);
    const doomedWriter = doomed.get(OutboxWriter);
    let reached!: () => void;
    const inside = new Promise<void>((resolve) => (reached = resolve));
    jest.spyOn(doomedWriter, 'record').mockImplementation(async (_manager: EntityManager, type: OutboxEventType) => {
      if (type !== 'credit.accrued') throw new Error('unexpected');
      reached();
      return new Promise<string>(() => undefined); // hangs: the process is about to die
    });
    // Keep the long-lived worker out of the way so the doomed one takes the job. Fully paused: its
    // jobs finish and its blocking fetch is dropped. pause(true) only stops fetches not yet begun,
    // and an idle worker is always inside one (BZPOPMIN on the queue's marker, up to 10 s): when the
    // job's marker woke it before the doomed worker, it took the job although paused, and the
    // doomed worker never got there.
    const survivor = worker.get(CreditHoursProcessor).worker;
    await within(survivor.pause(), 10_000, 'the long-lived worker to finish its jobs and stop fetching');
    const trainee = await insertTrainee(db);
    try {
      try {
        const eventId = await recordCompletion(db, completion(trainee, { creditHours: '4' }));
        const job = jobIdFor('evt', eventId, 'credit-hours.accrue');
        await within(inside, 10_000, `the doomed worker to take job ${job} and reach its credit.accrued write`);
        // SIGKILL as PostgreSQL sees it: the connection drops, the open transaction rolls back.
        const killed: unknown[] = await db.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE datname = current_database() AND state = 'idle in transaction' AND query LIKE '%INSERT INTO credit_entries%'`,
        );
        expect(killed).toHaveLength(1);
      } finally {
        // Its accrual never settles, so nothing here may wait for it.
        const doomedDb = doomed.get<DataSource>(getDataSourceToken());
        await within(doomed.get(CreditHoursProcessor).worker.close(true), 5_000, "the doomed worker's BullMQ worker to close");
        await within(
          doomedDb.destroy().catch(() => undefined),
          5_000,
          "the doomed worker's connection pool to close",
        );
        await within(
          doomed.close().catch(() => undefined),
          15_000,
          'the doomed worker to shut down',
        );
      }
    } finally {
      await within(survivor.resume(), 5_000, 'the long-lived worker to resume');
    }
    expect(await ledgerOf(db, trainee)).toEqual([]);

    // The job is stuck "active" under a dead lock; the reconciliation job finds the completion anyway.
    await within(
      queue.add('credit-hours.reconcile', {}, { jobId: jobIdFor('reconcile-now', Date.now()) }),
      5_000,
      'Redis to take the reconciliation job',
    );
    await eventually(async () => ((await ledgerOf(db, trainee)).length > 0 ? true : undefined), 15_000, 'reconciled accrual');
    expect(await ledgerOf(db, trainee)).toEqual([expect.objectContaining({ hours: '4.00' })]);
    expect(await accruedEvents(trainee)).toBe(1);
    await eventually(async () => ((await statusOf(db, trainee, 'appointment', 0)) ? true : undefined), 10_000, 'status');
  });
});
