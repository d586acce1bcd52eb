import type { INestApplicationContext } from '@nestjs/common';

/**
 * Closes the app on SIGTERM/SIGINT and exits 0: HTTP stops accepting, BullMQ workers finish the
 * jobs in flight (an unfinished one goes back to its queue and is retried), connections close.
 * A second signal, or 30 s without finishing, exits at once.
 */
export function closeOnSignals(app: INestApplicationContext, name: string): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    process.stderr.write(`${name}: ${signal} received, shutting down\n`);
    const force = setTimeout(() => process.exit(1), 30_000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`${name}: shutdown failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
