import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { TestContext } from '@cqo/testing';
import { createTestContext } from '@cqo/testing';
import { OutboxRelay } from '../../../apps/worker/src/outbox/outbox-relay';
import { createTestWorker, eventually } from '../../support/worker';
import { completion, insertTrainee, ledgerOf, recordCompletion, statusOf } from './support';

/** A free TCP port on the loopback interface. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A Redis of our own on a free port (the shared one serves other test files): started, killed
 * and started again here. No persistence, as after a crash of an unconfigured Redis.
 */
class OwnRedis {
  private child?: ChildProcess;
  constructor(readonly port: number) {}

  async start(): Promise<void> {
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('redis-server did not start')), 10_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        if (/Ready to accept connections/i.test(chunk.toString())) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
    });
  }

  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }
}

describe('a completion recorded while Redis is down', () => {
  let ctx: TestContext;
  let redis: OwnRedis;
  let worker: INestApplicationContext;
  let db: DataSource;

  beforeAll(async () => {
    redis = new OwnRedis(await freePort());
    await redis.start();
    ctx = await createTestContext({ REDIS_URL: `redis://127.0.0.1:${redis.port}` });
    worker = await createTestWorker(ctx.config);
    db = worker.get<DataSource>(getDataSourceToken());
  });
  afterAll(async () => {
    await worker.close();
    await redis.kill();
    await ctx.dispose();
  });

  it('stays in the outbox while Redis is down and is accrued once Redis is back', async () => {
    const trainee = await insertTrainee(db, { optIn: true });
    await redis.kill();

    // Count the relay's failed passes: it must have tried (NOTIFY and its 1 s poll) while Redis was away.
    const relay = worker.get(OutboxRelay) as unknown as { relayBatch(): Promise<number> };
    const relayBatch = relay.relayBatch.bind(relay);
    let failedPasses = 0;
    const spy = jest.spyOn(relay, 'relayBatch').mockImplementation(() =>
      relayBatch().catch((error: unknown) => {
        failedPasses += 1;
        throw error;
      }),
    );
    const eventId = await recordCompletion(db, completion(trainee, { creditHours: '6' }));
    try {
      await eventually(async () => (failedPasses >= 2 ? true : undefined), 10_000, 'failed relay passes');
    } finally {
      spy.mockRestore();
    }
    expect((await db.query('SELECT relayed_at FROM outbox_events WHERE id = $1', [eventId]))[0].relayed_at).toBeNull();
    expect(await ledgerOf(db, trainee)).toEqual([]);

    await redis.start();
    await eventually(async () => ((await ledgerOf(db, trainee)).length > 0 ? true : undefined), 20_000, 'accrual after Redis came back');
    expect(await ledgerOf(db, trainee)).toEqual([expect.objectContaining({ hours: '6.00', source: 'course_completion' })]);
    await eventually(
      async () => ((await statusOf(db, trainee, 'continuing', 2026))?.accrued === '6.00' ? true : undefined),
      20_000,
      'status',
    );
  });
});
