import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { AppConfig } from '@cqo/core';
import { Clock } from '@cqo/core';
import { WorkerModule } from '../../apps/worker/src/worker.module';

/** The worker (processors, outbox relay) over a test context's database and Redis prefix. */
export async function createTestWorker(config: AppConfig, options: { clock?: Clock } = {}): Promise<INestApplicationContext> {
  let builder = Test.createTestingModule({ imports: [WorkerModule.forRoot(config, { healthServer: false })] });
  if (options.clock) builder = builder.overrideProvider(Clock).useValue(options.clock);
  const moduleRef = await builder.compile();
  await moduleRef.init();
  return moduleRef;
}

/** Polls until `probe` returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
