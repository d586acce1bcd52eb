import type { Queue } from 'bullmq';

/** How long a queue gets to close politely before its connection is dropped. */
export const QUEUE_CLOSE_MS = 1000;

/** `work`, or `undefined` once `ms` have passed without it settling (the work itself goes on). */
export function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([work, new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)))]).finally(() =>
    clearTimeout(timer),
  );
}

/**
 * Closes queues in bounded time whatever Redis is doing. BullMQ's close waits for Redis to answer
 * QUIT, so with Redis away it waits forever while its client keeps reconnecting (and, its error
 * listener gone, prints "Unhandled error event"); after QUEUE_CLOSE_MS the connection is dropped.
 * The drop is bounded too: BullMQ's `disconnect()` stops the client at once but then waits for
 * its `end` event, which a client already between reconnection attempts never emits.
 */
export async function closeQueues(queues: Iterable<Queue>, ms = QUEUE_CLOSE_MS): Promise<void> {
  await Promise.all(
    [...queues].map(async (queue) => {
      const closed = await within(
        queue.close().then(
          () => true,
          () => false,
        ),
        ms,
      );
      if (!closed)
        await within(
          queue.disconnect().catch(() => undefined),
          ms,
        );
    }),
  );
}
