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
    // A probe that never answers (a query behind a lock) fails at the deadline too; the last
    // probe, started near the deadline, still gets a second to answer.
    const value = await within(probe(), Math.max(deadline - Date.now(), 1000), `${what} (its probe did not answer)`);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits for `work`, or fails after `timeoutMs` saying what it waited for (work left running is not cancelled). */
export async function within<T>(work: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
