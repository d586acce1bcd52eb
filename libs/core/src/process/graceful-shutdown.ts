import cluster from 'node:cluster';
import type { INestApplicationContext } from '@nestjs/common';

/**
 * How long a stop may take. Process managers wait about 10 s after SIGTERM before they kill
 * (docker stop, Kubernetes' default is 30 s but rolling updates are quicker with less); we stay
 * under that whatever is down, so a stop is always ours, logged, never a SIGKILL.
 */
export const SHUTDOWN_DEADLINE_MS = 9000;

/**
 * Closes the app on SIGTERM/SIGINT and exits 0: HTTP stops accepting, BullMQ workers get a few
 * seconds to finish the jobs in flight (an unfinished one goes back to its queue and is retried),
 * connections close. The closing hooks skip waiting on a dependency that is down; if they still
 * have not finished by the deadline, or on a second signal, the process exits at once with 1.
 * `app` may be the promise of an app still starting, so the handlers can be in place before
 * anything the app starts (a listening port, a job processor) is reachable.
 */
export function closeOnSignals(
  app: INestApplicationContext | Promise<INestApplicationContext>,
  name: string,
  deadlineMs = SHUTDOWN_DEADLINE_MS,
): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    process.stderr.write(`${name}: ${signal} received, shutting down\n`);
    const force = setTimeout(() => {
      process.stderr.write(`${name}: not closed after ${deadlineMs / 1000} s; exiting (unfinished jobs are retried)\n`);
      process.exit(1);
    }, deadlineMs);
    force.unref();
    // The app may still be starting (see the worker's main): it is closed once it is there.
    Promise.resolve(app)
      .then((started) => started.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          process.stderr.write(`${name}: shutdown failed: ${String(error)}\n`);
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', onSignal);
  // Under `npm start` the primary forwards a stop as SIGTERM; the terminal's Ctrl-C reaches the
  // children too and must not count as the second, forcing signal.
  process.on('SIGINT', cluster.isPrimary ? onSignal : () => undefined);
}
