import type { Queue } from 'bullmq';

/** How long a queue gets to close politely before its connection is dropped. */
export const QUEUE_CLOSE_MS = 1000;

/**
 * Closes queues in bounded time whatever Redis is doing. BullMQ's close waits for Redis to answer
 * QUIT, so with Redis away it waits forever while its client keeps reconnecting (and, its error
 * listener gone, prints "Unhandled error event"); after QUEUE_CLOSE_MS the connection is dropped.
 */
export async function closeQueues(queues: Iterable<Queue>, ms = QUEUE_CLOSE_MS): Promise<void> {
  await Promise.all(
    [...queues].map(async (queue) => {
      let timer: NodeJS.Timeout | undefined;
      const closed = await Promise.race([
        queue.close().then(
          () => true,
          () => false,
        ),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms))),
      ]);
      clearTimeout(timer);
      if (!closed) await queue.disconnect().catch(() => undefined);
    }),
  );
}
